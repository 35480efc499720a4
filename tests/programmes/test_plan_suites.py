"""Plans and their parts through the shared model suites (plans of the communes: the standard matrix)."""

from tests.programmes.factories import make_agency, make_plan, make_programme
from tretho.core.testing.suites import ModelSuite, unique
from tretho.programmes.models import (
    AgencyDuty,
    Plan,
    PlanObjective,
    PlanRecipient,
    PlanTarget,
    PlanTask,
    ReportingRequirement,
)


class TestPlan(ModelSuite):
    model = Plan

    def make(self, world, unit):
        return make_plan(unit)

    def form_data(self, world, unit):
        return {"programme": make_programme(world.country).pk, "unit": unit.pk, "agency": make_agency(unit).pk,
                "start_year": 2019, "end_year": 2025, "type_code": "KH", "type_name": "KẾ HOẠCH",
                "summary": unique("Thực hiện Đề án 1437 trên địa bàn phường"),
                "section_order": "purpose, objectives, targets, tasks, organisation, reporting",
                "signer_authority": "TM.", "signer_body": "ỦY BAN NHÂN DÂN", "signer_title": "CHỦ TỊCH"}

    def api_data(self, world, unit):
        data = self.form_data(world, unit)
        return data | {"section_order": ["purpose", "tasks"], "section_headings": {"tasks": "NỘI DUNG HOẠT ĐỘNG"}}

    def edit_changes(self, world, obj):
        return {"summary": unique("Thực hiện Đề án 404 năm 2017")}


class PartSuite(ModelSuite):
    """A part made in a fresh draft plan of the unit."""

    def plan(self, unit):
        return make_plan(unit)


class TestPlanObjective(PartSuite):
    model = PlanObjective

    def make(self, world, unit):
        return PlanObjective.objects.create(plan=self.plan(unit), text=unique("Phấn đấu 75% trẻ em đến 8 tuổi"),
                                            milestone_value=75, milestone_year=2020)

    def form_data(self, world, unit):
        return {"plan": self.plan(unit).pk, "order": 0, "kind": "specific", "text": unique("Phấn đấu 90% cán bộ"),
                "milestone_value": "90", "milestone_year": 2025}

    def api_data(self, world, unit):
        return self.form_data(world, unit)

    def edit_changes(self, world, obj):
        return {"text": unique("Phấn đấu 100% cơ sở giáo dục")}


class TestPlanTarget(PartSuite):
    model = PlanTarget

    def make(self, world, unit):
        return PlanTarget.objects.create(plan=self.plan(unit), text=unique("nhóm trẻ được kiện toàn"), value=20,
                                         unit_of_measure="nhóm trẻ", year=2017)

    def form_data(self, world, unit):
        return {"plan": self.plan(unit).pk, "order": 0, "text": unique("cán bộ được tập huấn"),
                "comparison": "at_least", "value": "80,5", "unit_of_measure": "%", "year": 2020}

    def api_data(self, world, unit):
        return self.form_data(world, unit) | {"value": "80.5"}

    def edit_changes(self, world, obj):
        return {"text": unique("bà mẹ được truyền thông")}


class TestPlanTask(PartSuite):
    model = PlanTask

    def make(self, world, unit):
        return PlanTask.objects.create(plan=self.plan(unit), title=unique("Tổ chức tập huấn cho bảo mẫu"),
                                       lead_agency=make_agency(unit))

    def form_data(self, world, unit):
        return {"plan": self.plan(unit).pk, "order": 0, "title": unique("Giám sát hoạt động các nhóm trẻ"),
                "start": "01/03/2017", "deadline": "30/11/2017", "budget_amount": "15000000",
                "budget_source": "local"}

    def api_data(self, world, unit):
        return self.form_data(world, unit) | {"start": "2017-03-01", "deadline": "2017-11-30"}

    def edit_changes(self, world, obj):
        return {"title": unique("Họp định kỳ Ban Chỉ đạo")}


class TestAgencyDuty(PartSuite):
    model = AgencyDuty

    def make(self, world, unit):
        return AgencyDuty.objects.create(plan=self.plan(unit), body_name=unique("Ban Gia đình - Xã hội"),
                                         duties="- Xây dựng kế hoạch\n- Phối hợp giám sát")

    def form_data(self, world, unit):
        return {"plan": self.plan(unit).pk, "order": 0, "body_name": unique("Hội LHPN các huyện"),
                "duties": "Tuyên truyền\nPhối hợp chính quyền"}

    def api_data(self, world, unit):
        return self.form_data(world, unit)

    def edit_changes(self, world, obj):
        return {"body_name": unique("Trạm y tế")}


class TestReportingRequirement(PartSuite):
    model = ReportingRequirement

    def make(self, world, unit):
        return ReportingRequirement.objects.create(plan=self.plan(unit), subject=unique("Kết quả thực hiện"),
                                                   frequency="yearly", deadline_day=20, deadline_month=11)

    def form_data(self, world, unit):
        return {"plan": self.plan(unit).pk, "order": 0, "subject": unique("Báo cáo sơ kết"), "frequency": "once",
                "deadline_date": "10/11/2020", "channel": "email"}

    def api_data(self, world, unit):
        return self.form_data(world, unit) | {"deadline_date": "2020-11-10"}

    def edit_changes(self, world, obj):
        return {"subject": unique("Báo cáo tổng kết")}


class TestPlanRecipient(PartSuite):
    model = PlanRecipient

    def make(self, world, unit):
        return PlanRecipient.objects.create(plan=self.plan(unit), text=unique("Ban Điều hành Đề án TW"))

    def form_data(self, world, unit):
        return {"plan": self.plan(unit).pk, "order": 0, "text": unique("Lưu: VT, Ban GĐXH")}

    def api_data(self, world, unit):
        return self.form_data(world, unit)

    def edit_changes(self, world, obj):
        return {"text": unique("UBND các huyện, thị, Tp")}
