"""The calendar of activities: every activity the user may see, by unit, in a month grid (Monday first) or as a
list grouped by day, each on its calendar date (a model's `date_field`; a held activity of a few days on each of
them, a longer one — a campaign of weeks — once: a bar across each week of the grid, a line above the list), coloured
by kind and linked to its page. Filters: unit (its subtree), kinds, plan. One query per kind
of activity, whatever their number."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from tretho.core.scoping import EXPORT, VIEW, restrict_choices, scope_for, user_can
from tretho.core.text import collation_key
from tretho.core.views import SCOPE_RESTRICT
from tretho.geo.choices import UnitLevel
from tretho.geo.models import AdministrativeUnit
from tretho.programmes.models import Plan

from .models import ACTIVITY_MODELS
from .models.base import HeldActivity

MONTH_PARAMETER = re.compile(r"(\d{4})-(\d{1,2})")
LIST_VIEW, MONTH_VIEW = "list", "month"
# Bootstrap colour of each kind (by model name), the same in the grid, the list and the legend.
KIND_COLOURS = {
    "training": "primary",
    "communicationevent": "success",
    "parentingsession": "info",
    "meeting": "warning",
    "commendation": "danger",
    "proposal": "secondary",
}
# A held activity of more days than this is "long": drawn once per week as a bar (once in the list), not on each day.
LONG_DAYS = 3


def weekday_names() -> list[str]:
    """Vietnamese short weekday names, Monday first."""
    return [_("T2"), _("T3"), _("T4"), _("T5"), _("T6"), _("T7"), _("CN")]


def kind_choices() -> list[tuple[str, str]]:
    return [(model._meta.model_name or "", str(model._meta.verbose_name_plural).capitalize())
            for model in ACTIVITY_MODELS]


def parse_month(text: str | None, today: dt.date) -> dt.date:
    """The first day of the month named "2017-05"; the current month when absent or not a month."""
    match = MONTH_PARAMETER.fullmatch((text or "").strip())
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if 1900 <= year <= 2100 and 1 <= month <= 12:
            return dt.date(year, month, 1)
    return today.replace(day=1)


def add_months(first: dt.date, months: int) -> dt.date:
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def last_day(first: dt.date) -> dt.date:
    return first.replace(day=pycalendar.monthrange(first.year, first.month)[1])


class CalendarFilterForm(forms.Form):
    within = forms.ModelChoiceField(
        queryset=AdministrativeUnit.objects.filter(level__lte=UnitLevel.DISTRICT), required=False,
        label=gettext_lazy("Thuộc"), empty_label=gettext_lazy("Tất cả"))
    kinds = forms.MultipleChoiceField(label=gettext_lazy("Loại hoạt động"), required=False,
                                      widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}))
    plan = forms.ModelChoiceField(queryset=Plan.objects.all(), required=False,
                                  label=gettext_lazy("Kế hoạch"), empty_label=gettext_lazy("Tất cả"))
    view = forms.ChoiceField(label=gettext_lazy("Xem"), required=False, choices=[
        (MONTH_VIEW, gettext_lazy("Lịch tháng")), (LIST_VIEW, gettext_lazy("Danh sách"))])
    month = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kinds: Any = self.fields["kinds"]
        kinds.choices = kind_choices()
        for name in ("within", "plan"):
            restrict_choices(self.fields[name], user)
            self.fields[name].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["view"].widget.attrs["class"] = "form-select form-select-sm"


@dataclass
class Entry:
    """One activity on the calendar, from `start` to `end` (the same day for most)."""

    obj: Any
    kind: str  # model name
    kind_label: str
    colour: str
    start: dt.date
    end: dt.date
    url: str

    @property
    def title(self) -> str:
        return str(self.obj)

    @property
    def unit_name(self) -> str:
        return self.obj.unit.name

    @property
    def several_days(self) -> bool:
        return self.end > self.start

    @property
    def long(self) -> bool:
        return (self.end - self.start).days + 1 > LONG_DAYS


@dataclass
class Day:
    date: dt.date
    entries: list[Entry] = field(default_factory=list)
    in_month: bool = True
    is_today: bool = False


@dataclass
class Bar:
    """A cell of a week's lane: a long activity across `columns` days (`entry`), or an empty gap (no entry).
    `from_before` / `goes_on`: the activity began before the bar's first day / goes on after its last."""

    columns: int
    entry: Entry | None = None
    from_before: bool = False
    goes_on: bool = False


@dataclass
class Week:
    """A row of the month grid: its seven days (short activities in them) and the lanes of long activities' bars."""

    days: list[Day]
    lanes: list[list[Bar]] = field(default_factory=list)


