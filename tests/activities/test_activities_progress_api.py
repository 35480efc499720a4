"""API of task progress: a plan's task states and agency summary (scoped through the plan), and task completions
created and deleted with the marking rule (lead agency or the plan unit's managers)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.activities.progress_data import build_progress_world, training
from tretho.activities.models import TaskCompletion
from tretho.core.testing.suites import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def pw(world):
    return build_progress_world(world)


def test_plan_task_progress(api_client, pw):
    cascade = pw.cascade
    training(pw.world.commune_a1a, dt.date(2017, 5, 10), cascade.task_a1a)
    TaskCompletion.objects.create(task=cascade.task_everyone, done_on=dt.date(2017, 6, 20), evidence="Đã xong")
    url = reverse("api:task-progress-list")
    login(api_client, pw.world.officer_a1a)  # reads the province plan
    data = api_client.get(url, {"plan": cascade.plan.pk}).json()
    states = {row["id"]: (row["state"], row["activities"]) for row in data["tasks"]}
    assert states[cascade.task_a1a.pk] == ("in_progress", {"training": 1})
    assert states[cascade.task_everyone.pk][0] == "done"
    assert states[cascade.task_both.pk][0] == "overdue"
    union = next(row for row in data["agencies"] if row["agency"] == pw.union.pk)
    assert (union["done"], union["total"]) == (1, 1)
    assert api_client.get(url).status_code == 400
    login(api_client, pw.world.officer_b1)
    assert api_client.get(url, {"plan": cascade.plan.pk}).status_code == 404


def test_task_completions_create_list_delete(api_client, pw):
    task = pw.cascade.task_both
    url = reverse("api:task-completions-list")
    body = {"task": task.pk, "done_on": str(timezone.localdate()), "evidence": "Đã kiện toàn 20 nhóm trẻ"}
    login(api_client, pw.union_user)  # cooperates only
    assert api_client.post(url, body, format="json").status_code == 403
    login(api_client, pw.world.officer_b1)
    assert api_client.post(url, body, format="json").status_code == 404
    login(api_client, pw.lead_user)
    future = body | {"done_on": str(timezone.localdate() + dt.timedelta(days=1))}
    assert api_client.post(url, future, format="json").status_code == 400
    response = api_client.post(url, body, format="json")
    assert response.status_code == 201 and response.json()["evidence"] == "Đã kiện toàn 20 nhóm trẻ"
    completion = TaskCompletion.objects.get(task=task)
    assert completion.marked_by == pw.lead_user
    assert api_client.post(url, body, format="json").status_code == 400  # already done
    assert [row["id"] for row in api_client.get(url, {"task": task.pk}).json()["results"]] == [completion.pk]
    assert api_client.get(url, {"task": pw.cascade.task_everyone.pk}).json()["results"] == []

    detail = reverse("api:task-completions-detail", args=[completion.pk])
    login(api_client, pw.world.officer_b1)
    assert api_client.get(detail).status_code == 404
    login(api_client, pw.union_user)
    assert api_client.get(detail).status_code == 200
    assert api_client.delete(detail).status_code == 403
    login(api_client, pw.lead_user)
    assert api_client.delete(detail).status_code == 204
    assert not TaskCompletion.objects.exists()


def test_task_board_api_knows_done(api_client, pw, monkeypatch):
    cascade = pw.cascade
    monkeypatch.setattr("tretho.programmes.board.timezone.localdate", lambda: dt.date(2017, 7, 15))
    TaskCompletion.objects.create(task=cascade.task_everyone, done_on=dt.date(2017, 7, 1), evidence="Đã xong")
    url = reverse("api:task-board")
    login(api_client, pw.world.manager_a)
    assert [row["title"] for row in api_client.get(url, {"when": "done"}).json()] == [cascade.task_everyone.title]
    assert api_client.get(url, {"when": "overdue"}).json() == []  # task 2 is past its deadline but done
