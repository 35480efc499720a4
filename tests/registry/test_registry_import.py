"""Groups, staff and enrolment from Excel: the template reads back, an import creates, a re-import updates instead
of duplicating, every error is listed by sheet, row, column, value and reason (nothing saved), a dry run saves
nothing, and an officer imports only into their own communes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from tretho.documents.xlsx import Sheet, read_sheet, write_workbook
from tretho.geo.models import IndustrialZone
from tretho.registry.models import ChildcareGroup, Enrolment, Staff
from tretho.registry.spreadsheets import (
    COMMUNES_SHEET,
    ENROLMENT_SHEET,
    GROUPS_SHEET,
    STAFF_SHEET,
    enrolment_columns,
    group_columns,
    import_workbook,
    staff_columns,
    template_workbook,
)


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def workbook(groups: list[dict] | None = None, staff: list[dict] | None = None,
             enrolment: list[dict] | None = None) -> bytes:
    """A filled template: only the sheets given (None leaves the sheet out of the file)."""
    sheets = []
    if groups is not None:
        sheets.append(Sheet(GROUPS_SHEET, group_columns(), rows=groups))
    if staff is not None:
        sheets.append(Sheet(STAFF_SHEET, staff_columns(), rows=staff))
    if enrolment is not None:
        sheets.append(Sheet(ENROLMENT_SHEET, enrolment_columns(), rows=enrolment))
    return write_workbook(sheets)


def group_row(**values) -> dict:
    return {"commune": "X91101", "code": "NT01", "name": "Nhóm trẻ Hoa Mai", "kind": "nhom_tre",
            "address": "Tổ 3, ấp Bình Hóa", "owner_name": "Trần Thị Mai", "owner_phone": "0912345678",
            "is_licensed": True, "licence_number": "12/QĐ-UBND", "licence_date": dt.date(2024, 8, 15),
            "capacity": 40, "care_room_area": Decimal("52.5"), "has_play_area": True, "serves_meals": True,
            "has_separate_kitchen": True, "status": "operating", "opened_on": dt.date(2019, 9, 5), **values}


def staff_row(**values) -> dict:
    return {"commune": "X91101", "group_code": "NT01", "full_name": "Nguyễn Thị Lan", "birth_year": 1990,
            "phone": "0987654321", "role": "teacher", "qualification": "intermediate",
            **values}


def enrolment_row(**values) -> dict:
    return {"commune": "X91101", "group_name": "nhom tre hoa mai", "as_of": dt.date(2025, 9, 30),
            "children_3_12": 5, "children_13_24": 10, "children_25_36": 15, "children_over_36": 0, "girls": 14,
            "boys": 16, "workers_children": 20, **values}


def full_file() -> bytes:
    return workbook(
        groups=[group_row(), group_row(code="", name="Nhóm trẻ Sơn Ca", owner_name="", licence_number="",
                                       is_licensed=False, licence_date=None)],
        staff=[staff_row(), staff_row(full_name="Lê Văn Bình", birth_year=1985, role="cook", qualification=None),
               staff_row(group_code="", group_name="Nhóm trẻ Sơn Ca", full_name="Nguyễn Thị Lan", birth_year=1995,
                         role="owner_manager")],
        enrolment=[enrolment_row(), enrolment_row(as_of=dt.date(2025, 12, 31), children_3_12=6, girls=15)],
    )


def test_template_reads_back_and_lists_the_users_communes(world):
    data = template_workbook(world.officer_a1a)
    for name, columns in ((GROUPS_SHEET, group_columns()), (STAFF_SHEET, staff_columns()),
                          (ENROLMENT_SHEET, enrolment_columns())):
        parsed = read_sheet(data, name, columns)
        assert parsed.ok and parsed.rows == [] and parsed.header_row is not None, name
    communes = read_sheet(data, COMMUNES_SHEET, [*group_columns()[:1]])
    assert [row["commune"] for row in communes.rows] == ["X91101"]  # not A1b, not B1


def test_import_creates_groups_staff_and_enrolment(world):
    report = import_workbook(full_file(), acting_user=world.officer_a1a)
    assert report.ok, report.errors
    assert (report.created, report.updated) == (7, 0)
    hoa_mai = ChildcareGroup.objects.get(code="NT01")
    assert (hoa_mai.unit, hoa_mai.owner_name, hoa_mai.licence_date, hoa_mai.care_room_area) == (
        world.commune_a1a, "Trần Thị Mai", dt.date(2024, 8, 15), Decimal("52.5"))
    assert hoa_mai.search_key == "nhom tre hoa mai nt01 to 3, ap binh hoa" and hoa_mai.sort_key
    assert hoa_mai.created_by == world.officer_a1a and hoa_mai.history.count() == 1
    assert hoa_mai.history.get().history_user == world.officer_a1a
    son_ca = ChildcareGroup.objects.get(name="Nhóm trẻ Sơn Ca")
    assert son_ca.code == "" and not son_ca.is_licensed
    assert sorted(Staff.objects.values_list("group__name", "full_name", "birth_year", "role")) == [
        ("Nhóm trẻ Hoa Mai", "Lê Văn Bình", 1985, "cook"), ("Nhóm trẻ Hoa Mai", "Nguyễn Thị Lan", 1990, "teacher"),
        ("Nhóm trẻ Sơn Ca", "Nguyễn Thị Lan", 1995, "owner_manager")]
    assert Staff.objects.get(role="cook").qualification == "none"
    assert list(hoa_mai.enrolments.order_by("as_of").values_list("as_of", "children_3_12")) == [
        (dt.date(2025, 9, 30), 5), (dt.date(2025, 12, 31), 6)]
    assert hoa_mai.latest_enrolment().total == 31
    assert Staff.history.count() == 3 and Enrolment.history.count() == 2


def test_importing_the_same_file_again_updates_instead_of_duplicating(world):
    import_workbook(full_file(), acting_user=world.officer_a1a)
    again = import_workbook(full_file(), acting_user=world.officer_a1a)
    assert again.ok and (again.created, again.updated, again.unchanged) == (0, 0, 7)
    assert (ChildcareGroup.objects.count(), Staff.objects.count(), Enrolment.objects.count()) == (2, 3, 2)

    changed = workbook(
        groups=[group_row(name="Nhóm trẻ Hoa Mai Xanh", capacity=45)],  # same code: renamed, not a new group
        staff=[staff_row(full_name="NGUYỄN  THỊ LAN", phone="0900000000")],  # case and spaces ignored
        enrolment=[enrolment_row(group_name="", group_code="nt01", children_over_36=2, boys=18)],
    )
    report = import_workbook(changed, acting_user=world.officer_a1a)
    assert report.ok, report.errors
    assert (report.created, report.updated) == (0, 3)
    group = ChildcareGroup.objects.get(code="NT01")
    assert (group.name, group.capacity, group.version) == ("Nhóm trẻ Hoa Mai Xanh", 45, 2)
    assert group.search_key.startswith("nhom tre hoa mai xanh")
    assert group.history.count() == 2 and group.history.first().history_type == "~"
    lan = Staff.objects.get(group=group, birth_year=1990)
    assert (lan.full_name, lan.phone, lan.version) == ("NGUYỄN THỊ LAN", "0900000000", 2)
    assert Enrolment.objects.get(group=group, as_of=dt.date(2025, 9, 30)).total == 32
    assert (ChildcareGroup.objects.count(), Staff.objects.count(), Enrolment.objects.count()) == (2, 3, 2)


def test_a_group_found_by_name_takes_the_code_and_keeps_it_when_the_cell_is_blank(world):
    import_workbook(workbook(groups=[group_row(code="")]), acting_user=world.officer_a1a)
    report = import_workbook(workbook(groups=[group_row(code="HM-1")]), acting_user=world.officer_a1a)
    assert report.ok and (report.created, report.updated) == (0, 1)
    assert ChildcareGroup.objects.get().code == "HM-1"
    report = import_workbook(workbook(groups=[group_row(code="", address="Tổ 4")]), acting_user=world.officer_a1a)
    assert report.ok and ChildcareGroup.objects.get().code == "HM-1"


def test_errors_are_listed_by_sheet_row_column_value_and_reason_and_nothing_is_saved(world):
    data = workbook(
        groups=[
            group_row(),
            group_row(code="NT02", name="Nhóm trẻ Khác", commune="X99999"),
            group_row(code="NT03", name="Nhóm trẻ Ở Xã Khác", commune="P92001"),
            group_row(code="NT04", name="Nhóm trẻ Hoa Mai"),  # the name of row 4 in the same commune
            group_row(code="NT05", name="Nhóm trẻ Loại Lạ", kind="Nhà trẻ công lập", licence_date="31/02/2024"),
            group_row(code="NT06", name="Nhóm trẻ Chưa Phép", licence_number=""),
            group_row(code="NT07", name="Nhóm trẻ Gần Khu", zone="Khu công nghiệp Không Có"),
        ],
        staff=[staff_row(birth_year=1890), staff_row(group_code="NT99"), staff_row(role=None, full_name="Bà Ba"),
               staff_row(group_code="NT05", full_name="Người Nhóm Lỗi")],
        enrolment=[enrolment_row(girls=1), enrolment_row(group_name="", group_code="")],
    )
    report = import_workbook(data, acting_user=world.officer_a1a)
    assert not report.ok and (report.created, report.updated) == (0, 0)
    found = {(e.row, e.column, e.value, e.reason) for e in report.errors}
    expected = {
        (3, "Nhóm trẻ: Mã xã, phường", "X99999", "Không có xã, phường nào mang mã này (đang có hiệu lực)."),
        (4, "Nhóm trẻ: Mã xã, phường", "P92001", "Bạn không có quyền thêm nhóm trẻ ở xã, phường này."),
        (5, "Nhóm trẻ: Tên nhóm trẻ", "Nhóm trẻ Hoa Mai", "Trùng với dòng 2 (cùng xã, cùng tên nhóm trẻ)."),
        (6, "Nhóm trẻ: Loại hình", "Nhà trẻ công lập",
         "Không có trong danh sách được chọn: Nhóm trẻ, Lớp mẫu giáo, Lớp mầm non độc lập."),
        (6, "Nhóm trẻ: Ngày cấp phép", "31/02/2024", "Ngày không có thật trong lịch."),
        (7, "Nhóm trẻ: Số quyết định cấp phép", "",
         "Nhóm đã được cấp phép cần có số quyết định cấp phép."),
        (8, "Nhóm trẻ: Khu công nghiệp gần nhất", "Khu công nghiệp Không Có",
         "Không có khu công nghiệp tên này trong danh mục."),
        (2, "Người chăm sóc trẻ: Năm sinh", "1890", "Năm sinh phải từ 1940 đến 2015."),
        (3, "Người chăm sóc trẻ: Mã nhóm trẻ", "NT99",
         "Không có nhóm trẻ này ở xã, phường X91101 (trong tệp hay trong dữ liệu đã có)."),
        (4, "Người chăm sóc trẻ: Vai trò", "", "Chưa nhập (cột bắt buộc)."),
        (2, "Số trẻ: Trẻ trai", "16", "Số trẻ trai và trẻ gái (17) phải bằng tổng số trẻ theo độ tuổi (30)."),
        (3, "Số trẻ: Tên nhóm trẻ", "", "Ghi mã nhóm trẻ hoặc tên nhóm trẻ."),
    }
    assert expected <= found, sorted(expected - found)
    # Row 2 of "Nhóm trẻ" is fine; the staff row naming the group of a failed row (NT05) adds no second error.
    assert not any(e.row == 2 for e in report.errors if e.column.startswith("Nhóm trẻ"))
    assert not any(e.value == "Người Nhóm Lỗi" or e.row == 5 for e in report.errors
                   if e.column.startswith("Người chăm sóc trẻ"))
    assert len(report.errors) == len(expected)
    assert "Chưa nhập dòng nào: tệp có 12 lỗi" in report.message
    assert not ChildcareGroup.objects.exists() and not Staff.objects.exists() and not Enrolment.objects.exists()


def test_a_zone_is_found_by_its_name_without_accents(world):
    zone = IndustrialZone.objects.create(name="Khu công nghiệp Amata", unit=world.province_a)
    report = import_workbook(workbook(groups=[group_row(zone="khu cong nghiep amata")]),
                             acting_user=world.officer_a1a)
    assert report.ok, report.errors
    assert ChildcareGroup.objects.get().zone == zone


def test_dry_run_checks_everything_and_saves_nothing(world):
    report = import_workbook(full_file(), acting_user=world.officer_a1a, dry_run=True)
    assert report.ok and (report.created, report.updated) == (7, 0)
    assert report.message.startswith("Thử nhập: tệp không có lỗi; khi nhập thật sẽ có 7 dòng mới")
    assert not ChildcareGroup.objects.exists() and not Staff.objects.exists()
    assert not ChildcareGroup.history.exists()


def test_scope_an_officer_changes_only_their_communes_and_a_viewer_imports_nothing(world):
    other = ChildcareGroup.objects.create(unit=world.commune_a1b, name="Nhóm trẻ Tân Phú", code="TP1")
    data = workbook(groups=[group_row(commune="X91102", code="TP1", name="Nhóm trẻ Tân Phú")],
                    staff=[staff_row(commune="X91102", group_code="TP1")])
    report = import_workbook(data, acting_user=world.officer_a1a)
    assert {(e.column, e.row, e.reason) for e in report.errors} == {
        ("Nhóm trẻ: Mã xã, phường", 2, "Bạn không có quyền sửa nhóm trẻ ở xã, phường này."),
        ("Người chăm sóc trẻ: Mã xã, phường", 2, "Bạn không có quyền nhập dữ liệu cho nhóm trẻ ở xã, phường này.")}
    # Without the groups sheet, the staff row names a stored group out of the officer's scope.
    report = import_workbook(workbook(staff=[staff_row(commune="X91102", group_code="TP1")]),
                             acting_user=world.officer_a1a)
    assert [(e.row, e.reason) for e in report.errors] == [
        (2, "Bạn không có quyền nhập dữ liệu cho nhóm trẻ ở xã, phường này.")]
    assert not other.staff.exists()

    report = import_workbook(data, acting_user=world.manager_a)  # the province's manager may
    assert report.ok and (report.created, report.updated) == (1, 1)  # the group filled in, the person new

    viewer = import_workbook(full_file(), acting_user=world.viewer_a)
    assert [e.reason for e in viewer.errors] == ["Bạn không có quyền nhập dữ liệu nhóm trẻ."]


def test_a_file_without_the_sheets_or_not_excel_says_so(world):
    report = import_workbook(write_workbook([Sheet("Trang khác", group_columns())]), acting_user=world.officer_a1a)
    assert [e.reason for e in report.errors] == [
        "Tệp không có trang nào trong các trang “Nhóm trẻ”, “Người chăm sóc trẻ”, “Số trẻ”: hãy dùng tệp mẫu."]
    report = import_workbook(b"not an excel file", acting_user=world.officer_a1a)
    assert report.errors[0].reason.startswith("Không đọc được tệp")


def test_the_command_imports_with_the_named_users_scope(world, tmp_path):
    from io import StringIO

    from django.core.management import CommandError, call_command

    path = tmp_path / "nhom-tre.xlsx"
    path.write_bytes(full_file())
    out = StringIO()
    call_command("import_groups", str(path), user="officer_a1a", dry_run=True, stdout=out)
    assert "Thử nhập" in out.getvalue() and not ChildcareGroup.objects.exists()
    call_command("import_groups", str(path), user="officer_a1a", stdout=out)
    assert "Nhóm trẻ: 2 dòng, 2 mới, 0 cập nhật, 0 không đổi." in out.getvalue()
    assert (ChildcareGroup.objects.count(), Staff.objects.count(), Enrolment.objects.count()) == (2, 3, 2)

    path.write_bytes(workbook(groups=[group_row(commune="P92001", code="B1")]))
    with pytest.raises(CommandError, match="Chưa nhập dòng nào"):
        call_command("import_groups", str(path), user="officer_a1a", stdout=out)
    assert "dòng 2 | Nhóm trẻ: Mã xã, phường | P92001 | Bạn không có quyền thêm nhóm trẻ" in out.getvalue()
    with pytest.raises(CommandError, match="Không có người dùng"):
        call_command("import_groups", str(path), user="ai-do", stdout=out)


def test_a_commune_code_typed_as_a_number_finds_its_leading_zeros(world):
    from tretho.geo.models import AdministrativeUnit

    ward = AdministrativeUnit.objects.create(code="00004", name="Phường Ba Đình", unit_type="phuong", level=3,
                                             parent=world.district_a1)
    report = import_workbook(workbook(groups=[group_row(commune=4)]), acting_user=world.manager_a)
    assert report.ok, report.errors
    assert ChildcareGroup.objects.get().unit == ward


def test_a_database_refusal_while_saving_is_reported_and_nothing_is_kept(world, monkeypatch):
    from django.db import IntegrityError

    from tretho.registry import spreadsheets

    real = spreadsheets.insert_rows

    def refuse_staff(model, objs):
        if model is Staff:
            raise IntegrityError("UNIQUE constraint failed")
        return real(model, objs)

    monkeypatch.setattr(spreadsheets, "insert_rows", refuse_staff)
    report = import_workbook(full_file(), acting_user=world.officer_a1a)
    assert [e.reason for e in report.errors] == ["Không lưu được: UNIQUE constraint failed"]
    assert (report.created, report.updated) == (0, 0)
    assert not ChildcareGroup.objects.exists() and not ChildcareGroup.history.exists()


def test_an_old_file_with_the_training_columns_imports_and_says_they_were_left_aside(world):
    """Files made before training became its own record carry "trained" columns: the staff still import, and the
    report says those columns were not read (who was trained follows from the trainings' participants)."""
    from tretho.documents.xlsx import Column
    from tretho.registry.spreadsheets import RegistryImportReport

    old_columns = [*staff_columns(), Column("trained", "Đã được tập huấn kỹ năng, đạo đức nghề nghiệp"),
                   Column("trained_on", "Ngày tập huấn", kind="date"), Column("note", "Nội dung tập huấn")]
    rows = [staff_row(trained="Có", trained_on=dt.date(2025, 3, 1), note="Tập huấn kỹ năng"),
            staff_row(full_name="Lê Thị Hoa", birth_year=1992)]
    data = write_workbook([Sheet(GROUPS_SHEET, group_columns(), rows=[group_row()]),
                           Sheet(STAFF_SHEET, old_columns, rows=rows)])
    report = import_workbook(data, acting_user=world.officer_a1a)
    assert report.ok, report.errors
    assert Staff.objects.count() == 2
    assert len(report.notes) == 1 and "Ngày tập huấn" in report.notes[0] and "1 dòng" in report.notes[0]
    assert import_workbook(full_file(), acting_user=world.officer_a1a).notes == []  # today's template: no note
    assert RegistryImportReport().notes == []
