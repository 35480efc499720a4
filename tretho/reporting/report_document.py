"""The period's report as an official document: "BÁO CÁO Kết quả thực hiện … năm 2020" in the Nghị định 30/2020
layout, rendered by tretho.documents (the same Word renderer as plans).

Two steps, as for a plan (programmes/document.py): `gather()` reads the records the user may see (results from
`results`, narratives of the unit's own and its lower units' accepted submissions, completeness) into a plain
`PeriodReport`; `report_document()` lays the plain data out as an `OfficialDocument`, touching no model (the
benchmark and the tests call it with plain data). Sections, numbered by the renderer:

    I.   KẾT QUẢ THỰC HIỆN           1. the targets table (indicator, unit, target, result, % achieved, rating)
                                     2. one table per indicator by lower unit
                                     3. activities carried out (the units' "results" narratives)
                                     4. reporting (completeness of the lower units' reports)
    II.  KHÓ KHĂN, VƯỚNG MẮC         the units' difficulties
    III. ĐỀ XUẤT, KIẾN NGHỊ          the units' proposals
    IV.  PHƯƠNG HƯỚNG, NHIỆM VỤ …    the next period's tasks
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from tretho.documents.docx import render_docx
from tretho.documents.official import Block, Item, OfficialDocument, Section, Signature, Table


@dataclass
class ResultLine:
    """One row of the targets table, every value already written the Vietnamese way."""

    subject: str  # the indicator (or target text)
    unit_of_measure: str  # "%", "nhóm", "người"
    target: str  # "ít nhất 80%", "" without a target
    value: str  # "82,5"
    achieved: str  # "103,1%"
    status: str  # "Đạt tiến độ", "Có nguy cơ chậm", "Chậm tiến độ", "Chưa có chỉ tiêu"


@dataclass
class UnitTable:
    """One indicator by lower unit: (unit name, value, target, % achieved) rows, then a total row when given."""

    title: str
    rows: list[list[str]]
    total: list[str] | None = None


@dataclass
class Narrative:
    source: str  # the unit the text comes from ("Xã Hòa An"); "" for the reporting unit itself
    text: str


@dataclass
class PeriodReport:
    """Everything the document prints, as plain text and numbers already formatted."""

    parent_body: str
    issuing_body: str
    place: str
    summary: str  # "Kết quả thực hiện Đề án 1437 năm 2020"
    period_label: str  # "năm 2020", "6 tháng đầu năm 2021"
    unit_label: str  # "Tỉnh Sông Hồng": whose results
    lower_label: str = "Đơn vị"  # header of the lower units' column ("Huyện", "Xã, phường")
    number: str = ""
    symbol: str = "BC"
    date: dt.date | None = None
    year: int | None = None
    preamble: list[str] = field(default_factory=list)
    results: list[ResultLine] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # under the targets table ("(*) …")
    by_unit: list[UnitTable] = field(default_factory=list)
    activities: list[Narrative] = field(default_factory=list)
    completeness: list[str] = field(default_factory=list)
    difficulties: list[Narrative] = field(default_factory=list)
    proposals: list[Narrative] = field(default_factory=list)
    next_tasks: list[Narrative] = field(default_factory=list)
    as_of: str = ""  # "Số liệu tính đến 10 giờ 05 ngày 25/11/2026"
    closing: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature: Signature | None = None
    draft: bool = True


RESULTS_HEADER = ["TT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu kế hoạch", "Kết quả thực hiện", "Tỷ lệ đạt",
                  "Đánh giá"]
RESULTS_WIDTHS = [0.5, 4.0, 1.2, 1.6, 1.5, 1.2, 1.7]
UNIT_WIDTHS = [0.5, 3.5, 1.6, 1.6, 1.3]
NOTHING_REPORTED = "Chưa có báo cáo."


def report_document(report: PeriodReport) -> OfficialDocument:
    """The plain report laid out as an OfficialDocument (sections I–IV, empty parts said as such)."""
    sections = [
        Section("Kết quả thực hiện", _results_blocks(report)),
        Section("Khó khăn, vướng mắc", _narrative_blocks(report.difficulties)),
        Section("Đề xuất, kiến nghị", _narrative_blocks(report.proposals)),
        Section("Phương hướng, nhiệm vụ kỳ tới", _narrative_blocks(report.next_tasks)),
    ]
    preamble = list(report.preamble) or [
        f"{report.issuing_body.strip().capitalize() or report.unit_label} báo cáo kết quả thực hiện "
        f"{report.period_label} trên địa bàn {report.unit_label} như sau:"
    ]
    closing = list(report.closing) or [
        f"Trên đây là báo cáo kết quả thực hiện {report.period_label} của {report.unit_label}."
    ]
    return OfficialDocument(
        parent_body=report.parent_body,
        issuing_body=report.issuing_body,
        number=report.number,
        symbol=report.symbol,
        place=report.place,
        date=report.date,
        year=report.year,
        type_name="BÁO CÁO",
        summary=report.summary,
        preamble=preamble,
        sections=sections,
        closing=closing,
        recipients=report.recipients or ["Như trên", "Lưu: VT"],
        signature=report.signature,
        draft=report.draft,
    )


def report_docx(report: PeriodReport) -> bytes:
    return render_docx(report_document(report))


def _titled(title: str, blocks: list[Block]) -> list[Block]:
    return [Block("numbered", items=[Item(text="", lead=title)]), *blocks]


def _results_blocks(report: PeriodReport) -> list[Block]:
    blocks: list[Block] = []
    results: list[Block] = []
    if report.as_of:
        results.append(Block("paragraph", text=report.as_of))
    if report.results:
        rows = [[str(number), line.subject, line.unit_of_measure, line.target or "—", line.value or "—",
                 line.achieved or "—", line.status] for number, line in enumerate(report.results, start=1)]
        results.append(Block("table", table=Table(header=RESULTS_HEADER, rows=rows, widths=RESULTS_WIDTHS)))
    else:
        results.append(Block("paragraph", text=NOTHING_REPORTED))
    results += [Block("paragraph", text=note) for note in report.notes]
    blocks += _titled("Kết quả thực hiện các chỉ tiêu", results)

    if report.by_unit:
        tables: list[Block] = []
        for table in report.by_unit:
            tables.append(Block("subheading", text=table.title))
            header = ["TT", report.lower_label, "Kết quả", "Chỉ tiêu", "Tỷ lệ đạt"]
            rows = [[str(number), *row] for number, row in enumerate(table.rows, start=1)]
            if table.total:
                rows.append(["", *table.total])
            tables.append(Block("table", table=Table(header=header, rows=rows, widths=UNIT_WIDTHS)))
        blocks += _titled("Kết quả theo đơn vị", tables)

    blocks += _titled("Các hoạt động đã triển khai", _narrative_blocks(report.activities))
    if report.completeness:
        blocks += _titled("Tình hình báo cáo của cấp dưới", [Block("bullets", items=[
            Item(text=line) for line in report.completeness])])
    return blocks


def _narrative_blocks(entries: list[Narrative]) -> list[Block]:
    """The reporting unit's own text as paragraphs, then each lower unit's as "- Xã Hòa An: …" lines."""
    own = [entry.text.strip() for entry in entries if not entry.source and entry.text.strip()]
    lower = [entry for entry in entries if entry.source and entry.text.strip()]
    blocks: list[Block] = [Block("paragraph", text="\n".join(own))] if own else []
    if lower:
        blocks.append(Block("bullets", items=[Item(text=_one_paragraph(entry.text), lead=entry.source)
                                               for entry in lower]))
    return blocks or [Block("paragraph", text=NOTHING_REPORTED)]


def _one_paragraph(text: str) -> str:
    """A lower unit's text on one "- " line: its own lines joined with "; "."""
    lines = [line.strip().lstrip("-+• ").strip() for line in text.splitlines() if line.strip()]
    return "; ".join(line.rstrip(";.") for line in lines) + "." if lines else ""


