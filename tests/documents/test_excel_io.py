"""Excel in and out: write → read round trips, row-by-row errors in Vietnamese, forgiving headers and numbers."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal

import pytest
import python_calamine
import xlsxwriter
from django.utils import translation

from tretho.documents.xlsx import (
    LISTS_SHEET,
    Column,
    ImportReport,
    RowError,
    Sheet,
    errors_workbook,
    parse_date,
    parse_number,
    read_sheet,
    write_template,
    write_workbook,
)

UNITS = [("percent", "Phần trăm"), ("count", "Số lượng"), ("money", "Tiền (đồng)")]


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def target_columns() -> list[Column]:
    return [
        Column("code", "Mã chỉ tiêu", required=True),
        Column("name", "Tên chỉ tiêu", width=40),
        Column("unit", "Đơn vị tính", kind="choice", choices=UNITS, required=True),
        Column("value", "Giá trị", kind="decimal"),
        Column("share", "Tỷ lệ", kind="percent", maximum=100),
        Column("groups", "Số nhóm trẻ", kind="integer"),
        Column("budget", "Kinh phí", kind="money"),
        Column("deadline", "Hạn hoàn thành", kind="date"),
    ]


def target_sheet(rows=None) -> Sheet:
    return Sheet(
        name="Chỉ tiêu",
        columns=target_columns(),
        rows=rows or [],
        title="Chỉ tiêu của Kế hoạch 03/KH-SGDĐT",
        notes=["Tỷ lệ ghi dạng 80%."],
    )


def user_file(rows: list[list], *, header=None, sheet="Chỉ tiêu", before: int = 0) -> bytes:
    """A workbook as a user might type it: everything as given (strings stay strings), header after `before` rows."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"strings_to_numbers": False})
    worksheet = workbook.add_worksheet(sheet)
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    header = header or [column.header for column in target_columns()]
    for index, text in enumerate(header):
        worksheet.write_string(before, index, text)
    for offset, values in enumerate(rows, start=before + 1):
        for index, value in enumerate(values):
            if isinstance(value, dt.date):
                worksheet.write_datetime(offset, index, dt.datetime.combine(value, dt.time()), date_format)
            elif value is not None:
                worksheet.write(offset, index, value)
    workbook.close()
    return output.getvalue()


def sheet_xml(data: bytes, number: int = 1) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(f"xl/worksheets/sheet{number}.xml").decode()


def styles_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("xl/styles.xml").decode()


# -- writing --------------------------------------------------------------------------------------------------------


def test_round_trip_keeps_every_kind_of_value():
    rows = [
        {
            "code": "CT01",
            "name": "Trẻ em đến 8 tuổi được tiếp cận dịch vụ",
            "unit": "percent",
            "value": Decimal("1234.5"),
            "share": Decimal("75"),
            "groups": 20,
            "budget": 160_000,
            "deadline": dt.date(2020, 2, 5),
        },
        {"code": "CT02", "name": "=1+1", "unit": "count", "share": Decimal("87.5"), "deadline": dt.date(2025, 12, 31)},
    ]
    parsed = read_sheet(write_workbook([target_sheet(rows)]), target_sheet())
    assert parsed.ok, parsed.errors
    assert parsed.header_row == 4  # title, one note, a blank line, then the header
    first, second = parsed.rows
    assert first == {"_row": 5, **rows[0]}
    assert second["name"] == "=1+1"  # text stays text, never a formula
    assert second["share"] == Decimal("87.5")
    assert second["value"] is None and second["groups"] is None


def test_header_row_is_bold_frozen_and_formats_are_excel_formats():
    data = write_workbook([target_sheet([{"code": "CT01", "unit": "count", "deadline": dt.date(2020, 2, 5)}])])
    worksheet = sheet_xml(data)
    assert re.search(r'<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"', worksheet)
    styles = styles_xml(data)
    assert 'formatCode="dd/mm/yyyy"' in styles
    assert 'formatCode="#,##0.0"' in styles
    assert 'formatCode="0.0%"' in styles
    assert "<b/>" in styles
    # Required columns are marked in the header; dates are real dates (numbers with a date style), not text.
    with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)) as workbook:
        grid = workbook.get_sheet_by_name("Chỉ tiêu").to_python(skip_empty_area=False)
    assert grid[3][:3] == ["Mã chỉ tiêu *", "Tên chỉ tiêu", "Đơn vị tính *"]
    assert grid[4][7] == dt.date(2020, 2, 5)


