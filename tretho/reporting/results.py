"""Indicator results per unit and period: the value (numerator / denominator × factor, from the roll-ups of
accepted reports for reported metrics, from the records for computed ones), the target of the plan in force for
that unit, the share of the target achieved and a status, with the numbers behind each value kept on the result
(`MetricValue`) so the page can show them one click away.

Where the numbers come from:
- a reported metric (a data element): `metrics.RollupValue` of the unit, the period id, the element and the
  breakdown option key ("" = total) — live, kept in the accepting transaction;
- a computed metric: its registered function over the unit's subtree and the period's span (a metric returning a
  mapping of breakdown option key → number gives the chosen option's, "" the total);
- a unit that did not exist in the period (a post-2025 province, a period before 1/7/2025): the sum over its
  predecessors (geo.UnitSuccession), flagged `via_predecessors` so pages and documents label it.

The target: among the issued plans of the programme covering the period's year, a target of the indicator
distributed to the unit (`area` = the unit) or set by the unit's own plan for its whole area; the milestone of
the period's year first, else the next milestone to come, else one without a year, else the last one passed. A unit
shown through a single predecessor (a province merged whole, a period before the reform) takes that unit's target.

Status (`ON_TRACK`, `AT_RISK`, `OFF_TRACK`): the value against what is due by the period. A rate is due in full;
a count due at a later milestone is due in proportion to the plan years elapsed. At least 100 % of what is due is
on track, from 90 % at risk, below that off track. "Lower is better" indicators compare the other way round.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tretho.core.formats import format_number
from tretho.core.scoping import VIEW
from tretho.geo.models import REFORM_DATE, AdministrativeUnit
from tretho.metrics.models import Metric, RollupValue
from tretho.metrics.registry import MetricRegistryError
from tretho.programmes.choices import Direction, PlanStatus, UnitOfMeasure
from tretho.programmes.models import Indicator, PlanTarget

from .choices import SubmissionAction
from .models import FormField, ReportingPeriod, Submission, SubmissionEvent, SubmissionValue, parse_option_key
from .prefill import _as_decimal
from .reform import predecessors_for

ON_TRACK, AT_RISK, OFF_TRACK, NO_TARGET, NO_DATA = "on_track", "at_risk", "off_track", "no_target", "no_data"
STATUS_LABELS = {
    ON_TRACK: _("Đạt tiến độ"),
    AT_RISK: _("Có nguy cơ chậm"),
    OFF_TRACK: _("Chậm tiến độ"),
    NO_TARGET: _("Chưa có chỉ tiêu"),
    NO_DATA: _("Chưa có số liệu"),
}
# Bootstrap colour of each status (badges, table cells).
STATUS_COLOURS = {ON_TRACK: "success", AT_RISK: "warning", OFF_TRACK: "danger", NO_TARGET: "secondary",
                  NO_DATA: "light"}
AT_RISK_SHARE = Decimal("0.9")
HUNDRED = Decimal(100)


@dataclass
class MetricValue:
    """A numerator or denominator: which metric, its value, where it came from."""

    metric: Metric | None
    value: Decimal | None = None
    source: str = ""  # "rollup", "computed", "" (none)
    submissions: int = 0  # accepted reports behind a roll-up value
    option_key: str = ""
    units: list[AdministrativeUnit] = field(default_factory=list)  # the units summed (predecessors)


@dataclass
class Result:
    indicator: Indicator
    unit: AdministrativeUnit
    period: ReportingPeriod
    option_key: str
    numerator: MetricValue
    denominator: MetricValue | None
    value: Decimal | None
    target: PlanTarget | None = None
    due: Decimal | None = None  # what is due by this period (the target, or its share so far)
    achieved: Decimal | None = None  # % of the target achieved
    status: str = NO_DATA
    via_predecessors: bool = False

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def colour(self) -> str:
        return STATUS_COLOURS[self.status]

    @property
    def target_value(self) -> Decimal | None:
        return self.target.value if self.target is not None else None

    @property
    def is_percent(self) -> bool:
        return self.indicator.unit_of_measure == UnitOfMeasure.PERCENT

    @property
    def value_text(self) -> str:
        return format_value(self.value, self.indicator.decimals)

    @property
    def target_text(self) -> str:
        return self.target.value_label if self.target is not None else ""

    @property
    def achieved_text(self) -> str:
        return f"{format_number(self.achieved, 1)}%" if self.achieved is not None else ""

    @property
    def unit_of_measure(self) -> str:
        if self.is_percent:
            return "%"
        metric = self.numerator.metric
        measure = metric.unit_of_measure if metric is not None else ""
        return measure or str(self.indicator.get_unit_of_measure_display())


def format_value(value: Decimal | None, decimals: int = 0) -> str:
    if value is None:
        return ""
    return format_number(value, decimals if value != value.to_integral_value() else 0)


# -- reading the numbers -----------------------------------------------------------------------------------------


def indicators_of(programme: Any) -> list[Indicator]:
    """The programme's indicators that have a numerator (text indicators have no value)."""
    return list(Indicator.objects.filter(programme=programme).exclude(numerator=None)
                .select_related("numerator__data_element", "denominator__data_element").order_by("code"))


