"""Participants of a training from Excel (tretho/activities/spreadsheets.py, views_import.py): the template, a good
file linked to the registry's staff, a bad row stopping everything with a Vietnamese row report, re-import
updating, and who may import (out of scope 404, viewer 403)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
import python_calamine
import xlsxwriter
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation

from tests.registry.records_factories import make_group, make_staff
from tretho.activities.models import Training, TrainingParticipant
from tretho.activities.spreadsheets import PARTICIPANTS_SHEET, import_participants, participant_columns
from tretho.core.testing.suites import login
from tretho.documents.xlsx import Column, Sheet, read_sheet, write_workbook

IMPORT = "activities:participant_import"
TEMPLATE = "activities:participant_template"
HEADERS = ["STT", "Họ và tên *", "Giới tính *", "Năm sinh", "Đối tượng *", "Đơn vị công tác", "Điện thoại",
           "Mã nhóm trẻ", "Hoàn thành"]


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def setting(world):
    """A district training; group NT01 with two caregivers in commune A1a (inside); NT01 and NT88 in province B."""
    training = Training.objects.create(unit=world.district_a1, title="Tập huấn kỹ năng chăm sóc trẻ",
                                       start_date=dt.date(2017, 5, 3), end_date=dt.date(2017, 5, 5))
    group = make_group(world.commune_a1a, code="NT01")
    lan = make_staff(group, full_name="Trần Thị Lan", birth_year=1990)
    hoa = make_staff(group, full_name="Nguyễn Thị Hòa", birth_year=1985)
    make_staff(make_group(world.commune_b1, code="NT01"), full_name="Trần Thị Lan", birth_year=1990)
    make_group(world.commune_b1, code="NT88")
    return {"training": training, "group": group, "lan": lan, "hoa": hoa}


def user_file(rows: list[list[object]], headers: list[str] | None = None) -> bytes:
    """A workbook as a user fills it: text typed in cells under the template's headers."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet(PARTICIPANTS_SHEET)
    for index, header in enumerate(headers or HEADERS):
        sheet.write(0, index, header)
    for row_index, values in enumerate(rows, start=1):
        for index, value in enumerate(values):
            if value is not None:
                sheet.write(row_index, index, value)
    workbook.close()
    return output.getvalue()


GOOD_ROWS = [
    [1, "Tran Thi Lan", "Nữ", 1990, "Bảo mẫu, người chăm sóc trẻ", "Nhóm trẻ Hoa Sen", "0912000111", "nt01", "Có"],
    [2, "Nguyễn Thị Hòa", "nu", 1985, "Chủ nhóm trẻ, người quản lý nhóm trẻ", "", "", "NT01", None],
    [3, "Lê Văn Bình", "Nam", 1978, "Cán bộ, công chức", "UBND xã Hòa An", "", None, "Không"],
    [4, None, None, None, None, None, None, None, None],  # numbered in advance, left empty
]


def upload(data: bytes) -> io.BytesIO:
    file = io.BytesIO(data)
    file.name = "danh-sach.xlsx"
    return file


