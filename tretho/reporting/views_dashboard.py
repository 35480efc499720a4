"""Dashboards of the reporting cycle and their files.

One page, two faces by the unit chosen: a commune sees its own results and its deadlines; a district, province or
the country sees its results, every indicator by lower unit (table and bar chart), the trend over the years
(before the 2025 reform a new province's values are its predecessors' sum, labelled), a map of the lower units
(ECharts, by their coordinates) and how complete the lower units' reports are. Filters: programme, period, unit,
breakdown, the indicator the charts show, and "as of" a past day (values rebuilt from history). Every figure
says when it was read.

The same filters give the files: the period's report (.docx, Nghị định 30 layout), the tables shown (.xlsx),
ADX and DHIS2 dataValueSets JSON. Units are checked through restrict() (404 out of scope); roll-ups are read
through it too; every file taken is a security event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from tretho.core.formats import format_date, format_number
from tretho.core.forms import DayField
from tretho.core.scoping import EXPORT, VIEW, scope_for
from tretho.core.views import SCOPE_RESTRICT, XLSX_TYPE
from tretho.core.widgets import SearchSelect
from tretho.geo.models import REFORM_DATE, AdministrativeUnit
from tretho.metrics.models import BreakdownOption, RollupValue
from tretho.programmes.models import Indicator, Programme

from . import completeness, exchange, results
from .choices import SubmissionStatus
from .models import FormField, PeriodDeadline, ReportingPeriod, Submission, parse_option_key

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
COMMUNE_LEVEL = 3
# Status colours in the charts (Bootstrap's success, warning, danger, secondary).
CHART_COLOURS = {results.ON_TRACK: "#198754", results.AT_RISK: "#ffc107", results.OFF_TRACK: "#dc3545",
                 results.NO_TARGET: "#6c757d", results.NO_DATA: "#adb5bd"}


# -- filters ---------------------------------------------------------------------------------------------------------


class DashboardFilterForm(forms.Form):
    programme = forms.ModelChoiceField(queryset=Programme.objects.none(), required=False,
                                       label=gettext_lazy("Đề án"), empty_label=None)
    period = forms.ModelChoiceField(queryset=ReportingPeriod.objects.none(), required=False,
                                    label=gettext_lazy("Kỳ báo cáo"), empty_label=None)
    unit = forms.ModelChoiceField(queryset=AdministrativeUnit.objects.none(), required=False,
                                  label=gettext_lazy("Địa bàn"))
    breakdown = forms.ChoiceField(required=False, label=gettext_lazy("Phân tổ"))
    indicator = forms.ModelChoiceField(queryset=Indicator.objects.none(), required=False,
                                       label=gettext_lazy("Chỉ số trên biểu đồ"), empty_label=None)
    communes = forms.BooleanField(required=False, label=gettext_lazy("Mọi xã, phường"))
    as_of = DayField(required=False, label=gettext_lazy("Số liệu đến ngày"))

    def __init__(self, data: Any, *, user: Any) -> None:
        """Bound to the query string with every missing (or foreign) programme, period, unit and indicator filled
        with its default, so the page and its selects always agree on what is shown."""
        programmes = Programme.objects.restrict(user, VIEW).filter(reporting_periods__isnull=False).distinct()
        raw = data if data is not None else QueryDict()
        programme = _pick(raw.get("programme"), programmes) or default_programme(programmes, user)
        periods = ReportingPeriod.objects.restrict(user, VIEW).filter(programme=programme).order_by("-start")
        indicators = Indicator.objects.filter(programme=programme).exclude(numerator=None).order_by("code")
        units = AdministrativeUnit.objects.restrict(user, VIEW)
        # The default period costs a look at the roll-ups: only when the query string names none (or a foreign one).
        period = _pick(raw.get("period"), periods) or default_period(periods, user)
        self.defaults = {"programme": programme, "period": period,
                         "unit": default_unit(units, period.end if period else None), "indicator": indicators.first()}
        filled = raw.copy()
        for name, queryset in (("programme", programmes), ("period", periods), ("indicator", indicators)):
            if _pick(filled.get(name), queryset) is None:
                filled.pop(name, None)
        for name, default in self.defaults.items():
            if default is not None and not filled.get(name):
                filled[name] = str(default.pk)
        super().__init__(filled)
        self.user = user
        self.fields["programme"].queryset = programmes  # type: ignore[attr-defined]
        self.fields["period"].queryset = periods  # type: ignore[attr-defined]
        self.fields["period"].label_from_instance = lambda period: period.label  # type: ignore[attr-defined]
        self.fields["indicator"].queryset = indicators  # type: ignore[attr-defined]
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["unit"].widget = SearchSelect("geo.administrativeunit", VIEW)
        self.fields["unit"].widget.choices = self.fields["unit"].choices  # type: ignore[attr-defined]
        self.fields["breakdown"].choices = [  # type: ignore[attr-defined]
            ("", _("Tổng số")), *breakdown_choices(programme)]
        for name, form_field in self.fields.items():
            widget = form_field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-check-input")
            else:
                widget.attrs.setdefault("class", "form-select" if isinstance(widget, forms.Select) else "form-control")
            if name in ("programme", "period", "indicator", "breakdown"):
                widget.attrs["data-submit-on-change"] = ""

    def value(self, name: str) -> Any:
        """The cleaned value, else the default (an empty or invalid filter falls back to the default)."""
        cleaned: dict[str, Any] = {}
        if self.is_bound:
            self.is_valid()  # the fields that are valid stay in cleaned_data
            cleaned = self.cleaned_data
        chosen = cleaned.get(name)
        return chosen if chosen not in (None, "") else self.defaults.get(name)


def _pick(value: Any, queryset: Any) -> Any:
    """The row of queryset whose pk is value (a query-string text), else None."""
    if not value or not str(value).isdigit():
        return None
    return queryset.filter(pk=int(value)).first()


def default_programme(programmes: Any, user: Any) -> Programme | None:
    """The latest programme with accepted values the user may see, else the latest programme."""
    ordered = list(programmes.order_by("-start_year", "code"))
    visible = RollupValue.objects.restrict(user, VIEW)
    for programme in ordered:
        elements = FormField.objects.filter(form__programme=programme).values("data_element_id")
        if visible.filter(data_element_id__in=elements).exists():
            return programme
    return ordered[0] if ordered else None


def default_period(periods: Any, user: Any) -> ReportingPeriod | None:
    """The latest period already started that has accepted values the user may see, else the latest started, else
    the earliest."""
    today = timezone.localdate()
    started = list(periods.filter(start__lte=today).order_by("-start"))
    if started:
        programme_id = started[0].programme_id
        elements = FormField.objects.filter(form__programme_id=programme_id).values("data_element_id")
        visible = RollupValue.objects.restrict(user, VIEW).filter(data_element_id__in=elements)
        # Latest first, one indexed EXISTS each: a DISTINCT over every period's roll-ups took seconds nationally.
        return next((p for p in started if visible.filter(period_id=p.period_id).exists()), started[0])
    return periods.order_by("start").first()


def default_unit(units: Any, on: dt.date | None = None) -> AdministrativeUnit | None:
    """The top of the user's scope, in force today; for a period that ended before that unit existed, the unit of
    the same code in force then (a 2017 report opens on the province as it was, whose plan holds the targets)."""
    top = units.order_by("level", "sort_key")
    today = top.filter(valid_to__isnull=True).first() or top.first()
    if today is None or on is None or today.is_in_force_on(on):
        return today
    return top.in_force_on(on).filter(level=today.level, code=today.code).first() or today


def breakdown_choices(programme: Any) -> list[tuple[str, str]]:
    """The breakdown combinations the programme's forms collect ("agegroup=0-3;sex=f"), named by their options."""
    if programme is None:
        return []
    keys = sorted(set(FormField.objects.filter(form__programme=programme).exclude(option_key="")
                      .values_list("option_key", flat=True)))
    names = {(option.breakdown.code, option.code): option.name
             for option in BreakdownOption.objects.select_related("breakdown")}
    return [(key, ", ".join(names.get(pair, "=".join(pair)) for pair in parse_option_key(key).items()))
            for key in keys]