def units_behind(unit: AdministrativeUnit, period: ReportingPeriod) -> list[AdministrativeUnit]:
    """The units whose roll-ups make up `unit` in `period`: the unit itself, or — for a unit created by the 2025
    reform and a period before it — its predecessors in force at the period's end (reform.predecessors_for)."""
    if not unit.valid_from or period.end >= unit.valid_from:
        return [unit]
    return sorted(predecessors_for(unit, period.end), key=lambda u: u.sort_key)


def _metric_key(metric: Metric, option_key: str) -> str:
    """The breakdown option key that applies to a metric: the chosen one if the metric has every breakdown it
    names, else the total."""
    if not option_key:
        return ""
    wanted = set(parse_option_key(option_key))
    return option_key if wanted <= set(metric.breakdown_codes()) else ""


class ValueReader:
    """Reads metric values for many units of one period at once (one query for the roll-ups), then answers
    `value(metric, unit)`; computed metrics are computed once per (metric, unit)."""

    def __init__(self, period: ReportingPeriod, units: Iterable[AdministrativeUnit], metrics: Iterable[Metric],
                 option_key: str = "", as_of: dt.datetime | None = None, user: Any = None) -> None:
        self.period = period
        self.user = user
        self.option_key = option_key
        self.as_of = as_of
        self.behind = {unit.pk: units_behind(unit, period) for unit in units}
        self.metrics = {metric.pk: metric for metric in metrics}
        self.keys = {metric.pk: _metric_key(metric, option_key) for metric in self.metrics.values()}
        self._computed: dict[tuple[int, int], Any] = {}
        self._rollups = self._read_rollups()

    def _read_rollups(self) -> dict[tuple[int, int, str], tuple[Decimal, int]]:
        element_ids = {m.data_element_id for m in self.metrics.values() if m.data_element_id}
        unit_ids = {u.pk for units in self.behind.values() for u in units}
        if not element_ids or not unit_ids:
            return {}
        if self.as_of is not None:
            return rollups_as_of(self.period, unit_ids, element_ids, set(self.keys.values()), self.as_of)
        rollups = RollupValue.objects.restrict(self.user, VIEW) if self.user is not None else RollupValue.objects
        rows = rollups.filter(period_id=self.period.period_id, unit_id__in=unit_ids,
                                          data_element_id__in=element_ids, option_key__in=set(self.keys.values()))
        return {(row.unit_id, row.data_element_id, row.option_key): (row.value, row.submissions)
                for row in rows}

    def value(self, metric: Metric | None, unit: AdministrativeUnit) -> MetricValue:
        if metric is None:
            return MetricValue(metric=None)
        units = self.behind.get(unit.pk) or units_behind(unit, self.period)
        key = self.keys.get(metric.pk, "")
        if metric.data_element_id:
            found = [self._rollups.get((u.pk, metric.data_element_id, key)) for u in units]
            present = [pair for pair in found if pair is not None]
            if not present:
                return MetricValue(metric=metric, option_key=key, units=units)
            return MetricValue(metric=metric, value=sum((v for v, _n in present), Decimal(0)), source="rollup",
                               submissions=sum(n for _v, n in present), option_key=key, units=units)
        total: Decimal | None = None
        for u in units:
            number = _as_decimal(self._compute(metric, u), key)
            if number is not None:
                total = (total or Decimal(0)) + number
        return MetricValue(metric=metric, value=total, source="computed" if total is not None else "",
                           option_key=key, units=units)

    def _compute(self, metric: Metric, unit: AdministrativeUnit) -> Any:
        """The metric's result: a number, or a mapping of breakdown option key → number (one call per unit)."""
        cache_key = (metric.pk, unit.pk)
        if cache_key not in self._computed:
            try:
                self._computed[cache_key] = metric.compute(unit.path, self.period.start, self.period.end)
            except MetricRegistryError:
                self._computed[cache_key] = None
        return self._computed[cache_key]


