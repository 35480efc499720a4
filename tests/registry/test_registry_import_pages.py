"""The registry's Excel pages: template download, the import page (errors listed or downloaded, dry run, import),
and who may open them."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django.utils import translation

from tests.registry.test_registry_import import full_file, group_row, workbook
from tretho.core.testing.suites import login
from tretho.documents.xlsx import Column, read_sheet
from tretho.registry.models import ChildcareGroup, Enrolment, Staff
from tretho.registry.spreadsheets import COMMUNES_SHEET, GROUPS_SHEET, group_columns

IMPORT = "registry:group_import"
TEMPLATE = "registry:group_import_template"


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def upload(data: bytes, name: str = "nhom-tre.xlsx") -> io.BytesIO:
    file = io.BytesIO(data)
    file.name = name
    return file


def test_template_download(client, world):
    login(client, world.manager_a)
    response = client.get(reverse(TEMPLATE))
    assert response.status_code == 200 and response["Content-Disposition"].endswith('"mau-nhap-nhom-tre.xlsx"')
    assert read_sheet(response.content, GROUPS_SHEET, group_columns()).ok
    communes = read_sheet(response.content, COMMUNES_SHEET, group_columns()[:1])
    assert sorted(row["commune"] for row in communes.rows) == ["X91101", "X91102"]  # province A only


def test_import_page_dry_run_errors_and_import(client, world):
    login(client, world.officer_a1a)
    url = reverse(IMPORT)
    page = client.get(url)
    assert page.status_code == 200 and "Tải tệp mẫu" in page.content.decode()

    bad = workbook(groups=[group_row(), group_row(code="NT09", name="Nhóm trẻ B1", commune="P92001")])
    response = client.post(url, {"file": upload(bad)})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Chưa nhập dòng nào: tệp có 1 lỗi" in html and "Nhóm trẻ: Mã xã, phường" in html
    assert "Bạn không có quyền thêm nhóm trẻ ở xã, phường này." in html and not ChildcareGroup.objects.exists()

    errors = client.post(url, {"file": upload(bad), "errors_file": "1"})
    assert errors.status_code == 200 and errors["Content-Disposition"].endswith('"loi-nhap-nhom-tre.xlsx"')
    listed = read_sheet(errors.content, "Lỗi", [Column("row", "Dòng", kind="integer"), Column("reason", "Lỗi")])
    assert [(row["row"], row["reason"]) for row in listed.rows] == [
        (3, "Bạn không có quyền thêm nhóm trẻ ở xã, phường này.")]
    assert not ChildcareGroup.objects.exists()

    dry = client.post(url, {"file": upload(full_file()), "dry_run": "on"})
    assert dry.status_code == 200 and "Thử nhập: tệp không có lỗi" in dry.content.decode()
    assert not ChildcareGroup.objects.exists()

    done = client.post(url, {"file": upload(full_file())}, follow=True)
    html = done.content.decode()
    assert done.status_code == 200 and "Đã nhập xong: 7 dòng mới, 0 dòng cập nhật." in html
    assert (ChildcareGroup.objects.count(), Staff.objects.count(), Enrolment.objects.count()) == (2, 3, 2)

    again = client.post(url, {"file": upload(full_file())})
    assert again.status_code == 200 and "Đã nhập xong: 0 dòng mới, 0 dòng cập nhật." in again.content.decode()
    assert ChildcareGroup.objects.count() == 2


def test_a_missing_file_is_a_form_error(client, world):
    login(client, world.officer_a1a)
    response = client.post(reverse(IMPORT), {})
    assert response.status_code == 400 and "errorlist" in response.content.decode()


def test_who_may_open_the_pages(client, world):
    for name in (IMPORT, TEMPLATE):
        anonymous = client.get(reverse(name))
        assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    for user in (world.viewer_a, world.approver_a1, world.nobody):
        login(client, user)
        assert client.get(reverse(IMPORT)).status_code == 403
        assert client.get(reverse(TEMPLATE)).status_code == 403
        assert client.post(reverse(IMPORT), {"file": upload(full_file())}).status_code == 403
    assert not ChildcareGroup.objects.exists()


def cells(data: bytes) -> list[list[str]]:
    import python_calamine

    workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return [[str(cell) for cell in line] for line in workbook.get_sheet_by_index(0).to_python()]


def test_the_lists_export_filtered_imported_rows_within_scope(client, world):
    """Core's list export works for the registry: the filtered rows of the user's scope, read back from the file."""
    from tretho.registry.spreadsheets import import_workbook

    assert import_workbook(full_file(), acting_user=world.officer_a1a).ok
    other = workbook(groups=[group_row(commune="X91102", code="TP1", name="Nhóm trẻ Mai Vàng")])
    assert import_workbook(other, acting_user=world.manager_a).ok

    login(client, world.officer_a1a)
    response = client.post(reverse("registry:childcaregroup_export"), {"q": "mai"})
    assert response.status_code == 200
    text = "\n".join(" | ".join(line) for line in cells(response.content))
    assert "Nhóm trẻ Hoa Mai" in text  # matches "mai", in A1a
    assert "Nhóm trẻ Sơn Ca" not in text  # does not match
    assert "Nhóm trẻ Mai Vàng" not in text  # matches, but in A1b: out of the officer's scope

    login(client, world.manager_a)
    staff = client.post(reverse("registry:staff_export"), {})
    text = "\n".join(" | ".join(line) for line in cells(staff.content))
    assert staff.status_code == 200 and "Nguyễn Thị Lan" in text and "Lê Văn Bình" in text


def test_import_page_says_an_old_files_training_columns_were_left_aside(client, world):
    from tests.registry.test_registry_import import staff_row
    from tretho.documents.xlsx import Sheet, write_workbook
    from tretho.registry.spreadsheets import STAFF_SHEET, staff_columns

    old_columns = [*staff_columns(), Column("trained", "Đã được tập huấn kỹ năng, đạo đức nghề nghiệp")]
    data = write_workbook([Sheet(GROUPS_SHEET, group_columns(), rows=[group_row()]),
                           Sheet(STAFF_SHEET, old_columns, rows=[staff_row(trained="Có")])])
    login(client, world.officer_a1a)
    response = client.post(reverse(IMPORT), {"file": upload(data)})
    html = response.content.decode()
    assert response.status_code == 200 and Staff.objects.count() == 1
    assert 'class="alert alert-warning small import-note"' in html and "không còn được nhập" in html
