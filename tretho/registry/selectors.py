"""Scoped reads of the registry: what the childcare group page shows (latest enrolment snapshot, staff in post,
health checks, supervision history and open recommendations), and whether staff were trained — derived from the
trainings they took part in (tretho.activities), never typed."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tretho.activities.models import Training, TrainingParticipant
from tretho.core.scoping import VIEW, Scope, scope_for
from tretho.geo.models import IndustrialZone

from .choices import CARING_ROLES, FollowUpStatus, Qualification
from .models import ChildcareGroup, Enrolment, HealthCheck, Staff, SupervisionVisit

OPEN_FOLLOW_UP = (FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (31/5 minus 3 months is 28/2 or 29/2)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def province_prefix(path: str) -> str:
    """"/1/25/" of "/1/25/310/4021/": the path of the province a unit lies in (the country's for the country)."""
    parts = [part for part in path.split("/") if part]
    return "/" + "".join(f"{part}/" for part in parts[:2])


def zones_near(user: Any) -> QuerySet[IndustrialZone]:
    """Industrial zones a user may name as a group's or an enterprise's nearest zone: those of the provinces the
    user works in. A commune officer's group lies near a zone recorded at the province or a neighbouring commune,
    which restrict() alone would hide from them (a zone's name is no personal data)."""
    scope = scope_for(user, VIEW, IndustrialZone)
    if scope.everything:
        return IndustrialZone.objects.all()
    query = Q(pk__in=[])
    for prefix in {province_prefix(path) for path in scope.paths}:
        query |= Q(unit__path__startswith=prefix)
    return IndustrialZone.objects.filter(query)


def groups_for(user: Any, action: str = VIEW) -> QuerySet[ChildcareGroup]:
    return ChildcareGroup.objects.restrict(user, action).select_related("unit", "zone")


def staff_in_post(group: ChildcareGroup, on: dt.date | None = None) -> QuerySet[Staff]:
    """Staff of the group working on a day (no end date, or an end date on or after it)."""
    on = on or timezone.localdate()
    return group.staff.filter(Q(end_date__isnull=True) | Q(end_date__gte=on)).filter(
        Q(start_date__isnull=True) | Q(start_date__lte=on))


def completed_participations(on: dt.date) -> QuerySet[TrainingParticipant]:
    """Participations that make their staff member trained by `on`: the course completed, the training begun by
    then. The same rule as the metric so_nguoi_cham_soc_tre_tap_huan (tretho.activities.metrics)."""
    return TrainingParticipant.objects.filter(staff__isnull=False, completed=True, training__start_date__lte=on)


def trained_by(on: dt.date) -> Exists:
    """For a Staff queryset: the person completed a training begun by `on`."""
    return Exists(completed_participations(on).filter(staff=OuterRef("pk")))


def with_training_facts(queryset: QuerySet[Staff], on: dt.date | None = None) -> QuerySet[Staff]:
    """Staff with `trained` and their latest completed training (`last_trained_on`, `last_training_id`, and
    `last_training_path`, its unit's path, to link it only for readers who may see it), in the list's one query."""
    on = on or timezone.localdate()
    latest = completed_participations(on).filter(staff=OuterRef("pk")).order_by("-training__start_date",
                                                                                "-training_id")
    return queryset.annotate(
        trained=trained_by(on),
        last_trained_on=Subquery(latest.values("training__start_date")[:1]),
        last_training_id=Subquery(latest.values("training_id")[:1]),
        last_training_path=Subquery(latest.values("training__unit__path")[:1]),
    )


def training_url(training_id: int | None, unit_path: str | None, scope: Scope) -> str | None:
    """A training's page, for a reader whose scope (of VIEW on Training) covers it; else None."""
    if training_id is None or not scope.covers(unit_path):
        return None
    return Training(pk=training_id).get_absolute_url()


@dataclass
class TrainingRow:
    """A training a staff member attended. Its title and page only for readers who may see the training: others
    read the date, the unit that held it and whether the course was completed."""

    training: Training
    completed: bool
    url: str | None

    @property
    def visible(self) -> bool:
        return self.url is not None


def trainings_attended(person: Staff, user: Any) -> list[TrainingRow]:
    """The trainings a staff member took part in, latest first (one query)."""
    scope = scope_for(user, VIEW, Training)
    participations = person.training_participations.select_related("training__unit").order_by(
        "-training__start_date", "-training_id")
    return [TrainingRow(row.training, row.completed, training_url(row.training_id, row.training.unit.path, scope))
            for row in participations]


def visit_url(visit: SupervisionVisit) -> str | None:
    """The visit's page, once the supervision pages exist."""
    try:
        return reverse("registry:supervisionvisit_detail", args=[visit.pk])
    except NoReverseMatch:
        return None


@dataclass
class VisitRow:
    visit: SupervisionVisit
    url: str | None
    overdue: bool = False


@dataclass
class StaffSummary:
    in_post: int = 0
    caring: int = 0
    trained: int = 0
    qualified: int = 0


@dataclass
class GroupPage:
    group: ChildcareGroup
    enrolment: Enrolment | None
    enrolment_count: int
    staff: StaffSummary
    children_per_caregiver: Decimal | None
    area_per_child: Decimal | None
    last_health_check: HealthCheck | None
    visits: list[VisitRow] = field(default_factory=list)
    open_recommendations: list[VisitRow] = field(default_factory=list)

    @property
    def last_visit(self) -> VisitRow | None:
        return self.visits[0] if self.visits else None


def _ratio(numerator: Any, denominator: Any) -> Decimal | None:
    if not denominator or numerator is None:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def group_page(group: ChildcareGroup, user: Any, today: dt.date | None = None) -> GroupPage:
    """Everything the group page shows beside the group's own fields, read through restrict()."""
    today = today or timezone.localdate()
    enrolments = Enrolment.objects.restrict(user).filter(group=group)
    enrolment = enrolments.order_by("-as_of", "-id").first()
    staff_rows = list(staff_in_post(group, today).annotate(trained=trained_by(today))
                      .values("role", "qualification", "trained"))
    summary = StaffSummary(
        in_post=len(staff_rows),
        caring=sum(1 for row in staff_rows if row["role"] in CARING_ROLES),
        trained=sum(1 for row in staff_rows if row["trained"]),
        qualified=sum(1 for row in staff_rows if row["role"] in CARING_ROLES
                      and row["qualification"] != Qualification.NONE),
    )
    visits = SupervisionVisit.objects.restrict(user).filter(group=group).select_related("template") \
        .order_by("-date", "-id")
    rows = [VisitRow(visit, visit_url(visit)) for visit in visits]
    open_rows = []
    for row in rows:
        if row.visit.follow_up_status in OPEN_FOLLOW_UP:
            deadline = row.visit.follow_up_deadline
            open_rows.append(VisitRow(row.visit, row.url, overdue=bool(deadline and deadline < today)))
    open_rows.sort(key=lambda row: (row.visit.follow_up_deadline or dt.date.max, row.visit.pk))
    return GroupPage(
        group=group,
        enrolment=enrolment,
        enrolment_count=enrolments.count(),
        staff=summary,
        children_per_caregiver=_ratio(enrolment.total if enrolment else None, summary.caring),
        area_per_child=_ratio(group.care_room_area, enrolment.total if enrolment else None),
        last_health_check=HealthCheck.objects.restrict(user).filter(group=group).order_by("-date", "-id").first(),
        visits=rows,
        open_recommendations=open_rows,
    )
