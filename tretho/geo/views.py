"""The unit browser: provinces (or the user's own top units) in force on an "as of" date, search at every
level, and a unit page with its children, validity, predecessors / successors and industrial zones.

Both views are the generic scoped views with another body: objects come from `restrict()`, and a unit
outside the user's scope answers 404 (core.views.ScopedObjectMixin.get_object).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from tretho.core.views import ObjectDetailView, ObjectListView

from . import selectors
from .choices import UnitLevel
from .forms import UnitBrowseForm
from .models import REFORM_DATE, AdministrativeUnit

SEARCH_PAGE_SIZE = 25


def today() -> dt.date:
    return timezone.localdate()


def date_param(date: dt.date) -> str:
    return date.strftime("%d/%m/%Y")


def browse_form(request: HttpRequest, default_date: dt.date) -> UnitBrowseForm:
    """The controls, bound so the date box always shows the date in effect (also when only q was sent)."""
    data = request.GET.copy()
    if not data.get("as_of"):
        data["as_of"] = date_param(default_date)
    return UnitBrowseForm(data)


class UnitListView(ObjectListView):
    template_name = "geo/unit_list.html"

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        form = browse_form(request, default_date=today())
        as_of = form.as_of_date(today())
        query = form.query()
        context = self.base_context() | {
            "form": form,
            "as_of": as_of,
            "as_of_param": urlencode({"as_of": date_param(as_of)}),
            "query": query,
            "reform_date": REFORM_DATE,
            "before_reform": as_of < REFORM_DATE,
            "last_old_day_param": urlencode({"as_of": date_param(REFORM_DATE - dt.timedelta(days=1))}),
            "today_param": urlencode({"as_of": date_param(today())}),
        }
        if query:
            context |= self.search_context(request, form, query, as_of)
        else:
            rows = selectors.with_counts(selectors.top_units(request.user, as_of), as_of)
            context |= {
                "rows": rows,
                "rows_nested": any(row.unit.level < UnitLevel.COMMUNE for row in rows),
                "total_communes": sum(row.communes for row in rows),
            }
        return render(request, self.template_name, context)

    def search_context(self, request: HttpRequest, form: UnitBrowseForm, query: str, as_of: dt.date) -> dict:
        units = selectors.visible_units(request.user)
        all_periods = form.all_periods_wanted()
        if not all_periods:
            units = units.in_force_on(as_of)
        results = units.ranked_search(query)
        page = Paginator(results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
        date_query = "?" + urlencode({"as_of": date_param(as_of)})
        for unit in page.object_list:
            # A unit not in force on the date opens on a day it existed, not on an empty date.
            unit.browse_url = unit.get_absolute_url() + (date_query if unit.is_in_force_on(as_of) else "")
        elsewhere = 0
        if not all_periods:
            elsewhere = selectors.visible_units(request.user).search(query).count() - page.paginator.count
        params = {"q": query, "as_of": date_param(as_of)} | ({"all_periods": "on"} if all_periods else {})
        return {
            "page": page,
            "all_periods": all_periods,
            "other_periods_count": elsewhere,
            "all_periods_url": "?" + urlencode({**params, "all_periods": "on"}),
            "page_query": urlencode(params),
        }


class UnitDetailView(ObjectDetailView):
    template_name = "geo/unit_detail.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        unit = cast(AdministrativeUnit, self.get_object())
        default_date = unit.reference_date(today())
        form = browse_form(request, default_date=default_date)
        wanted = form.as_of_date(default_date)
        in_force = unit.is_in_force_on(wanted)
        # Children are shown for a day the unit exists: an old district's last day, a new commune's first.
        as_of = wanted if in_force else unit.reference_date(wanted)
        predecessors, successors = selectors.succession_rows(request.user, unit)
        zones = selectors.zones_in(request.user, unit)
        children = selectors.children_rows(request.user, unit, as_of)
        context = self.base_context() | {
            "object": unit,
            "form": form,
            "wanted_date": wanted,
            "in_force": in_force,
            "as_of": as_of,
            "as_of_param": urlencode({"as_of": date_param(as_of)}),
            "children": children,
            "can_have_children": unit.level < UnitLevel.COMMUNE,
            "children_have_communes": any(row.unit.level < UnitLevel.COMMUNE for row in children),
            "predecessors": predecessors,
            "successors": successors,
            "zones": zones[:50],
            "zone_count": zones.count(),
            "history_url": self.url("history", unit),
            "zone_list_url": self.zone_list_url(unit),
        }
        return render(request, self.template_name, context)

    def zone_list_url(self, unit: Any) -> str | None:
        # The zone list filters "within" a province or district.
        if unit.level not in (UnitLevel.PROVINCE, UnitLevel.DISTRICT):
            return None
        return reverse("geo:industrialzone_list") + "?" + urlencode({"within": unit.pk})