# -- what the page shows ---------------------------------------------------------------------------------------------


@dataclass
class Dashboard:
    user: Any
    programme: Programme | None
    period: ReportingPeriod | None
    unit: AdministrativeUnit | None
    option_key: str = ""
    option_label: str = ""
    indicator: Indicator | None = None
    communes: bool = False
    as_of: dt.datetime | None = None
    read_at: dt.datetime = field(default_factory=timezone.now)
    indicators: list[Indicator] = field(default_factory=list)
    own: list[results.Result] = field(default_factory=list)
    lower: list[AdministrativeUnit] = field(default_factory=list)
    table: dict[tuple[int, int], results.Result] = field(default_factory=dict)
    # Completeness of the lower levels' reports (completeness.py), and each lower unit's row by unit pk.
    levels: list[completeness.LevelCompleteness] = field(default_factory=list)
    reports: dict[int, completeness.Row] = field(default_factory=dict)

    @property
    def is_commune(self) -> bool:
        return self.unit is not None and self.unit.level >= COMMUNE_LEVEL

    @property
    def as_of_text(self) -> str:
        """"Số liệu tính đến 10:05 ngày 25/11/2026" (the moment read, or the end of the chosen day)."""
        moment = timezone.localtime(self.as_of or self.read_at)
        return _("Số liệu tính đến %(time)s ngày %(date)s") % {"time": moment.strftime("%H:%M"),
                                                               "date": format_date(moment.date())}

    @property
    def via_predecessors(self) -> bool:
        return any(result.via_predecessors for result in self.own)

    def rows(self) -> list[dict[str, Any]]:
        """One row per lower unit: its results in indicator order and its report's state."""
        return [{"unit": unit, "results": [self.table[(i.pk, unit.pk)] for i in self.indicators],
                 "report": self.reports.get(unit.pk)} for unit in self.lower]