def test_template_has_the_columns_and_a_category_dropdown(client, world, setting):
    login(client, world.officer_a1a)  # officer of commune A1a: not the district's training
    assert client.get(reverse(TEMPLATE, args=[setting["training"].pk])).status_code == 404
    login(client, world.manager_a)
    response = client.get(reverse(TEMPLATE, args=[setting["training"].pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="mau-danh-sach-nguoi-tham-du-tap-huan.xlsx"'
    workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert workbook.sheet_names[:2] == [PARTICIPANTS_SHEET, "Hướng dẫn"]
    grid = workbook.get_sheet_by_name(PARTICIPANTS_SHEET).to_python()
    assert "Tập huấn kỹ năng chăm sóc trẻ (03/05/2017–05/05/2017)" in grid[0][0]
    assert [cell for cell in grid[2] if cell] == HEADERS
    # Dropdowns: sex and completed typed into the validation, categories (with commas) from the lists sheet.
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert '"Nam,Nữ"' in sheet_xml and '"Có,Không"' in sheet_xml
    assert re.search(r'sqref="E4:E\d+".*?<formula1>\'_DanhMuc\'!\$A\$1:\$A\$11</formula1>', sheet_xml, re.S)
    lists = workbook.get_sheet_by_name("_DanhMuc").to_python()
    assert [row[0] for row in lists][:2] == ["Cán bộ, công chức", "Tuyên truyền viên, cộng tác viên"]


def test_a_good_file_imports_every_row_linked_to_staff(client, world, setting):
    training = setting["training"]
    login(client, world.manager_a)
    url = reverse(IMPORT, args=[training.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Tải tệp mẫu" in page.content.decode()

    dry = client.post(url, {"file": upload(user_file(GOOD_ROWS)), "dry_run": "on"})
    assert dry.status_code == 200
    assert "Thử nhập: tệp không có lỗi; khi nhập thật sẽ có 3 dòng mới, 0 dòng cập nhật." in dry.content.decode()
    assert not TrainingParticipant.objects.exists()

    done = client.post(url, {"file": upload(user_file(GOOD_ROWS))})
    assert done.status_code == 302 and done["Location"] == training.get_absolute_url()
    people = {p.full_name: p for p in TrainingParticipant.objects.filter(training=training)}
    assert set(people) == {"Trần Thị Lan", "Nguyễn Thị Hòa", "Lê Văn Bình"}  # the registry's spelling
    assert people["Trần Thị Lan"].staff == setting["lan"] and people["Nguyễn Thị Hòa"].staff == setting["hoa"]
    lan, binh = people["Trần Thị Lan"], people["Lê Văn Bình"]
    assert (lan.sex, lan.birth_year, lan.category, lan.workplace, lan.phone, lan.completed) == (
        "nu", 1990, "bao_mau", "Nhóm trẻ Hoa Sen", "0912000111", True)
    assert people["Nguyễn Thị Hòa"].completed is True  # blank means yes
    assert (binh.staff, binh.sex, binh.category, binh.completed) == (None, "nam", "can_bo", False)
    assert lan.created_by == world.manager_a and lan.history.count() == 1


def test_a_bad_row_saves_nothing_and_the_report_names_row_column_value_reason(client, world, setting):
    training = setting["training"]
    rows = [
        *GOOD_ROWS[:3],
        [4, "Phạm Thị Mai", "X", 1992, "Giáo viên", "", "", None, None],
        [5, "Đỗ Thị Cúc", "Nữ", 1890, "Giáo viên", "", "", None, None],
        [6, "Trần Thị Lan", "Nữ", 1991, "Bảo mẫu, người chăm sóc trẻ", "", "", "NT01", None],
        [7, "Hà Thị Thu", "Nữ", 1990, "Bảo mẫu, người chăm sóc trẻ", "", "", "NT88", None],
        [8, "Lê Văn Bình", "Nam", 1978, "Cán bộ, công chức", "", "", None, None],
        [9, "Vũ Văn Nam", "Nam", 1980, "", "", "", None, None],
    ]
    login(client, world.manager_a)
    response = client.post(reverse(IMPORT, args=[training.pk]), {"file": upload(user_file(rows))})
    assert response.status_code == 400
    assert not TrainingParticipant.objects.exists()
    html = response.content.decode()
    assert "Chưa nhập dòng nào: tệp có 6 lỗi, xem danh sách lỗi theo dòng." in html
    errors = [(e.row, e.column, e.value, e.reason) for e in response.context["report"].errors]
    assert errors == [
        (5, "Giới tính", "X", "Không có trong danh sách được chọn: Nam, Nữ."),
        (6, "Năm sinh", "1890", "Năm sinh phải từ 1930 đến 2015."),
        (7, "Họ và tên", "Trần Thị Lan", "Nhóm trẻ NT01 không có người chăm sóc trẻ cùng họ tên và năm sinh này "
                                         "(hoặc bạn không được xem danh sách của nhóm)."),
        (8, "Mã nhóm trẻ", "NT88", "Không có nhóm trẻ mã này trong địa bàn của lớp tập huấn (Huyện Đông Hòa)."),
        (9, "Họ và tên", "Lê Văn Bình", "Trùng với dòng 4 (cùng người)."),
        (10, "Đối tượng", "", "Chưa nhập (cột bắt buộc)."),
    ]
    assert "<td>Năm sinh phải từ 1930 đến 2015.</td>" in html

    listed = client.post(reverse(IMPORT, args=[training.pk]), {"file": upload(user_file(rows)), "errors_file": "1"})
    assert listed["Content-Disposition"].endswith('"loi-nhap-nguoi-tham-du.xlsx"')
    sheet = read_sheet(listed.content, "Lỗi", [Column("row", "Dòng", kind="integer"), Column("reason", "Lỗi")])
    assert [row["row"] for row in sheet.rows] == [5, 6, 7, 8, 9, 10]
    assert not TrainingParticipant.objects.exists()


def test_re_import_updates_instead_of_duplicating(client, world, setting):
    training = setting["training"]
    login(client, world.manager_a)
    url = reverse(IMPORT, args=[training.pk])
    client.post(url, {"file": upload(user_file(GOOD_ROWS))})
    changed = [list(row) for row in GOOD_ROWS]
    changed[0][5] = "Nhóm trẻ Hoa Sen 2"  # Lan moved
    changed[2][8] = "Có"  # Bình completed after all
    changed[1][7] = None  # Hòa without her group code: still the same person, by name and year
    response = client.post(url, {"file": upload(user_file(changed))}, follow=True)
    assert "Đã nhập xong: 0 dòng mới, 2 dòng cập nhật." in response.content.decode()
    assert TrainingParticipant.objects.filter(training=training).count() == 3
    assert TrainingParticipant.objects.get(staff=setting["lan"]).workplace == "Nhóm trẻ Hoa Sen 2"
    assert TrainingParticipant.objects.get(full_name="Lê Văn Bình").completed is True
    assert TrainingParticipant.objects.get(full_name="Nguyễn Thị Hòa").staff == setting["hoa"]  # link kept

    report = import_participants(training, user_file(changed), acting_user=world.manager_a)
    assert (report.created, report.updated, report.unchanged, report.linked) == (0, 0, 3, 2)


def test_out_of_scope_training_is_not_found_and_a_viewer_is_refused(client, world, setting):
    training = setting["training"]
    data = user_file(GOOD_ROWS)
    login(client, world.officer_b1)
    for name in (IMPORT, TEMPLATE):
        assert client.get(reverse(name, args=[training.pk])).status_code == 404
    assert client.post(reverse(IMPORT, args=[training.pk]), {"file": upload(data)}).status_code == 404
    login(client, world.viewer_a)
    for name in (IMPORT, TEMPLATE):
        assert client.get(reverse(name, args=[training.pk])).status_code == 403
    assert client.post(reverse(IMPORT, args=[training.pk]), {"file": upload(data)}).status_code == 403
    assert not TrainingParticipant.objects.exists()
    report = import_participants(training, data, acting_user=world.viewer_a)
    assert [e.reason for e in report.errors] == ["Bạn không có quyền sửa lớp tập huấn này."]


def test_file_problems_are_reported_not_raised(world, setting):
    training = setting["training"]
    report = import_participants(training, b"not a workbook", acting_user=world.manager_a)
    assert not report.ok and report.errors[0].row == 0 and "Không đọc được tệp" in report.errors[0].reason
    other = write_workbook([Sheet("Trang khác", [Column("x", "Cột lạ")], rows=[{"x": "1"}])])
    assert "Không tìm thấy trang “Người tham dự”" in import_participants(
        training, other, acting_user=world.manager_a).errors[0].reason
    # The template itself, filled through the shared writer, reads back.
    filled = write_workbook([Sheet(PARTICIPANTS_SHEET, participant_columns(), rows=[
        {"number": 1, "full_name": "Lê Văn Bình", "sex": "nam", "birth_year": 1978, "category": "can_bo",
         "completed": False}])])
    report = import_participants(training, filled, acting_user=world.manager_a)
    assert report.ok and report.created == 1


def test_command_imports_with_the_named_users_scope(tmp_path, world, setting):
    path = tmp_path / "danh-sach.xlsx"
    path.write_bytes(user_file(GOOD_ROWS))
    training = setting["training"]
    refused = io.StringIO()
    with pytest.raises(CommandError, match="Chưa nhập dòng nào"):
        call_command("import_participants", str(training.pk), str(path), user="officer_b1", stdout=refused)
    assert refused.getvalue().strip() == "Bạn không có quyền sửa lớp tập huấn này."
    out = io.StringIO()
    call_command("import_participants", str(training.pk), str(path), user="manager_a", stdout=out)
    assert "Đã nhập xong: 3 dòng mới, 0 dòng cập nhật." in out.getvalue()
    assert TrainingParticipant.objects.filter(training=training).count() == 3


def crumbs(html: str) -> list[str]:
    """The breadcrumb trail's texts, links as "text→href"."""
    trail = re.search(r'<ol class="breadcrumb[^"]*">(.*?)</ol>', html, re.S).group(1)
    items = re.findall(r'<li class="breadcrumb-item[^"]*"[^>]*>(.*?)</li>', trail, re.S)
    return [re.sub(r'<a href="([^"]+)">(.*?)</a>', r"\2→\1", item).strip() for item in items]


def test_the_page_sits_under_its_training_in_the_breadcrumbs(client, world, setting):
    training = setting["training"]
    login(client, world.manager_a)
    html = client.get(reverse(IMPORT, args=[training.pk])).content.decode()
    assert crumbs(html) == [
        f"Trang chủ→{reverse('core:home')}",
        f"Lớp tập huấn→{reverse('activities:training_list')}",
        f"{world.province_a.name}→{world.province_a.get_absolute_url()}",
        f"{world.district_a1.name}→{world.district_a1.get_absolute_url()}",
        f"{training.title}→{training.get_absolute_url()}",
        "Nhập danh sách",
    ]
    assert '<li class="breadcrumb-item active" aria-current="page">Nhập danh sách</li>' in html
