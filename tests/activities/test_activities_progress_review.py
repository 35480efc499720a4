"""Review of task progress and follow-ups (R1): the follow-up action's `next` stays on this site, a closed item is
not closed again, the progress API answers 400 (never 500) to odd ids, and the plan page, the board, a task's
progress page and the follow-ups page cost the same number of queries whatever the number of rows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from tests.activities.progress_data import build_progress_world, meeting, training
from tretho.activities.choices import FollowUpState
from tretho.activities.models import MeetingFollowUp, TaskCompletion
from tretho.core.testing.suites import login
from tretho.programmes.models import PlanTask

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def pw(world):
    return build_progress_world(world)


def open_item(pw, days_late: int = 10) -> MeetingFollowUp:
    today = timezone.localdate()
    held = meeting(pw.world.commune_a1a, today - dt.timedelta(days=60), title="Họp Ban Chỉ đạo xã Hòa An")
    return MeetingFollowUp.objects.create(meeting=held, content="Rà soát nhóm trẻ chưa cấp phép",
                                          deadline=today - dt.timedelta(days=days_late))


def close_data(item: MeetingFollowUp, day: dt.date, **extra) -> dict:
    return {f"f{item.pk}-done_on": day.strftime("%d/%m/%Y"), f"f{item.pk}-result": "Đã rà soát",
            f"f{item.pk}-version": item.version, **extra}


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/"])
def test_follow_up_done_goes_back_only_to_this_site(client, pw, target):
    item = open_item(pw)
    login(client, pw.world.officer_a1a)
    response = client.post(reverse("activities:followup_done", args=[item.pk]),
                           close_data(item, timezone.localdate(), next=target))
    assert response["Location"] == reverse("activities:followup_overdue")


def test_follow_up_done_keeps_a_local_next(client, pw):
    item = open_item(pw)
    login(client, pw.world.officer_a1a)
    back = reverse("activities:followup_overdue") + "?page=2"
    response = client.post(reverse("activities:followup_done", args=[item.pk]),
                           close_data(item, timezone.localdate(), next=back))
    assert response["Location"] == back


def test_a_closed_follow_up_is_not_closed_again(client, pw):
    item = open_item(pw)
    login(client, pw.world.officer_a1a)
    url = reverse("activities:followup_done", args=[item.pk])
    first = timezone.localdate() - dt.timedelta(days=3)
    client.post(url, close_data(item, first))
    item.refresh_from_db()
    assert (item.state, item.done_on) == (FollowUpState.DONE, first)
    # A forged post with the current version: the day and result it was closed with stay.
    response = client.post(url, close_data(item, timezone.localdate(), **{f"f{item.pk}-result": "Khác"}), follow=True)
    item.refresh_from_db()
    assert (item.done_on, item.result) == (first, "Đã rà soát")
    assert "đã được ghi nhận hoàn thành" in response.content.decode()


@pytest.mark.parametrize("raw", ["²", "9" * 30, "-1", "1.5"])
def test_progress_api_refuses_odd_plan_ids(api_client, pw, raw):
    login(api_client, pw.world.manager_a)
    assert api_client.get(reverse("api:task-progress-list"), {"plan": raw}).status_code == 400


@pytest.mark.parametrize("raw", ["²", "9" * 30])
def test_completions_api_ignores_odd_task_filters_and_refuses_odd_task_ids(api_client, pw, raw):
    TaskCompletion.objects.create(task=pw.cascade.task_everyone, done_on=dt.date(2017, 6, 20), evidence="Đã xong")
    login(api_client, pw.world.manager_a)
    url = reverse("api:task-completions-list")
    response = api_client.get(url, {"task": raw})
    assert response.status_code == 400
    body = {"task": raw, "done_on": str(timezone.localdate()), "evidence": "Báo cáo"}
    assert api_client.post(url, body, format="json").status_code == 400


# -- query counts ------------------------------------------------------------------------------------------------

def count_queries(client, url: str, params: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured.captured_queries)


def more_tasks(pw, count: int) -> list[PlanTask]:
    """count more tasks of the plan, each with a sub-item, an activity, a completion for one in three."""
    from tretho.programmes.models import Plan

    plan = pw.cascade.plan
    Plan.objects.filter(pk=plan.pk).update(status="draft")  # the plan's parts are locked once issued
    made = []
    for n in range(count):
        task = PlanTask.objects.create(plan=plan, title=f"Nhiệm vụ thêm {n}", order=50 + n,
                                       lead_agency=pw.union if n % 2 else pw.cascade.education,
                                       deadline=dt.date(2030, 1, 1))
        child = PlanTask.objects.create(plan=plan, parent=task, title=f"Nhiệm vụ thêm {n}.1", order=1)
        made += [task, child]
    plan.refresh_from_db()
    return made


def test_plan_page_board_and_progress_page_queries_do_not_grow(client, pw):
    cascade = pw.cascade
    status = cascade.plan.status
    pages = {
        "plan": (cascade.plan.get_absolute_url(), {}),
        "board": (reverse("programmes:task_board"), {"agency": ""}),
        "progress": (reverse("activities:task_progress", args=[cascade.task_both.pk]), {}),
    }
    login(client, pw.world.manager_a)
    for url, params in pages.values():
        client.get(url, params)  # warm the per-request caches (content types, scopes)
    before = {name: count_queries(client, url, params) for name, (url, params) in pages.items()}
    made = more_tasks(pw, 6)
    from tretho.programmes.models import Plan

    for n, task in enumerate(made):
        training(pw.world.commune_a1a, dt.date(2017, 5, 10), task, cascade.task_both)
        meeting(pw.world.commune_a1b, dt.date(2017, 6, 1), task, cascade.task_a1a)
        if n % 3 == 0:
            TaskCompletion.objects.create(task=task, done_on=dt.date(2017, 6, 20), evidence="Đã xong")
    Plan.objects.filter(pk=cascade.plan.pk).update(status=status)
    after = {name: count_queries(client, url, params) for name, (url, params) in pages.items()}
    assert after == before


def test_follow_ups_page_queries_do_not_grow(client, pw):
    open_item(pw)
    login(client, pw.world.officer_a1a)
    url = reverse("activities:followup_overdue")
    client.get(url)
    before = count_queries(client, url)
    for n in range(8):
        open_item(pw, days_late=n)
    assert count_queries(client, url) == before


def test_overdue_per_unit_in_vietnamese_order(client, pw):
    world = pw.world
    for unit, name in ((world.commune_a1a, "Xã Ea Kao"), (world.commune_a1b, "Xã Đồng Tâm")):
        unit.name = name
        unit.save()
        held = meeting(unit, timezone.localdate() - dt.timedelta(days=60))
        MeetingFollowUp.objects.create(meeting=held, content="Rà soát nhóm trẻ",
                                       deadline=timezone.localdate() - dt.timedelta(days=3))
    login(client, world.manager_a)
    html = client.get(reverse("activities:followup_overdue")).content.decode()
    listed = html[html.index("per-unit"):]
    assert listed.index("Xã Đồng Tâm: 1") < listed.index("Xã Ea Kao: 1")  # D, Đ, E
