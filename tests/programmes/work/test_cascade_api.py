"""The cascade through the API (/api/v1/plans/<id>/…): scoped like the pages, errors in Vietnamese."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from tretho.core.testing.suites import login
from tretho.programmes import cascade as actions
from tretho.programmes.models import Plan


def test_create_lower_plan_and_tree(api_client, cascade):
    world = cascade.world
    url = reverse("api:plan-create-lower", args=[cascade.plan.pk])
    login(api_client, world.officer_a1a)
    refused = api_client.post(url, {"unit": world.commune_a1b.pk}, format="json")
    assert refused.status_code == 403
    assert api_client.post(url, {"unit": 0}, format="json").status_code == 400

    created = api_client.post(url, {"unit": world.commune_a1a.pk}, format="json")
    assert created.status_code == 201
    lower = Plan.objects.get(pk=created.json()["id"])
    assert lower.unit == world.commune_a1a and list(lower.implements.all()) == [cascade.plan]
    again = api_client.post(url, {"unit": world.commune_a1a.pk}, format="json")
    assert again.status_code == 400 and "đã có kế hoạch" in again.json()["detail"][0]

    tree = api_client.get(reverse("api:plan-tree", args=[lower.pk])).json()
    assert tree["id"] == cascade.plan.pk and tree["status"] == "issued"
    assert [child["id"] for child in tree["children"]] == [lower.pk]
    assert tree["children"][0]["unit_name"] == "Xã Hòa An"

    login(api_client, world.officer_b1)
    assert api_client.post(url, {"unit": world.commune_b1.pk}, format="json").status_code == 404
    assert api_client.get(reverse("api:plan-tree", args=[cascade.plan.pk])).status_code == 404


def test_distribute_and_warnings(api_client, cascade):
    world = cascade.world
    url = reverse("api:plan-target-distribute", args=[cascade.groups.pk])
    login(api_client, world.manager_a)
    response = api_client.post(url, {"shares": [{"unit": world.commune_a1a.pk, "value": "12"},
                                                {"unit": world.commune_a1b.pk, "value": "5"}]}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert sorted(float(target["value"]) for target in body["targets"]) == [5.0, 12.0]
    assert body["warnings"] == [
        "Chỉ tiêu “nhóm trẻ được hỗ trợ kiện toàn và phát triển mới, mỗi nhóm từ 15 đến 50 cháu”: các kế hoạch cấp "
        "dưới cộng lại 17 nhóm trẻ, ít hơn 20 nhóm trẻ của kế hoạch này (còn thiếu 3 nhóm trẻ)."]
    warnings = api_client.get(reverse("api:plan-distribution-warnings", args=[cascade.plan.pk]))
    assert warnings.json() == {"warnings": body["warnings"]}

    bad = api_client.post(url, {"shares": [{"unit": 999999, "value": "1"}]}, format="json")
    assert bad.status_code == 400
    login(api_client, world.officer_a1a)
    refused = api_client.post(url, {"shares": [{"unit": world.commune_a1b.pk, "value": "8"}]}, format="json")
    assert refused.status_code == 400
    assert refused.json()["detail"] == ["Bạn không có quyền sửa kế hoạch của Xã Tân Phú."]


def test_copy_next_year(api_client, cascade):
    url = reverse("api:plan-copy-next-year", args=[cascade.plan.pk])
    login(api_client, cascade.world.officer_a1a)
    assert api_client.post(url).status_code == 404  # reads the province plan, may not plan for the province
    login(api_client, cascade.world.manager_a)
    response = api_client.post(url)
    assert response.status_code == 201
    assert (response.json()["start_year"], response.json()["status"]) == (2018, "draft")


def test_task_board(api_client, cascade, monkeypatch):
    world = cascade.world
    monkeypatch.setattr("tretho.programmes.board.timezone.localdate", lambda: dt.date(2017, 7, 1))
    login(api_client, world.manager_a)
    url = reverse("api:task-board")
    rows = api_client.get(url, {"agency": cascade.education.pk}).json()
    assert [row["title"] for row in rows] == [cascade.task_both.title]
    overdue = api_client.get(url, {"when": "overdue"}).json()
    assert [row["title"] for row in overdue] == [cascade.task_everyone.title]  # due 30/06/2017
    assert api_client.get(url, {"when": "someday"}).status_code == 400
    assert api_client.get(url, {"agency": "abc"}).status_code == 404

    lower = actions.do_create_lower_plan(cascade.plan, world.commune_a1a, acting_user=world.officer_a1a)
    login(api_client, world.officer_b1)
    assert api_client.get(url).json() == []
    login(api_client, world.officer_a1a)
    titles = {row["title"] for row in api_client.get(url).json()}
    assert cascade.task_both.title in titles  # the province plan's tasks, read only, and their own
    assert {task.title for task in lower.tasks.all()} <= titles
