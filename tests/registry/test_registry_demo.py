"""The registry's demo (tretho/registry/demo.py, run by `tretho demo`): the 20 groups of the Đồng Nai plan of 2017 with
what they hold, valid records, the numbers the computed metrics give on them, scope for the demo logins, and a
second run that writes nothing."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.demo.demo_units import build_demo_units
from tretho.accounts.models import User
from tretho.core.testing.suites import login
from tretho.geo.models import AdministrativeUnit
from tretho.metrics import registry as metric_registry
from tretho.registry import demo
from tretho.registry.choices import FollowUpStatus, GroupStatus, ProgrammeSupportKind, VisitOutcome
from tretho.registry.models import (
    ChecklistTemplate,
    ChildcareGroup,
    Enrolment,
    Enterprise,
    EnterpriseContribution,
    FacilitySupport,
    HealthCheck,
    ProgrammeSupport,
    Staff,
    SupervisionVisit,
    SupportPayment,
    VisitResult,
)

pytestmark = pytest.mark.django_db
REGISTRY_MODELS = (ChildcareGroup, Enrolment, Enterprise, EnterpriseContribution, FacilitySupport, HealthCheck,
                   ProgrammeSupport, Staff, SupervisionVisit, SupportPayment, VisitResult)
YEAR_2017 = (dt.date(2017, 1, 1), dt.date(2017, 12, 31))
YEAR_2024 = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


@pytest.fixture
def loaded(db):
    build_demo_units()
    call_command("demo", verbosity=0)


def old_unit(code: str, level: int) -> AdministrativeUnit:
    return AdministrativeUnit.objects.in_force_on(demo.PLAN_DATE).get(code=code, level=level)


def test_twenty_groups_of_the_plan_with_staff_enrolment_visits_and_enterprises(loaded):
    long_binh, hoa_an = old_unit(demo.LONG_BINH, 3), old_unit(demo.HOA_AN, 3)
    groups = ChildcareGroup.objects.all()
    assert groups.count() == 20
    assert groups.filter(unit=long_binh).count() == 12 and groups.filter(unit=hoa_an).count() == 8
    supports = ProgrammeSupport.objects.filter(year=2017)
    assert supports.filter(kind=ProgrammeSupportKind.CONSOLIDATED).count() == 16
    assert supports.filter(kind=ProgrammeSupportKind.NEWLY_ESTABLISHED).count() == 4
    plan = supports.first().plan
    assert plan is not None and plan.start_year == 2017 and plan.unit.code == "75"  # the reference plan 000
    assert set(supports.values_list("plan", flat=True)) == {plan.pk}
    for group in groups:
        latest = group.latest_enrolment()
        assert 15 <= latest.total <= 50, (group.name, latest.total)
        assert group.staff.filter(role="owner_manager").count() == 1
        assert group.zone is not None and group.zone.name in demo.ZONE_UNITS
    assert groups.filter(latitude__isnull=True).count() == 4  # shown at the commune's position on the map
    assert set(groups.values_list("status", flat=True)) == set(GroupStatus.values)


    check_every_record_is_valid()
    check_visits_have_results_findings_and_follow_ups()
    check_2017_visits_follow_thong_tu_13()
    check_enterprises_sit_in_the_nearby_zones_and_contribute()


def check_every_record_is_valid():
    for model in REGISTRY_MODELS:
        rows = list(model.objects.all())
        assert rows, model
        for row in rows:
            row.full_clean()


def check_visits_have_results_findings_and_follow_ups():
    visits = SupervisionVisit.objects.filter(date__year=2024)  # the 2017 ones: check_2017_visits
    assert visits.count() == len(demo.VISITS)
    template = visits.first().template
    assert all(visit.results.count() == template.criteria.count() for visit in visits)
    outcomes = {visit.group.code: visit.outcome for visit in visits}
    assert outcomes["LB01"] == VisitOutcome.MEETS_ALL
    assert outcomes["LB05"] == VisitOutcome.MEETS_PARTLY  # 27 children of 25–36 months, over 25
    lb05 = visits.get(group__code="LB05")
    qm4 = lb05.results.get(criterion__code="QM4")
    assert (qm4.result, qm4.measured_value) == ("fail", Decimal(27))
    assert "QM4" in lb05.findings and lb05.recommendations and lb05.follow_up_deadline
    # The health check of LB06 is older than 12 months on the visit day; HA02 has no fence.
    assert visits.get(group__code="LB06").results.get(criterion__code="YT1").result == "fail"
    assert visits.get(group__code="HA02").results.get(criterion__code="CS3").result == "fail"
    statuses = set(visits.values_list("follow_up_status", flat=True))
    assert {FollowUpStatus.NONE, FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS, FollowUpStatus.DONE} <= statuses
    assert all(visit.team_agencies.count() >= 2 for visit in visits)


def check_2017_visits_follow_thong_tu_13():
    """The 2017 visits use the demo's Thông tư 13/2015 version (the shipped one starts on 15/02/2022) and carry out
    the Đồng Nai 2017 plan's supervision task."""
    visits = SupervisionVisit.objects.filter(date__year=2017).select_related("template", "group")
    assert {v.group.code for v in visits} == {spec.group for spec in demo.VISITS_2017}
    template = ChecklistTemplate.in_force_on(dt.date(2017, 10, 1))
    assert template.code == "tt13-2015" and all(v.template == template for v in visits)
    assert ChecklistTemplate.in_force_on(dt.date(2022, 2, 15)).code != "tt13-2015"
    assert all(v.results.count() == template.criteria.count() for v in visits)
    assert {v.group.code: v.outcome for v in visits}["LB02"] == VisitOutcome.MEETS_PARTLY
    for visit in visits:
        visit.full_clean()
        task = visit.tasks.get()
        assert task.plan.start_year == 2017 and "giám sát hoạt động của các nhóm trẻ" in task.title