def month_query(model: type[models.Model], first: dt.date, last: dt.date) -> models.Q:
    """Rows of model whose date (or, for a held activity, whose span) meets first..last."""
    if issubclass(model, HeldActivity):
        return models.Q(start_date__lte=last) & (
            models.Q(end_date__gte=first) | models.Q(end_date__isnull=True, start_date__gte=first))
    date_field = model.date_field  # type: ignore[attr-defined]
    return models.Q(**{f"{date_field}__gte": first, f"{date_field}__lte": last})


def calendar_entries(user: Any, first: dt.date, last: dt.date, *, within: AdministrativeUnit | None = None,
                     kinds: Iterable[str] = (), plan: Plan | None = None, action: str = VIEW) -> list[Entry]:
    """The activities user may see (or take, action EXPORT) between first and last, by date then kind: one query
    per kind."""
    wanted = set(kinds)
    entries: list[Entry] = []
    for model in ACTIVITY_MODELS:
        name = model._meta.model_name or ""
        if wanted and name not in wanted:
            continue
        rows = model.objects.restrict(user, action).filter(month_query(model, first, last))  # type: ignore[attr-defined]
        if within is not None:
            rows = rows.filter(unit__path__startswith=within.path)
        if plan is not None:
            through = model.tasks.through  # type: ignore[attr-defined]
            source = model._meta.get_field("tasks").m2m_field_name()  # type: ignore[union-attr]
            rows = rows.filter(pk__in=through.objects.filter(plantask__plan=plan).values(f"{source}_id"))
        label = str(model._meta.verbose_name).capitalize()
        for obj in rows.select_related("unit"):
            start = obj.activity_date
            end = max(getattr(obj, "end_date", None) or start, start)
            entries.append(Entry(obj, name, label, KIND_COLOURS.get(name, "secondary"), start, end,
                                 obj.get_absolute_url()))
    order = {model._meta.model_name: index for index, model in enumerate(ACTIVITY_MODELS)}
    entries.sort(key=lambda entry: (entry.start, order[entry.kind], collation_key(entry.title), entry.obj.pk))
    return entries


def days_of(entries: list[Entry], first: dt.date, last: dt.date) -> dict[dt.date, list[Entry]]:
    """Each day of first..last that holds a short activity, with its short activities (one of a few days on each
    of them); long activities are left to `week_lanes` and the list's "ongoing" lines."""
    by_day: dict[dt.date, list[Entry]] = {}
    for entry in entries:
        if entry.long:
            continue
        day = max(entry.start, first)
        while day <= min(entry.end, last):
            by_day.setdefault(day, []).append(entry)
            day += dt.timedelta(days=1)
    return by_day


def week_lanes(week: list[dt.date], entries: list[Entry], first: dt.date, last: dt.date) -> list[list[Bar]]:
    """The long activities meeting the week's days of the month (first..last), as few lanes as they fit in: each
    lane a row of bars and gaps filling the seven columns. entries are sorted by start."""
    shown = [day for day in week if first <= day <= last]
    if not shown:
        return []
    lanes: list[list[tuple[int, int, Entry]]] = []
    for entry in entries:
        if not entry.long or entry.end < shown[0] or entry.start > shown[-1]:
            continue
        start, end = (max(entry.start, shown[0]) - week[0]).days, (min(entry.end, shown[-1]) - week[0]).days
        for lane in lanes:
            if lane[-1][1] < start:
                lane.append((start, end, entry))
                break
        else:
            lanes.append([(start, end, entry)])
    rows: list[list[Bar]] = []
    for lane in lanes:
        bars: list[Bar] = []
        column = 0
        for start, end, entry in lane:
            if start > column:
                bars.append(Bar(start - column))
            bars.append(Bar(end - start + 1, entry, entry.start < week[start], entry.end > week[end]))
            column = end + 1
        if column < len(week):
            bars.append(Bar(len(week) - column))
        rows.append(bars)
    return rows


def month_grid(first: dt.date, entries: list[Entry], today: dt.date) -> list[Week]:
    """The weeks of the month, Monday first; days of the months around it shown empty. Short activities in their
    days, long ones as a bar across each week (only over the month's days)."""
    last = last_day(first)
    by_day = days_of(entries, first, last)
    weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    return [Week([Day(day, by_day.get(day, []) if day.month == first.month else [], day.month == first.month,
                      day == today) for day in week], week_lanes(week, entries, first, last)) for week in weeks]


def filtered_month(request: HttpRequest, action: str = VIEW) -> tuple[CalendarFilterForm, dict[str, Any], dt.date,
                                                                      list[Entry]]:
    """The filter form, its valid values, the month asked for and its activities."""
    form = CalendarFilterForm(request.GET or None, user=request.user)
    form.is_valid()  # a filter that does not validate (a unit out of scope) is left out, the others apply
    data: dict[str, Any] = getattr(form, "cleaned_data", {})
    first = parse_month(request.GET.get("month"), timezone.localdate())
    entries = calendar_entries(request.user, first, last_day(first), within=data.get("within"),
                               kinds=data.get("kinds") or (), plan=data.get("plan"), action=action)
    return form, data, first, entries


