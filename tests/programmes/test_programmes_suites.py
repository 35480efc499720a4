"""Programmes, phases and indicators through the shared model suites: reference data every assigned user reads,
administrators and programme managers of the owner unit write."""

from tests.programmes.factories import code, make_programme
from tretho.core.testing.suites import ModelSuite, scope_table, unique
from tretho.metrics.models import DataElement
from tretho.programmes.models import Indicator, Phase, Programme

# Every assigned user reads everything; writes belong to admin/programme manager of the owner unit's subtree.
REFERENCE_MATRIX = scope_table("""
    user          view          change        delete
    admin_a       A1a,A1b,B1    A1a,A1b       A1a,A1b
    manager_a     A1a,A1b,B1    A1a,A1b       A1a,A1b
    officer_a1a   A1a,A1b,B1    -             -
    approver_a1   A1a,A1b,B1    -             -
    viewer_a      A1a,A1b,B1    -             -
    officer_b1    A1a,A1b,B1    -             -
    nobody        -             -             -
    superuser     A1a,A1b,B1    A1a,A1b,B1    A1a,A1b,B1
""")
REFERENCE_ACTORS = {"reader": "officer_a1a", "creator": "manager_a", "editor": "manager_a", "deleter": "manager_a",
                    "admin": "admin_a", "outsider": "viewer_a"}


class ReferenceSuite(ModelSuite):
    scope_matrix = REFERENCE_MATRIX
    actors = REFERENCE_ACTORS


class TestProgramme(ReferenceSuite):
    model = Programme

    def make(self, world, unit):
        return make_programme(unit)

    def form_data(self, world, unit):
        return {"code": code("DA"), "short_name": unique("Đề án"), "title": unique("Chăm sóc trẻ em"),
                "decision_number": "1437/QĐ-TTg", "decision_date": "29/10/2018",
                "decision_issuer": "Thủ tướng Chính phủ", "start_year": 2018, "end_year": 2025, "unit": unit.pk}

    def api_data(self, world, unit):
        return self.form_data(world, unit) | {"decision_date": "2018-10-29"}

    def edit_changes(self, world, obj):
        return {"title": unique("Đề án đổi tên")}


class TestPhase(ReferenceSuite):
    model = Phase

    def make(self, world, unit):
        return Phase.objects.create(programme=make_programme(unit), name=unique("Giai đoạn"), start_year=2014,
                                    end_year=2017)

    def form_data(self, world, unit):
        return {"programme": make_programme(unit).pk, "name": unique("Giai đoạn II"), "start_year": 2018,
                "end_year": 2020}

    def api_data(self, world, unit):
        return self.form_data(world, unit)


class TestIndicator(ReferenceSuite):
    model = Indicator

    def make(self, world, unit):
        return Indicator.objects.create(programme=make_programme(unit), code=code("CS"),
                                        name=unique("Số nhóm trẻ được hỗ trợ"), unit_of_measure="count")

    def form_data(self, world, unit):
        reached = DataElement.objects.create(code=code("tre_tiep_can"), name=unique("Trẻ được tiếp cận"),
                                             unit=world.country).metric
        children = DataElement.objects.create(code=code("tre_8_tuoi"), name=unique("Trẻ em đến 8 tuổi"),
                                              unit=world.country).metric
        return {"programme": make_programme(unit).pk, "code": code("CS"), "name": unique("Tỷ lệ trẻ em tiếp cận"),
                "unit_of_measure": "percent", "numerator": reached.pk, "denominator": children.pk,
                "factor": "100", "decimals": 1, "direction": "higher"}

    def api_data(self, world, unit):
        return self.form_data(world, unit)