def check_enterprises_sit_in_the_nearby_zones_and_contribute():
    assert Enterprise.objects.count() == len(demo.ENTERPRISES)
    assert set(Enterprise.objects.values_list("zone__name", flat=True)) <= set(demo.ZONE_UNITS)
    assert all(e.zone.unit_id == e.unit_id for e in Enterprise.objects.select_related("zone"))
    assert EnterpriseContribution.objects.filter(recipient_group__code="LB01").exists()


def test_metrics_scope_and_map_on_the_demo(loaded, client):
    bien_hoa = old_unit("731", 2)

    def compute(code, start, end, unit=bien_hoa):
        return metric_registry.compute(code, unit.path, start, end)

    # The plan's target for 2017: 20 groups in Biên Hòa, 16 consolidated and 4 new.
    assert compute("so_nhom_tre_kien_toan", *YEAR_2017) == 16
    assert compute("so_nhom_tre_thanh_lap_moi", *YEAR_2017) == 4
    assert compute("so_nhom_tre_hoat_dong", *YEAR_2017) == 20
    # 2024: the group closed in 2023 is out; the one suspended since August 2024 still operated part of the year.
    assert compute("so_nhom_tre_hoat_dong", *YEAR_2024) == 19
    assert compute("so_nhom_tre_duoc_giam_sat", *YEAR_2024) == len(demo.VISITS)
    meeting = SupervisionVisit.objects.filter(date__year=2024, outcome=VisitOutcome.MEETS_ALL).count()
    assert 0 < meeting < len(demo.VISITS)
    assert compute("ty_le_nhom_tre_dat_tat_ca_tieu_chi", *YEAR_2024) == (
        Decimal(100) * meeting / len(demo.VISITS)).quantize(Decimal("0.1"))
    children = sum(e.under_36_months for e in Enrolment.objects.filter(as_of=dt.date(2024, 9, 5)))
    assert compute("so_tre_duoi_36_thang_theo_hoc", *YEAR_2024) == children > 0

    officer = User.objects.get(username="demo.longbinh.officer")
    assert set(ChildcareGroup.objects.restrict(officer).values_list("code", flat=True)) == {
        spec.code for spec in demo.GROUPS if spec.commune == demo.LONG_BINH}
    # The officer of the new phường Long Bình (from 1/7/2025) reads its predecessor's groups.
    officer_2025 = User.objects.get(username="demo.longbinh2025.officer")
    assert ChildcareGroup.objects.restrict(officer_2025).count() == 12
    viewer = User.objects.get(username="demo.hoaan.viewer")
    assert set(ChildcareGroup.objects.restrict(viewer).values_list("code", flat=True)) == {
        spec.code for spec in demo.GROUPS if spec.commune == demo.HOA_AN}
    # The map of the Long Bình officer: the groups with coordinates are drawn where the demo put them (the test
    # units carry no position, so the two groups without coordinates are listed apart).
    login(client, officer)
    html = client.get(reverse("registry:group_map")).content.decode()
    data = json.loads(re.search(r'<script id="group-map-data" type="application/json">(.*?)</script>', html,
                                re.S).group(1))
    assert {point["name"] for point in data["points"]} == {
        spec.name for spec in demo.GROUPS if spec.commune == demo.LONG_BINH and spec.placed}
    assert all(abs(point["lat"] - 10.939) < 0.01 and abs(point["lon"] - 106.884) < 0.01 for point in data["points"])
    assert "2 nhóm trẻ không hiện trên bản đồ" in html


def test_second_run_writes_nothing(loaded):
    def counts():
        return {model: (model.objects.count(), model.history.count()) for model in REGISTRY_MODELS}

    before = counts()
    demo.load_registry_demo()
    call_command("demo", verbosity=0)
    assert counts() == before
    # An edited record is put back to the demo values.
    group = ChildcareGroup.objects.get(code="LB01")
    group.name = "Nhóm đã sửa"
    group.save()
    demo.load_registry_demo()
    group.refresh_from_db()
    assert group.name == "Nhóm trẻ Hoa Mai"
