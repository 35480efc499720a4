"""Import errors are listed in reading order: by sheet as the workbook orders them, then row, then column — the
checks run rule by rule (cells first, then codes and duplicates), which found row 4 before row 3."""

from __future__ import annotations

import pytest
from django.utils import translation

from tests.registry.test_registry_import import enrolment_row, group_row, staff_row
from tretho.documents.xlsx import RowError, Sheet, write_workbook
from tretho.registry.spreadsheets import (
    ENROLMENT_SHEET,
    GROUPS_SHEET,
    STAFF_SHEET,
    enrolment_columns,
    group_columns,
    import_workbook,
    sort_errors,
    staff_columns,
)


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def test_errors_are_sorted_by_sheet_in_workbook_order_then_row_then_column(world):
    data = write_workbook([  # staff before groups in this file
        Sheet(STAFF_SHEET, staff_columns(), rows=[staff_row(), staff_row(full_name="Bà Ba", birth_year=1890)]),
        Sheet(GROUPS_SHEET, group_columns(), rows=[
            group_row(),
            group_row(code="NT02", name="Nhóm trẻ Khác", commune="X99999"),  # row 3: found by a later check
            group_row(code="NT05", name="Nhóm trẻ Loại Lạ", kind="Nhà trẻ công lập", licence_date="31/02/2024"),
        ]),
        Sheet(ENROLMENT_SHEET, enrolment_columns(), rows=[enrolment_row(girls=1)]),
    ])
    report = import_workbook(data, acting_user=world.officer_a1a)
    assert not report.ok
    listed = [(error.column.split(":")[0], error.row, error.column) for error in report.errors]
    assert listed == [
        (STAFF_SHEET, 3, "Người chăm sóc trẻ: Năm sinh"),
        (GROUPS_SHEET, 3, "Nhóm trẻ: Mã xã, phường"),
        (GROUPS_SHEET, 4, "Nhóm trẻ: Loại hình"),  # the sheet's column order: kind before licence date
        (GROUPS_SHEET, 4, "Nhóm trẻ: Ngày cấp phép"),
        (ENROLMENT_SHEET, 2, "Số trẻ: Trẻ trai"),
    ], listed


def test_errors_of_the_whole_file_come_first():
    errors = [RowError(2, "Nhóm trẻ: Tên nhóm trẻ", "", "a"), RowError(0, "", "", "b"),
              RowError(2, "Nhóm trẻ: Mã xã, phường", "", "c"), RowError(2, "Nhóm trẻ", "", "d")]
    sort_errors(errors, [GROUPS_SHEET])
    assert [error.reason for error in errors] == ["b", "c", "a", "d"]
