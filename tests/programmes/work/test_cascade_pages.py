"""The cascade pages: plan tree, creating a commune's plan, distributing a target, copying as next year, the task
board, the Word/PDF downloads and the Excel export, template and import — each scoped (404 out of scope)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from django.urls import reverse
from docx import Document

from tests.programmes.work.cascade_data import empty_draft, workbook
from tretho.accounts.models import RoleAssignment, SecurityEvent
from tretho.core.testing.suites import login
from tretho.documents.pdf import libreoffice_path
from tretho.programmes import cascade as actions
from tretho.programmes import views_work
from tretho.programmes.models import Plan, PlanTarget, PlanTask
from tretho.programmes.spreadsheets import export_workbook


def page_text(response) -> str:
    return response.content.decode()


# -- the plan page's buttons --------------------------------------------------------------------------------------

def test_plan_page_offers_the_cascade_and_the_files(client, cascade, monkeypatch):
    monkeypatch.setattr(views_work, "libreoffice_path", lambda: "/usr/bin/soffice")
    login(client, cascade.world.manager_a)
    html = page_text(client.get(cascade.plan.get_absolute_url()))
    pk = cascade.plan.pk
    for name in ("plan_tree", "plan_create_lower", "plan_copy_next_year", "plan_docx", "plan_pdf", "plan_excel"):
        assert reverse(f"programmes:{name}", args=[pk]) in html, name
    assert reverse("programmes:plan_excel_import", args=[pk]) not in html  # issued: nothing to import into
    assert reverse("programmes:target_distribute", args=[cascade.groups.pk]) in html
    assert reverse("programmes:target_distribute", args=[cascade.share.pk]) not in html  # a share is not split
    assert "chưa phân bổ" not in html  # no lower plan yet, nothing to warn about

    monkeypatch.setattr(views_work, "libreoffice_path", lambda: None)
    html = page_text(client.get(cascade.plan.get_absolute_url()))
    assert reverse("programmes:plan_pdf", args=[pk]) not in html
    assert "máy chủ chưa cài LibreOffice" in html


def test_commune_officer_sees_the_province_plan_read_only(client, cascade):
    world = cascade.world
    login(client, world.officer_a1a)
    html = page_text(client.get(cascade.plan.get_absolute_url()))
    pk = cascade.plan.pk
    assert reverse("programmes:plan_create_lower", args=[pk]) in html
    assert reverse("programmes:plan_copy_next_year", args=[pk]) not in html
    assert client.get(reverse("programmes:plan_copy_next_year", args=[pk])).status_code == 404
    assert client.post(reverse("programmes:plan_excel_import", args=[pk])).status_code == 404
    assert client.get(reverse("programmes:plan_edit", args=[pk])).status_code == 404

    login(client, world.officer_b1)  # another province: the plan does not exist for them
    for name in ("plan_tree", "plan_create_lower", "plan_docx", "plan_excel", "plan_excel_template"):
        assert client.get(reverse(f"programmes:{name}", args=[pk])).status_code == 404, name
    assert client.get(reverse("programmes:target_distribute", args=[cascade.groups.pk])).status_code == 404


def test_create_lower_plan_page(client, cascade):
    world = cascade.world
    url = reverse("programmes:plan_create_lower", args=[cascade.plan.pk])
    login(client, world.officer_a1a)
    html = page_text(client.get(url))
    assert f'value="{world.commune_a1a.pk}"' in html
    assert f'value="{world.commune_a1b.pk}"' not in html  # not theirs
    assert client.post(url, {"unit": world.commune_a1b.pk}).status_code == 400

    response = client.post(url, {"unit": world.commune_a1a.pk})
    lower = Plan.objects.get(unit=world.commune_a1a)
    assert response.status_code == 302 and response["Location"] == lower.get_absolute_url()
    again = client.post(url, {"unit": world.commune_a1a.pk})
    assert again.status_code == 400 and "đã có kế hoạch" in page_text(again)

    login(client, world.officer_b1)
    assert client.post(url, {"unit": world.commune_b1.pk}).status_code == 404


def test_plan_tree_page(client, cascade):
    world = cascade.world
    lower = actions.do_create_lower_plan(cascade.plan, world.commune_a1a, acting_user=world.officer_a1a)
    login(client, world.officer_a1a)
    html = page_text(client.get(reverse("programmes:plan_tree", args=[lower.pk])))
    assert str(cascade.plan) in html and lower.get_absolute_url() in html
    assert "Dự thảo" in html and "Đã ban hành" in html


def test_distribute_page(client, cascade):
    world = cascade.world
    a1a = actions.do_create_lower_plan(cascade.plan, world.commune_a1a, acting_user=world.officer_a1a)
    url = reverse("programmes:target_distribute", args=[cascade.groups.pk])
    login(client, world.manager_a)
    html = page_text(client.get(url))
    assert "Xã Hòa An" in html and f'name="share_{world.commune_a1a.pk}"' in html
    assert "chưa phân bổ cho Xã Hòa An" in html

    response = client.post(url, {f"share_{world.commune_a1a.pk}": "12", "new_unit": world.commune_a1b.pk,
                                 "new_value": "6"})
    assert response.status_code == 302
    assert a1a.targets.get(parent_target=cascade.groups).value == 12
    assert Plan.objects.get(unit=world.commune_a1b).targets.get(parent_target=cascade.groups).value == 6
    html = page_text(client.get(url))
    assert "còn thiếu 2 nhóm trẻ" in html

    bad = client.post(url, {f"share_{world.commune_a1a.pk}": "-3"})
    assert bad.status_code == 400
    login(client, world.officer_a1a)
    refused = client.post(url, {f"share_{world.commune_a1a.pk}": "5", "new_unit": world.commune_a1b.pk,
                                "new_value": "5"})
    assert refused.status_code == 400  # Xã Tân Phú is not in their choices
    assert a1a.targets.get(parent_target=cascade.groups).value == 12


def test_copy_next_year_page(client, cascade):
    url = reverse("programmes:plan_copy_next_year", args=[cascade.plan.pk])
    login(client, cascade.world.manager_a)
    html = page_text(client.get(url))
    assert "thời gian 2018:" in html and "2.018" not in html
    response = client.post(url)
    copy = Plan.objects.get(unit=cascade.world.province_a, start_year=2018)
    assert response["Location"] == copy.get_absolute_url()


def test_task_board_shows_what_an_agency_owes_by_when(client, cascade, monkeypatch):
    world = cascade.world
    RoleAssignment.objects.filter(user=world.manager_a).update(agency=cascade.education)
    monkeypatch.setattr("tretho.programmes.board.timezone.localdate", lambda: dt.date(2017, 6, 15))
    monkeypatch.setattr("tretho.programmes.views_work.board.timezone.localdate", lambda: dt.date(2017, 6, 15))
    login(client, world.manager_a)
    url = reverse("programmes:task_board")
    html = page_text(client.get(url))  # their agency by default: Sở GD&ĐT leads task 1 only
    assert cascade.task_both.title in html and cascade.task_everyone.title not in html
    assert "30/11/2017" in html

    everyone = page_text(client.get(url, {"agency": "", "when": "soon"}))  # due by 15/07/2017
    assert cascade.task_everyone.title in everyone and cascade.task_both.title not in everyone
    overdue = page_text(client.get(url, {"agency": "", "when": "overdue"}))
    assert "Không có nhiệm vụ nào." in overdue

    login(client, world.officer_b1)
    assert cascade.task_both.title not in page_text(client.get(url, {"agency": ""}))


def test_word_download_is_the_plan_and_is_logged(client, cascade):
    login(client, cascade.world.manager_a)
    response = client.get(reverse("programmes:plan_docx", args=[cascade.plan.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="109-KH-BCD-2017.docx"'
    document = Document(io.BytesIO(response.content))
    assert document.tables[0].cell(1, 0).text.strip() == "Số: 109/KH-BCĐ"
    event = SecurityEvent.objects.get(kind="export")
    assert event.user == cascade.world.manager_a and event.detail["format"] == "docx"
    assert "Loan" not in str(event.detail)

    login(client, cascade.world.viewer_a)  # viewers do not export (the signer's name is personal data)
    assert client.get(reverse("programmes:plan_docx", args=[cascade.plan.pk])).status_code == 404


def test_pdf_download_or_the_reason_it_is_missing(client, cascade, monkeypatch):
    url = reverse("programmes:plan_pdf", args=[cascade.plan.pk])
    login(client, cascade.world.manager_a)
    monkeypatch.setenv("TRETHO_SOFFICE", "/nonexistent/soffice")
    response = client.get(url, follow=True)
    assert "chưa cài LibreOffice" in page_text(response)
    monkeypatch.delenv("TRETHO_SOFFICE")
    if libreoffice_path() is None:
        pytest.skip("LibreOffice is not installed")
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == 'attachment; filename="109-KH-BCD-2017.pdf"'


def xlsx_parts(content: bytes) -> dict[str, bytes]:
    """The parts of an .xlsx file but its creation time."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["docProps/core.xml"] = re.sub(rb"<dcterms:(?:created|modified)[^>]*>[^<]*<", b"<", parts["docProps/core.xml"])
    return parts


