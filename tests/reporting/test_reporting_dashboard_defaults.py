"""The dashboard opens on the unit as it was at the period's end: a pre-2025 period on the old province (whose plan
holds the targets), a later one on the province in force today."""

import datetime as dt

from tretho.geo.models import AdministrativeUnit
from tretho.reporting.views_dashboard import default_unit


def test_default_unit_is_the_top_unit_in_force_at_the_periods_end(world):
    old = AdministrativeUnit.objects.create(code="75", name="Tỉnh Cũ", unit_type="tinh", level=1,
                                            parent=world.country, valid_to=dt.date(2025, 6, 30))
    new = AdministrativeUnit.objects.create(code="75", name="Tỉnh Mới", unit_type="tinh", level=1,
                                            parent=world.country, valid_from=dt.date(2025, 7, 1))
    merged = AdministrativeUnit.objects.create(code="70", name="Tỉnh Bên Cạnh", unit_type="tinh", level=1,
                                               parent=world.country, valid_to=dt.date(2025, 6, 30))
    units = AdministrativeUnit.objects.filter(pk__in=[old.pk, new.pk, merged.pk])
    assert default_unit(units, dt.date(2017, 12, 31)) == old
    assert default_unit(units, dt.date(2026, 12, 14)) == new
    assert default_unit(units) == new
