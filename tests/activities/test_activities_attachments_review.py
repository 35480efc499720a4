"""Review of attachments (R1): a task completion is its lead agency's statement, so only those who may mark the
task done (tretho.activities.progress.may_mark) add or remove its evidence files — not another agency's officer
of the same unit, who reads the completion — on the page, in the panel and through the API."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.activities import attachment_files as files
from tests.activities.progress_data import build_progress_world
from tretho.activities import attachments
from tretho.activities.models import Attachment, TaskCompletion
from tretho.core.testing.suites import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def completion(world):
    pw = build_progress_world(world)
    done = TaskCompletion.objects.create(task=pw.cascade.task_both, done_on=dt.date(2017, 11, 20),
                                         evidence="Đã kiện toàn 20 nhóm trẻ", marked_by=pw.lead_user)
    return pw, done


def add_url(owner) -> str:
    return reverse("activities:attachment_add", args=[owner._meta.model_name, owner.pk])


def upload() -> SimpleUploadedFile:
    return SimpleUploadedFile("bao-cao.pdf", files.PDF)


def test_only_who_may_mark_the_task_attaches_evidence_to_its_completion(client, completion):
    pw, done = completion
    login(client, pw.union_user)  # same province, cooperating agency: reads the completion
    assert client.get(done.get_absolute_url()).status_code == 200
    assert add_url(done) not in client.get(done.get_absolute_url()).content.decode()
    assert client.get(add_url(done)).status_code == 404
    response = client.post(add_url(done), {"title": "Báo cáo", "kind": "decision", "file": upload()})
    assert response.status_code == 404 and not Attachment.objects.exists()

    login(client, pw.lead_user)  # the lead agency
    assert add_url(done) in client.get(done.get_absolute_url()).content.decode()
    response = client.post(add_url(done), {"title": "Báo cáo", "kind": "decision", "file": upload()})
    assert response.status_code == 302 and done.attachments.count() == 1


def test_only_who_may_mark_removes_a_completions_evidence(client, completion):
    pw, done = completion
    attachment = attachments.do_attach(done, acting_user=pw.lead_user, upload=upload(), title="Báo cáo",
                                       kind="decision")
    url = reverse("activities:attachment_delete", args=[attachment.pk])
    login(client, pw.union_user)
    assert client.post(url).status_code == 404
    assert Attachment.objects.filter(pk=attachment.pk).exists()
    login(client, pw.world.manager_a)  # the plan unit's manager may mark any task
    assert client.post(url).status_code == 302
    assert not Attachment.objects.exists()


def test_the_api_applies_the_same_rule(api_client, completion):
    pw, done = completion
    url = "/api/v1/activity-attachments/"
    data = {"owner_type": "taskcompletion", "owner_id": done.pk, "title": "Báo cáo", "kind": "decision"}
    login(api_client, pw.union_user)
    assert api_client.post(url, data | {"file": upload()}, format="multipart").status_code == 403
    login(api_client, pw.lead_user)
    created = api_client.post(url, data | {"file": upload()}, format="multipart")
    assert created.status_code == 201, created.content
    login(api_client, pw.union_user)
    detail = f"{url}{created.json()['id']}/"
    assert api_client.get(detail).status_code == 200
    assert api_client.delete(detail).status_code == 404
    assert Attachment.objects.count() == 1


@pytest.mark.parametrize("raw", ["9" * 30, "1e30", "-5", "²"])
def test_the_api_owner_filter_answers_odd_ids_without_a_500(api_client, world, raw):
    login(api_client, world.officer_a1a)
    response = api_client.get("/api/v1/activity-attachments/", {"owner_type": "training", "owner_id": raw})
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert response.json()["results"] == []