def test_choice_columns_get_a_dropdown_of_labels():
    worksheet = sheet_xml(write_workbook([target_sheet()]))
    validation = re.search(r'<dataValidation type="list"[^>]*sqref="C5:C\d+">.*?</dataValidation>', worksheet)
    assert validation
    assert '"Phần trăm,Số lượng,Tiền (đồng)"' in validation.group(0)


def test_long_or_comma_lists_go_to_a_hidden_sheet_that_reading_ignores():
    choices = [(n, f"Xã {n}, huyện A") for n in range(30)]
    columns = [Column("code", "Mã", required=True), Column("commune", "Xã", kind="choice", choices=choices)]
    sheet = Sheet(name="Phân bổ", columns=columns, rows=[{"code": "A", "commune": 7}])
    data = write_workbook([sheet])
    with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)) as workbook:
        assert workbook.sheet_names == ["Phân bổ", LISTS_SHEET]
        assert workbook.sheets_metadata[1].visible != python_calamine.SheetVisibleEnum.Visible
    assert f"'{LISTS_SHEET}'!$A$1:$A$30" in sheet_xml(data)
    parsed = read_sheet(data, "phan bo", columns)
    assert parsed.rows == [{"_row": 2, "code": "A", "commune": 7}]


def test_template_is_an_empty_sheet_and_its_instructions():
    data = write_template(target_sheet([{"code": "left out"}]))
    with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)) as workbook:
        assert workbook.sheet_names == ["Chỉ tiêu", "Hướng dẫn"]
        guide = workbook.get_sheet_by_name("Hướng dẫn").to_python()
    rows = {row[0]: row for row in guide if row and row[0] in {c.header for c in target_columns()}}
    assert rows["Mã chỉ tiêu"][1] == "Có"
    assert rows["Tên chỉ tiêu"][1] == "Không"
    assert rows["Đơn vị tính"][3] == "Phần trăm; Số lượng; Tiền (đồng)"
    assert "dd/mm/yyyy" in rows["Hạn hoàn thành"][2]
    parsed = read_sheet(data, target_sheet())
    assert parsed.ok and parsed.rows == []


def test_sheet_names_are_made_valid_and_unique():
    columns = [Column("a", "A")]
    data = write_workbook([Sheet("Kế hoạch 2019/2020: tỉnh", columns), Sheet("kế hoạch 2019/2020: tỉnh", columns)])
    with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)) as workbook:
        names = workbook.sheet_names
    assert names[0] == "Kế hoạch 2019-2020- tỉnh"
    assert len(names) == 2 and names[0] != names[1]
    assert all(len(name) <= 31 for name in names)


# -- reading: errors row by row -------------------------------------------------------------------------------------


def test_bad_rows_give_every_error_with_its_row_and_column():
    data = user_file(
        [
            ["CT01", "Đúng hết", "Số lượng", "1.234,5", "80%", 20, "160.000 đồng", "05/02/2020"],
            ["CT02", "Ngày sai", "Số lượng", None, None, None, None, "31/02/2020"],
            ["CT03", "Chữ trong cột số", "Số lượng", "nhiều", None, "hai mươi", None, None],
            ["CT04", "Đơn vị lạ", "Cái", None, None, None, None, None],
            [None, "Thiếu mã", "Số lượng", None, None, None, None, None],
            ["CT06", "Số lẻ trong cột số nguyên", "so luong", None, "120%", 2.5, None, "2020"],
        ]
    )
    parsed = read_sheet(data, target_sheet())
    assert not parsed.ok
    found = {(e.row, e.column): e for e in parsed.errors}
    assert set(found) == {
        (3, "Hạn hoàn thành"),
        (4, "Giá trị"),
        (4, "Số nhóm trẻ"),
        (5, "Đơn vị tính"),
        (6, "Mã chỉ tiêu"),
        (7, "Tỷ lệ"),
        (7, "Số nhóm trẻ"),
        (7, "Hạn hoàn thành"),
    }
    assert found[(3, "Hạn hoàn thành")].value == "31/02/2020"
    assert found[(3, "Hạn hoàn thành")].reason == "Ngày không có thật trong lịch."
    assert found[(4, "Giá trị")].reason == "Phải là số (ví dụ 1.234,5)."
    assert found[(4, "Giá trị")].value == "nhiều"
    assert found[(5, "Đơn vị tính")].reason.startswith("Không có trong danh sách được chọn: Phần trăm, Số lượng")
    assert found[(6, "Mã chỉ tiêu")].reason == "Chưa nhập (cột bắt buộc)."
    assert found[(7, "Tỷ lệ")].reason == "Phải nhỏ hơn hoặc bằng 100,0."
    assert found[(7, "Số nhóm trẻ")].reason == "Phải là số nguyên (ví dụ 1.234)."
    # The good row is parsed, and rows with errors are still returned (their failed cells empty).
    good = parsed.rows[0]
    assert good["value"] == Decimal("1234.5")
    assert good["share"] == Decimal("80")
    assert good["budget"] == 160_000
    assert good["deadline"] == dt.date(2020, 2, 5)
    assert [row["_row"] for row in parsed.rows] == [2, 3, 4, 5, 6, 7]
    assert parsed.rows[5]["unit"] == "count"  # "so luong" without accents picks "Số lượng"


