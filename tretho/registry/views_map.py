"""The map of childcare groups: each group at its own coordinates or, when it has none, at its commune's position
(the administrative unit's latitude/longitude, else the nearest ancestor's), coloured by status or by the outcome of
its last supervision visit; a click opens the group. Reads through restrict(): a user sees the groups of their
scope only, and a unit filter outside the scope matches nothing.

The points travel as JSON in the page (json_script, not executed) and static/registry/group_map.js draws them with
the vendored ECharts: the Content Security Policy allows scripts from 'self' only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from tretho.core.formats import format_date
from tretho.core.scoping import VIEW
from tretho.core.views import SCOPE_RESTRICT
from tretho.core.widgets import SearchSelect
from tretho.geo.models import AdministrativeUnit

from .choices import GroupStatus, VisitOutcome
from .models import ChildcareGroup, SupervisionVisit

COLOUR_BY_STATUS = "status"
COLOUR_BY_VISIT = "visit"
NOT_VISITED = "not_visited"
NO_OUTCOME = "no_outcome"
# A list under the map helps phones and screen readers; past this many groups the list page serves better.
LIST_LIMIT = 300
# Groups placed at their commune's position are spread on a small circle (~300 m) so each stays clickable.
SPREAD_DEGREES = 0.003

# Category → colour (Bootstrap's palette, so the legend matches the badges).
STATUS_COLOURS: dict[str, str] = {GroupStatus.OPERATING: "#198754", GroupStatus.SUSPENDED: "#fd7e14",
                                  GroupStatus.CLOSED: "#6c757d"}
VISIT_COLOURS: dict[str, str] = {VisitOutcome.MEETS_ALL: "#198754", VisitOutcome.MEETS_PARTLY: "#ffc107",
                                 VisitOutcome.DOES_NOT_MEET: "#dc3545", NO_OUTCOME: "#0dcaf0",
                                 NOT_VISITED: "#adb5bd"}


def visit_labels() -> dict[str, str]:
    return {**{value: str(label) for value, label in VisitOutcome.choices},
            NO_OUTCOME: _("Chưa ghi kết quả chung"), NOT_VISITED: _("Chưa được giám sát")}


class MapFilterForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=AdministrativeUnit.objects.none(), required=False,
                                  label=gettext_lazy("Địa bàn"), empty_label=gettext_lazy("Tất cả"))
    status = forms.ChoiceField(required=False, label=gettext_lazy("Tình trạng"),
                               choices=[("", gettext_lazy("Tất cả")), *GroupStatus.choices])
    colour = forms.ChoiceField(required=False, label=gettext_lazy("Tô màu theo"), widget=forms.RadioSelect,
                               choices=[(COLOUR_BY_STATUS, gettext_lazy("Tình trạng hoạt động")),
                                        (COLOUR_BY_VISIT, gettext_lazy("Kết quả giám sát gần nhất"))])

    def __init__(self, data: Any, *, user: Any) -> None:
        super().__init__(data)
        unit_field = self.fields["unit"]
        unit_field.queryset = AdministrativeUnit.objects.restrict(user, VIEW)  # type: ignore[attr-defined]
        unit_field.widget = SearchSelect("geo.administrativeunit", VIEW)
        unit_field.widget.choices = unit_field.choices  # type: ignore[attr-defined]
        unit_field.widget.attrs["class"] = "form-select form-select-sm"
        self.fields["status"].widget.attrs.update({"class": "form-select form-select-sm",
                                                   "data-submit-on-change": ""})

    def cleaned(self) -> dict[str, Any]:
        """The valid filters (an invalid one, e.g. a unit outside the scope, is dropped, never widened)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


@dataclass
class MapPoint:
    id: int
    name: str
    url: str
    unit: str
    lat: float
    lon: float
    approximate: bool  # placed at the commune's position
    status: str
    status_label: str
    visit: str
    visit_label: str
    visit_date: str

    def as_json(self) -> dict[str, Any]:
        """What the script needs; the category labels travel once, in the legends (20,000 groups nationally)."""
        return {key: value for key, value in self.__dict__.items()
                if key not in ("status_label", "visit_label", "url")}  # the url from groupUrl and the id


GROUP_FIELDS = ("id", "name", "latitude", "longitude", "status", "unit_id", "unit__name")


def map_groups(user: Any, filters: dict[str, Any]) -> QuerySet:
    """The scoped, filtered groups as plain rows (a country's 20,000 groups: no model instances), each with the
    date and outcome of its latest visit."""
    groups = ChildcareGroup.objects.restrict(user, VIEW)
    if filters.get("unit") is not None:
        groups = groups.filter(unit__path__startswith=filters["unit"].path)
    if filters.get("status"):
        groups = groups.filter(status=filters["status"])
    last = SupervisionVisit.objects.filter(group=OuterRef("pk")).order_by("-date", "-id")
    return (groups.annotate(last_visit_outcome=Subquery(last.values("outcome")[:1]),
                            last_visit_date=Subquery(last.values("date")[:1]))
            .order_by("sort_key", "id").values(*GROUP_FIELDS, "last_visit_outcome", "last_visit_date"))


