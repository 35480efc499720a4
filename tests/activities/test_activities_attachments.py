"""Attachments of activities: accepted types checked by extension and content, size and count limits with
Vietnamese messages, files back byte for byte, random stored names, scope (404 outside), attendance sheets kept
from viewers (and their reads logged), the unit following the activity, files going with their activity, and the
{% attachments_panel %} tag."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse

from tests.activities import attachment_files as files
from tests.programmes.factories import make_plan
from tretho.activities import attachments
from tretho.activities.models import Attachment, Meeting, TaskCompletion, Training
from tretho.audit.models import RecordAccess
from tretho.core.testing.suites import login
from tretho.programmes.models import PlanTask

STORED_NAME = re.compile(r"^activities/\d{4}/\d{2}/[0-9a-f]{32}\.[a-z]+$")


def make_training(unit: Any, **fields: Any) -> Training:
    values = {"title": "Tập huấn chăm sóc trẻ cho bảo mẫu", "start_date": dt.date(2017, 5, 10), "unit": unit}
    return Training.objects.create(**values | fields)


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def attach(owner: Any, user: Any, name: str, content: bytes, kind: str = "photo", title: str = "Ảnh lớp học") -> Any:
    return attachments.do_attach(owner, acting_user=user, upload=upload(name, content), title=title, kind=kind)


def client_for(user: Any) -> Client:
    client = Client()
    login(client, user)
    return client


def stored_files(path: str = "activities") -> set[str]:
    """Every file under path in the default storage (in memory in the tests)."""
    try:
        folders, names = default_storage.listdir(path)
    except FileNotFoundError:
        return set()
    found = {f"{path}/{name}" for name in names}
    for folder in folders:
        found |= stored_files(f"{path}/{folder}")
    return found


def body(response: Any) -> bytes:
    return b"".join(response.streaming_content)


def add_url(owner: Any) -> str:
    return reverse("activities:attachment_add", args=[owner._meta.model_name, owner.pk])


# -- the rules of a file ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "content", "mime_type"), [
    ("anh.jpg", files.JPEG, "image/jpeg"),
    ("anh.JPEG", files.JPEG, "image/jpeg"),
    ("anh.png", files.png(), "image/png"),
    ("anh.webp", files.WEBP, "image/webp"),
    ("bien-ban.pdf", files.PDF, "application/pdf"),
    ("bien-ban.docx", files.docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("danh-sach.xlsx", files.xlsx_bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("bien-ban.odt", files.odf_bytes("application/vnd.oasis.opendocument.text"),
     "application/vnd.oasis.opendocument.text"),
    ("danh-sach.ods", files.odf_bytes("application/vnd.oasis.opendocument.spreadsheet"),
     "application/vnd.oasis.opendocument.spreadsheet"),
    ("bien-ban.doc", files.ole2("WordDocument"), "application/msword"),
    ("danh-sach.xls", files.ole2("Workbook"), "application/vnd.ms-excel"),
])
def test_accepted_types_are_recognised_by_their_content(name, content, mime_type):
    assert attachments.check_upload(upload(name, content)).mime_type == mime_type


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("bien-ban.pdf", files.EXE, "content"),  # an .exe renamed .pdf
    ("chuong-trinh.exe", files.EXE, "type"),
    ("anh.png", files.JPEG, "content"),
    ("anh.jpg", files.png(), "content"),
    ("bien-ban.docx", files.plain_zip(), "content"),  # a zip, but no word/document.xml
    ("bien-ban.docx", files.xlsx_bytes(), "content"),  # a workbook renamed .docx
    ("danh-sach.xlsx", files.docx_bytes(), "content"),
    ("bien-ban.odt", files.odf_bytes("application/vnd.oasis.opendocument.spreadsheet"), "content"),
    ("bien-ban.doc", files.ole2("Workbook"), "content"),
    ("danh-sach.xls", files.ole2("WordDocument"), "content"),
    ("trang.html", b"<html><script>alert(1)</script></html>", "type"),
    ("anh.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "type"),
    ("khong-duoi", files.PDF, "type"),
    ("rong.pdf", b"", "empty"),
])
def test_other_files_are_refused_with_the_reason(name, content, reason):
    with pytest.raises(ValidationError) as raised:
        attachments.check_upload(upload(name, content))
    assert raised.value.code == reason


def test_download_name_is_ascii_from_the_title():
    attachment = Attachment(title="Biên bản Hội nghị sơ kết / Đồng Nai 2017", file="activities/2017/05/ab.pdf")
    assert attachments.download_name(attachment) == "bien-ban-hoi-nghi-so-ket-dong-nai-2017.pdf"
    assert attachments.download_name(Attachment(title="“…”", file="activities/x.png")) == "tep-dinh-kem.png"


# -- upload and download through the pages ---------------------------------------------------------------------

@pytest.mark.parametrize(("name", "content"), [
    ("Nguyen_Van_An_bien_ban.pdf", files.PDF),
    ("Nguyen_Van_An_anh.png", files.png()),
    ("Nguyen_Van_An_bien_ban.docx", files.docx_bytes()),
])
def test_upload_then_download_gives_the_same_bytes_under_a_random_stored_name(world, name, content):
    training = make_training(world.commune_a1a)
    client = client_for(world.officer_a1a)
    page = client.get(add_url(training))
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.content.decode()

    response = client.post(add_url(training), {"title": "Biên bản lớp tập huấn", "kind": "minutes",
                                               "file": upload(name, content)})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.activity == training
    assert attachment.unit == world.commune_a1a
    assert attachment.size == len(content)
    assert attachment.created_by == world.officer_a1a
    assert STORED_NAME.match(attachment.file.name), attachment.file.name
    assert "nguyen" not in attachment.file.name.lower() and "bien" not in attachment.file.name.lower()

    download = client.get(reverse("activities:attachment_download", args=[attachment.pk]))
    assert download.status_code == 200
    assert body(download) == content
    extension = name.rsplit(".", 1)[1]
    assert download["Content-Disposition"] == f'attachment; filename="bien-ban-lop-tap-huan.{extension}"'
    assert download["Content-Type"] == attachment.mime_type
    assert download["X-Content-Type-Options"] == "nosniff"


def test_detail_page_shows_the_file_and_what_the_user_may_do(world):
    training = make_training(world.commune_a1a)
    attachment = attach(training, world.officer_a1a, "x.pdf", files.PDF, kind="minutes", title="Biên bản")
    url = reverse("activities:attachment_detail", args=[attachment.pk])
    page = client_for(world.officer_a1a).get(url).content.decode()
    assert "Biên bản" in page and reverse("activities:attachment_download", args=[attachment.pk]) in page
    assert reverse("activities:attachment_delete", args=[attachment.pk]) in page
    viewer_page = client_for(world.viewer_a).get(url).content.decode()
    assert "Biên bản" in viewer_page
    assert reverse("activities:attachment_delete", args=[attachment.pk]) not in viewer_page
    assert client_for(world.officer_b1).get(url).status_code == 404


def test_too_large_a_file_is_refused_with_the_vietnamese_message_and_nothing_is_stored(world, settings):
    settings.ACTIVITY_ATTACHMENT_MAX_BYTES = 1024
    training = make_training(world.commune_a1a)
    before = stored_files()
    response = client_for(world.officer_a1a).post(add_url(training), {
        "title": "Ảnh lớn", "kind": "photo", "file": upload("anh.pdf", files.PDF + b"0" * 2000)})
    assert response.status_code == 400
    assert "Tệp quá lớn (2,1 KB): mỗi tệp tối đa 1,0 KB." in response.content.decode()
    assert not Attachment.objects.exists()
    assert stored_files() == before


def test_a_body_far_over_the_limit_is_refused_by_its_length(world, settings):
    settings.ACTIVITY_ATTACHMENT_MAX_BYTES = 1024
    training = make_training(world.commune_a1a)
    response = client_for(world.officer_a1a).post(add_url(training), {
        "title": "Video", "kind": "photo", "file": upload("a.pdf", files.PDF + b"0" * 200_000)})
    assert response.status_code == 413
    assert "Tệp quá lớn: mỗi tệp tối đa 1,0 KB." in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_renamed_executable_is_refused_and_nothing_is_stored(world):
    training = make_training(world.commune_a1a)
    before = stored_files()
    response = client_for(world.officer_a1a).post(add_url(training), {
        "title": "Biên bản", "kind": "minutes", "file": upload("bien-ban.pdf", files.EXE)})
    assert response.status_code == 400
    assert "Nội dung tệp không phải là tệp .pdf (tệp hỏng hoặc bị đổi đuôi), không nhận." in response.content.decode()
    assert not Attachment.objects.exists()
    assert stored_files() == before


def test_an_activity_holds_at_most_the_set_number_of_files(world, settings):
    settings.ACTIVITY_ATTACHMENT_MAX_COUNT = 2
    training = make_training(world.commune_a1a)
    attach(training, world.officer_a1a, "a.pdf", files.PDF)
    attach(training, world.officer_a1a, "b.pdf", files.PDF)
    before = stored_files()
    response = client_for(world.officer_a1a).post(add_url(training), {
        "title": "Thêm", "kind": "photo", "file": upload("c.png", files.png())})
    assert response.status_code == 400
    assert "Mỗi hoạt động có tối đa 2 tệp đính kèm" in response.content.decode()
    assert Attachment.objects.count() == 2 and stored_files() == before


# -- scope -----------------------------------------------------------------------------------------------------

def test_out_of_scope_users_get_404_everywhere_and_change_nothing(world):
    training = make_training(world.commune_a1a)
    attachment = attach(training, world.officer_a1a, "a.pdf", files.PDF)
    urls = {name: reverse(f"activities:attachment_{name}", args=[attachment.pk])
            for name in ("detail", "download", "delete")}
    for user in (world.officer_b1, world.nobody):
        client = client_for(user)
        for url in urls.values():
            assert client.get(url).status_code == 404, (user, url)
        assert client.post(urls["delete"]).status_code == 404
        assert client.get(add_url(training)).status_code == 404
        response = client.post(add_url(training), {"title": "x", "kind": "photo", "file": upload("b.pdf", files.PDF)})
        assert response.status_code == 404
    # Read-only roles in scope cannot add or remove either.
    for user in (world.viewer_a, world.approver_a1):
        client = client_for(user)
        assert client.get(add_url(training)).status_code == 404
        assert client.post(urls["delete"]).status_code == 404
    # Not an owner kind at all.
    assert client_for(world.superuser).get(
        reverse("activities:attachment_add", args=["attachment", attachment.pk])).status_code == 404
    assert Attachment.objects.count() == 1
    assert Client().get(urls["download"]).status_code == 302  # to the login page


def test_viewer_gets_a_photo_but_not_an_attendance_sheet_whose_reads_are_logged(world):
    training = make_training(world.commune_a1a)
    photo = attach(training, world.officer_a1a, "a.png", files.png(), kind="photo", title="Ảnh lớp học")
    sheet_bytes = files.xlsx_bytes()
    sheet = attach(training, world.officer_a1a, "ds.xlsx", sheet_bytes, kind="attendance", title="Danh sách tham dự")
    viewer = client_for(world.viewer_a)
    assert body(viewer.get(reverse("activities:attachment_download", args=[photo.pk]))) == files.png()
    assert viewer.get(reverse("activities:attachment_download", args=[sheet.pk])).status_code == 404
    assert viewer.get(reverse("activities:attachment_detail", args=[sheet.pk])).status_code == 404
    assert not RecordAccess.objects.exists()  # a photo is not a personal record

    officer = client_for(world.officer_a1a)
    response = officer.get(reverse("activities:attachment_download", args=[sheet.pk]))
    assert body(response) == sheet_bytes
    assert response["Cache-Control"] == "no-store"
    access = RecordAccess.objects.get()
    assert (access.user, access.object_id, access.action) == (world.officer_a1a, str(sheet.pk), "view")
    assert access.content_type == ContentType.objects.get_for_model(Attachment)


def test_the_unit_follows_when_the_activity_moves(world):
    training = make_training(world.commune_a1a)
    attachment = attach(training, world.officer_a1a, "a.pdf", files.PDF)
    training.unit = world.commune_b1
    training.save()
    attachment.refresh_from_db()
    assert attachment.unit == world.commune_b1
    url = reverse("activities:attachment_download", args=[attachment.pk])
    assert client_for(world.officer_a1a).get(url).status_code == 404
    assert body(client_for(world.officer_b1).get(url)) == files.PDF


def test_a_task_completion_takes_the_unit_of_its_plan(world):
    plan = make_plan(world.district_a1)
    completion = TaskCompletion.objects.create(task=PlanTask.objects.create(plan=plan, title="Tập huấn bảo mẫu"),
                                               done_on=dt.date(2017, 6, 1), evidence="Đã tập huấn 40 bảo mẫu")
    client = client_for(world.approver_a1)
    assert client.get(add_url(completion)).status_code == 404  # an approver changes nothing
    response = client_for(world.manager_a).post(add_url(completion), {
        "title": "Báo cáo kết quả", "kind": "decision", "file": upload("bao-cao.pdf", files.PDF)})
    assert response.status_code == 302
    attachment = completion.attachments.get()
    assert attachment.unit == world.district_a1


# -- removing --------------------------------------------------------------------------------------------------

def test_an_officer_removes_an_attachment_and_its_file_goes(world, django_capture_on_commit_callbacks):
    training = make_training(world.commune_a1a)
    attachment = attach(training, world.officer_a1a, "a.pdf", files.PDF)
    name = attachment.file.name
    url = reverse("activities:attachment_delete", args=[attachment.pk])
    client = client_for(world.officer_a1a)
    assert "Xóa tệp đính kèm" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert not Attachment.objects.exists()
    assert not default_storage.exists(name)


def test_deleting_an_activity_deletes_its_attachments_and_their_files(world, django_capture_on_commit_callbacks):
    training = make_training(world.commune_a1a)
    other = make_training(world.commune_a1a, title="Lớp khác")
    meeting = Meeting.objects.create(unit=world.commune_a1a, title="Họp Ban Chỉ đạo", start_date=dt.date(2017, 6, 2))
    gone = [attach(training, world.officer_a1a, f"{i}.pdf", files.PDF) for i in range(2)]
    kept = [attach(owner, world.officer_a1a, "k.pdf", files.PDF) for owner in (other, meeting)]
    with django_capture_on_commit_callbacks(execute=True):
        training.delete()
    assert set(Attachment.objects.values_list("pk", flat=True)) == {a.pk for a in kept}
    assert not any(default_storage.exists(a.file.name) for a in gone)
    assert all(default_storage.exists(a.file.name) for a in kept)


def test_a_rolled_back_deletion_keeps_the_file(world, django_capture_on_commit_callbacks):
    training = make_training(world.commune_a1a)
    attachment = attach(training, world.officer_a1a, "a.pdf", files.PDF)
    pk, name = attachment.pk, attachment.file.name
    with (django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError),
          transaction.atomic()):
        training.delete()
        raise RuntimeError("rolled back")
    assert callbacks == []
    assert Attachment.objects.filter(pk=pk).exists()
    assert default_storage.exists(name)


# -- the panel on an activity's page ---------------------------------------------------------------------------

def render_panel(owner: Any, user: Any) -> str:
    request = RequestFactory().get("/")
    request.user = user
    template = Template("{% load activity_attachments %}{% attachments_panel object %}")
    return template.render(Context({"object": owner, "request": request}))


def test_panel_lists_files_with_upload_and_delete_for_those_who_may_change(world):
    training = make_training(world.commune_a1a)
    photo = attach(training, world.officer_a1a, "a.png", files.png(), kind="photo", title="Ảnh lớp học")
    sheet = attach(training, world.officer_a1a, "ds.pdf", files.PDF, kind="attendance", title="Danh sách học viên")
    other = attach(make_training(world.commune_a1a), world.officer_a1a, "o.pdf", files.PDF, title="Tệp lớp khác")

    officer = render_panel(training, world.officer_a1a)
    assert "Ảnh lớp học" in officer and "Danh sách học viên" in officer and "Tệp lớp khác" not in officer
    assert reverse("activities:attachment_download", args=[sheet.pk]) in officer
    assert reverse("activities:attachment_delete", args=[photo.pk]) in officer
    assert f'action="{add_url(training)}"' in officer and 'type="file"' in officer
    assert "Danh sách tham dự" in officer  # the kind to pick in the upload form
    assert "Ảnh hoạt động" in officer

    viewer = render_panel(training, world.viewer_a)
    assert "Ảnh lớp học" in viewer and reverse("activities:attachment_download", args=[photo.pk]) in viewer
    assert "Danh sách học viên" not in viewer
    assert reverse("activities:attachment_download", args=[sheet.pk]) not in viewer
    assert 'type="file"' not in viewer and "attachment_delete" not in viewer
    assert reverse("activities:attachment_delete", args=[photo.pk]) not in viewer
    assert other.title not in viewer

    assert render_panel(training, world.officer_b1).count("attachment-row") == 0  # out of scope: nothing listed
    assert render_panel(None, world.officer_a1a) == ""


def test_on_disk_the_file_lands_under_media_root_and_goes_with_its_row(world, settings, tmp_path,
                                                                        django_capture_on_commit_callbacks):
    """The development and production storage (FileSystemStorage under MEDIA_ROOT), not only the tests' memory."""
    settings.STORAGES = settings.STORAGES | {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    settings.MEDIA_ROOT = tmp_path
    training = make_training(world.commune_a1a)
    content = files.docx_bytes()
    attachment = attach(training, world.officer_a1a, "Nguyen Van An.docx", content, kind="attendance")
    on_disk = tmp_path / attachment.file.name
    assert on_disk.read_bytes() == content and STORED_NAME.match(attachment.file.name)
    response = client_for(world.officer_a1a).get(reverse("activities:attachment_download", args=[attachment.pk]))
    assert body(response) == content and response["Content-Length"] == str(len(content))
    with django_capture_on_commit_callbacks(execute=True):
        training.delete()
    assert not on_disk.exists()
