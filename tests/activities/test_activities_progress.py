"""The derived progress of plan tasks (tretho.activities.progress): each state, the deadline day, sub-items, done
beating overdue, future activities, the per-agency summary, and a fixed number of queries however many tasks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.activities.progress_data import build_progress_world, meeting, training
from tretho.activities import progress
from tretho.activities.choices import TaskProgress
from tretho.activities.models import TaskCompletion
from tretho.programmes.models import PlanTask

pytestmark = pytest.mark.django_db
MAY = dt.date(2017, 5, 15)


@pytest.fixture
def pw(world):
    return build_progress_world(world)


def state(task, today, user=None):
    return progress.task_progress([task], user=user, today=today)[task.pk].state


def test_not_started_until_an_activity_took_place(pw):
    task = pw.cascade.task_everyone  # deadline 30/06/2017
    assert state(task, MAY) == TaskProgress.NOT_STARTED
    training(pw.world.province_a, dt.date(2017, 6, 1), task)  # planned for next month: not started yet
    assert state(task, MAY) == TaskProgress.NOT_STARTED
    training(pw.world.commune_a1a, MAY, task)  # on the day itself: started
    assert state(task, MAY) == TaskProgress.IN_PROGRESS


def test_overdue_after_the_deadline_day_not_on_it(pw):
    task = pw.cascade.task_everyone
    training(pw.world.province_a, MAY, task)
    assert state(task, dt.date(2017, 6, 30)) == TaskProgress.IN_PROGRESS
    assert state(task, dt.date(2017, 7, 1)) == TaskProgress.OVERDUE
    assert state(pw.cascade.task_only_a1b, dt.date(2030, 1, 1)) == TaskProgress.NOT_STARTED  # no deadline


def test_done_beats_overdue(pw):
    task = pw.cascade.task_everyone
    TaskCompletion.objects.create(task=task, done_on=dt.date(2017, 7, 20), evidence="Báo cáo số 12/BC-HPN")
    assert state(task, dt.date(2017, 8, 1)) == TaskProgress.DONE
    assert state(task, MAY) == TaskProgress.DONE


def test_an_activity_of_a_sub_item_starts_the_task_and_not_its_sibling(pw):
    cascade = pw.cascade
    # The plan is issued (locked): a third level added behind the lock, as an amendment would carry it.
    grandchild = PlanTask.objects.bulk_create(
        [PlanTask(plan=cascade.plan, parent=cascade.task_a1a, title="Rà soát nhóm trẻ", order=9)])[0]
    meeting(pw.world.commune_a1a, MAY, grandchild)
    states = progress.task_progress([cascade.task_both, cascade.task_a1a, cascade.task_a1b, grandchild],
                                    today=MAY)
    assert states[cascade.task_both.pk].state == TaskProgress.IN_PROGRESS  # two levels up
    assert states[cascade.task_a1a.pk].state == TaskProgress.IN_PROGRESS
    assert states[grandchild.pk].state == TaskProgress.IN_PROGRESS
    assert states[cascade.task_a1b.pk].state == TaskProgress.NOT_STARTED


def test_counts_are_the_viewers_and_the_state_is_everyones(pw):
    world, task = pw.world, pw.cascade.task_everyone
    training(world.commune_a1a, MAY, task)
    training(world.commune_a1b, MAY, task, title="Tập huấn tại Tân Phú")
    both = progress.task_progress([task], user=world.manager_a, today=MAY)[task.pk]
    assert (both.state, both.counts) == (TaskProgress.IN_PROGRESS, {"training": 2})
    own = progress.task_progress([task], user=world.officer_a1a, today=MAY)[task.pk]
    assert (own.state, own.counts) == (TaskProgress.IN_PROGRESS, {"training": 1})


def test_one_activity_naming_a_task_and_its_sub_item_counts_once(pw):
    cascade = pw.cascade
    training(pw.world.province_a, MAY, cascade.task_both, cascade.task_a1a)
    result = progress.task_progress([cascade.task_both], user=pw.world.manager_a, today=MAY)
    assert result[cascade.task_both.pk].activity_count == 1


def test_per_agency_summary(pw):
    cascade = pw.cascade
    training(pw.world.province_a, MAY, cascade.task_both)
    TaskCompletion.objects.create(task=cascade.task_everyone, done_on=MAY, evidence="Đã tập huấn 3 lớp")
    tasks, states, summary = progress.plan_tasks_progress(cascade.plan, today=dt.date(2017, 12, 15))
    rows = {str(row.name): dict(zip(progress.STATE_ORDER, row.cells(), strict=True)) for row in summary}
    # Sở GD&ĐT leads task 1 (overdue on 15/12/2017) and, through it, its sub-items 1.1 and 1.2, which have no
    # deadline of their own and no activity: not started.
    education = cascade.education.name
    assert rows[education] == {TaskProgress.NOT_STARTED: 2, TaskProgress.IN_PROGRESS: 0, TaskProgress.DONE: 0,
                               TaskProgress.OVERDUE: 1}
    assert rows[pw.union.name][TaskProgress.DONE] == 1
    assert [str(row.name) for row in summary][-1] == "Chưa giao chủ trì"  # task 3 has no lead
    assert summary[-1].cells() == [1, 0, 0, 0]


def test_query_count_does_not_grow_with_tasks(pw):
    cascade = pw.cascade
    few = list(PlanTask.objects.filter(pk__in=[cascade.task_both.pk, cascade.task_everyone.pk]))
    progress.task_progress(few, user=pw.world.manager_a, today=MAY)  # the user's scopes, computed once a request
    with CaptureQueriesContext(connection) as small:
        progress.task_progress(few, user=pw.world.manager_a, today=MAY)
    more = PlanTask.objects.bulk_create([PlanTask(plan=cascade.plan, title=f"Nhiệm vụ {n}", order=20 + n)
                                         for n in range(30)])
    for task in more[:10]:
        training(pw.world.commune_a1a, MAY, task)
    TaskCompletion.objects.create(task=more[20], done_on=MAY, evidence="Biên bản nghiệm thu")
    many = list(PlanTask.objects.filter(plan=cascade.plan))
    with CaptureQueriesContext(connection) as large:
        result = progress.task_progress(many, user=pw.world.manager_a, today=MAY)
    assert len(large.captured_queries) == len(small.captured_queries) <= 1 + len(progress.PROGRESS_MODELS)
    assert result[more[3].pk].state == TaskProgress.IN_PROGRESS and result[more[20].pk].state == TaskProgress.DONE


def test_a_supervision_visit_naming_the_task_moves_it_to_in_progress(pw):
    from tests.registry.records_factories import make_visit
    from tests.registry.supervision_helpers import make_group

    task = pw.cascade.task_everyone
    group = make_group(pw.world.commune_a1a)
    planned = make_visit(pw.world, group, dt.date(2017, 6, 1))  # next month: does not start the task
    planned.tasks.add(task)
    assert state(task, MAY) == TaskProgress.NOT_STARTED
    visit = make_visit(pw.world, group, dt.date(2017, 5, 12))
    visit.tasks.add(task)
    result = progress.task_progress([task], user=pw.world.officer_b1, today=MAY)[task.pk]
    assert result.state == TaskProgress.IN_PROGRESS and result.counts == {}  # the state is everyone's
    mine = progress.task_progress([task], user=pw.world.officer_a1a, today=MAY)[task.pk]
    assert mine.counts == {"supervisionvisit": 2}
