"""Completeness and timeliness of a period's reports per level: which units are expected to report (the units of
that level in force at the period's end, for each active form used at that level), who submitted on time, late,
who was returned and who is still missing. Timeliness counts the first time a report was sent (a report returned
and resent keeps its first date), against the level's deadline (PeriodDeadline), in Vietnam's local date."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Min, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tretho.geo.models import AdministrativeUnit

from .choices import ReportLevel, SubmissionAction, SubmissionStatus
from .models import ReportForm, ReportingPeriod, Submission

ON_TIME, LATE, RETURNED, MISSING = "on_time", "late", "returned", "missing"
STATE_LABELS = {
    ON_TIME: _("Đúng hạn"),
    LATE: _("Muộn"),
    RETURNED: _("Bị trả lại"),
    MISSING: _("Chưa nộp"),
}


@dataclass
class Row:
    unit: AdministrativeUnit
    form: ReportForm
    deadline: dt.date | None
    submission: Submission | None
    first_sent: dt.date | None
    state: str

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def accepted(self) -> bool:
        return self.submission is not None and self.submission.status == SubmissionStatus.ACCEPTED

    @property
    def overdue(self) -> bool:
        """Missing (or returned) after the deadline."""
        return self.state in (MISSING, RETURNED) and self.deadline is not None and self.deadline < timezone.localdate()


@dataclass
class LevelCompleteness:
    period: ReportingPeriod
    level: int
    deadline: dt.date | None
    rows: list[Row] = field(default_factory=list)

    @property
    def level_label(self) -> str:
        return str(ReportLevel(self.level).label)

    @property
    def counts(self) -> Counter:
        return Counter(row.state for row in self.rows)

    @property
    def expected(self) -> int:
        return len(self.rows)

    @property
    def submitted(self) -> int:
        return self.counts[ON_TIME] + self.counts[LATE]

    @property
    def on_time(self) -> int:
        return self.counts[ON_TIME]

    @property
    def late(self) -> int:
        return self.counts[LATE]

    @property
    def returned(self) -> int:
        return self.counts[RETURNED]

    @property
    def missing(self) -> int:
        return self.counts[MISSING]

    @property
    def accepted(self) -> int:
        return sum(1 for row in self.rows if row.accepted)

    @property
    def completeness_pct(self) -> float | None:
        return round(100 * self.submitted / self.expected, 1) if self.expected else None

    @property
    def timeliness_pct(self) -> float | None:
        return round(100 * self.on_time / self.expected, 1) if self.expected else None

    def not_in(self, *states: str) -> list[Row]:
        return [row for row in self.rows if row.state not in states]

    def in_state(self, *states: str) -> list[Row]:
        return [row for row in self.rows if row.state in states]


def expected_units(period: ReportingPeriod, level: int, *, within: AdministrativeUnit | None = None,
                   units: QuerySet | None = None) -> QuerySet:
    """Units of level in force at the period's end (below `within` if given; from `units`, e.g. a user's scope)."""
    qs = (units if units is not None else AdministrativeUnit.objects.all()).filter(level=level).in_force_on(
        period.end)
    if within is not None:
        qs = qs.filter(path__startswith=within.path)
    return qs.order_by("path")


def state_of(submission: Submission | None, first_sent: dt.date | None, deadline: dt.date | None) -> str:
    if submission is None or submission.status == SubmissionStatus.DRAFT:
        return MISSING
    if submission.status == SubmissionStatus.RETURNED:
        return RETURNED
    if deadline is not None and first_sent is not None and first_sent > deadline:
        return LATE
    return ON_TIME


def _local_date(value: dt.datetime | None) -> dt.date | None:
    if value is None:
        return None
    return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()


def level_completeness(period: ReportingPeriod, level: int, *, within: AdministrativeUnit | None = None,
                       units: QuerySet | None = None, form: ReportForm | None = None) -> LevelCompleteness:
    """Every expected (unit, form) of one level with its state."""
    deadline = period.deadline_for(level)
    forms = [form] if form is not None else [
        f for f in ReportForm.objects.filter(programme_id=period.programme_id, is_active=True).order_by("pk")
        if f.used_at_level(level)]
    result = LevelCompleteness(period=period, level=level, deadline=deadline)
    if not forms:
        return result
    unit_list = list(expected_units(period, level, within=within, units=units))
    submissions = (Submission.objects.filter(period=period, form__in=forms, unit__in=unit_list)
                   .annotate(first_sent=Coalesce(Min("events__at", filter=Q(events__action=SubmissionAction.SUBMIT)),
                                                 "submitted_at")))
    by_key = {(s.unit_id, s.form_id): s for s in submissions}
    for unit in unit_list:
        for each in forms:
            submission = by_key.get((unit.pk, each.pk))
            first = _local_date(getattr(submission, "first_sent", None)) if submission else None
            result.rows.append(Row(unit=unit, form=each, deadline=deadline, submission=submission, first_sent=first,
                                   state=state_of(submission, first, deadline)))
    return result


def period_completeness(period: ReportingPeriod, *, within: AdministrativeUnit | None = None,
                        units: QuerySet | None = None, levels: Any = None) -> list[LevelCompleteness]:
    """One LevelCompleteness per reporting level that has expected units, communes first."""
    result = []
    for level in levels or (ReportLevel.COMMUNE, ReportLevel.DISTRICT, ReportLevel.PROVINCE):
        each = level_completeness(period, level, within=within, units=units)
        if each.rows:
            result.append(each)
    return result
