"""Supervision visits name the plan tasks they carry out: the visit form offers the tasks the user may see of plans
of the group's unit or above (grouped by plan, as on an activity's form) and refuses a task of another area; the
API does the same."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.activities.progress_data import build_progress_world
from tests.registry.supervision_helpers import make_group
from tests.registry.test_registry_supervision_suites import visit_post
from tretho.core.testing.suites import login
from tretho.registry.models import SupervisionVisit
from tretho.registry.supervision.standard import ensure_standard_checklist

pytestmark = pytest.mark.django_db


@pytest.fixture
def pw(world):
    return build_progress_world(world)


def test_the_visit_form_offers_the_tasks_of_plans_above_and_saves_them(client, pw):
    world, task = pw.world, pw.cascade.task_everyone
    group = make_group(world.commune_a1a)
    login(client, world.officer_a1a)
    url = reverse("registry:supervisionvisit_add")
    page = client.get(url, {"group": group.pk, "date": "10/06/2025"}).content.decode()
    assert f'name="tasks" value="{task.pk}"' in page  # the province's plan, above the commune
    response = client.post(url, visit_post(world, group) | {"tasks": [task.pk]})
    assert response.status_code == 302
    assert list(SupervisionVisit.objects.get(group=group).tasks.all()) == [task]


def test_a_task_of_another_areas_plan_is_refused(client, pw):
    world, task = pw.world, pw.cascade.task_everyone
    group = make_group(world.commune_b1)  # province B: the plan of province A is not above it
    login(client, world.superuser)
    url = reverse("registry:supervisionvisit_add")
    page = client.get(url, {"group": group.pk, "date": "10/06/2025"}).content.decode()
    assert f'name="tasks" value="{task.pk}"' not in page and "Chưa có kế hoạch nào của địa bàn này" in page
    response = client.post(url, visit_post(world, group) | {"tasks": [task.pk]})
    assert response.status_code == 400 and "thuộc kế hoạch của địa bàn khác" in response.content.decode()
    assert not SupervisionVisit.objects.filter(group=group).exists()


def test_the_api_exposes_and_checks_the_tasks(client, pw):
    world, task = pw.world, pw.cascade.task_everyone
    ensure_standard_checklist()
    login(client, world.superuser)
    mine, theirs = make_group(world.commune_a1a), make_group(world.commune_b1)
    url = "/api/v1/supervision-visits/"
    refused = client.post(url, {"group": theirs.pk, "date": "2025-06-10", "tasks": [task.pk]},
                          content_type="application/json")
    assert refused.status_code == 400 and "tasks" in refused.json()
    created = client.post(url, {"group": mine.pk, "date": "2025-06-10", "tasks": [task.pk]},
                          content_type="application/json")
    assert created.status_code == 201, created.content
    assert created.json()["tasks"] == [task.pk]
    assert list(SupervisionVisit.objects.get(group=mine).tasks.all()) == [task]
