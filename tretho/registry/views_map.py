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
STATUS_COLOURS = {GroupStatus.OPERATING: "#198754", GroupStatus.SUSPENDED: "#fd7e14", GroupStatus.CLOSED: "#6c757d"}
VISIT_COLOURS = {VisitOutcome.MEETS_ALL: "#198754", VisitOutcome.MEETS_PARTLY: "#ffc107",
                 VisitOutcome.DOES_NOT_MEET: "#dc3545", NO_OUTCOME: "#0dcaf0", NOT_VISITED: "#adb5bd"}


def visit_labels() -> dict[str, str]:
    return {**{value: str(label) for value, label in VisitOutcome.choices},
            NO_OUTCOME: _("Chưa ghi kết quả chung"), NOT_VISITED: _("Chưa được giám sát")}


class MapFilterForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=AdministrativeUnit.objects.none(), required=False,
                                  label=gettext_lazy("Địa bàn"))
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
        return self.__dict__.copy()


def map_groups(user: Any, filters: dict[str, Any]) -> QuerySet[ChildcareGroup]:
    groups = ChildcareGroup.objects.restrict(user, VIEW)
    if filters.get("unit") is not None:
        groups = groups.filter(unit__path__startswith=filters["unit"].path)
    if filters.get("status"):
        groups = groups.filter(status=filters["status"])
    last = SupervisionVisit.objects.filter(group=OuterRef("pk")).order_by("-date", "-id")
    return (groups.select_related("unit", "unit__parent", "unit__parent__parent")
            .annotate(last_visit_outcome=Subquery(last.values("outcome")[:1]),
                      last_visit_date=Subquery(last.values("date")[:1]))
            .order_by("sort_key", "id"))


def unit_position(unit: AdministrativeUnit | None) -> tuple[float, float] | None:
    """The unit's position, else its parent's, else its grandparent's (the select_related depth)."""
    for _level in range(3):
        if unit is None:
            return None
        if unit.latitude is not None and unit.longitude is not None:
            return unit.latitude, unit.longitude
        unit = unit.parent
    return None


def group_url(group: ChildcareGroup) -> str:
    try:
        return group.get_absolute_url()
    except NoReverseMatch:  # the group pages are not routed (a trimmed URL configuration)
        return ""


def map_points(groups: QuerySet[ChildcareGroup]) -> tuple[list[MapPoint], list[ChildcareGroup]]:
    """The points to draw, and the groups with no position at all (neither theirs nor their commune's)."""
    statuses = {value: str(label) for value, label in GroupStatus.choices}
    outcomes = visit_labels()
    points: list[MapPoint] = []
    unplaced: list[ChildcareGroup] = []
    around: dict[tuple[float, float], int] = {}  # how many groups already sit at a commune's position
    for group in groups:
        approximate = group.latitude is None or group.longitude is None
        if approximate:
            position = unit_position(group.unit)
            if position is None:
                unplaced.append(group)
                continue
            lat, lon = spread(position, around)
        else:
            lat, lon = group.latitude, group.longitude
        visit = NOT_VISITED if group.last_visit_date is None else (group.last_visit_outcome or NO_OUTCOME)
        points.append(MapPoint(
            id=group.pk, name=group.name, url=group_url(group), unit=group.unit.name, lat=lat, lon=lon,
            approximate=approximate, status=group.status, status_label=statuses.get(group.status, group.status),
            visit=visit, visit_label=outcomes[visit], visit_date=format_date(group.last_visit_date)))
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
    if colour_by == COLOUR_BY_VISIT:
        labels, colours, key = visit_labels(), VISIT_COLOURS, "visit"
    else:
        labels, colours, key = {v: str(label) for v, label in GroupStatus.choices}, STATUS_COLOURS, "status"
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
        data = {
            "colourBy": colour_by,
            "points": [point.as_json() for point in points],
            "legends": {COLOUR_BY_STATUS: legend(COLOUR_BY_STATUS, points),
                        COLOUR_BY_VISIT: legend(COLOUR_BY_VISIT, points)},
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
            "legend": data["legends"][colour_by],
            "approximate_count": sum(1 for point in points if point.approximate),
        })