def test_headers_match_without_accents_case_or_order_below_a_title():
    header = ["ten chi tieu", "MA CHI TIEU", "Ghi chú (bỏ qua)", "đơn vị TÍNH *", "han hoan thanh"]
    data = user_file([["Trẻ em", "CT01", "x", "percent", "5/2/2020"]], header=header, before=2)
    parsed = read_sheet(data, target_sheet())
    assert parsed.ok, parsed.errors
    assert parsed.header_row == 3
    assert parsed.rows == [
        {
            "_row": 4,
            "code": "CT01",
            "name": "Trẻ em",
            "unit": "percent",
            "value": None,
            "share": None,
            "groups": None,
            "budget": None,
            "deadline": dt.date(2020, 2, 5),
        }
    ]


def test_missing_required_column_is_reported_on_the_header_row():
    data = user_file([["Trẻ em", "CT01"]], header=["Tên chỉ tiêu", "Mã chỉ tiêu"])
    parsed = read_sheet(data, target_sheet())
    assert [(e.row, e.column, e.reason) for e in parsed.errors] == [
        (1, "Đơn vị tính", "Thiếu cột bắt buộc này trong dòng tiêu đề.")
    ]


def test_aliases_accept_an_older_header():
    columns = [Column("code", "Mã chỉ tiêu", aliases=("Mã số",))]
    parsed = read_sheet(user_file([["CT9"]], header=["Mã số"]), "Chỉ tiêu", columns)
    assert parsed.rows == [{"_row": 2, "code": "CT9"}]


def test_sheet_is_found_by_its_header_when_renamed():
    data = user_file([["CT01", "Tên", "Số lượng"]], sheet="Sheet1")
    parsed = read_sheet(data, target_sheet())
    assert parsed.ok and parsed.sheet_name == "Sheet1"
    assert parsed.rows[0]["code"] == "CT01"


def test_a_sheet_or_header_not_found_says_so():
    other_sheet = read_sheet(user_file([["x"]], header=["Cột khác"], sheet="Sheet1"), target_sheet())
    assert [e.reason for e in other_sheet.errors] == ["Không tìm thấy trang “Chỉ tiêu” trong tệp."]
    no_header = read_sheet(user_file([["x"]], header=["Cột khác"]), target_sheet())
    assert len(no_header.errors) == 1
    assert no_header.errors[0].reason.startswith("Không tìm thấy dòng tiêu đề có các cột “Mã chỉ tiêu”, “Tên chỉ tiêu”")


@pytest.mark.parametrize(
    "data",
    [b"", b"this is not a spreadsheet", b"PK\x03\x04 broken zip", b"<html><body>Error 500</body></html>" * 50],
    ids=["empty", "text", "broken-zip", "html"],
)
def test_unreadable_file_gives_one_clear_error(data):
    parsed = read_sheet(data, target_sheet())
    assert len(parsed.errors) == 1
    error = parsed.errors[0]
    assert error.row == 0
    assert error.reason.startswith(("Không đọc được tệp", "Tệp rỗng"))
    assert parsed.rows == []