def build_dashboard(user: Any, data: Any, *, with_lower: bool = True) -> tuple[Dashboard, DashboardFilterForm]:
    """Read the filters (defaults for what is missing) and everything the page shows. 404 for a unit out of
    scope (the form lists only units in scope, so a foreign id is invalid: fall back is refused)."""
    form = DashboardFilterForm(data or None, user=user)
    if form.is_bound and not form.is_valid() and "unit" in form.errors:
        raise Http404(_("Không tìm thấy."))
    board = Dashboard(user=user, programme=form.value("programme"), period=form.value("period"),
                      unit=form.value("unit"), indicator=form.value("indicator"))
    if board.period is None or board.unit is None:
        return board, form
    board.option_key = form.value("breakdown") or ""
    board.option_label = dict(form.fields["breakdown"].choices).get(board.option_key, "")  # type: ignore[attr-defined]
    board.communes = bool(form.value("communes"))
    day = form.value("as_of")
    if day:
        board.as_of = timezone.make_aware(dt.datetime.combine(day, dt.time.max))
    board.indicators = results.indicators_of(board.period.programme)
    if board.indicator is None and board.indicators:
        board.indicator = board.indicators[0]
    board.own = results.unit_results(board.period, board.unit, board.option_key, board.as_of, board.indicators, user)
    if with_lower and not board.is_commune:
        board.lower = results.lower_units(board.unit, board.period, user, communes=board.communes)
        board.table = results.results_table(board.period, board.lower, board.indicators, board.option_key,
                                            board.as_of, user)
        # Completeness of the level shown below (the full picture of every level is the completeness page).
        visible = AdministrativeUnit.objects.restrict(user, VIEW)
        levels = sorted({unit.level for unit in board.lower if unit.level > board.unit.level})
        board.levels = completeness.period_completeness(board.period, within=board.unit, units=visible,
                                                        levels=levels) if levels else []
        shown = {unit.pk for unit in board.lower}
        for each in board.levels:
            for row in each.rows:
                if row.unit.pk in shown:
                    board.reports.setdefault(row.unit.pk, row)
    return board, form


