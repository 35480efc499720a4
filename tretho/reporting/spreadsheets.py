"""The dashboard's tables in one Excel file (tretho.documents.xlsx): the unit's results, every indicator by lower
unit, the trend over the years and the lower units' reports — the tables the page shows, with the same filters
and the "as of" time in each sheet's notes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from tretho.documents.xlsx import Column, Sheet, write_workbook

RESULTS_SHEET = "Kết quả"
BY_UNIT_SHEET = "Theo đơn vị"
TREND_SHEET = "Xu hướng"
REPORTS_SHEET = "Tiến độ báo cáo"


def _notes(board: Any) -> list[str]:
    notes = [board.as_of_text + "."]
    if board.option_label:
        notes.append(_("Phân tổ: %(breakdown)s.") % {"breakdown": board.option_label})
    if board.via_predecessors:
        notes.append(_("(*) Số liệu trước ngày 01/07/2025 là tổng của các đơn vị trước sắp xếp."))
    return notes


def _title(board: Any, what: str) -> str:
    return f"{what} — {board.unit.name} — {board.period.programme} — {board.period.label}"


def results_sheet(board: Any) -> Sheet:
    columns = [
        Column("indicator", _("Chỉ số"), width=50),
        Column("unit_of_measure", _("Đơn vị tính"), width=12),
        Column("value", _("Kết quả"), kind="decimal", decimals=2),
        Column("numerator", _("Tử số"), kind="decimal", decimals=2),
        Column("denominator", _("Mẫu số"), kind="decimal", decimals=2),
        Column("target", _("Chỉ tiêu kế hoạch"), width=20),
        Column("due", _("Phải đạt đến kỳ này"), kind="decimal", decimals=2),
        Column("achieved", _("Tỷ lệ đạt"), kind="percent", decimals=1),
        Column("status", _("Đánh giá"), width=18),
        Column("submissions", _("Số báo cáo đã duyệt"), kind="integer"),
    ]
    rows = []
    for result in board.own:
        rows.append({
            "indicator": result.indicator.name + (" (*)" if result.via_predecessors else ""),
            "unit_of_measure": result.unit_of_measure,
            "value": result.value,
            "numerator": result.numerator.value,
            "denominator": result.denominator.value if result.denominator is not None else None,
            "target": result.target_text,
            "due": result.due.quantize(Decimal("0.01")) if result.due is not None else None,
            "achieved": result.achieved,
            "status": result.status_label,
            "submissions": result.numerator.submissions if result.numerator.source == "rollup" else None,
        })
    return Sheet(name=RESULTS_SHEET, columns=columns, rows=rows, title=_title(board, _("Kết quả các chỉ số")),
                 notes=_notes(board))


def by_unit_sheet(board: Any) -> Sheet:
    columns = [Column("unit", _("Đơn vị"), width=34), Column("code", _("Mã đơn vị"), width=10)]
    for indicator in board.indicators:
        columns.append(Column(f"i{indicator.pk}", indicator.name, kind="decimal", decimals=2, width=18))
        columns.append(Column(f"s{indicator.pk}", f"{indicator.code}: {_('đánh giá')}", width=16))
    columns.append(Column("report", _("Báo cáo"), width=18))
    rows = []
    for row in board.rows():
        values: dict[str, Any] = {"unit": row["unit"].name, "code": row["unit"].code,
                                  "report": row["report"].state_label if row["report"] else ""}
        for result in row["results"]:
            values[f"i{result.indicator.pk}"] = result.value
            values[f"s{result.indicator.pk}"] = result.status_label
        rows.append(values)
    return Sheet(name=BY_UNIT_SHEET, columns=columns, rows=rows, title=_title(board, _("Kết quả theo đơn vị")),
                 notes=_notes(board))


def trend_sheet(board: Any, trend: dict[str, Any]) -> Sheet:
    periods = trend["periods"]
    columns = [Column("indicator", _("Chỉ số"), width=50)]
    columns += [Column(f"p{period.period_id}", period.period_id + (" (*)" if period.period_id in trend["reform_years"]
                                                                   else ""), kind="decimal", decimals=2)
                for period in periods]
    rows = []
    for series in trend["series"]:
        row: dict[str, Any] = {"indicator": series["indicator"].name}
        for period, value in zip(periods, series["values"], strict=True):
            row[f"p{period.period_id}"] = value
        rows.append(row)
    notes = _notes(board)
    if trend["reform_years"]:
        notes.append(_("(*) Năm trước sắp xếp đơn vị hành chính 2025: tổng của các đơn vị trước sắp xếp."))
    return Sheet(name=TREND_SHEET, columns=columns, rows=rows, title=_title(board, _("Xu hướng qua các năm")),
                 notes=notes)


def reports_sheet(board: Any) -> Sheet:
    """Every expected report of the lower levels (completeness.py) with its state."""
    columns = [
        Column("level", _("Cấp"), width=8),
        Column("unit", _("Đơn vị"), width=34),
        Column("code", _("Mã đơn vị"), width=10),
        Column("form", _("Mẫu báo cáo"), width=24),
        Column("state", _("Tình trạng"), width=16),
        Column("accepted", _("Đã duyệt"), width=10),
        Column("first_sent", _("Ngày gửi lần đầu"), kind="date"),
        Column("deadline", _("Hạn nộp"), kind="date"),
    ]
    rows = []
    for level in board.levels:
        for row in level.rows:
            rows.append({"level": level.level_label, "unit": row.unit.name, "code": row.unit.code,
                         "form": row.form.name, "state": row.state_label, "accepted": _("Có") if row.accepted else "",
                         "first_sent": row.first_sent, "deadline": row.deadline})
    return Sheet(name=REPORTS_SHEET, columns=columns, rows=rows, title=_title(board, _("Tiến độ báo cáo")),
                 notes=_notes(board))


def dashboard_workbook(board: Any, trend: dict[str, Any]) -> bytes:
    sheets = [results_sheet(board)]
    if board.lower:
        sheets.append(by_unit_sheet(board))
    sheets.append(trend_sheet(board, trend))
    if board.levels:
        sheets.append(reports_sheet(board))
    return write_workbook(sheets)
