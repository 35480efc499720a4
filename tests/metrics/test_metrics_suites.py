"""Breakdowns, data elements and metrics through the shared model suites: reference data (every assigned user
reads, administrators and programme managers of the owner unit write)."""

from tests.programmes.test_programmes_suites import REFERENCE_ACTORS, REFERENCE_MATRIX
from tretho.core.testing.suites import ModelSuite, unique
from tretho.metrics.models import Breakdown, BreakdownOption, DataElement, Metric


def code(prefix):
    return unique(prefix).replace(" ", "_")


def make_breakdown(unit):
    return Breakdown.objects.create(code=code("nhom_tuoi"), name=unique("Nhóm tuổi"), unit=unit)


class ReferenceSuite(ModelSuite):
    scope_matrix = REFERENCE_MATRIX
    actors = REFERENCE_ACTORS


class TestBreakdown(ReferenceSuite):
    model = Breakdown

    def make(self, world, unit):
        return make_breakdown(unit)

    def form_data(self, world, unit):
        return {"code": code("gioi_tinh"), "name": unique("Giới tính"), "unit": unit.pk}

    def api_data(self, world, unit):
        return self.form_data(world, unit)


class TestBreakdownOption(ReferenceSuite):
    model = BreakdownOption

    def make(self, world, unit):
        return BreakdownOption.objects.create(breakdown=make_breakdown(unit), code=code("nu"), name=unique("Nữ"))

    def form_data(self, world, unit):
        return {"breakdown": make_breakdown(unit).pk, "code": code("nam"), "name": unique("Nam"), "order": 1}

    def api_data(self, world, unit):
        return self.form_data(world, unit)


class TestDataElement(ReferenceSuite):
    model = DataElement

    def make(self, world, unit):
        return DataElement.objects.create(code=code("so_nhom_tre"), name=unique("Số nhóm trẻ độc lập tư thục"),
                                          unit_of_measure="nhóm", unit=unit)

    def form_data(self, world, unit):
        return {"code": code("so_tre"), "name": unique("Số trẻ dưới 36 tháng"), "value_type": "number",
                "unit_of_measure": "trẻ", "breakdowns": [make_breakdown(world.country).pk], "unit": unit.pk,
                "is_active": "on"}

    def api_data(self, world, unit):
        return self.form_data(world, unit) | {"is_active": True}


class TestMetric(ReferenceSuite):
    model = Metric

    def make(self, world, unit):
        return DataElement.objects.create(code=code("so_bao_mau"), name=unique("Số bảo mẫu được tập huấn"),
                                          unit=unit).metric

    def form_data(self, world, unit):
        raise AssertionError("metrics are not typed in: no add page")