def docx_filename(period_id: str, unit_code: str) -> str:
    """"bao-cao-2020-T91.docx": ASCII, no personal data."""
    safe = "".join(char if char.isascii() and (char.isalnum() or char in "-_") else "-" for char in
                   f"bao-cao-{period_id}-{unit_code}")
    return f"{safe}.docx"



# -- from the records ----------------------------------------------------------------------------------------------


def gather(board: Any) -> PeriodReport:
    """The report of a dashboard (`views_dashboard.Dashboard`: its unit, period, results, lower units and their
    reports), with the header and signature of the unit's plan in force when there is one, and the narratives
    of the accepted reports of the unit and its lower units."""
    from django.utils import timezone

    from tretho.core.scoping import VIEW
    from tretho.programmes.choices import PlanStatus
    from tretho.programmes.models import Plan

    from .choices import SubmissionStatus
    from .models import Submission

    unit, period = board.unit, board.period
    programme = period.programme
    plan = (Plan.objects.filter(unit=unit, programme=programme, status=PlanStatus.ISSUED,
                                start_year__lte=period.year, end_year__gte=period.year)
            .select_related("agency", "committee").order_by("-start_year", "-issued_on", "-pk").first())
    place = getattr(unit, "short_name", "") or unit.name
    if plan is not None:
        parent_body, issuing_body, place = plan.parent_body, plan.issuing_body, plan.place or place
        signature = Signature(authority=plan.signature_heading, title=plan.signer_title, name="")
        basis = f"Thực hiện Kế hoạch số {plan.document_number} về {_lower_first(plan.summary)}" if plan.number else (
            f"Thực hiện {_lower_first(plan.summary)}")
    else:
        parent_body, issuing_body = "ỦY BAN NHÂN DÂN", unit.name.upper()
        signature = Signature(authority="TM. ỦY BAN NHÂN DÂN", title="CHỦ TỊCH", name="")
        legal = programme.legal_basis
        basis = f"Thực hiện {programme}" + (f" ({legal})" if legal else "")
    period_text = _lower_first(period.label)
    programme_name = str(programme)
    # The body in its own words ("Sở Giáo dục và Đào tạo tỉnh Ninh Bình"), not the header's capitals.
    issuer = f"Ủy ban nhân dân {_lower_first(unit.name)}"
    if plan is not None and plan.issuer is not None:
        issuer = str(plan.issuer)
    preamble = [f"{basis}, {issuer} báo cáo kết quả thực hiện {programme_name} {period_text} như sau:".lstrip(", ")]

    report = PeriodReport(
        parent_body=parent_body, issuing_body=issuing_body, place=place,
        summary=f"Kết quả thực hiện {programme_name} {period_text}",
        period_label=f"{programme_name} {period_text}", unit_label=unit.name,
        lower_label=_lower_label(board.lower), year=timezone.localdate().year, preamble=preamble,
        as_of=board.as_of_text + (f" (phân tổ: {board.option_label})" if board.option_key else "") + ".",
        signature=signature, draft=True,
        closing=[f"Trên đây là báo cáo kết quả thực hiện {programme_name} {period_text} của {unit.name}."],
    )
    for result in board.own:
        report.results.append(ResultLine(
            subject=result.indicator.name + (" (*)" if result.via_predecessors else ""),
            unit_of_measure=result.unit_of_measure, target=result.target_text, value=result.value_text,
            achieved=result.achieved_text, status=result.status_label if result.status not in ("no_data",) else ""))
    if board.via_predecessors:
        report.notes.append("(*) Số liệu trước ngày 01/7/2025 là tổng của các đơn vị trước sắp xếp.")
    for indicator in board.indicators if board.lower else []:
        rows = []
        for lower in board.lower:
            result = board.table[(indicator.pk, lower.pk)]
            rows.append([lower.name, result.value_text or "—", result.target_text or "—", result.achieved_text or "—"])
        own = next((r for r in board.own if r.indicator.pk == indicator.pk), None)
        total = [f"Cộng: {unit.name}", own.value_text or "—", own.target_text or "—",
                 own.achieved_text or "—"] if own is not None else None
        report.by_unit.append(UnitTable(title=indicator.name, rows=rows, total=total))

    submissions = (Submission.objects.restrict(board.user, VIEW)
                   .filter(period=period, unit__in=[unit, *board.lower], status=SubmissionStatus.ACCEPTED)
                   .select_related("unit").order_by("unit__level", "unit__sort_key", "form__code"))
    for submission in submissions:
        source = "" if submission.unit_id == unit.pk else submission.unit.name
        for attribute, entries in (("results_text", report.activities), ("difficulties_text", report.difficulties),
                                   ("proposals_text", report.proposals), ("next_tasks_text", report.next_tasks)):
            text = getattr(submission, attribute)
            if text.strip():
                entries.append(Narrative(source=source, text=text))
    for level in board.levels:
        deadline = f" (hạn nộp {level.deadline:%d/%m/%Y})" if level.deadline else ""
        report.completeness.append(
            f"Cấp {level.level_label.lower()}{deadline}: {level.expected} đơn vị phải báo cáo; đúng hạn "
            f"{level.on_time}; muộn {level.late}; bị trả lại {level.returned}; chưa nộp {level.missing}; "
            f"đã duyệt {level.accepted}.")
        missing = sorted({row.unit.name for row in level.in_state("missing")})
        if missing:
            report.completeness.append(f"Cấp {level.level_label.lower()} chưa nộp: {', '.join(missing)}.")
    return report


def _lower_first(text: str) -> str:
    text = " ".join(str(text).split())
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _lower_label(units: list[Any]) -> str:
    levels = {unit.level for unit in units}
    if levels == {1}:
        return "Tỉnh, thành phố"
    if levels == {2}:
        return "Huyện, thị xã, thành phố"
    if levels == {3}:
        return "Xã, phường, thị trấn"
    return "Đơn vị"