def test_excel_pages(client, cascade):
    world = cascade.world
    login(client, world.manager_a)
    export = client.get(reverse("programmes:plan_excel", args=[cascade.plan.pk]))
    # Byte equality would hold only within one clock second: XlsxWriter stamps docProps/core.xml with the time of
    # writing (the whole-suite run, slower, crossed a second between the two writes). Every other part is compared.
    assert export.status_code == 200 and xlsx_parts(export.content) == xlsx_parts(export_workbook(cascade.plan))
    template = client.get(reverse("programmes:plan_excel_template", args=[cascade.plan.pk]))
    assert template.status_code == 200 and template.content[:2] == b"PK"

    locked = client.get(reverse("programmes:plan_excel_import", args=[cascade.plan.pk]))
    assert locked.status_code == 409 and "muốn thay đổi, hãy tạo bản sửa đổi" in page_text(locked)

    draft = empty_draft(cascade)
    url = reverse("programmes:plan_excel_import", args=[draft.pk])
    bad = workbook(tasks=[["1", "Tập huấn"], ["3", "Nhảy số"]])
    response = client.post(url, {"file": io.BytesIO(bad)}, format="multipart")
    assert response.status_code == 400
    html = page_text(response)
    assert "Số nhiệm vụ phải liền nhau: chưa có nhiệm vụ 2." in html and "Nhiệm vụ: Số" in html
    assert not draft.tasks.exists()

    upload = io.BytesIO(export.content)
    upload.name = "ke-hoach.xlsx"
    dry = client.post(url, {"file": upload, "dry_run": "on"})
    assert dry.status_code == 200 and "Thử nhập" in page_text(dry) and not draft.tasks.exists()
    upload.seek(0)
    done = client.post(url, {"file": upload})
    assert done.status_code == 200 and "10 dòng mới" in page_text(done)
    assert draft.tasks.count() == 5 and draft.targets.count() == 5


def test_every_page_needs_a_login(client, cascade):
    for name, pk in (("plan_tree", cascade.plan.pk), ("plan_docx", cascade.plan.pk),
                     ("target_distribute", cascade.groups.pk)):
        response = client.get(reverse(f"programmes:{name}", args=[pk]))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get(reverse("programmes:task_board")).status_code == 302
    assert PlanTarget.objects.count() and PlanTask.objects.count()