def own_deadlines(unit: AdministrativeUnit, programme: Any) -> list[dict[str, Any]]:
    """The commune's deadlines of the programme's periods still open or recent, with its submission's status."""
    today = timezone.localdate()
    deadlines = (PeriodDeadline.objects.filter(period__programme=programme, level=unit.level,
                                               deadline__gte=today - dt.timedelta(days=60))
                 .select_related("period").order_by("deadline"))
    rows = []
    for deadline in deadlines:
        submission = Submission.objects.filter(period=deadline.period, unit=unit).order_by("form__code").first()
        rows.append({"deadline": deadline, "submission": submission, "overdue": deadline.deadline < today and (
            submission is None or submission.status in (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)),
            "url": _url_of(submission)})
    return rows


def _completeness_url(board: Dashboard) -> str | None:
    try:
        return reverse("reporting:completeness") + f"?period={board.period.pk if board.period else ''}"
    except NoReverseMatch:
        return None


def _url_of(obj: Any) -> str | None:
    try:
        return obj.get_absolute_url() if obj is not None else None
    except NoReverseMatch:
        return None


def _number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def chart_data(board: Dashboard) -> dict[str, Any]:
    """What the ECharts script draws (passed with json_script): bar by lower unit, trend, map points."""
    indicator = board.indicator
    if indicator is None or board.period is None or board.unit is None:
        return {}
    data: dict[str, Any] = {"indicator": indicator.name, "unit": str(board.unit),
                            "labels": {"value": _("Kết quả"), "target": _("Chỉ tiêu"),
                                       "reform": _("Trước 01/07/2025: tổng các đơn vị trước sắp xếp")}}
    if board.lower:
        bars = [board.table[(indicator.pk, unit.pk)] for unit in board.lower]
        # One bar series per status shown (stacked, so each unit keeps one bar): the legend's swatches are the
        # bars' own colours; the target marker only when some unit has a target; no entry for units without data.
        statuses = [status for status in results.STATUS_LABELS
                    if status != results.NO_DATA and any(r.status == status for r in bars)]  # no data: no bar
        data["bar"] = {"units": [unit.short_name or unit.name for unit in board.lower],
                       "values": [_number(r.value) for r in bars],
                       "series": [{"name": str(results.STATUS_LABELS[status]), "colour": CHART_COLOURS[status],
                                   "values": [_number(r.value) if r.status == status else None for r in bars]}
                                  for status in statuses],
                       "targets": [_number(r.due) for r in bars] if any(r.due is not None for r in bars) else []}
        points = [{"name": unit.short_name or unit.name, "value": [unit.longitude, unit.latitude, _number(r.value)],
                   "colour": CHART_COLOURS[r.status]}
                  for unit, r in zip(board.lower, bars, strict=True)
                  if unit.latitude is not None and unit.longitude is not None]
        if points:
            data["map"] = {"points": points}
    line = results.trend(board.unit, board.period.programme, [indicator], board.option_key, board.user)
    if line["periods"]:
        data["trend"] = {"periods": [p.period_id for p in line["periods"]],
                         "values": [_number(v) for v in line["series"][0]["values"]],
                         "reform": [p.period_id in line["reform_years"] for p in line["periods"]]}
    return data


def trend_rows(board: Dashboard) -> dict[str, Any]:
    """Every indicator over the yearly periods (the trend table and its sheet)."""
    if board.unit is None or board.programme is None:
        return {"periods": [], "series": [], "reform_years": []}
    return results.trend(board.unit, board.period.programme if board.period else board.programme,
                         board.indicators, board.option_key, board.user)