class UnitPositions:
    """Each unit's position, else its parent's, else its grandparent's; read in one query per level."""

    DEPTH = 3

    def __init__(self, unit_ids: set[int]) -> None:
        self.rows: dict[int, dict[str, Any]] = {}
        wanted = set(unit_ids)
        for _level in range(self.DEPTH):
            wanted -= self.rows.keys()
            if not wanted:
                break
            found = AdministrativeUnit.objects.filter(pk__in=wanted).values("id", "latitude", "longitude", "parent_id")
            self.rows |= {row["id"]: row for row in found}
            wanted = {row["parent_id"] for row in self.rows.values()
                      if row["latitude"] is None and row["parent_id"] is not None}

    def of(self, unit_id: int | None) -> tuple[float, float] | None:
        for _level in range(self.DEPTH):
            row = self.rows.get(unit_id) if unit_id is not None else None
            if row is None:
                return None
            if row["latitude"] is not None and row["longitude"] is not None:
                return row["latitude"], row["longitude"]
            unit_id = row["parent_id"]
        return None


URL_PLACEHOLDER = 987654321


def group_url_parts() -> tuple[str, str] | None:
    """The group page's address around its id, reversed once (a reverse() per group costs seconds for a
    country); None when the group pages are not routed (a trimmed URL configuration)."""
    try:
        pattern = reverse("registry:childcaregroup_detail", args=[URL_PLACEHOLDER])
    except NoReverseMatch:
        return None
    head, tail = pattern.split(str(URL_PLACEHOLDER))
    return head, tail


def group_url_maker() -> Any:
    parts = group_url_parts()
    if parts is None:
        return lambda pk: ""
    head, tail = parts
    return lambda pk: f"{head}{pk}{tail}"


def map_points(groups: QuerySet) -> tuple[list[MapPoint], list[dict[str, Any]]]:
    """The points to draw, and the groups with no position at all (neither theirs nor their commune's)."""
    rows = list(groups)
    positions = UnitPositions({row["unit_id"] for row in rows if row["latitude"] is None or row["longitude"] is None})
    url_of = group_url_maker()
    statuses = {value: str(label) for value, label in GroupStatus.choices}
    outcomes = visit_labels()
    points: list[MapPoint] = []
    unplaced: list[dict[str, Any]] = []
    around: dict[tuple[float, float], int] = {}  # how many groups already sit at a commune's position
    for row in rows:
        approximate = row["latitude"] is None or row["longitude"] is None
        if approximate:
            position = positions.of(row["unit_id"])
            if position is None:
                unplaced.append({"name": row["name"], "url": url_of(row["id"]), "unit": row["unit__name"]})
                continue
            lat, lon = spread(position, around)
        else:
            lat, lon = row["latitude"], row["longitude"]
        visit = NOT_VISITED if row["last_visit_date"] is None else (row["last_visit_outcome"] or NO_OUTCOME)
        points.append(MapPoint(
            id=row["id"], name=row["name"], url=url_of(row["id"]), unit=row["unit__name"], lat=lat, lon=lon,
            approximate=approximate, status=row["status"], status_label=statuses.get(row["status"], row["status"]),
            visit=visit, visit_label=outcomes[visit], visit_date=format_date(row["last_visit_date"])))
    return points, unplaced


def spread(position: tuple[float, float], around: dict[tuple[float, float], int]) -> tuple[float, float]:
    """The n-th group at the same commune position goes on a circle around it (the first one in the middle)."""
    index = around.get(position, 0)
    around[position] = index + 1
    if index == 0:
        return position
    ring = 1 + (index - 1) // 8
    angle = (index - 1) % 8 * math.pi / 4 + ring * 0.4
    lat, lon = position
    offset = SPREAD_DEGREES * ring
    return round(lat + offset * math.sin(angle), 6), round(lon + offset * math.cos(angle), 6)


def legend(colour_by: str, points: list[MapPoint]) -> list[dict[str, Any]]:
    """The categories of one colouring, in order, with their colour, label and count."""
    labels: dict[str, str]
    colours: dict[str, str]
    if colour_by == COLOUR_BY_VISIT:
        labels, colours, key = visit_labels(), VISIT_COLOURS, "visit"
    else:
        labels = {str(v): str(label) for v, label in GroupStatus.choices}
        colours, key = STATUS_COLOURS, "status"
    return [{"key": str(value), "label": labels[value], "colour": colour,
             "count": sum(1 for point in points if getattr(point, key) == value)}
            for value, colour in colours.items()]


class GroupMapView(LoginRequiredMixin, View):
    scoped_by = SCOPE_RESTRICT

    def get(self, request: HttpRequest) -> HttpResponse:
        form = MapFilterForm(request.GET or None, user=request.user)
        filters = form.cleaned()
        colour_by = filters.get("colour") or COLOUR_BY_STATUS
        if not form.is_bound or "colour" not in form.data:
            form.initial["colour"] = colour_by
        groups = map_groups(request.user, filters)
        points, unplaced = map_points(groups)
        legends = {COLOUR_BY_STATUS: legend(COLOUR_BY_STATUS, points),
                   COLOUR_BY_VISIT: legend(COLOUR_BY_VISIT, points)}
        data = {
            "colourBy": colour_by,
            "groupUrl": group_url_parts(),
            "points": [point.as_json() for point in points],
            "legends": legends,
            "labels": {"approximate": _("Vị trí của xã, phường (nhóm chưa có tọa độ)"),
                       "lastVisit": _("Giám sát gần nhất"), "status": _("Tình trạng"),
                       "longitude": _("Kinh độ"), "latitude": _("Vĩ độ")},
        }
        try:
            list_url = reverse("registry:childcaregroup_list")
        except NoReverseMatch:
            list_url = None
        return render(request, "registry/map.html", {
            "form": form, "map_data": data, "points": points[:LIST_LIMIT], "point_count": len(points),
            "list_limit": LIST_LIMIT, "unplaced": unplaced, "colour_by": colour_by, "list_url": list_url,
            "legend": legends[colour_by],
            "approximate_count": sum(1 for point in points if point.approximate),
        })
