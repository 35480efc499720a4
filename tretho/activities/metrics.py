"""Computed metrics of the activities (tretho.metrics.registry.register_computed).

Each function takes (unit_path, start, end) and counts the records of the unit's subtree (`unit__path__startswith`)
in the period [start, end], both days included, by the activity's date (`date_field`: its start date — a
training of 30/12–2/1 counts in the year it starts). The rules, so a number can be explained to whoever reads it:

- *Held*: trainings, communication events, parenting sessions and meetings recorded at a unit of the subtree and
  starting in the period. Meetings held leave out "conference attended" (a meeting of a level above, not held
  by the unit); steering meetings and reviews (sơ kết, tổng kết) are also counted on their own.
- *People trained* (lượt người: a person trained twice counts twice), by category (`doi_tuong`) and sex
  (`gioi_tinh`): a training that has audience rows (counts by category and sex) counts those; a training without
  any counts its named participants who completed it, by their category and sex (one whose sex is not recorded
  counts in the total and their category only). A training's named list is thus never added on top of its
  counts.
- *Staff trained* (distinct persons): owners/managers, teachers and caregivers working in the period
  (tretho.registry.metrics.staff_working) who completed a training held by the period's end
  (tretho.registry.selectors.trained_by, the rule of the staff list and group page) — counted once
  however many trainings they took. The share is that count over all those staff, in percent, one decimal (no
  staff: no value) — the 80 % target of Đề án 404.
- *People reached by communication* (lượt người), by category and sex: the events' audience rows.
- *Mothers reached by communication* (lượt người): the rows of category "bà mẹ" (both columns: the category says
  they are mothers) plus the women of category "cha mẹ có con 0–36 tháng" — the 95 % target of Đề án 404 (the
  number of mothers it is a share of is reported, not in these records).
- *Parents reached by parenting education* (lượt người): a session with audience rows counts those of the
  parent categories (choices.PARENT_CATEGORIES: cha mẹ, bà mẹ, người cha); a session without any counts one
  parent per named family, or, listing no family, its `families_count`.

A metric with breakdowns returns a mapping of option key (reporting.models.option_key: "doi_tuong=me",
"gioi_tinh=nu", "doi_tuong=me;gioi_tinh=nu"; "" the total) → number, every option and combination present
(zero when none). The functions use only filters, subqueries and aggregates that behave the same on SQLite and
PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, F, IntegerField, Model, OuterRef, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from tretho.metrics.choices import ValueType
from tretho.metrics.registry import register_computed
from tretho.registry.metrics import SHARE_PLACES, staff_working
from tretho.registry.selectors import trained_by
from tretho.reporting.models import option_key

from .choices import PARENT_CATEGORIES, AudienceCategory, MeetingKind, Sex
from .models import (
    CommunicationAudience,
    CommunicationEvent,
    Meeting,
    ParentingAudience,
    ParentingFamily,
    ParentingSession,
    Training,
    TrainingAudience,
    TrainingParticipant,
)

CATEGORY, SEX = "doi_tuong", "gioi_tinh"
PEOPLE_BREAKDOWNS = (CATEGORY, SEX)
REVIEW_KINDS = (MeetingKind.PRELIMINARY_REVIEW, MeetingKind.FINAL_REVIEW)


# -- building blocks ------------------------------------------------------------------------------------------------

def held_q(model: type[Model], unit_path: str, start: dt.date, end: dt.date, prefix: str = "") -> Q:
    """Activities of `model` at a unit of the subtree whose date is in [start, end]; `prefix` ("training__")
    filters rows related to them."""
    date_field = f"{prefix}{model.date_field}"  # type: ignore[attr-defined]
    return Q(**{f"{prefix}unit__path__startswith": unit_path, f"{date_field}__gte": start,
                f"{date_field}__lte": end})


def held(model: type[Model], unit_path: str, start: dt.date, end: dt.date) -> QuerySet:
    return model._default_manager.filter(held_q(model, unit_path, start, end))


def _sum(queryset: QuerySet, expression) -> int:
    return queryset.aggregate(total=Coalesce(Sum(expression), Value(0), output_field=IntegerField()))["total"]


def _audience_counts(rows: QuerySet) -> dict[tuple[str, str], int]:
    """(category, sex) → people, from audience rows (each has male and female columns)."""
    counts: dict[tuple[str, str], int] = {}
    # order_by(): the models' default ordering would join the GROUP BY.
    for row in rows.values("category").annotate(male_sum=Sum("male"), female_sum=Sum("female")).order_by():
        counts[(row["category"], Sex.MALE)] = counts.get((row["category"], Sex.MALE), 0) + (row["male_sum"] or 0)
        counts[(row["category"], Sex.FEMALE)] = (counts.get((row["category"], Sex.FEMALE), 0)
                                                 + (row["female_sum"] or 0))
    return counts


def people_mapping(*parts: dict[tuple[str, str], int]) -> dict[str, int]:
    """The breakdown mapping of (category, sex) counts: "" the total, each category, each sex, each pair. A person
    whose sex is not recorded (sex "": participants carried over from the registry's old flags) counts in the
    total and their category, in no sex."""
    counts: dict[tuple[str, str], int] = {}
    for part in parts:
        for pair, number in part.items():
            counts[pair] = counts.get(pair, 0) + number
    categories: Iterable[str] = AudienceCategory.values
    sexes: Iterable[str] = Sex.values
    mapping = {"": sum(counts.values())}
    for category in categories:
        # Every sex, the unrecorded one ("") included: the categories add up to the total.
        mapping[option_key({CATEGORY: category})] = sum(
            number for (counted, _sex), number in counts.items() if counted == category)
    for sex in sexes:
        mapping[option_key({SEX: sex})] = sum(counts.get((category, sex), 0) for category in categories)
    for category in categories:
        for sex in sexes:
            mapping[option_key({CATEGORY: category, SEX: sex})] = counts.get((category, sex), 0)
    return mapping


def percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(SHARE_PLACES, rounding=ROUND_HALF_UP)


# -- trainings ----------------------------------------------------------------------------------------------------

def trainings_held(unit_path: str, start: dt.date, end: dt.date) -> int:
    return held(Training, unit_path, start, end).count()


def people_trained(unit_path: str, start: dt.date, end: dt.date) -> dict[str, int]:
    """Audience rows of the trainings that have any, else their named participants who completed them."""
    in_period = held_q(Training, unit_path, start, end, prefix="training__")
    counted = _audience_counts(TrainingAudience.objects.filter(in_period))
    has_audience = Exists(TrainingAudience.objects.filter(training=OuterRef("training")))
    named = (TrainingParticipant.objects.filter(in_period, completed=True).filter(~has_audience)
             .values("category", "sex").annotate(people=Count("pk")).order_by())
    listed = {(row["category"], row["sex"]): row["people"] for row in named}
    return people_mapping(counted, listed)


def staff_trained(unit_path: str, start: dt.date, end: dt.date) -> int:
    """Caring staff working in the period who completed a training held by its end (distinct persons)."""
    return staff_working(unit_path, start, end).filter(trained_by(end)).count()


def share_staff_trained(unit_path: str, start: dt.date, end: dt.date) -> Decimal | None:
    return percent(staff_trained(unit_path, start, end), staff_working(unit_path, start, end).count())


# -- communication and parenting education -------------------------------------------------------------------------

def communication_events_held(unit_path: str, start: dt.date, end: dt.date) -> int:
    return held(CommunicationEvent, unit_path, start, end).count()


def people_reached_by_communication(unit_path: str, start: dt.date, end: dt.date) -> dict[str, int]:
    rows = CommunicationAudience.objects.filter(held_q(CommunicationEvent, unit_path, start, end, prefix="event__"))
    return people_mapping(_audience_counts(rows))


def mothers_reached_by_communication(unit_path: str, start: dt.date, end: dt.date) -> int:
    """Rows "bà mẹ" (both columns) plus the women of "cha mẹ có con 0–36 tháng"."""
    rows = CommunicationAudience.objects.filter(held_q(CommunicationEvent, unit_path, start, end, prefix="event__"))
    return (_sum(rows.filter(category=AudienceCategory.MOTHERS), F("male") + F("female"))
            + _sum(rows.filter(category=AudienceCategory.PARENTS), "female"))


def parenting_sessions_held(unit_path: str, start: dt.date, end: dt.date) -> int:
    return held(ParentingSession, unit_path, start, end).count()


def parents_reached_by_parenting(unit_path: str, start: dt.date, end: dt.date) -> int:
    """Parent-category audience rows; a session without audience rows: its named families, else families_count."""
    sessions = held(ParentingSession, unit_path, start, end)
    counted = _sum(ParentingAudience.objects.filter(session__in=sessions, category__in=PARENT_CATEGORIES),
                   F("male") + F("female"))
    uncounted = sessions.filter(~Exists(ParentingAudience.objects.filter(session=OuterRef("pk"))))
    families = ParentingFamily.objects.filter(session=OuterRef("pk"))
    named = ParentingFamily.objects.filter(session__in=uncounted).count()
    typed = _sum(uncounted.filter(~Exists(families)), "families_count")
    return counted + named + typed


# -- meetings -------------------------------------------------------------------------------------------------------

def meetings_held(unit_path: str, start: dt.date, end: dt.date) -> int:
    return held(Meeting, unit_path, start, end).exclude(kind=MeetingKind.CONFERENCE).count()


def steering_meetings_held(unit_path: str, start: dt.date, end: dt.date) -> int:
    return held(Meeting, unit_path, start, end).filter(kind=MeetingKind.STEERING).count()


def reviews_held(unit_path: str, start: dt.date, end: dt.date) -> int:
    return held(Meeting, unit_path, start, end).filter(kind__in=REVIEW_KINDS).count()


# (code, name, function, unit of measure, value type, breakdowns)
METRICS = (
    ("so_lop_tap_huan", "Số lớp tập huấn, bồi dưỡng đã tổ chức", trainings_held, "lớp", ValueType.NUMBER, ()),
    ("so_luot_nguoi_duoc_tap_huan", "Số lượt người được tập huấn, bồi dưỡng", people_trained, "người",
     ValueType.NUMBER, PEOPLE_BREAKDOWNS),
    ("so_nguoi_cham_soc_tre_tap_huan", "Số người quản lý, giáo viên, bảo mẫu đã được tập huấn", staff_trained,
     "người", ValueType.NUMBER, ()),
    ("ty_le_nguoi_cham_soc_tre_tap_huan", "Tỷ lệ người quản lý, giáo viên, bảo mẫu đã được tập huấn",
     share_staff_trained, "%", ValueType.PERCENT, ()),
    ("so_hoat_dong_truyen_thong", "Số hoạt động truyền thông đã tổ chức", communication_events_held, "hoạt động",
     ValueType.NUMBER, ()),
    ("so_luot_nguoi_duoc_truyen_thong", "Số lượt người được truyền thông", people_reached_by_communication,
     "người", ValueType.NUMBER, PEOPLE_BREAKDOWNS),
    ("so_luot_ba_me_duoc_truyen_thong", "Số lượt bà mẹ được truyền thông", mothers_reached_by_communication,
     "người", ValueType.NUMBER, ()),
    ("so_buoi_giao_duc_lam_cha_me", "Số buổi tư vấn, giáo dục làm cha mẹ đã tổ chức", parenting_sessions_held,
     "buổi", ValueType.NUMBER, ()),
    ("so_luot_cha_me_duoc_giao_duc_lam_cha_me", "Số lượt cha mẹ được tư vấn, giáo dục làm cha mẹ",
     parents_reached_by_parenting, "người", ValueType.NUMBER, ()),
    ("so_cuoc_hop_hoi_nghi", "Số cuộc họp, hội nghị đã tổ chức", meetings_held, "cuộc", ValueType.NUMBER, ()),
    ("so_cuoc_hop_ban_chi_dao", "Số cuộc họp Ban Chỉ đạo định kỳ", steering_meetings_held, "cuộc",
     ValueType.NUMBER, ()),
    ("so_hoi_nghi_so_ket_tong_ket", "Số hội nghị sơ kết, tổng kết", reviews_held, "cuộc", ValueType.NUMBER, ()),
)

for _code, _name, _func, _unit_of_measure, _value_type, _breakdowns in METRICS:
    register_computed(_code, _name, _func, unit_of_measure=_unit_of_measure, value_type=_value_type,
                      breakdowns=_breakdowns)
