"""Task progress pages: marking a task done (who may: the lead agency and the plan unit's managers; a cooperating
agency may not; another province does not see the task), undoing it with history, the completion page, the plan
page's badges and per-agency summary, the agency task board, and the meeting follow-ups page with its action."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.activities.progress_data import build_progress_world, meeting, training
from tretho.activities.choices import FollowUpState
from tretho.activities.models import MeetingFollowUp, TaskCompletion
from tretho.core.testing.suites import login

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def pw(world):
    return build_progress_world(world)


def text(response) -> str:
    return response.content.decode()


def yesterday() -> str:
    return (timezone.localdate() - dt.timedelta(days=1)).strftime("%d/%m/%Y")



def test_task_page_lists_the_supervision_visits_naming_it(client, pw):
    from tests.registry.records_factories import make_visit
    from tests.registry.supervision_helpers import make_group

    task = pw.cascade.task_everyone
    visit = make_visit(pw.world, make_group(pw.world.commune_a1a, name="Nhóm trẻ Sơn Ca"), dt.date(2017, 5, 12))
    visit.tasks.add(task)
    login(client, pw.world.manager_a)
    page = text(client.get(reverse("activities:task_progress", args=[task.pk])))
    assert visit.get_absolute_url() in page
    assert "12/05/2017" in page and "Giám sát nhóm trẻ (1)" in page
    assert pw.world.commune_a1a.name in page
    plan = text(client.get(pw.cascade.plan.get_absolute_url()))
    assert "1 hoạt động" in plan

# -- marking done ----------------------------------------------------------------------------------------------

def test_lead_agency_marks_a_task_done_with_evidence_and_activities(client, pw):
    task = pw.cascade.task_both  # led by Sở GD&ĐT
    done = training(pw.world.commune_a1a, dt.date(2017, 5, 10), pw.cascade.task_a1a, title="Tập huấn bảo mẫu Hòa An")
    login(client, pw.lead_user)
    url = reverse("activities:task_complete", args=[task.pk])
    page = text(client.get(url))
    assert "Tập huấn bảo mẫu Hòa An" in page  # the sub-item's activity offered as evidence

    assert client.post(url, {"done_on": "", "evidence": ""}).status_code == 400
    future = (timezone.localdate() + dt.timedelta(days=2)).strftime("%d/%m/%Y")
    response = client.post(url, {"done_on": future, "evidence": "Báo cáo"})
    assert response.status_code == 400 and "không thể sau hôm nay" in text(response)
    assert not TaskCompletion.objects.exists()

    response = client.post(url, {"done_on": yesterday(), "evidence": "Đã kiện toàn 20 nhóm trẻ",
                                 "activities": [f"training:{done.pk}"]})
    completion = TaskCompletion.objects.get(task=task)
    assert response["Location"] == reverse("activities:taskcompletion_detail", args=[completion.pk])
    assert completion.marked_by == pw.lead_user and completion.done_on == timezone.localdate() - dt.timedelta(1)
    assert "Đã kiện toàn 20 nhóm trẻ" in completion.evidence and "Tập huấn bảo mẫu Hòa An (10/05/2017)" in \
        completion.evidence

    detail = text(client.get(completion.get_absolute_url()))
    assert "Đã kiện toàn 20 nhóm trẻ" in detail and "Bỏ xác nhận" in detail and "Lịch sử xác nhận" in detail
    progress_page = text(client.get(reverse("activities:task_progress", args=[task.pk])))
    assert "Đã hoàn thành" in progress_page and "Tập huấn bảo mẫu Hòa An" in progress_page
    assert f'{reverse("activities:training_list")}?task={task.pk}' in progress_page  # H1's filtered list


def test_cooperating_agency_may_not_mark_and_another_province_sees_nothing(client, pw):
    task = pw.cascade.task_both  # Hội LHPN tỉnh only cooperates
    url = reverse("activities:task_complete", args=[task.pk])
    login(client, pw.union_user)
    assert client.get(url).status_code == 403
    assert client.post(url, {"done_on": yesterday(), "evidence": "x"}).status_code == 403
    page = text(client.get(reverse("activities:task_progress", args=[task.pk])))
    assert "task-progress-overdue" in page and url not in page  # reads the progress (due 2017), no button
    # …but it leads task 2.
    assert client.get(reverse("activities:task_complete", args=[pw.cascade.task_everyone.pk])).status_code == 200

    login(client, pw.world.officer_a1a)  # a commune officer reads the province plan, marks nothing there
    assert client.get(url).status_code == 403
    login(client, pw.world.officer_b1)
    assert client.get(url).status_code == 404
    assert client.get(reverse("activities:task_progress", args=[task.pk])).status_code == 404
    assert not TaskCompletion.objects.exists()


def test_plan_manager_marks_any_task_and_undo_is_recorded(client, pw):
    task = pw.cascade.task_everyone
    login(client, pw.world.manager_a)
    client.post(reverse("activities:task_complete", args=[task.pk]), {"done_on": yesterday(),
                                                                        "evidence": "Đã tập huấn 3 lớp"})
    completion = TaskCompletion.objects.get(task=task)
    undo = reverse("activities:taskcompletion_undo", args=[completion.pk])

    login(client, pw.lead_user)  # Sở GD&ĐT does not lead task 2
    assert client.post(undo).status_code == 403
    login(client, pw.world.officer_b1)
    assert client.post(undo).status_code == 404
    assert client.get(completion.get_absolute_url()).status_code == 404

    login(client, pw.union_user)
    response = client.post(undo)
    assert response["Location"] == reverse("activities:task_progress", args=[task.pk])
    assert not TaskCompletion.objects.exists()
    records = list(TaskCompletion.history.filter(task_id=task.pk).order_by("history_date", "history_id"))
    assert [(r.history_type, r.history_user) for r in records] == [("+", pw.world.manager_a), ("-", pw.union_user)]
    page = text(client.get(reverse("activities:task_progress", args=[task.pk])))
    assert "Bỏ xác nhận" in page and "Đã tập huấn 3 lớp" in page  # the history keeps the undone mark


# -- the plan page and the board -------------------------------------------------------------------------------

def test_plan_page_shows_each_tasks_progress_and_the_agency_summary(client, pw):
    cascade = pw.cascade
    training(pw.world.commune_a1a, dt.date(2017, 5, 10), cascade.task_a1a)
    training(pw.world.commune_a1b, dt.date(2017, 5, 12), cascade.task_a1b)
    TaskCompletion.objects.create(task=cascade.task_everyone, done_on=dt.date(2017, 6, 20), evidence="Đã xong")
    login(client, pw.world.manager_a)
    html = text(client.get(cascade.plan.get_absolute_url()))
    assert html.count("task-progress-done") == 1
    assert html.count("task-progress-overdue") == 1  # task 1, due 30/11/2017, long past
    assert html.count("task-progress-in_progress") == 2  # 1.1 and 1.2
    assert html.count("task-progress-not_started") == 1  # task 3
    assert reverse("activities:task_progress", args=[cascade.task_both.pk]) in html
    assert "2 hoạt động" in html  # task 1: the trainings of its two sub-items
    summary = html[html.index("Tiến độ nhiệm vụ theo cơ quan chủ trì"):]
    summary = summary[:summary.index("</table>")]
    rows = summary.split("<tr>")[2:]
    cells = {row.split("</td>")[0].split("<td>")[1]: [c.split(">")[-1] for c in row.split("</td>")[1:6]]
             for row in rows}
    assert cells[cascade.education.name] == ["0", "2", "0", "1", "3"]
    assert cells[pw.union.name] == ["0", "0", "1", "0", "1"]
    assert cells["Chưa giao chủ trì"] == ["1", "0", "0", "0", "1"]


def test_board_shows_progress_and_overdue_means_not_done(client, pw, monkeypatch):
    cascade = pw.cascade
    monkeypatch.setattr("tretho.programmes.board.timezone.localdate", lambda: dt.date(2017, 7, 15))
    url = reverse("programmes:task_board")
    login(client, pw.world.manager_a)
    overdue = text(client.get(url, {"agency": "", "when": "overdue"}))
    assert cascade.task_everyone.title in overdue and "task-progress-overdue" in overdue

    TaskCompletion.objects.create(task=cascade.task_everyone, done_on=dt.date(2017, 7, 1), evidence="Đã xong")
    overdue = text(client.get(url, {"agency": "", "when": "overdue"}))
    assert cascade.task_everyone.title not in overdue
    done = text(client.get(url, {"agency": "", "when": "done"}))
    assert cascade.task_everyone.title in done and cascade.task_both.title not in done
    assert "task-progress-done" in done and "table-success" in done
    everything = text(client.get(url, {"agency": ""}))
    assert reverse("activities:task_progress", args=[cascade.task_everyone.pk]) in everything


# -- meeting follow-ups ----------------------------------------------------------------------------------------

def follow_ups(pw):
    today = timezone.localdate()
    held = meeting(pw.world.commune_a1a, today - dt.timedelta(days=60), title="Họp Ban Chỉ đạo xã Hòa An")
    late = MeetingFollowUp.objects.create(meeting=held, content="Rà soát nhóm trẻ chưa cấp phép",
                                          deadline=today - dt.timedelta(days=10))
    later = MeetingFollowUp.objects.create(meeting=held, content="Tổ chức tập huấn bảo mẫu",
                                           deadline=today + dt.timedelta(days=10))
    MeetingFollowUp.objects.create(meeting=held, content="Báo cáo sơ kết", state=FollowUpState.DONE,
                                   done_on=today - dt.timedelta(days=5), deadline=today - dt.timedelta(days=20))
    other = meeting(pw.world.commune_b1, today - dt.timedelta(days=60), title="Họp xã khác")
    MeetingFollowUp.objects.create(meeting=other, content="Việc của tỉnh khác", deadline=today - dt.timedelta(1))
    return late, later


def test_follow_ups_page_lists_open_items_in_scope_overdue_first(client, pw):
    late, later = follow_ups(pw)
    login(client, pw.world.officer_a1a)
    html = text(client.get(reverse("activities:followup_overdue")))
    assert html.index(late.content) < html.index(later.content)
    assert "quá hạn 10 ngày" in html and "Báo cáo sơ kết" not in html and "Việc của tỉnh khác" not in html
    assert reverse("activities:followup_done", args=[late.pk]) in html
    login(client, pw.world.viewer_a)  # reads, closes nothing
    html = text(client.get(reverse("activities:followup_overdue")))
    assert late.content in html and reverse("activities:followup_done", args=[late.pk]) not in html


def test_follow_up_done_action(client, pw):
    late, _later = follow_ups(pw)
    url = reverse("activities:followup_done", args=[late.pk])
    data = {f"f{late.pk}-done_on": yesterday(), f"f{late.pk}-result": "Đã rà soát 4 nhóm",
            f"f{late.pk}-version": late.version}
    login(client, pw.world.officer_b1)
    assert client.post(url, data).status_code == 404
    login(client, pw.world.viewer_a)
    assert client.post(url, data).status_code == 404
    login(client, pw.world.officer_a1a)
    response = client.post(url, data)
    assert response["Location"] == reverse("activities:followup_overdue")
    late.refresh_from_db()
    assert (late.state, late.done_on, late.result) == (FollowUpState.DONE, timezone.localdate() - dt.timedelta(1),
                                                       "Đã rà soát 4 nhóm")
    response = client.post(url, data, follow=True)  # a stale version is refused, nothing changes
    assert "vừa được người khác sửa" in text(response)
    assert late.content not in text(client.get(reverse("activities:followup_overdue")))
