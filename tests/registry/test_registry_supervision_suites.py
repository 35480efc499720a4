"""The four supervision models through the shared suites: checklist templates and criteria are reference data
(every assigned user reads, administrators and programme managers of the owner unit write); visits and their
results belong to a group and are scoped through its commune."""

import datetime as dt

from tests.programmes.test_programmes_suites import REFERENCE_ACTORS, REFERENCE_MATRIX
from tests.registry.supervision_helpers import VISIT_DAY, enrol, hire, make_group, make_visit
from tretho.core.testing.suites import ModelSuite, unique
from tretho.registry.choices import CriterionKind, CriterionResult
from tretho.registry.models import ChecklistCriterion, ChecklistTemplate, SupervisionVisit, VisitResult
from tretho.registry.supervision.forms import field_name
from tretho.registry.supervision.standard import ensure_standard_checklist


def code(prefix):
    return unique(prefix).replace(" ", "-").lower()


def make_template(unit, **fields):
    values = {"code": code("tt"), "name": unique("Bộ tiêu chí giám sát"), "version_label": "2023",
              "effective_from": dt.date(2023, 1, 1), "unit": unit}
    return ChecklistTemplate.objects.create(**(values | fields))


class ReferenceSuite(ModelSuite):
    scope_matrix = REFERENCE_MATRIX
    actors = REFERENCE_ACTORS


class TestChecklistTemplate(ReferenceSuite):
    model = ChecklistTemplate

    def make(self, world, unit):
        return make_template(unit)

    def form_data(self, world, unit):
        return {"code": code("tt"), "name": unique("Bộ tiêu chí"), "version_label": "2025",
                "effective_from": "01/07/2025", "unit": unit.pk}

    def api_data(self, world, unit):
        return self.form_data(world, unit) | {"effective_from": "2025-07-01"}


class TestChecklistCriterion(ReferenceSuite):
    model = ChecklistCriterion

    def make(self, world, unit):
        return ChecklistCriterion.objects.create(template=make_template(unit), code=unique("C")[-6:],
                                                 text=unique("Có sân chơi an toàn"))

    def form_data(self, world, unit):
        return {"template": make_template(unit).pk, "code": "CS9", "order": 9, "text": unique("Có tủ thuốc"),
                "kind": CriterionKind.NUMBER_MIN, "limit": "1,5"}

    def api_data(self, world, unit):
        return self.form_data(world, unit) | {"limit": "1.5"}

    def edit_changes(self, world, obj):
        return {"text": unique("Có nhà vệ sinh phù hợp")}

    def list_text(self, obj):
        return obj.text


def visit_post(world, group, day="10/06/2025", result=CriterionResult.PASS):
    """What the visit form posts: the visit and one choice per criterion of the shipped checklist."""
    template = ensure_standard_checklist()
    data = {"group": group.pk, "date": day, "team_members": "Nguyễn Văn An", "findings": "",
            "recommendations": "", "outcome": "", "follow_up_status": "none"}
    for criterion in template.criteria.all():
        data[field_name(criterion, "result")] = result
        data[field_name(criterion, "note")] = ""
    return data


class TestSupervisionVisit(ModelSuite):
    model = SupervisionVisit

    def make(self, world, unit):
        return make_visit(unit)

    def form_data(self, world, unit):
        group = make_group(unit)
        enrol(group, c13_24=3, c25_36=3)
        hire(group)
        hire(group)
        return visit_post(world, group)

    def api_data(self, world, unit):
        ensure_standard_checklist()  # the API picks the version in force on the date
        return {"group": make_group(unit).pk, "date": VISIT_DAY.isoformat(), "team_members": "Nguyễn Văn An",
                "follow_up_status": "none"}

    def edit_changes(self, world, obj):
        return {"findings": unique("Phòng nuôi dưỡng thoáng, sạch")}


class TestVisitResult(ModelSuite):
    model = VisitResult

    def make(self, world, unit):
        visit = make_visit(unit, results=False)
        return VisitResult.objects.create(visit=visit, criterion=visit.template.criteria.get(code="CS2"),
                                          result=CriterionResult.FAIL, note=unique("Sân chơi chưa có mái che"))

    def form_data(self, world, unit):
        visit = make_visit(unit, results=False)
        return {"visit": visit.pk, "criterion": visit.template.criteria.get(code="CS3").pk, "result": "pass",
                "note": ""}

    def api_data(self, world, unit):
        return self.form_data(world, unit)

    def edit_changes(self, world, obj):
        return {"note": unique("Đã lắp cổng")}

    def list_text(self, obj):
        return str(obj.visit)
