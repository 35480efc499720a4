"""Issuing a plan and amending an issued one: the actions, their pages and their API endpoints."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.programmes.factories import make_agency, make_plan, ready_to_issue
from tretho.core.testing.suites import login
from tretho.programmes.actions import do_create_amendment, do_issue_plan
from tretho.programmes.choices import PlanStatus
from tretho.programmes.models import (
    AgencyDuty,
    Plan,
    PlanObjective,
    PlanRecipient,
    PlanTarget,
    PlanTask,
    ReportingRequirement,
)


@pytest.fixture
def plan(world):
    """A full draft of the province: every kind of part, a target with an "of which" part, a task with a sub-task."""
    plan = make_plan(world.province_a, summary="Triển khai thực hiện Đề án 404 năm 2017", start_year=2017,
                     end_year=2017, issuer_code="BCĐ")
    whole = PlanTarget.objects.create(plan=plan, text="nhóm trẻ được kiện toàn và phát triển mới", value=20,
                                      unit_of_measure="nhóm trẻ", year=2017)
    PlanTarget.objects.create(plan=plan, part_of=whole, text="kiện toàn", value=80, unit_of_measure="%",
                              comparison="at_least")
    task = PlanTask.objects.create(plan=plan, title="Phối hợp Sở Giáo dục và Đào tạo hoàn thành chỉ tiêu",
                                   lead_agency=make_agency(world.province_a))
    task.assigned_units.set([world.commune_a1a, world.commune_a1b])
    PlanTask.objects.create(plan=plan, parent=task, title="Kiện toàn nhóm trẻ tại xã Hòa An")
    PlanObjective.objects.create(plan=plan, kind="general", text="Hỗ trợ phát triển nhóm trẻ")
    AgencyDuty.objects.create(plan=plan, body_name="Ban Gia đình - Xã hội", duties="Xây dựng kế hoạch")
    ReportingRequirement.objects.create(plan=plan, subject="Kết quả thực hiện", frequency="yearly", deadline_day=20,
                                        deadline_month=11)
    PlanRecipient.objects.create(plan=plan, text="Lưu: VT, Ban GĐXH")
    return plan


# -- issuing ---------------------------------------------------------------------------------------------------

def test_issuing_needs_number_date_and_signer(world, plan):
    plan.signer_name = ""
    plan.save()
    with pytest.raises(ValidationError) as raised:
        do_issue_plan(plan, acting_user=world.manager_a)
    messages = " ".join(raised.value.messages)
    assert "Chưa thể ban hành kế hoạch" in messages
    assert "Chưa có số văn bản." in messages
    assert "Chưa có ngày ban hành." in messages
    assert "Chưa có người ký" in messages
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_issuing_records_number_date_and_who(world, plan):
    issued = do_issue_plan(plan, acting_user=world.manager_a, number="109", date=dt.date(2017, 3, 2))
    assert issued.status == PlanStatus.ISSUED
    assert issued.document_number == "109/KH-BCĐ"
    assert issued.issued_on == dt.date(2017, 3, 2)
    assert issued.issued_by == world.manager_a
    assert issued.issued_at is not None
    latest = issued.history.latest("history_date")
    assert (latest.status, latest.history_user) == (PlanStatus.ISSUED, world.manager_a)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ISSUED


def test_issuing_twice_or_without_the_right_is_refused(world, plan):
    ready_to_issue(plan)
    for user in (world.viewer_a, world.officer_b1, world.officer_a1a):  # read only, other province, below
        with pytest.raises(PermissionDenied):
            do_issue_plan(plan, acting_user=user)
    do_issue_plan(plan, acting_user=world.admin_a)
    with pytest.raises(ValidationError, match="đã ban hành ngày 26/02/2017"):
        do_issue_plan(plan, acting_user=world.admin_a)


# -- amending --------------------------------------------------------------------------------------------------

def test_an_amendment_copies_the_plan_and_leaves_it_unchanged(world, plan):
    upper = ready_to_issue(make_plan(world.country))
    do_issue_plan(upper, acting_user=world.superuser)
    plan.implements.add(upper)
    do_issue_plan(ready_to_issue(plan), acting_user=world.manager_a)
    before = plan.history.count()

    amendment = do_create_amendment(plan, acting_user=world.manager_a)

    assert amendment.status == PlanStatus.DRAFT and amendment.amends == plan
    assert amendment.number == "" and amendment.issued_on is None
    assert amendment.summary == plan.summary and amendment.unit == plan.unit
    assert list(amendment.implements.all()) == [upper]
    for name in ("objectives", "agency_duties", "reporting_requirements", "recipients"):
        assert getattr(amendment, name).count() == getattr(plan, name).count() == 1, name
    whole = amendment.targets.get(part_of=None)
    assert [t.text for t in whole.parts.all()] == ["kiện toàn"]  # the "of which" part follows its copied whole
    task = amendment.tasks.get(parent=None)
    assert [t.title for t in task.subtasks.all()] == ["Kiện toàn nhóm trẻ tại xã Hòa An"]
    assert set(task.assigned_units.all()) == {world.commune_a1a, world.commune_a1b}
    assert not set(amendment.targets.values_list("pk", flat=True)) & set(plan.targets.values_list("pk", flat=True))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ISSUED and plan.history.count() == before


def test_issuing_the_amendment_supersedes_the_old_plan(world, plan):
    do_issue_plan(ready_to_issue(plan), acting_user=world.manager_a)
    amendment = do_create_amendment(plan, acting_user=world.manager_a)
    PlanTarget.objects.filter(plan=amendment, part_of=None).update(value=25)
    do_issue_plan(amendment, acting_user=world.manager_a, number="120", date=dt.date(2017, 6, 1))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUPERSEDED
    assert plan.targets.get(part_of=None).value == 20  # the issued version kept as it was
    assert amendment.targets.get(part_of=None).value == 25
    with pytest.raises(ValidationError, match="đã được thay thế"):
        do_create_amendment(plan, acting_user=world.manager_a)


def test_amending_needs_an_issued_plan_and_no_open_amendment(world, plan):
    with pytest.raises(ValidationError, match="Chỉ tạo bản sửa đổi cho kế hoạch đã ban hành"):
        do_create_amendment(plan, acting_user=world.manager_a)
    do_issue_plan(ready_to_issue(plan), acting_user=world.manager_a)
    with pytest.raises(PermissionDenied):
        do_create_amendment(plan, acting_user=world.viewer_a)
    do_create_amendment(plan, acting_user=world.manager_a)
    with pytest.raises(ValidationError, match="đã có bản sửa đổi đang soạn"):
        do_create_amendment(plan, acting_user=world.manager_a)


# -- the pages -------------------------------------------------------------------------------------------------

def test_issue_page_issues_a_complete_draft(client, world, plan):
    url = reverse("programmes:plan_issue", args=[plan.pk])
    login(client, world.manager_a)
    page = client.get(url)
    assert page.status_code == 200
    assert "Chưa có số văn bản." in page.content.decode()
    refused = client.post(url, {"number": "", "issued_on": ""})
    assert refused.status_code == 400
    assert "Chưa thể ban hành kế hoạch" in refused.content.decode()
    response = client.post(url, {"number": "109", "issued_on": "02/03/2017"})
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    plan.refresh_from_db()
    assert (plan.status, plan.document_number, plan.issued_on) == (PlanStatus.ISSUED, "109/KH-BCĐ",
                                                                  dt.date(2017, 3, 2))
    login(client, world.viewer_a)  # may read, may not issue
    assert client.post(reverse("programmes:plan_issue", args=[make_plan(world.province_a).pk])).status_code == 404


def test_amend_page_creates_a_draft_amendment(client, world, plan):
    url = reverse("programmes:plan_amend", args=[plan.pk])
    login(client, world.manager_a)
    assert client.get(url)["Location"] == plan.get_absolute_url()
    refused = client.post(url, follow=True)
    assert "Chỉ tạo bản sửa đổi cho kế hoạch đã ban hành" in refused.content.decode()
    do_issue_plan(ready_to_issue(plan), acting_user=world.manager_a)
    response = client.post(url)
    amendment = Plan.objects.get(amends=plan)
    assert response.status_code == 302 and response["Location"] == amendment.get_absolute_url()
    login(client, world.officer_a1a)  # reads the province plan, may not amend it
    assert client.post(url).status_code == 404


def test_plan_page_shows_the_sections_in_the_plans_order(client, world, plan):
    plan.section_order = ["purpose", "tasks", "targets", "organisation", "reporting"]
    plan.section_headings = {"tasks": "NỘI DUNG HOẠT ĐỘNG"}
    plan.purpose = "- Xác định vai trò, trách nhiệm của các cấp Hội"
    plan.save()
    login(client, world.manager_a)
    html = client.get(plan.get_absolute_url()).content.decode()
    order = [html.index(text) for text in ("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG HOẠT ĐỘNG", "III. CHỈ TIÊU",
                                           "IV. TỔ CHỨC THỰC HIỆN", "V. CHẾ ĐỘ BÁO CÁO")]
    assert order == sorted(order)
    assert "MỤC TIÊU" not in html.split("II. NỘI DUNG HOẠT ĐỘNG")[0].split("I. MỤC ĐÍCH")[1]
    assert "1.1" in html and "Kiện toàn nhóm trẻ tại xã Hòa An" in html  # the numbered sub-task
    assert "ít nhất 80%" in html and "20 nhóm trẻ" in html
    assert "trước ngày 20/11 hằng năm" in html
    assert f"{reverse('programmes:plantarget_add')}?plan={plan.pk}" in html  # "Thêm chỉ tiêu" from the plan
    assert reverse("programmes:plan_issue", args=[plan.pk]) in html


def test_plan_page_of_an_issued_plan_says_why_it_is_locked(client, world, plan):
    do_issue_plan(ready_to_issue(plan), acting_user=world.manager_a)
    login(client, world.manager_a)
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "Kế hoạch đã ban hành ngày 26/02/2017 — muốn thay đổi, hãy tạo bản sửa đổi." in html
    assert reverse("programmes:plan_amend", args=[plan.pk]) in html
    assert reverse("programmes:plan_edit", args=[plan.pk]) not in html
    assert "?plan=" not in html
    login(client, world.viewer_a)
    html = client.get(plan.get_absolute_url()).content.decode()
    assert reverse("programmes:plan_amend", args=[plan.pk]) not in html
    assert plan.signer_name not in html  # a personal field, masked for viewers


# -- the API ---------------------------------------------------------------------------------------------------

def test_api_issue_and_amend(api_client, world, plan):
    ready_to_issue(plan)
    issue = reverse("api:plans-issue", args=[plan.pk])
    api_client.force_authenticate(world.viewer_a)
    assert api_client.post(issue, {}, format="json").status_code == 404
    api_client.force_authenticate(world.manager_a)
    response = api_client.post(issue, {"number": "110", "date": "2017-03-05"}, format="json")
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["document_number"]) == ("issued", "110/KH-BCĐ")
    again = api_client.post(issue, {}, format="json")
    assert again.status_code == 409
    assert "muốn thay đổi, hãy tạo bản sửa đổi" in again.json()["detail"]
    amend = reverse("api:plans-amend", args=[plan.pk])
    created = api_client.post(amend, {}, format="json")
    assert created.status_code == 201
    assert created.json()["amends"] == plan.pk and created.json()["status"] == "draft"
    assert api_client.post(amend, {}, format="json").status_code == 409  # one open amendment at a time


def test_api_issue_reports_what_is_missing(api_client, world, plan):
    api_client.force_authenticate(world.manager_a)
    response = api_client.post(reverse("api:plans-issue", args=[plan.pk]), {}, format="json")
    assert response.status_code == 400
    assert "Chưa có số văn bản." in response.json()["detail"]