class CalendarView(LoginRequiredMixin, View):
    """/activities/calendar/?month=2017-05&view=month|list&within=<unit>&kinds=training&plan=<pk>"""

    scoped_by = SCOPE_RESTRICT  # every kind through Model.objects.restrict(user, VIEW)
    template_name = "activities/calendar.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        form, data, first, entries = filtered_month(request)
        view = data.get("view") or MONTH_VIEW
        by_day = days_of(entries, first, last_day(first))
        return render(request, self.template_name, {
            "form": form,
            "view": view,
            "month": first,
            "month_title": _("Tháng %(month)s/%(year)s") % {"month": first.month, "year": first.year},
            "previous_query": self.query(request, add_months(first, -1)),
            "next_query": self.query(request, add_months(first, 1)),
            "today_query": self.query(request, today.replace(day=1)),
            "month_view_query": self.query(request, first, view=MONTH_VIEW),
            "list_view_query": self.query(request, first, view=LIST_VIEW),
            "weekdays": weekday_names(),
            "weeks": month_grid(first, entries, today),
            "ongoing": [entry for entry in entries if entry.long],  # listed once, above the days
            "days": [Day(day, by_day[day], is_today=day == today) for day in sorted(by_day)],
            "count": len(entries),
            "legend": [(label, KIND_COLOURS[name]) for name, label in kind_choices()],
            "ics_query": self.query(request, first),
            "can_export": not all(scope_for(request.user, EXPORT, model).nothing for model in ACTIVITY_MODELS),
            "today": today,
            "unit_trail": self.unit_trail(request.user, data.get("within")),
        })

    @staticmethod
    def unit_trail(user: Any, within: AdministrativeUnit | None) -> list[tuple[AdministrativeUnit, str | None]]:
        """The breadcrumbs' units when the calendar is filtered to a unit: its ancestors and itself, linked where
        the user may look (as `unit_crumbs` does on the records' pages)."""
        if within is None:
            return []
        return [(unit, unit.get_absolute_url() if user_can(user, VIEW, unit) else None)
                for unit in within.breadcrumb_chain()]

    @staticmethod
    def query(request: HttpRequest, month: dt.date, **changes: str) -> str:
        """The current filters with another month (and view): "?month=2017-06&within=3"."""
        params = request.GET.copy()
        params["month"] = f"{month:%Y-%m}"
        for key, value in changes.items():
            params[key] = value
        return "?" + params.urlencode()


# -- iCalendar ------------------------------------------------------------------------------------------------------


def ics_text(value: str) -> str:
    """A TEXT value of RFC 5545: backslash, semicolon, comma and line breaks escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def ics_line(line: str) -> str:
    """One content line folded at 75 octets (continuation lines start with a space), ended by CRLF."""
    data = line.encode()
    parts: list[bytes] = []
    limit = 75
    while len(data) > limit:
        cut = limit
        while cut > 0 and (data[cut] & 0xC0) == 0x80:  # never inside a UTF-8 character
            cut -= 1
        parts.append(data[:cut])
        data, limit = data[cut:], 74
    parts.append(data)
    return "\r\n ".join(part.decode() for part in parts) + "\r\n"


def ics_calendar(entries: list[Entry], request: HttpRequest, title: str) -> str:
    """The activities as all-day events: kind and title, unit, dates, a link to each page. No person's data
    (titles of commendations name the form and decision, not the recipient)."""
    stamp = timezone.now().astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    host = request.get_host().split(":")[0] or "tretho"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tretho//activities calendar//VI", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{ics_text(title)}"]
    for entry in entries:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{entry.kind}-{entry.obj.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{entry.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{entry.end + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{ics_text(f'{entry.kind_label}: {entry.title}')}",
            f"LOCATION:{ics_text(entry.obj.unit.full_name or entry.unit_name)}",
            f"CATEGORIES:{ics_text(entry.kind_label)}",
            f"URL:{request.build_absolute_uri(entry.url)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(ics_line(line) for line in lines)


class CalendarIcsView(LoginRequiredMixin, View):
    """The month's filtered activities as an .ics file, within the user's EXPORT scope; logged as an export."""

    scoped_by = SCOPE_RESTRICT

    def get(self, request: HttpRequest) -> HttpResponse:
        from tretho.accounts.choices import SecurityEventKind
        from tretho.accounts.signals import record_event

        _form, _data, first, entries = filtered_month(request, EXPORT)
        title = _("Lịch hoạt động tháng %(month)s/%(year)s") % {"month": first.month, "year": first.year}
        record_event(SecurityEventKind.EXPORT, request, request.user, model="activities.calendar", format="ics",
                     month=f"{first:%Y-%m}", rows=len(entries))
        response = HttpResponse(ics_calendar(entries, request, title), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="lich-hoat-dong-{first:%Y-%m}.ics"'
        response["Cache-Control"] = "no-store"
        return response
