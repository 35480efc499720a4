"""Computed metrics of the registry (tretho.metrics.registry.register_computed).

Each function takes (unit_path, start, end) and counts the records of the unit's subtree (`…unit__path__startswith`)
in the period [start, end], both days included. The rules, so a number can be explained to whoever reads it:

- A group *operates* in the period when it had opened by the end (or its opening date is unknown), had not closed
  before the start, and is not suspended since the start or earlier (the suspension date unknown counts as "since
  before"). Status is the group's current one plus its dates: the registry keeps no status history.
- *Licensed*: operating, licensed, and the licence dated by the end of the period (or undated).
- *Consolidated* / *newly established*: distinct groups with a programme support of that kind in a year the period
  touches (supports are recorded per year, so a quarter counts its year's supports).
- Children: per group, the latest enrolment snapshot dated in the period, summed over the groups. Groups with no
  snapshot in the period add nothing. "Of workers" is the snapshot's count of industrial-zone workers' children
  (the snapshot does not split it by age).
- Staff: owners/managers, teachers and caregivers (not cooks) working on some day of the period. Those trained
  among them are counted by tretho.activities.metrics, from the trainings they took part in.
- Supervised: distinct groups with a visit dated in the period. A group *meets all criteria* when its latest visit
  in the period has the overall outcome "meets all" or, with no outcome recorded, has results and none failed. The
  share is that count over the supervised groups, in percent (none supervised: no value).

The functions use only filters, subqueries and aggregates that behave the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from tretho.metrics.choices import ValueType
from tretho.metrics.registry import register_computed

from .choices import CARING_ROLES, CriterionResult, GroupStatus, ProgrammeSupportKind, VisitOutcome
from .models import ChildcareGroup, Enrolment, ProgrammeSupport, Staff, SupervisionVisit, VisitResult

SHARE_PLACES = Decimal("0.1")


# -- building blocks (also used by pages that show the same numbers) -----------------------------------------------

def groups_in(unit_path: str) -> QuerySet[ChildcareGroup]:
    return ChildcareGroup.objects.filter(unit__path__startswith=unit_path)


def operating_q(start: dt.date, end: dt.date) -> Q:
    """Groups operating on some day of [start, end] (see the module docstring)."""
    opened = Q(opened_on__isnull=True) | Q(opened_on__lte=end)
    not_closed_before = Q(closed_on__isnull=True) | Q(closed_on__gte=start)
    closed_undated = Q(status=GroupStatus.CLOSED, closed_on__isnull=True)
    suspended_throughout = Q(status=GroupStatus.SUSPENDED) & (Q(status_since__isnull=True)
                                                              | Q(status_since__lte=start))
    return opened & not_closed_before & ~closed_undated & ~suspended_throughout


def operating_groups(unit_path: str, start: dt.date, end: dt.date) -> QuerySet[ChildcareGroup]:
    return groups_in(unit_path).filter(operating_q(start, end))


def latest_enrolments(unit_path: str, start: dt.date, end: dt.date) -> QuerySet[Enrolment]:
    """One snapshot per group: its latest dated in the period."""
    in_period = Enrolment.objects.filter(as_of__gte=start, as_of__lte=end)
    latest = in_period.filter(group=OuterRef("group")).order_by("-as_of", "-id").values("pk")[:1]
    return in_period.filter(group__unit__path__startswith=unit_path, pk=Subquery(latest))


def staff_working(unit_path: str, start: dt.date, end: dt.date) -> QuerySet[Staff]:
    started = Q(start_date__isnull=True) | Q(start_date__lte=end)
    not_left = Q(end_date__isnull=True) | Q(end_date__gte=start)
    return Staff.objects.filter(started & not_left, group__unit__path__startswith=unit_path, role__in=CARING_ROLES)


def latest_visits(unit_path: str, start: dt.date, end: dt.date) -> QuerySet[SupervisionVisit]:
    """One visit per supervised group: its latest dated in the period."""
    in_period = SupervisionVisit.objects.filter(date__gte=start, date__lte=end)
    latest = in_period.filter(group=OuterRef("group")).order_by("-date", "-id").values("pk")[:1]
    return in_period.filter(group__unit__path__startswith=unit_path, pk=Subquery(latest))


def meets_all_q() -> Q:
    """A visit whose overall outcome is "meets all", or, with no outcome recorded, has results and none failed."""
    results = VisitResult.objects.filter(visit=OuterRef("pk"))
    derived = Q(outcome="") & Exists(results) & ~Exists(results.filter(result=CriterionResult.FAIL))
    return Q(outcome=VisitOutcome.MEETS_ALL) | derived


def _sum(queryset: QuerySet, expression) -> int:
    return queryset.aggregate(total=Coalesce(Sum(expression), Value(0), output_field=IntegerField()))["total"]


# -- the metrics --------------------------------------------------------------------------------------------------

def groups_operating(unit_path: str, start: dt.date, end: dt.date) -> int:
    return operating_groups(unit_path, start, end).count()


def groups_licensed(unit_path: str, start: dt.date, end: dt.date) -> int:
    return operating_groups(unit_path, start, end).filter(is_licensed=True).filter(
        Q(licence_date__isnull=True) | Q(licence_date__lte=end)).count()


def _supported(unit_path: str, start: dt.date, end: dt.date, kind: str) -> int:
    supports = ProgrammeSupport.objects.filter(kind=kind, year__gte=start.year, year__lte=end.year,
                                               group__unit__path__startswith=unit_path)
    return supports.values("group").distinct().count()


def groups_consolidated(unit_path: str, start: dt.date, end: dt.date) -> int:
    return _supported(unit_path, start, end, ProgrammeSupportKind.CONSOLIDATED)


def groups_newly_established(unit_path: str, start: dt.date, end: dt.date) -> int:
    return _supported(unit_path, start, end, ProgrammeSupportKind.NEWLY_ESTABLISHED)


def children_under_36_months(unit_path: str, start: dt.date, end: dt.date) -> int:
    return _sum(latest_enrolments(unit_path, start, end),
                F("children_3_12") + F("children_13_24") + F("children_25_36"))


def workers_children(unit_path: str, start: dt.date, end: dt.date) -> int:
    return _sum(latest_enrolments(unit_path, start, end), "workers_children")


def staff(unit_path: str, start: dt.date, end: dt.date) -> int:
    return staff_working(unit_path, start, end).count()


def groups_supervised(unit_path: str, start: dt.date, end: dt.date) -> int:
    return latest_visits(unit_path, start, end).count()


def groups_meeting_all_criteria(unit_path: str, start: dt.date, end: dt.date) -> int:
    return latest_visits(unit_path, start, end).filter(meets_all_q()).count()


def share_meeting_all_criteria(unit_path: str, start: dt.date, end: dt.date) -> Decimal | None:
    visits = latest_visits(unit_path, start, end)
    supervised = visits.count()
    if not supervised:
        return None
    meeting = visits.filter(meets_all_q()).count()
    return (Decimal(100) * meeting / supervised).quantize(SHARE_PLACES, rounding=ROUND_HALF_UP)


# (code, name, function, unit of measure, value type)
METRICS = (
    ("so_nhom_tre_hoat_dong", "Số nhóm trẻ độc lập tư thục đang hoạt động", groups_operating, "nhóm",
     ValueType.NUMBER),
    ("so_nhom_tre_duoc_cap_phep", "Số nhóm trẻ độc lập tư thục đã được cấp phép", groups_licensed, "nhóm",
     ValueType.NUMBER),
    ("so_nhom_tre_kien_toan", "Số nhóm trẻ được hỗ trợ kiện toàn", groups_consolidated, "nhóm", ValueType.NUMBER),
    ("so_nhom_tre_thanh_lap_moi", "Số nhóm trẻ được hỗ trợ thành lập mới", groups_newly_established, "nhóm",
     ValueType.NUMBER),
    ("so_tre_duoi_36_thang_theo_hoc", "Số trẻ dưới 36 tháng tuổi theo học ở nhóm trẻ", children_under_36_months,
     "trẻ", ValueType.NUMBER),
    ("so_tre_con_cong_nhan_theo_hoc", "Số trẻ là con công nhân khu công nghiệp theo học ở nhóm trẻ",
     workers_children, "trẻ", ValueType.NUMBER),
    ("so_nguoi_cham_soc_tre", "Số người quản lý, giáo viên, bảo mẫu của nhóm trẻ", staff, "người", ValueType.NUMBER),
    ("so_nhom_tre_duoc_giam_sat", "Số nhóm trẻ được giám sát", groups_supervised, "nhóm", ValueType.NUMBER),
    ("so_nhom_tre_dat_tat_ca_tieu_chi", "Số nhóm trẻ đạt tất cả tiêu chí giám sát", groups_meeting_all_criteria,
     "nhóm", ValueType.NUMBER),
    ("ty_le_nhom_tre_dat_tat_ca_tieu_chi", "Tỷ lệ nhóm trẻ được giám sát đạt tất cả tiêu chí",
     share_meeting_all_criteria, "%", ValueType.PERCENT),
)

for _code, _name, _func, _unit_of_measure, _value_type in METRICS:
    register_computed(_code, _name, _func, unit_of_measure=_unit_of_measure, value_type=_value_type)
