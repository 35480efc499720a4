"""Trends across the 2025 reform. Provinces were merged whole, so a new province's value for a period before it
existed is the sum of its predecessors' values (geo.UnitSuccession); those points are marked as such, with the
predecessors' names, so charts can label them ("cộng của Tỉnh A và Tỉnh B trước 01/07/2025")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from tretho.core.scoping import outermost_paths
from tretho.geo.models import REFORM_DATE, AdministrativeUnit
from tretho.metrics.models import RollupValue

from .models import period_span


@dataclass
class TrendPoint:
    period_id: str
    value: Decimal | None
    from_predecessors: bool = False
    sources: list[str] = field(default_factory=list)  # names of the units summed (from_predecessors only)
    submissions: int = 0

    @property
    def note(self) -> str:
        if not self.from_predecessors:
            return ""
        return _("Cộng số liệu của %(units)s (trước sắp xếp đơn vị hành chính ngày %(date)s)") % {
            "units": ", ".join(self.sources), "date": REFORM_DATE.strftime("%d/%m/%Y")}


def predecessors_for(unit: AdministrativeUnit, on_end: dt.date) -> list[AdministrativeUnit]:
    """The units a unit carries on that were in force at a date (following several reforms back), an old
    province's districts dropped beside the province itself: their roll-ups are already in its, counted once."""
    predecessors = unit.predecessors_in_force_on(on_end)
    outer = set(outermost_paths(u.path for u in predecessors))
    return [u for u in predecessors if u.path in outer]


def trend(unit: AdministrativeUnit, data_element_id: int, period_ids: Iterable[str],
          option_key: str = "") -> list[TrendPoint]:
    """The unit's roll-up value per period; for periods the unit did not exist in (before the reform), the sum
    of its predecessors' values, marked."""
    points = []
    for period_id in period_ids:
        _start, end = period_span(period_id)
        rows = RollupValue.objects.filter(data_element_id=data_element_id, period_id=period_id,
                                          option_key=option_key)
        if unit.is_in_force_on(end):
            row = rows.filter(unit=unit).first()
            points.append(TrendPoint(period_id, None if row is None else row.value,
                                     submissions=0 if row is None else row.submissions))
            continue
        sources = predecessors_for(unit, end)
        found = list(rows.filter(unit__in=sources).values_list("value", "submissions"))
        value = sum((Decimal(v) for v, _n in found), Decimal(0)) if found else None
        points.append(TrendPoint(period_id, value, from_predecessors=True, sources=[u.name for u in sources],
                                 submissions=sum(n for _v, n in found)))
    return points