def rollups_as_of(period: ReportingPeriod, unit_ids: set[int], element_ids: set[int], option_keys: set[str],
                  when: dt.datetime) -> dict[tuple[int, int, str], tuple[Decimal, int]]:
    """The roll-ups as they stood at `when`, rebuilt from history: the period's submissions in the units' subtrees
    whose last workflow step by then was an acceptance, with their values as they were then (django-simple-history
    records), summed into every unit whose subtree holds them. Same keys as the live roll-ups."""
    units = list(AdministrativeUnit.objects.filter(pk__in=unit_ids).only("pk", "path"))
    subtree = Q()
    for unit in units:
        subtree |= Q(unit__path__startswith=unit.path)
    paths = dict(Submission.objects.filter(period=period).filter(subtree).values_list("pk", "unit__path"))
    last_step: dict[int, str] = {}
    steps = (SubmissionEvent.objects.filter(submission_id__in=list(paths), at__lte=when)
             .order_by("submission_id", "at", "pk").values_list("submission_id", "action"))
    for submission_id, action in steps:
        last_step[submission_id] = action
    accepted = [pk for pk, action in last_step.items() if action == SubmissionAction.ACCEPT]
    fields = {pk: (element, key) for pk, element, key in FormField.objects.filter(
        data_element_id__in=element_ids, option_key__in=option_keys).values_list("pk", "data_element_id", "option_key")}
    latest: dict[int, Any] = {}
    records = (SubmissionValue.history.filter(submission_id__in=accepted, field_id__in=list(fields),
                                              history_date__lte=when)
               .order_by("id", "history_date", "history_id"))
    for record in records:
        latest[record.id] = record
    sums: dict[tuple[int, int, str], tuple[Decimal, int]] = {}
    for record in latest.values():
        if record.history_type == "-" or record.value is None:
            continue
        element, key = fields[record.field_id]
        path = paths[record.submission_id]
        for unit in units:
            if path.startswith(unit.path):
                value, count = sums.get((unit.pk, element, key), (Decimal(0), 0))
                sums[(unit.pk, element, key)] = (value + record.value, count + 1)
    return sums


# -- targets ---------------------------------------------------------------------------------------------------------


class TargetFinder:
    """The targets of the programme's issued plans covering a year, for many units and indicators at once."""

    def __init__(self, indicators: Iterable[Indicator], units: Iterable[AdministrativeUnit], year: int) -> None:
        self.year = year
        unit_ids = [unit.pk for unit in units]
        rows = (PlanTarget.objects
                .filter(indicator__in=list(indicators), value__isnull=False, plan__status=PlanStatus.ISSUED,
                        plan__start_year__lte=year, plan__end_year__gte=year)
                .filter(Q(area_id__in=unit_ids) | Q(area__isnull=True, plan__unit_id__in=unit_ids))
                .select_related("plan", "indicator"))
        self.by_key: dict[tuple[int, int], list[PlanTarget]] = defaultdict(list)
        for target in rows:
            self.by_key[(target.indicator_id, target.area_id or target.plan.unit_id)].append(target)

    def target(self, indicator: Indicator, unit: AdministrativeUnit) -> PlanTarget | None:
        candidates = self.by_key.get((indicator.pk, unit.pk), [])
        if not candidates:
            return None

        def rank(target: PlanTarget) -> tuple:
            distributed = 0 if target.area_id == unit.pk else 1
            year = target.year
            if year == self.year:
                when = (0, 0)
            elif year is not None and year > self.year:
                when = (1, year - self.year)
            elif year is None:
                when = (2, 0)
            else:
                when = (3, self.year - year)
            return (*when, distributed, target.part_of_id is not None, target.order, target.pk)

        return min(candidates, key=rank)


def due_by(indicator: Indicator, target: PlanTarget, year: int) -> Decimal:
    """What of the target is due in `year`: all of it for a rate or a milestone of this year or past; for a count
    due later, its share of the plan's years elapsed."""
    value = Decimal(target.value or 0)
    if indicator.unit_of_measure == UnitOfMeasure.PERCENT or target.year is None or target.year <= year:
        return value
    plan: Any = target.plan  # selected with the target (TargetFinder)
    start = plan.start_year
    elapsed, span = year - start + 1, target.year - start + 1
    if span <= 0 or elapsed <= 0:
        return value
    return value * Decimal(elapsed) / Decimal(span)


def assess(indicator: Indicator, value: Decimal | None, due: Decimal | None) -> tuple[Decimal | None, str]:
    """(% of what is due achieved, status)."""
    if value is None:
        return None, NO_DATA
    if due is None:
        return None, NO_TARGET
    try:
        if indicator.direction == Direction.LOWER:
            share = HUNDRED if value <= due else (due / value * HUNDRED if value else HUNDRED)
        else:
            share = value / due * HUNDRED if due else HUNDRED
    except (InvalidOperation, ZeroDivisionError):
        return None, NO_TARGET
    share = share.quantize(Decimal("0.1"))
    if share >= HUNDRED:
        return share, ON_TRACK
    if share >= AT_RISK_SHARE * HUNDRED:
        return share, AT_RISK
    return share, OFF_TRACK


# -- results ---------------------------------------------------------------------------------------------------------


