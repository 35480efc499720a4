"""An issued plan and its parts cannot change through the model, a form, the API or an action; each says why."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse

from tests.programmes.factories import make_plan, ready_to_issue
from tretho.core.testing.suites import login
from tretho.programmes.actions import do_create_amendment, do_issue_plan
from tretho.programmes.locking import PlanLocked
from tretho.programmes.models import Plan, PlanRecipient, PlanTarget, PlanTask

REASON = "Kế hoạch đã ban hành ngày 26/02/2019 — muốn thay đổi, hãy tạo bản sửa đổi."


@pytest.fixture
def issued(world):
    plan = make_plan(world.province_a, start_year=2019, end_year=2019, issuer_code="BCĐ")
    PlanTarget.objects.create(plan=plan, text="nhóm trẻ", value=20, unit_of_measure="nhóm trẻ")
    task = PlanTask.objects.create(plan=plan, title="Tập huấn bảo mẫu")
    task.assigned_units.add(world.commune_a1a)
    PlanRecipient.objects.create(plan=plan, text="Lưu: VT")
    do_issue_plan(ready_to_issue(plan), acting_user=world.manager_a)
    plan.refresh_from_db()
    return plan


def refused(call):
    with pytest.raises(PlanLocked) as raised, transaction.atomic():
        call()
    assert raised.value.messages == [REASON]


# -- the model layer -------------------------------------------------------------------------------------------

def test_the_plan_itself_cannot_change_or_go(issued):
    issued.summary = "Đổi trích yếu"
    refused(issued.save)
    issued.refresh_from_db()
    issued.status = "draft"  # no way back to a draft
    refused(issued.save)
    issued.refresh_from_db()
    refused(issued.delete)
    assert Plan.objects.get(pk=issued.pk).summary != "Đổi trích yếu"


def test_its_parts_cannot_be_added_changed_moved_or_deleted(world, issued):
    target = issued.targets.get()
    target.value = 25
    refused(target.save)
    refused(target.delete)
    refused(lambda: PlanTarget.objects.create(plan=issued, text="thêm", value=1))
    draft = make_plan(world.province_a)
    target.refresh_from_db()
    target.plan = draft  # moving it out of the issued plan changes the issued plan too
    refused(target.save)
    assert PlanTarget.objects.get(pk=target.pk).value == 20


def test_its_links_cannot_change_from_either_side(world, issued):
    task = issued.tasks.get()
    refused(lambda: task.assigned_units.add(world.commune_a1b))
    refused(lambda: task.assigned_units.clear())
    refused(lambda: world.commune_a1a.assigned_plan_tasks.remove(task))
    refused(lambda: world.commune_a1a.assigned_plan_tasks.clear())
    upper = make_plan(world.country)
    refused(lambda: issued.implements.add(upper))
    refused(lambda: upper.implemented_by.add(issued))
    assert list(task.assigned_units.all()) == [world.commune_a1a]


def test_a_draft_may_implement_an_issued_plan(world, issued):
    lower = make_plan(world.commune_a1a)
    lower.implements.add(issued)  # the lower draft changes, the issued plan does not
    assert list(issued.implemented_by.all()) == [lower]


# -- the pages -------------------------------------------------------------------------------------------------

def test_edit_and_delete_pages_explain_the_lock(client, world, issued):
    login(client, world.manager_a)
    target = issued.targets.get()
    for url in (reverse("programmes:plan_edit", args=[issued.pk]), reverse("programmes:plan_delete", args=[issued.pk]),
                reverse("programmes:plantarget_edit", args=[target.pk]),
                reverse("programmes:plantarget_delete", args=[target.pk])):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 409, url
            html = response.content.decode()
            assert REASON in html
            assert reverse("programmes:plan_amend", args=[issued.pk]) in html  # "Tạo bản sửa đổi"
    assert Plan.objects.filter(pk=issued.pk).exists() and PlanTarget.objects.filter(pk=target.pk).exists()


def test_adding_a_part_to_an_issued_plan_says_why(client, world, issued):
    login(client, world.manager_a)
    page = client.get(reverse("programmes:plantarget_add") + f"?plan={issued.pk}")
    assert page.status_code == 200
    response = client.post(reverse("programmes:plantarget_add"), {"plan": issued.pk, "order": 0, "text": "thêm",
                                                                  "value": "5"})
    assert response.status_code == 400
    assert REASON in response.content.decode()
    assert issued.targets.count() == 1


def test_a_stale_draft_form_is_refused_once_the_plan_is_issued(client, world):
    """Someone opened the edit page of the draft; meanwhile it was issued: the save is refused with the reason."""
    plan = ready_to_issue(make_plan(world.province_a, start_year=2019, end_year=2019, issuer_code="BCĐ"))
    login(client, world.manager_a)
    from tretho.core.testing.suites import form_post_data

    data = form_post_data(client.get(reverse("programmes:plan_edit", args=[plan.pk])).context["form"])
    do_issue_plan(plan, acting_user=world.manager_a)
    response = client.post(reverse("programmes:plan_edit", args=[plan.pk]), data | {"summary": "Đổi"})
    assert response.status_code == 409
    assert REASON in response.content.decode()


# -- the API ---------------------------------------------------------------------------------------------------

def test_api_writes_to_an_issued_plan_answer_409(api_client, world, issued):
    api_client.force_authenticate(world.manager_a)
    target = issued.targets.get()
    for method, url, data in (
            ("patch", reverse("api:plans-detail", args=[issued.pk]), {"summary": "Đổi"}),
            ("delete", reverse("api:plans-detail", args=[issued.pk]), None),
            ("patch", reverse("api:plan-targets-detail", args=[target.pk]), {"value": "30"}),
            ("put", reverse("api:plan-targets-detail", args=[target.pk]), {"plan": issued.pk, "text": "x"}),
            ("delete", reverse("api:plan-targets-detail", args=[target.pk]), None)):
        response = getattr(api_client, method)(url, data, format="json")
        assert response.status_code == 409, (method, url, response.content)
        assert response.json()["detail"] == REASON
    created = api_client.post(reverse("api:plan-targets-list"), {"plan": issued.pk, "text": "thêm", "value": "1"},
                              format="json")
    assert created.status_code == 400
    assert created.json()["plan"] == [REASON]
    target.refresh_from_db()
    assert (target.value, issued.targets.count()) == (20, 1)


def test_the_amendment_is_open_to_changes(world, issued):
    amendment = do_create_amendment(issued, acting_user=world.manager_a)
    target = amendment.targets.get()
    target.value = 25
    target.save()
    amendment.summary = "Sửa đổi"
    amendment.save()
    assert issued.targets.get().value == 20
