"""The attachments API: scoped list (filtered by owner), multipart create with the page's rules, download back
byte for byte, attendance sheets kept from viewers, removal by those who may change the owner."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.activities import attachment_files as files
from tretho.activities import attachments
from tretho.activities.models import Attachment, Training
from tretho.audit.models import RecordAccess

URL = "/api/v1/activity-attachments/"


def make_training(unit: Any, title: str = "Tập huấn bảo mẫu") -> Training:
    return Training.objects.create(title=title, start_date=dt.date(2017, 5, 10), unit=unit)


def rows(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def post(client: Any, owner: Any, name: str, content: bytes, **fields: Any) -> Any:
    data = {"owner_type": owner._meta.model_name, "owner_id": owner.pk, "title": "Biên bản", "kind": "minutes",
            "file": SimpleUploadedFile(name, content)} | fields
    return client.post(URL, data, format="multipart")


def test_api_lists_creates_and_downloads_within_scope(world, api_client):
    training = make_training(world.commune_a1a)
    other = make_training(world.commune_a1a, "Lớp khác")
    elsewhere = make_training(world.commune_b1)
    api_client.force_authenticate(world.officer_a1a)

    created = post(api_client, training, "Nguyen Van An.docx", files.docx_bytes())
    assert created.status_code == 201, created.content
    data = created.json()
    attachment = Attachment.objects.get(pk=data["id"])
    assert (data["owner_type"], data["owner_id"], data["unit"]) == ("training", training.pk, world.commune_a1a.pk)
    assert data["size"] == attachment.size and "file" not in data
    assert "nguyen" not in attachment.file.name.lower()
    attachments.do_attach(other, acting_user=world.officer_a1a, upload=SimpleUploadedFile("a.pdf", files.PDF),
                          title="Ảnh", kind="photo")

    assert {row["id"] for row in rows(api_client.get(URL, {"owner_type": "training", "owner_id": training.pk}))} == {
        attachment.pk}
    assert len(rows(api_client.get(URL))) == 2
    assert api_client.get(f"{URL}{attachment.pk}/").json()["title"] == "Biên bản"

    download = api_client.get(data["download_url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == attachment.file.storage.open(attachment.file.name).read()
    assert download["Content-Disposition"] == 'attachment; filename="bien-ban.docx"'
    assert download["X-Content-Type-Options"] == "nosniff"

    # The same rules as the page: a renamed executable, and an owner out of scope.
    refused = post(api_client, training, "bien-ban.pdf", files.EXE)
    assert refused.status_code == 400
    assert refused.json()["file"] == ["Nội dung tệp không phải là tệp .pdf (tệp hỏng hoặc bị đổi đuôi), không nhận."]
    assert post(api_client, elsewhere, "a.pdf", files.PDF).status_code == 400
    assert post(api_client, training, "a.pdf", files.PDF, owner_type="attachment").status_code == 400
    assert Attachment.objects.count() == 2

    api_client.force_authenticate(world.officer_b1)
    assert rows(api_client.get(URL)) == []
    assert api_client.get(f"{URL}{attachment.pk}/").status_code == 404
    assert api_client.get(f"{URL}{attachment.pk}/download/").status_code == 404

    api_client.force_authenticate(world.viewer_a)
    assert post(api_client, training, "a.pdf", files.PDF).status_code == 403  # sees it, may not change it


def test_api_keeps_attendance_sheets_from_viewers(world, api_client, settings):
    training = make_training(world.commune_a1a)
    sheet = attachments.do_attach(training, acting_user=world.officer_a1a, kind="attendance", title="Danh sách",
                                  upload=SimpleUploadedFile("ds.pdf", files.PDF))
    photo = attachments.do_attach(training, acting_user=world.officer_a1a, kind="photo", title="Ảnh",
                                  upload=SimpleUploadedFile("a.png", files.png()))
    api_client.force_authenticate(world.viewer_a)
    assert [row["id"] for row in rows(api_client.get(URL))] == [photo.pk]
    assert api_client.get(f"{URL}{sheet.pk}/download/").status_code == 404
    assert api_client.get(f"{URL}{photo.pk}/download/").status_code == 200
    api_client.force_authenticate(world.approver_a1)
    assert api_client.get(f"{URL}{sheet.pk}/download/").status_code == 200
    assert RecordAccess.objects.get().object_id == str(sheet.pk)  # an attendance sheet's read is logged

    settings.ACTIVITY_ATTACHMENT_MAX_BYTES = 100
    api_client.force_authenticate(world.officer_a1a)
    too_big = post(api_client, training, "a.pdf", files.PDF[:10] + b" " * 290)
    assert too_big.status_code == 400
    assert too_big.json()["file"] == ["Tệp quá lớn (300 byte): mỗi tệp tối đa 100 byte."]


def test_api_removes_for_those_who_may_change_the_owner(world, api_client, django_capture_on_commit_callbacks):
    training = make_training(world.commune_a1a)
    attachment = attachments.do_attach(training, acting_user=world.officer_a1a, kind="photo", title="Ảnh",
                                       upload=SimpleUploadedFile("a.png", files.png()))
    name = attachment.file.name
    for user in (world.viewer_a, world.approver_a1, world.officer_b1):
        api_client.force_authenticate(user)
        assert api_client.delete(f"{URL}{attachment.pk}/").status_code == 404
    api_client.force_authenticate(world.officer_a1a)  # an officer has no DELETE right, but changes the activity
    assert api_client.patch(f"{URL}{attachment.pk}/", {"title": "x"}, format="multipart").status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        assert api_client.delete(f"{URL}{attachment.pk}/").status_code == 204
    assert not Attachment.objects.exists()
    assert not default_storage.exists(name)