def indicator_value(indicator: Indicator, numerator: MetricValue, denominator: MetricValue | None) -> Decimal | None:
    return indicator.value(numerator.value, denominator.value if denominator is not None else None)


def results_table(period: ReportingPeriod, units: list[AdministrativeUnit], indicators: list[Indicator],
                  option_key: str = "", as_of: dt.datetime | None = None, user: Any = None,
                  ) -> dict[tuple[int, int], Result]:
    """Every indicator × every unit for one period: {(indicator pk, unit pk): Result}. With `user`, the roll-ups
    are read through restrict() (the caller has checked the units themselves)."""
    metrics = {m for i in indicators for m in (i.numerator, i.denominator) if m is not None}
    reader = ValueReader(period, units, metrics, option_key, as_of, user)
    behind_units = {u.pk: u for us in reader.behind.values() for u in us}
    targets = TargetFinder(indicators, [*units, *behind_units.values()], period.year)
    table = {}
    for indicator in indicators:
        for unit in units:
            numerator = reader.value(indicator.numerator, unit)
            denominator = reader.value(indicator.denominator, unit) if indicator.denominator_id else None
            value = indicator_value(indicator, numerator, denominator)
            target = targets.target(indicator, unit)
            behind = reader.behind.get(unit.pk, [unit])
            if target is None and len(behind) == 1 and behind[0] != unit:
                target = targets.target(indicator, behind[0])  # the one unit it carries on, in that period
            due = due_by(indicator, target, period.year) if target is not None else None
            achieved, status = assess(indicator, value, due)
            table[(indicator.pk, unit.pk)] = Result(
                indicator=indicator, unit=unit, period=period, option_key=option_key, numerator=numerator,
                denominator=denominator, value=value, target=target, due=due, achieved=achieved, status=status,
                via_predecessors=numerator.units not in ([], [unit]),
            )
    return table


def unit_results(period: ReportingPeriod, unit: AdministrativeUnit, option_key: str = "",
                 as_of: dt.datetime | None = None, indicators: list[Indicator] | None = None, user: Any = None,
                 ) -> list[Result]:
    indicators = indicators if indicators is not None else indicators_of(period.programme)
    table = results_table(period, [unit], indicators, option_key, as_of, user)
    return [table[(indicator.pk, unit.pk)] for indicator in indicators]


def lower_units(unit: AdministrativeUnit, period: ReportingPeriod, user: Any, *, communes: bool = False,
                ) -> list[AdministrativeUnit]:
    """The units one level down in the hierarchy in force at the period's end (all communes of the subtree with
    `communes`), among those the user may see, in Vietnamese order. A unit created after the period (a new
    province, a 2020 period) shows the units it was made of."""
    visible: Any = AdministrativeUnit.objects.restrict(user, VIEW)  # a UnitQuerySet (in_force_on)
    behind = units_behind(unit, period)
    if behind != [unit]:
        if communes:  # the communes of the units it was made of, as they stood then
            rows = visible.in_force_on(period.end).filter(level=3)
            inside = Q()
            for each in behind:
                inside |= Q(path__startswith=each.path)
            return list(rows.filter(inside).order_by("sort_key"))
        return [u for u in behind if visible.filter(pk=u.pk).exists()]
    rows = visible.in_force_on(min(period.end, _last_day_of(unit)))
    if communes:
        rows = rows.filter(path__startswith=unit.path, level=3).exclude(pk=unit.pk)
    else:
        rows = rows.filter(parent=unit)
    return list(rows.order_by("sort_key"))


def _last_day_of(unit: AdministrativeUnit) -> dt.date:
    return unit.valid_to or dt.date.max


def yearly_periods(programme: Any) -> list[ReportingPeriod]:
    """The programme's yearly periods ("2019", "2020", …) in order: the trend's x axis."""
    periods = ReportingPeriod.objects.filter(programme=programme).order_by("start")
    return [period for period in periods if len(period.period_id) == 4]


def trend(unit: AdministrativeUnit, programme: Any, indicators: list[Indicator], option_key: str = "",
          user: Any = None) -> dict[str, Any]:
    """Each indicator's value in each yearly period for the unit; years before a reform the unit did not exist in
    come from its predecessors and are flagged (the chart labels them)."""
    periods = yearly_periods(programme)
    series = []
    reform_years = []
    values_by_indicator: dict[int, list[Decimal | None]] = {i.pk: [] for i in indicators}
    for period in periods:
        results = unit_results(period, unit, option_key, indicators=indicators, user=user)
        if any(result.via_predecessors for result in results):
            reform_years.append(period.period_id)
        for result in results:
            values_by_indicator[result.indicator.pk].append(result.value)
    for indicator in indicators:
        series.append({"indicator": indicator, "values": values_by_indicator[indicator.pk]})
    return {"periods": periods, "series": series, "reform_years": reform_years,
            "reform_date": REFORM_DATE if reform_years else None}
