"""Administrative units through the shared model suites: list (the unit browser), detail, history and the
read-only API. Units are loaded from the official lists, never typed in, so there is no add/edit/delete page
and the record a unit "owns" is the unit itself."""

from tretho.core.testing.suites import ModelSuite
from tretho.geo.models import AdministrativeUnit


class TestAdministrativeUnit(ModelSuite):
    model = AdministrativeUnit

    def make(self, world, unit):
        return unit

    def list_text(self, obj):
        return obj.name