# -- views -----------------------------------------------------------------------------------------------------------


class DashboardMixin(LoginRequiredMixin):
    scoped_by = SCOPE_RESTRICT
    request: HttpRequest

    def board(self, *, with_lower: bool = True) -> tuple[Dashboard, DashboardFilterForm]:
        return build_dashboard(self.request.user, self.request.GET, with_lower=with_lower)

    def check_export(self, board: Dashboard) -> None:
        """Files need the EXPORT right over the unit (viewers have none): 404 otherwise, as out of scope."""
        if board.unit is None or board.period is None or not can_export(self.request.user, board.unit):
            raise Http404(_("Không tìm thấy."))

    def log(self, board: Dashboard, kind: str) -> None:
        from tretho.accounts.choices import SecurityEventKind
        from tretho.accounts.signals import record_event

        record_event(SecurityEventKind.EXPORT, self.request, self.request.user, model="reporting.dashboard",
                     object_pk=board.unit.pk if board.unit else None,
                     period=board.period.period_id if board.period else "", format=kind)


def can_export(user: Any, unit: AdministrativeUnit) -> bool:
    return scope_for(user, EXPORT, Submission).covers(unit.path)


def file_stem(board: Dashboard) -> str:
    code = board.unit.code if board.unit else "x"
    period = board.period.period_id if board.period else "x"
    stem = f"bao-cao-{board.programme.code if board.programme else ''}-{period}-{code}"
    return "".join(char if char.isascii() and (char.isalnum() or char in "-_") else "-" for char in stem)


