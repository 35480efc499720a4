"""Excel in and out for every import and export of tretho: declare the columns once, write and read with them.

Writing (XlsxWriter, constant memory): a bold frozen header row, widths, real dates shown dd/mm/yyyy, numbers
formatted `#,##0` / `#,##0.0` (Excel shows the reader's own separators), dropdowns for choice columns, an optional
title and notes above the header. A template is a sheet without rows plus a "Hướng dẫn" sheet (`write_template`).

Reading (python-calamine: xlsx, xls, ods): the header row is found by its headers (accents and case ignored), each
cell is parsed by its column's kind, and every problem becomes a `RowError` with the Excel row number and a
Vietnamese reason: reading never stops at the first error and never raises on a bad file. Saving is the caller's
job, all or nothing: save only when `parsed.ok`, inside one transaction, and report with `ImportReport`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

import python_calamine
import xlsxwriter
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from tretho.core.formats import format_date, format_number
from tretho.core.text import fold

ColumnKind = Literal["text", "integer", "decimal", "percent", "date", "choice", "money"]
NUMERIC_KINDS = ("integer", "decimal", "percent", "money")

EXCEL_EPOCH = dt.date(1899, 12, 30)
# A bare number in a date column is read as an Excel serial date only within 1954–2119; "2020" is a year, not a day.
SERIAL_DATES = range(20_000, 80_000)
HEADER_SEARCH_ROWS = 30  # the header row is looked for among the first rows (title and notes may come first)
VALIDATION_EXTRA_ROWS = 1_000  # dropdowns and checks reach this far below the last written row
MAX_SHOWN_VALUE = 200
MAX_INLINE_LIST = 255  # Excel's limit for a dropdown list typed into the validation itself
LISTS_SHEET = "_DanhMuc"
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass
class Column:
    key: str
    header: str
    kind: ColumnKind = "text"
    width: float | None = None  # in Excel character units; None picks one from the kind and header
    required: bool = False
    choices: list[tuple[Any, str]] | None = None  # (value, label): written by label, read by label or value
    help: str = ""
    decimals: int = 1  # decimal and percent columns: digits shown after the decimal comma
    minimum: Decimal | int | None = None  # numeric columns (percent in points: 80 means 80%)
    maximum: Decimal | int | None = None
    aliases: tuple[str, ...] = ()  # other headers accepted when reading (an older template's wording)

    @property
    def label(self) -> str:
        """The header as written: required columns carry " *" (reading ignores it)."""
        return f"{self.header} *" if self.required else self.header


@dataclass
class Sheet:
    """One worksheet: its columns, its rows as dicts by column key, an optional title and notes over the header.

    Values by kind: text str; integer and money int; decimal Decimal/float; percent in points (80 = 80%, shown as
    80,0%); date `datetime.date`; choice the value of one of `choices`.
    """

    name: str
    columns: list[Column]
    rows: list[dict[str, Any]] = field(default_factory=list)
    title: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class RowError:
    row: int  # Excel row number (1-based); 0 for a problem with the whole file
    column: str  # the column's header; "" for the whole row or file
    value: str  # the cell as the user typed it
    reason: str  # in Vietnamese


@dataclass
class ParsedSheet:
    """Rows read from a sheet: each a dict by column key plus "_row" (its Excel row number).

    Rows with errors are kept too (the failed cells as None) so the caller can add its own checks (unknown codes,
    duplicates) with `add_error` and show every problem at once.
    """

    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    header_row: int | None = None
    sheet_name: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors

    def add_error(self, row: int, column: str, value: Any, reason: str) -> None:
        self.errors.append(RowError(row=row, column=column, value=shown(value), reason=reason))


@dataclass
class ImportReport:
    """What an import did: created and updated counts, or the errors that stopped it (then nothing was saved)."""

    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False  # a trial run: everything checked, nothing kept

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def message(self) -> str:
        if self.errors:
            return _("Chưa nhập dòng nào: tệp có %(count)s lỗi, xem danh sách lỗi theo dòng.") % {
                "count": len(self.errors)
            }
        if self.dry_run:
            return _("Thử nhập: tệp không có lỗi; khi nhập thật sẽ có %(created)s dòng mới, %(updated)s dòng cập "
                     "nhật. Chưa lưu gì.") % {"created": self.created, "updated": self.updated}
        return _("Đã nhập xong: %(created)s dòng mới, %(updated)s dòng cập nhật.") % {
            "created": self.created,
            "updated": self.updated,
        }


# -- writing --------------------------------------------------------------------------------------------------------


def write_workbook(sheets: list[Sheet]) -> bytes:
    """The .xlsx file holding `sheets` in order."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        output,
        {
            "constant_memory": True,
            # Text stays text: no "=…" formulas, no numbers or links guessed from strings users typed.
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    formats = _Formats(workbook)
    lists = _ChoiceLists()
    used_names: set[str] = set()
    for sheet in sheets:
        _write_sheet(workbook, sheet, formats, lists, used_names)
    lists.write(workbook)
    workbook.close()
    return output.getvalue()


def write_template(sheet: Sheet, *extra: Sheet) -> bytes:
    """An empty copy of `sheet` to fill in, its "Hướng dẫn" sheet, and any extra sheets (code lists…)."""
    return write_workbook([replace(sheet, rows=[]), instructions_sheet(sheet), *extra])


def instructions_sheet(sheet: Sheet) -> Sheet:
    """One row per column of `sheet`: required or not, expected format, allowed values, help."""
    columns = [
        Column("column", _("Cột"), width=30),
        Column("required", _("Bắt buộc"), width=10),
        Column("format", _("Định dạng"), width=36),
        Column("choices", _("Giá trị được chọn"), width=40),
        Column("help", _("Ghi chú"), width=50),
    ]
    rows = [
        {
            "column": column.header,
            "required": _("Có") if column.required else _("Không"),
            "format": _kind_description(column),
            "choices": "; ".join(label for _value, label in column.choices or []),
            "help": column.help,
        }
        for column in sheet.columns
    ]
    notes = [
        _("Nhập từ dòng ngay dưới dòng tiêu đề của trang “%(sheet)s”; giữ nguyên dòng tiêu đề.")
        % {"sheet": sheet.name},
        _("Cột có dấu * là bắt buộc. Ngày ghi dd/mm/yyyy (05/02/2020); số ghi 1.234,5 hoặc để Excel định dạng."),
        _("Tệp chỉ được nhập khi không còn lỗi nào; nếu có lỗi, tretho liệt kê từng dòng, từng cột cần sửa."),
    ]
    return Sheet(
        name=pgettext("excel sheet", "Hướng dẫn"),
        columns=columns,
        rows=rows,
        title=_("Hướng dẫn nhập “%(sheet)s”") % {"sheet": sheet.title or sheet.name},
        notes=notes,
    )


def errors_workbook(errors: Iterable[RowError], title: str = "") -> bytes:
    """The row-by-row error report of an import, to download and fix the file by."""
    columns = [
        Column("row", _("Dòng"), kind="integer", width=8),
        Column("column", _("Cột"), width=28),
        Column("value", _("Giá trị đã nhập"), width=28),
        Column("reason", _("Lỗi"), width=60),
    ]
    rows = [{"row": e.row or None, "column": e.column, "value": e.value, "reason": e.reason} for e in errors]
    return write_workbook([Sheet(name=_("Lỗi"), columns=columns, rows=rows, title=title or _("Các lỗi cần sửa"))])


def _kind_description(column: Column) -> str:
    descriptions = {
        "text": _("Chữ"),
        "integer": _("Số nguyên, ví dụ 1.234"),
        "decimal": _("Số, ví dụ 1.234,5"),
        "percent": _("Tỷ lệ phần trăm, ví dụ 80%"),
        "date": _("Ngày dd/mm/yyyy, ví dụ 05/02/2020"),
        "choice": _("Chọn một giá trị trong danh sách"),
        "money": _("Số tiền (đồng), ví dụ 160.000"),
    }
    return descriptions[column.kind]


class _Formats:
    """Cell formats are workbook-wide objects: make each once."""

    def __init__(self, workbook):
        self.workbook = workbook
        self._cache: dict[tuple, Any] = {}

    def get(self, **properties):
        key = tuple(sorted(properties.items()))
        if key not in self._cache:
            self._cache[key] = self.workbook.add_format({"font_name": "Times New Roman", "font_size": 12, **properties})
        return self._cache[key]

    def cell(self, column: Column):
        return self.get(num_format=_number_format(column), valign="top", text_wrap=column.kind == "text")

    def header(self):
        return self.get(bold=True, text_wrap=True, valign="vcenter", align="center", border=1, bg_color="#DDEBF7")


def _number_format(column: Column) -> str:
    decimals = "." + "0" * column.decimals if column.decimals > 0 else ""
    return {
        "text": "@",
        "choice": "@",
        "integer": "#,##0",
        "money": "#,##0",
        "decimal": f"#,##0{decimals}",
        "percent": f"0{decimals}%",
        "date": "dd/mm/yyyy",
    }[column.kind]


class _ChoiceLists:
    """Dropdown sources too long (or with commas) for an inline list go to one hidden sheet, a column each."""

    def __init__(self):
        self.columns: list[list[str]] = []

    def source(self, labels: list[str]) -> list[str] | str:
        if "," not in "".join(labels) and len(",".join(labels)) <= MAX_INLINE_LIST:
            return labels
        self.columns.append(labels)
        letter = xlsxwriter.utility.xl_col_to_name(len(self.columns) - 1)
        return f"='{LISTS_SHEET}'!${letter}$1:${letter}${len(labels)}"

    def write(self, workbook) -> None:
        if not self.columns:
            return
        worksheet = workbook.add_worksheet(LISTS_SHEET)
        for row in range(max(len(labels) for labels in self.columns)):
            for index, labels in enumerate(self.columns):
                if row < len(labels):
                    worksheet.write_string(row, index, labels[row])
        worksheet.hide()


def _safe_sheet_name(name: str, used: set[str]) -> str:
    base = SHEET_NAME_FORBIDDEN.sub("-", name).strip("'") or "Sheet"
    candidate, number = base[:31], 2
    while candidate.lower() in used:
        suffix = f" ({number})"
        candidate, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(candidate.lower())
    return candidate


def _write_sheet(workbook, sheet: Sheet, formats: _Formats, lists: _ChoiceLists, used: set[str]) -> None:
    worksheet = workbook.add_worksheet(_safe_sheet_name(sheet.name, used))
    columns = sheet.columns
    last_column = max(len(columns) - 1, 0)
    for index, column in enumerate(columns):
        worksheet.set_column(index, index, column.width or _default_width(column), formats.cell(column))

    row = 0
    if sheet.title:
        title_format = formats.get(bold=True, font_size=14, valign="vcenter")
        if last_column:
            worksheet.merge_range(row, 0, row, last_column, sheet.title, title_format)
        else:
            worksheet.write_string(row, 0, sheet.title, title_format)
        row += 1
    for note in sheet.notes:
        worksheet.write_string(row, 0, note, formats.get(italic=True))
        row += 1
    if sheet.title or sheet.notes:
        row += 1  # a blank line before the header

    header_row = row
    worksheet.set_row(header_row, 32)
    for index, column in enumerate(columns):
        worksheet.write_string(header_row, index, column.label, formats.header())
    worksheet.freeze_panes(header_row + 1, 0)
    _set_up_printing(worksheet, header_row)

    for values in sheet.rows:
        row += 1
        for index, column in enumerate(columns):
            _write_cell(worksheet, row, index, column, values.get(column.key), formats)

    last_row = min(max(row, header_row + 1) + VALIDATION_EXTRA_ROWS, 1_048_575)
    if columns:
        worksheet.autofilter(header_row, 0, max(row, header_row), last_column)
    for index, column in enumerate(columns):
        _add_validation(worksheet, header_row + 1, last_row, index, column, lists)


def _set_up_printing(worksheet, header_row: int) -> None:
    """A4 landscape, one page wide, the header row repeated on every printed page."""
    worksheet.set_paper(9)
    worksheet.set_landscape()
    worksheet.fit_to_pages(1, 0)
    worksheet.repeat_rows(header_row)


def _default_width(column: Column) -> float:
    by_kind = {"date": 12, "integer": 10, "money": 16, "decimal": 12, "percent": 10}
    width = by_kind.get(column.kind, 18)
    if column.kind == "choice" and column.choices:
        width = max(width, min(40, max(len(label) for _value, label in column.choices) + 4))
    return max(width, min(40, len(column.label) * 0.9 + 2))


def _write_cell(worksheet, row: int, index: int, column: Column, value: Any, formats: _Formats) -> None:
    if value is None or value == "":
        return
    cell_format = formats.cell(column)
    kind = column.kind
    if kind == "date" and isinstance(value, dt.date):
        moment = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
        worksheet.write_datetime(row, index, moment, cell_format)
    elif kind in NUMERIC_KINDS and isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        number = float(value) / 100 if kind == "percent" else float(value)
        worksheet.write_number(row, index, number, cell_format)
    elif kind == "choice":
        labels = dict(column.choices or [])
        worksheet.write_string(row, index, str(labels.get(value, value)), cell_format)
    else:
        worksheet.write_string(row, index, str(value), cell_format)


def _add_validation(worksheet, first_row: int, last_row: int, index: int, column: Column, lists) -> None:
    """Dropdowns for choices and a friendly check on number and date columns (the reader checks again anyway)."""
    options: dict[str, Any] = {}
    if column.kind == "choice" and column.choices:
        options = {
            "validate": "list",
            "source": lists.source([label for _value, label in column.choices]),
            "error_title": _("Giá trị không có trong danh sách")[:32],
            "error_message": _("Hãy chọn một giá trị trong danh sách của cột “%(column)s”.")
            % {"column": column.header},
        }
    elif column.kind == "date":
        options = {
            "validate": "date",
            "criteria": ">=",
            "value": dt.date(1900, 1, 1),
            "error_type": "warning",
            "error_message": _("Ngày ghi dạng dd/mm/yyyy, ví dụ 05/02/2020."),
        }
    elif column.kind in ("integer", "money"):
        options = {
            "validate": "integer",
            "criteria": "between",
            "minimum": int(column.minimum) if column.minimum is not None else -(10**15),
            "maximum": int(column.maximum) if column.maximum is not None else 10**15,
            "error_type": "warning",
            "error_message": _("Cột “%(column)s” nhận số nguyên.") % {"column": column.header},
        }
    if not options:
        return
    if column.help:
        options["input_message"] = column.help[:255]
    options["error_message"] = options["error_message"][:255]
    worksheet.data_validation(first_row, index, last_row, index, options)


# -- reading --------------------------------------------------------------------------------------------------------


class _Unreadable(Exception):
    pass


def read_sheet(
    data: bytes, sheet: Sheet | str, columns: list[Column] | None = None, *, max_rows: int = 100_000
) -> ParsedSheet:
    """Read the rows of `sheet` (a Sheet, or a sheet name with `columns`) from an Excel or OpenDocument file.

    The sheet is found by name (accents and case ignored), else as the first sheet whose header row matches.
    """
    if isinstance(sheet, Sheet):
        name, columns = sheet.name, columns or sheet.columns
    else:
        name = sheet
    if not columns:
        raise ValueError("read_sheet needs the columns to read")
    try:
        grid, found_name = _load_grid(data, name, columns, max_rows)
    except _Unreadable as problem:
        return ParsedSheet(errors=[RowError(row=0, column="", value="", reason=str(problem))], sheet_name=name)

    parsed = ParsedSheet(sheet_name=found_name)
    header_index, positions = _find_header(grid, columns)
    if header_index is None:
        headers = ", ".join(f"“{column.header}”" for column in columns)
        parsed.add_error(0, "", "", _("Không tìm thấy dòng tiêu đề có các cột %(headers)s.") % {"headers": headers})
        return parsed
    parsed.header_row = header_index + 1
    for column in columns:
        if column.key not in positions and column.required:
            parsed.add_error(header_index + 1, column.header, "", _("Thiếu cột bắt buộc này trong dòng tiêu đề."))

    for index in range(header_index + 1, len(grid)):
        cells = grid[index]
        raw = {column.key: _cell(cells, positions.get(column.key)) for column in columns}
        if all(_is_blank(value) for value in raw.values()):
            continue
        row_number = index + 1
        values: dict[str, Any] = {"_row": row_number}
        for column in columns:
            if column.key not in positions:
                values[column.key] = None
                continue
            value, reason = parse_cell(column, raw[column.key])
            values[column.key] = value
            if reason:
                parsed.add_error(row_number, column.header, raw[column.key], reason)
        parsed.rows.append(values)
    return parsed


def _load_grid(data: bytes, name: str, columns: list[Column], max_rows: int) -> tuple[list[list[Any]], str]:
    unreadable = _("Không đọc được tệp: tệp không phải Excel (.xlsx, .xls) hay OpenDocument (.ods), hoặc đã hỏng.")
    if not data:
        raise _Unreadable(_("Tệp rỗng: hãy chọn tệp Excel đã điền."))
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = [
            meta.name
            for meta in workbook.sheets_metadata
            if meta.typ == python_calamine.SheetTypeEnum.WorkSheet and meta.name != LISTS_SHEET
        ]
        by_name = [sheet for sheet in names if fold(sheet) == fold(name)]
        for candidate in by_name + [sheet for sheet in names if sheet not in by_name]:
            grid = workbook.get_sheet_by_name(candidate).to_python(skip_empty_area=False, nrows=max_rows)
            if candidate in by_name or _find_header(grid, columns)[0] is not None:
                return grid, candidate
    except python_calamine.PasswordError as error:
        raise _Unreadable(_("Tệp có mật khẩu: hãy bỏ mật khẩu rồi tải lên lại.")) from error
    except Exception as error:  # calamine raises several error types for broken files; all mean the same to users
        raise _Unreadable(unreadable) from error
    if not names:
        raise _Unreadable(unreadable)
    raise _Unreadable(_("Không tìm thấy trang “%(sheet)s” trong tệp.") % {"sheet": name})


def _header_key(text: Any) -> str:
    """A header cell compared without accents, case, spacing or the required mark: "Ngày bắt đầu *" ≈ "ngay bat dau"."""
    return re.sub(r"\s*(\(\s*\*\s*\)|\*)\s*$", "", fold(str(text))) if text not in (None, "") else ""


def _find_header(grid: list[list[Any]], columns: list[Column]) -> tuple[int | None, dict[str, int]]:
    """The row (index) matching the most column headers among the first rows, and each column's position in it."""
    wanted: dict[str, str] = {}
    for column in columns:
        for header in (column.header, *column.aliases):
            wanted.setdefault(_header_key(header), column.key)
    best_index: int | None = None
    best_positions: dict[str, int] = {}
    for index, cells in enumerate(grid[:HEADER_SEARCH_ROWS]):
        positions: dict[str, int] = {}
        for position, cell in enumerate(cells):
            key = wanted.get(_header_key(cell))
            if key and key not in positions:
                positions[key] = position
        if len(positions) > len(best_positions):
            best_index, best_positions = index, positions
    return best_index, best_positions


def _cell(cells: list[Any], position: int | None) -> Any:
    if position is None or position >= len(cells):
        return None
    return cells[position]


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_cell(column: Column, raw: Any) -> tuple[Any, str | None]:
    """(value, None) or (None, Vietnamese reason) for one cell of `column`."""
    if _is_blank(raw):
        return None, (_("Chưa nhập (cột bắt buộc).") if column.required else None)
    try:
        value = _PARSERS[column.kind](column, raw)
    except ValueError as problem:
        return None, str(problem)
    if column.kind in NUMERIC_KINDS:
        reason = _range_problem(column, value)
        if reason:
            return None, reason
    return value, None


def _parse_text(column: Column, raw: Any) -> str:
    return unicodedata.normalize("NFC", shown(raw, limit=None)).strip()


def _parse_integer(column: Column, raw: Any) -> int:
    number = _number(raw, money=column.kind == "money")
    if number != number.to_integral_value():
        raise ValueError(_("Phải là số nguyên (ví dụ 1.234)."))
    return int(number)


def _parse_decimal(column: Column, raw: Any) -> Decimal:
    return _tidy(_number(raw))


def _parse_percent(column: Column, raw: Any) -> Decimal:
    """A percent cell holds a fraction (0,8 shown as 80%); text "80%" or "80" means 80 points."""
    if isinstance(raw, str):
        return _tidy(_number(raw.strip().removesuffix("%")))
    return _tidy(_number(raw) * 100)


def _parse_date(column: Column, raw: Any) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if int(raw) in SERIAL_DATES:
            return EXCEL_EPOCH + dt.timedelta(days=int(raw))
        raise ValueError(_("Không phải ngày: ghi dạng dd/mm/yyyy, ví dụ 05/02/2020."))
    return parse_date(str(raw))


def _parse_choice(column: Column, raw: Any) -> Any:
    wanted = fold(shown(raw, limit=None))
    for value, label in column.choices or []:
        if wanted in (fold(label), fold(str(value))):
            return value
    labels = [label for _value, label in column.choices or []]
    listed = ", ".join(labels[:12]) + (", …" if len(labels) > 12 else "")
    raise ValueError(_("Không có trong danh sách được chọn: %(choices)s.") % {"choices": listed})


_PARSERS = {
    "text": _parse_text,
    "integer": _parse_integer,
    "money": _parse_integer,
    "decimal": _parse_decimal,
    "percent": _parse_percent,
    "date": _parse_date,
    "choice": _parse_choice,
}

_DATE_TEXT = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")


def parse_date(text: str) -> dt.date:
    """ "05/02/2020", "5/2/2020", "05-02-2020", "05.02.2020" (day first) or "2020-02-05"; ValueError otherwise."""
    text = text.strip()
    match = _DATE_TEXT.fullmatch(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
    else:
        match = _ISO_DATE.fullmatch(text)
        if not match:
            raise ValueError(_("Không phải ngày: ghi dạng dd/mm/yyyy, ví dụ 05/02/2020."))
        year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise ValueError(_("Ngày không có thật trong lịch.")) from error


_NUMBER_TEXT = re.compile(r"[0-9.,]+")
_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_MONEY_SUFFIX = re.compile(r"\s*(?:vnd|dong|d)$")


def parse_number(text: str) -> Decimal:
    """A number as Vietnamese (or English) write it: "1.234,5", "1234,5", "1.234", "12.5", "1,234.5", "-3".

    The comma is the decimal mark unless a point comes after it; a single point is a thousands mark when exactly
    three digits follow it ("1.234" is 1234) and a decimal point otherwise ("12.5"). ValueError when not a number.
    """
    compact = re.sub(r"[\s\u00a0\u202f]", "", text)
    negative = compact.startswith("-") or (compact.startswith("(") and compact.endswith(")"))
    digits = compact.strip("()+-")
    if not digits or not _NUMBER_TEXT.fullmatch(digits) or not re.search(r"\d", digits):
        raise ValueError(_("Phải là số (ví dụ 1.234,5)."))
    decimal_mark = _decimal_mark(digits)
    integer, _mark, fraction = digits.partition(decimal_mark) if decimal_mark else (digits, "", "")
    if any(mark in fraction for mark in ".,") or (
        any(mark in integer for mark in ".,") and not _GROUPED.fullmatch(integer)
    ):
        raise ValueError(_("Phải là số (ví dụ 1.234,5)."))
    try:
        number = Decimal(re.sub(r"[.,]", "", integer or "0") + ("." + fraction if fraction else ""))
    except InvalidOperation as error:
        raise ValueError(_("Phải là số (ví dụ 1.234,5).")) from error
    return -number if negative else number


def _decimal_mark(digits: str) -> str | None:
    commas, points = digits.count(","), digits.count(".")
    if commas and points:
        return "," if digits.rfind(",") > digits.rfind(".") else "."
    if commas:
        return "," if commas == 1 else None
    if points == 1:
        integer, _point, fraction = digits.partition(".")
        return None if len(fraction) == 3 and integer.strip("0") else "."
    return None


def _number(raw: Any, *, money: bool = False) -> Decimal:
    if isinstance(raw, bool):
        raise ValueError(_("Phải là số (ví dụ 1.234,5)."))
    if isinstance(raw, int | float):
        return Decimal(repr(round(float(raw), 10)))
    text = str(raw)
    if money:
        text = _MONEY_SUFFIX.sub("", fold(text))
    return parse_number(text)


def _tidy(number: Decimal) -> Decimal:
    """12.0 → 12, 85.00 → 85, 0.50 → 0.5 (without turning 100 into 1E+2)."""
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def _range_problem(column: Column, value: Decimal | int) -> str | None:
    decimals = column.decimals if column.kind in ("decimal", "percent") else 0
    if column.minimum is not None and value < column.minimum:
        return _("Phải lớn hơn hoặc bằng %(minimum)s.") % {"minimum": format_number(column.minimum, decimals)}
    if column.maximum is not None and value > column.maximum:
        return _("Phải nhỏ hơn hoặc bằng %(maximum)s.") % {"maximum": format_number(column.maximum, decimals)}
    return None


def shown(value: Any, limit: int | None = MAX_SHOWN_VALUE) -> str:
    """A cell as users would read it: dates dd/mm/yyyy, 12.0 as 12; cut at `limit` characters."""
    if value is None:
        text = ""
    elif isinstance(value, dt.datetime | dt.date):
        text = format_date(value)
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"
