"""Who sees and changes programmes and plans: reference data for every assigned user, national programmes
changed only at the root, the issued plans above a unit readable (not writable) by it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.programmes.factories import make_agency, make_plan, make_programme, ready_to_issue
from tretho.accounts.models import Role, RoleAssignment, User
from tretho.core.scoping import CHANGE, DELETE, EXPORT, VIEW, user_can
from tretho.core.testing.suites import login
from tretho.programmes.actions import do_issue_plan
from tretho.programmes.models import Indicator, Plan, PlanTarget, Programme


def assign(world, username, role, unit):
    user = User.objects.create_user(username=username, password=world.password)
    RoleAssignment.objects.create(user=user, role=Role.objects.get_or_create(code=role)[0], unit=unit)
    return user


@pytest.fixture
def national(world):
    return make_programme(world.country, code="404")


def test_every_assigned_user_reads_national_programmes(world, national):
    for key in ("admin_a", "manager_a", "officer_a1a", "approver_a1", "viewer_a", "officer_b1"):
        user = world.user(key)
        assert list(Programme.objects.restrict(user, VIEW)) == [national], key
        assert user_can(user, VIEW, national), key
    assert not Programme.objects.restrict(world.nobody, VIEW).exists()
    assert not user_can(world.nobody, VIEW, national)
    assert Programme.objects.restrict(world.viewer_a, EXPORT).count() == 0  # viewers export nothing anywhere
    assert Programme.objects.restrict(world.officer_b1, EXPORT).count() == 1


def test_only_root_administrators_and_programme_managers_change_national_programmes(world, national, client):
    root_manager = assign(world, "manager_vn", "programme_manager", world.country)
    root_admin = assign(world, "admin_vn", "admin", world.country)
    root_officer = assign(world, "officer_vn", "officer", world.country)
    for user, may in ((root_manager, True), (root_admin, True), (root_officer, False), (world.manager_a, False),
                      (world.admin_a, False), (world.superuser, True)):
        for action in (CHANGE, DELETE):
            assert user_can(user, action, national) is may, (user, action)
            assert Programme.objects.restrict(user, action).filter(pk=national.pk).exists() is may
    indicator = Indicator.objects.create(programme=national, code="C1", name="Số nhóm trẻ", unit_of_measure="count")
    login(client, world.manager_a)
    assert client.get(reverse("programmes:programme_detail", args=[national.pk])).status_code == 200
    assert client.get(reverse("programmes:programme_edit", args=[national.pk])).status_code == 404
    assert client.get(reverse("programmes:indicator_edit", args=[indicator.pk])).status_code == 404
    login(client, root_manager)
    page = client.get(reverse("programmes:programme_edit", args=[national.pk]))
    assert page.status_code == 200


def test_a_new_programme_starts_national(world, client):
    root_manager = assign(world, "manager_vn", "programme_manager", world.country)
    login(client, root_manager)
    form = client.get(reverse("programmes:programme_add")).context["form"]
    assert form.initial["unit"] == world.country.pk


@pytest.fixture
def province_plan(world):
    plan = ready_to_issue(make_plan(world.province_a, start_year=2019, end_year=2019, issuer_code="UBND"))
    PlanTarget.objects.create(plan=plan, text="nhóm trẻ", value=20)
    return plan


def test_a_commune_reads_the_issued_plans_above_it_read_only(world, province_plan, client, api_client):
    officer = world.officer_a1a
    assert not Plan.objects.restrict(officer).filter(pk=province_plan.pk).exists()  # a draft stays upstairs
    do_issue_plan(province_plan, acting_user=world.manager_a)
    assert Plan.objects.restrict(officer).filter(pk=province_plan.pk).exists()
    assert user_can(officer, VIEW, province_plan) and not user_can(officer, CHANGE, province_plan)
    assert PlanTarget.objects.restrict(officer).filter(plan=province_plan).count() == 1
    assert not PlanTarget.objects.restrict(officer, CHANGE).filter(plan=province_plan).exists()
    assert not Plan.objects.restrict(world.officer_b1).filter(pk=province_plan.pk).exists()  # another province
    login(client, officer)
    assert client.get(province_plan.get_absolute_url()).status_code == 200
    assert str(province_plan) in client.get(reverse("programmes:plan_list")).content.decode()
    assert client.get(reverse("programmes:plan_edit", args=[province_plan.pk])).status_code == 404
    api_client.force_authenticate(officer)
    assert api_client.get(reverse("api:plans-detail", args=[province_plan.pk])).status_code == 200
    assert api_client.patch(reverse("api:plans-detail", args=[province_plan.pk]), {"summary": "x"},
                            format="json").status_code == 404


def test_a_commune_draft_can_implement_the_province_plan(world, province_plan, client):
    do_issue_plan(province_plan, acting_user=world.manager_a)
    login(client, world.officer_a1a)
    form = client.get(reverse("programmes:plan_add")).context["form"]
    assert province_plan in form.fields["implements"].queryset


def test_plan_list_filters(world, client):
    programme = make_programme(world.country)
    agency = make_agency(world.commune_a1a)
    make_plan(world.commune_a1a, programme=programme, agency=agency, start_year=2017, end_year=2019,
              summary="Kế hoạch cần tìm")
    make_plan(world.commune_a1b, programme=programme, start_year=2017, end_year=2019, summary="Cùng đề án")
    make_plan(world.commune_a1a, start_year=2020, end_year=2020, summary="Năm khác")
    make_plan(world.province_a, programme=programme, start_year=2018, end_year=2018, summary="Của tỉnh")
    login(client, world.manager_a)
    url = reverse("programmes:plan_list")
    everything = {"Kế hoạch cần tìm", "Cùng đề án", "Năm khác", "Của tỉnh"}
    for query, expected in (
            ({"programme": programme.pk}, {"Kế hoạch cần tìm", "Cùng đề án", "Của tỉnh"}),
            ({"year": 2018}, {"Kế hoạch cần tìm", "Cùng đề án", "Của tỉnh"}),
            ({"year": 2020}, {"Năm khác"}),
            ({"within": world.district_a1.pk, "year": 2019}, {"Kế hoạch cần tìm", "Cùng đề án"}),
            ({"agency": agency.pk}, {"Kế hoạch cần tìm"}),
            ({"status": "draft", "q": "can tim"}, {"Kế hoạch cần tìm"}),
            ({"status": "issued"}, set())):
        html = client.get(url, query).content.decode()
        assert {summary for summary in everything if summary in html} == expected, query