def test_truncated_xlsx_is_unreadable_not_an_exception():
    data = write_workbook([target_sheet([{"code": "CT01", "unit": "count"}])])
    parsed = read_sheet(data[: len(data) // 2], target_sheet())
    assert [e.reason for e in parsed.errors] == [
        "Không đọc được tệp: tệp không phải Excel (.xlsx, .xls) hay OpenDocument (.ods), hoặc đã hỏng."
    ]


def test_dates_as_excel_dates_serials_or_text():
    columns = [Column("day", "Ngày", kind="date")]
    data = user_file([[dt.date(2021, 2, 5)], [44232], ["05/02/2021"], ["5-2-2021"], ["2021-02-05"]], header=["Ngày"])
    parsed = read_sheet(data, "Chỉ tiêu", columns)
    assert parsed.ok, parsed.errors
    assert {row["day"] for row in parsed.rows} == {dt.date(2021, 2, 5)}


def test_percent_from_a_percent_cell_or_text():
    columns = [Column("share", "Tỷ lệ", kind="percent")]
    parsed = read_sheet(user_file([[0.8], ["80%"], ["80,5 %"], ["90"]], header=["Tỷ lệ"]), "Chỉ tiêu", columns)
    assert [row["share"] for row in parsed.rows] == [Decimal("80"), Decimal("80"), Decimal("80.5"), Decimal("90")]


def test_blank_rows_are_skipped_and_text_is_tidied():
    columns = [Column("name", "Tên")]
    parsed = read_sheet(user_file([["  Hóa An  "], [None], ["   "], [12.0]], header=["Tên"]), "Chỉ tiêu", columns)
    assert [(row["_row"], row["name"]) for row in parsed.rows] == [(2, "Hóa An"), (5, "12")]


# -- numbers and dates as Vietnamese write them ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,5", "1234.5"),
        ("1234,5", "1234.5"),
        ("1.234", "1234"),
        ("1.234.567", "1234567"),
        ("1.234.567,89", "1234567.89"),
        ("12.5", "12.5"),
        ("0.500", "0.500"),
        ("1,234.5", "1234.5"),
        ("1 234,5", "1234.5"),
        ("-3", "-3"),
        ("(15)", "-15"),
        ("0,5", "0.5"),
    ],
)
def test_parse_number_reads_vietnamese_and_english_notation(text, expected):
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "1.23.4", "1,2,3,4.5", "12a", "--", "1.234,5,6"])
def test_parse_number_refuses_what_is_not_a_number(text):
    with pytest.raises(ValueError, match="Phải là số"):
        parse_number(text)


def test_parse_date_refuses_impossible_days():
    assert parse_date("29/02/2020") == dt.date(2020, 2, 29)
    with pytest.raises(ValueError, match="Ngày không có thật"):
        parse_date("29/02/2021")
    with pytest.raises(ValueError, match="dd/mm/yyyy"):
        parse_date("tháng 2")


# -- reports --------------------------------------------------------------------------------------------------------


def test_errors_workbook_lists_each_error_and_reads_back():
    errors = [RowError(3, "Hạn hoàn thành", "31/02/2020", "Ngày không có thật trong lịch."), RowError(0, "", "", "Tệp")]
    data = errors_workbook(errors)
    columns = [Column("row", "Dòng", kind="integer"), Column("column", "Cột"), Column("reason", "Lỗi")]
    parsed = read_sheet(data, "Lỗi", columns)
    assert parsed.ok
    assert [(r["row"], r["column"], r["reason"]) for r in parsed.rows] == [
        (3, "Hạn hoàn thành", "Ngày không có thật trong lịch."),
        (None, None, "Tệp"),
    ]


def test_import_report_says_what_happened():
    assert ImportReport(created=3, updated=1).ok
    assert ImportReport(created=3, updated=1).message == "Đã nhập xong: 3 dòng mới, 1 dòng cập nhật."
    failed = ImportReport(errors=[RowError(2, "Mã", "", "Chưa nhập (cột bắt buộc).")])
    assert not failed.ok
    assert failed.message.startswith("Chưa nhập dòng nào: tệp có 1 lỗi")


def test_caller_checks_join_the_parser_errors():
    parsed = read_sheet(user_file([["CT99", "Tên", "Số lượng"]]), target_sheet())
    parsed.add_error(parsed.rows[0]["_row"], "Mã chỉ tiêu", "CT99", "Không có chỉ tiêu mã này trong đề án.")
    assert not parsed.ok
    assert parsed.errors[0].row == 2
