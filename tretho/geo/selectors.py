"""Scoped reads for the unit browser: the top units a user sees on a date, subtree counts, succession links.

Everything starts from `AdministrativeUnit.objects.restrict(user)`; counts are taken inside subtrees of units
the user already sees, which lie wholly inside the user's scope.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from django.db.models import Q

from tretho.core.scoping import VIEW, scope_for, user_can

from .choices import UnitLevel
from .models import AdministrativeUnit, IndustrialZone, UnitQuerySet, UnitSuccession

# Above this many units, counting reads every unit in force rather than OR-ing one prefix per unit.
_PREFIX_LIMIT = 20


@dataclass
class UnitRow:
    """A unit with what the browser shows beside it."""

    unit: AdministrativeUnit
    children: int = 0
    communes: int = 0


@dataclass
class SuccessionRow:
    unit: AdministrativeUnit
    kind: str
    kind_label: str
    url: str | None


def visible_units(user: Any) -> UnitQuerySet:
    return cast(UnitQuerySet, AdministrativeUnit.objects.restrict(user, VIEW))


def top_units(user: Any, date: dt.date) -> list[AdministrativeUnit]:
    """The outermost units the user may see that are in force on date, in Vietnamese order.

    An administrator of the whole country sees the provinces; a commune officer sees their commune (and, on a
    date before the 2025 reform, the old communes it was formed from, which their scope includes).
    """
    in_force = visible_units(user).in_force_on(date)
    scope = scope_for(user, VIEW, AdministrativeUnit)
    if scope.everything:
        return list(in_force.provinces().order_by("sort_key"))
    units = list(in_force.filter(path__in=scope.paths))
    kept: list[AdministrativeUnit] = []
    for unit in sorted(units, key=lambda u: len(u.path)):
        if not any(unit.path.startswith(outer.path) for outer in kept):
            kept.append(unit)
    if any(unit.level == UnitLevel.COUNTRY for unit in kept):
        return list(in_force.provinces().order_by("sort_key"))
    return sorted(kept, key=lambda u: (u.level, u.sort_key))


def with_counts(units: list[AdministrativeUnit], date: dt.date) -> list[UnitRow]:
    """Each unit with its number of direct children and of communes below it, in force on date (one query)."""
    rows = {unit.pk: UnitRow(unit) for unit in units}
    if not rows:
        return []
    below = AdministrativeUnit.objects.in_force_on(date).filter(level__gt=min(u.level for u in units))
    if len(units) <= _PREFIX_LIMIT:
        prefixes = Q()
        for unit in units:
            prefixes |= Q(path__startswith=unit.path)
        below = below.filter(prefixes)
    for path, level, parent_id in below.values_list("path", "level", "parent_id"):
        ids = path.strip("/").split("/")[:-1]
        for ancestor_id in map(int, ids):
            row = rows.get(ancestor_id)
            if row is None:
                continue
            if ancestor_id == parent_id:
                row.children += 1
            if level == UnitLevel.COMMUNE:
                row.communes += 1
    return list(rows.values())


def children_rows(user: Any, unit: AdministrativeUnit, date: dt.date) -> list[UnitRow]:
    children = visible_units(user).filter(parent=unit).in_force_on(date).order_by("sort_key")
    return with_counts(list(children), date)


def succession_rows(user: Any, unit: AdministrativeUnit) -> tuple[list[SuccessionRow], list[SuccessionRow]]:
    """(predecessors, successors) with how each merged (full or partial); linked where the user may look."""
    predecessors = [
        _succession_row(user, link.predecessor, link)
        for link in UnitSuccession.objects.filter(successor=unit).select_related("predecessor")
    ]
    successors = [
        _succession_row(user, link.successor, link)
        for link in UnitSuccession.objects.filter(predecessor=unit).select_related("successor")
    ]
    def order(row: SuccessionRow) -> tuple:
        return (row.unit.level, row.unit.sort_key)

    return sorted(predecessors, key=order), sorted(successors, key=order)


def _succession_row(user: Any, other: AdministrativeUnit, link: UnitSuccession) -> SuccessionRow:
    url = other.get_absolute_url() if user_can(user, VIEW, other) else None
    return SuccessionRow(other, link.kind, str(link.get_kind_display()), url)


def zones_in(user: Any, unit: AdministrativeUnit):
    """Industrial and export-processing zones anywhere in the unit's subtree that the user may see."""
    return (
        IndustrialZone.objects.restrict(user, VIEW)
        .filter(unit__path__startswith=unit.path)
        .select_related("unit")
        .order_by("sort_key")
    )