class DashboardView(DashboardMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        board, form = self.board()
        query = request.GET.urlencode()
        context: dict[str, Any] = {"board": board, "form": form, "query": query}
        if board.unit is None or board.period is None:
            return render(request, "reporting/dashboard_empty.html", context)
        context["can_export"] = can_export(request.user, board.unit)
        context["charts"] = chart_data(board)
        context["reform_date"] = REFORM_DATE
        if board.is_commune:
            context["deadlines"] = own_deadlines(board.unit, board.period.programme)
            context["submissions"] = [(s, _url_of(s)) for s in Submission.objects.restrict(request.user, VIEW)
                                      .filter(unit=board.unit, period=board.period).select_related("form")]
            return render(request, "reporting/dashboard_commune.html", context)
        rows = board.rows()
        for row in rows:
            row["drill_query"] = _with(request.GET, unit=row["unit"].pk)
        context["rows"] = rows
        context["completeness_url"] = _completeness_url(board)
        trend = trend_rows(board)
        context["trend"] = trend
        context["trend_table"] = [
            {"indicator": series["indicator"],
             "values": [results.format_value(v, series["indicator"].decimals) for v in series["values"]]}
            for series in trend["series"]]
        return render(request, "reporting/dashboard.html", context)


class ResultDetailView(DashboardMixin, View):
    """The numbers behind one result: numerator and denominator, where they come from (accepted reports with
    their values, or the computed metric), the target and its plan."""

    def get(self, request: HttpRequest) -> HttpResponse:
        board, form = self.board(with_lower=False)
        indicator_id = request.GET.get("result")
        result = next((r for r in board.own if str(r.indicator.pk) == indicator_id), None)
        if result is None:
            raise Http404(_("Không tìm thấy."))
        contributions = []
        parts = []
        for part, label in ((result.numerator, _("Tử số")), (result.denominator, _("Mẫu số"))):
            if part is None or part.metric is None:
                continue
            predecessors = ", ".join(u.name for u in part.units) if part.units not in ([], [board.unit]) else ""
            parts.append(({"metric": part.metric, "value": part, "text": results.format_value(part.value, 2),
                           "predecessors": predecessors}, label))
            if part.metric.data_element_id:
                contributions.append((part, contributing_values(request.user, board, part)))
        factor = result.indicator.factor
        return render(request, "reporting/results_detail.html", {
            "board": board, "form": form, "result": result, "contributions": contributions, "parts": parts,
            "factor": results.format_value(factor.normalize() if factor is not None else Decimal(1), 4),
            "target_year": str(result.target.year) if result.target is not None and result.target.year else "",
            "due_text": results.format_value(result.due, 2) if result.due is not None and result.target is not None
            and result.due != result.target.value else "",
            "back": reverse("reporting:dashboard") + "?" + _without(request.GET, "result")})


def _with(params: Any, **values: Any) -> str:
    copy = params.copy()
    for name, value in values.items():
        copy[name] = str(value)
    return copy.urlencode()


def _without(params: Any, *names: str) -> str:
    copy = params.copy()
    for name in names:
        copy.pop(name, None)
    return copy.urlencode()


def contributing_values(user: Any, board: Dashboard, part: results.MetricValue) -> list[dict[str, Any]]:
    """The accepted submissions under the unit(s) behind a roll-up value, with the value each gave."""
    from .models import SubmissionValue

    assert board.period is not None and part.metric is not None
    subtree = Q()
    for unit in part.units:
        subtree |= Q(submission__unit__path__startswith=unit.path)
    values = (SubmissionValue.objects.restrict(user, VIEW)
              .filter(subtree, submission__period=board.period, submission__status=SubmissionStatus.ACCEPTED,
                      field__data_element_id=part.metric.data_element_id, field__option_key=part.option_key)
              .exclude(value=None).select_related("submission__unit", "submission__form")
              .order_by("submission__unit__level", "submission__unit__sort_key"))
    return [{"value": value, "unit": value.submission.unit, "url": _url_of(value.submission),
             "overridden": value.is_overridden} for value in values[:500]]


# -- files -----------------------------------------------------------------------------------------------------------


def download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


class DashboardDocxView(DashboardMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        from .report_document import gather, report_docx

        board, _form = self.board()
        self.check_export(board)
        data = report_docx(gather(board))
        self.log(board, "docx")
        return download(data, DOCX_TYPE, f"{file_stem(board)}.docx")


class DashboardXlsxView(DashboardMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        from .spreadsheets import dashboard_workbook

        board, _form = self.board()
        self.check_export(board)
        data = dashboard_workbook(board, trend_rows(board))
        self.log(board, "xlsx")
        return download(data, XLSX_TYPE, f"{file_stem(board)}.xlsx")


def exchange_values(board: Dashboard) -> list[exchange.ExchangeValue]:
    """The roll-ups of the units shown (the lower units; the unit itself for a commune) for the programme's data
    elements, every breakdown, read through restrict()."""
    assert board.period is not None and board.unit is not None
    units = board.lower or [board.unit]
    elements = FormField.objects.filter(form__programme=board.period.programme).values("data_element_id")
    rows = (RollupValue.objects.restrict(board.user, VIEW)
            .filter(period_id=board.period.period_id, unit__in=units, data_element_id__in=elements)
            .select_related("unit", "data_element").order_by("unit__code", "data_element__code", "option_key"))
    return [exchange.ExchangeValue(org_unit=row.unit.code, period=row.period_id, data_element=row.data_element.code,
                                   value=row.value, option_key=row.option_key) for row in rows]


class DashboardAdxView(DashboardMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        board, _form = self.board()
        self.check_export(board)
        assert board.programme is not None
        data = exchange.adx_xml(exchange_values(board), data_set=board.period.programme.code)  # type: ignore[union-attr]
        self.log(board, "adx")
        return download(data, exchange.ADX_CONTENT_TYPE, f"{file_stem(board)}.adx.xml")


class DashboardJsonView(DashboardMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        board, _form = self.board()
        self.check_export(board)
        assert board.period is not None
        data = exchange.data_value_sets_json(exchange_values(board), data_set=board.period.programme.code)
        self.log(board, "json")
        return download(data, exchange.JSON_CONTENT_TYPE, f"{file_stem(board)}.json")


def percent(value: Decimal | None) -> str:
    return f"{format_number(value, 1)}%" if value is not None else ""
