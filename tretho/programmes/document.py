"""A plan as its official document: the plan's records laid out as an `OfficialDocument` (tretho.documents), which
the Word renderer turns into the file officials sign (Nghị định 30/2020/NĐ-CP layout).

The sections come in the plan's own order (`Plan.section_order`, with its custom headings) from the same
structure the plan page shows (`selectors.document_sections`), so page and document never disagree. Numbering
(I., II.; 1., 2.; a), b)) is left to the renderer. Parts under one heading ("ĐỐI TƯỢNG, PHẠM VI, THỜI GIAN") are
numbered 1., 2., 3. with their own titles; a section with one part shows that part's content directly. The groups
of specific objectives take their wording from `section_headings` too ("objectives.2020": "Mục tiêu đến năm
2020", see `objective_group_key`).
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch

from tretho.core.formats import format_date, format_money
from tretho.documents.docx import render_docx
from tretho.documents.official import Block, Item, OfficialDocument, Section, Signature

from . import selectors
from .choices import BudgetSource
from .models import Plan, PlanObjective, PlanTarget, PlanTask

# A section's content: blocks to write, given whether the part stands under its own numbered title.
Content = list[Block]


def load(plan: Plan) -> Plan:
    """The plan with every part fetched at once (the caller has checked the user may read it)."""
    return Plan.objects.select_related("programme", "phase", "unit", "agency", "committee").prefetch_related(
        "implements", "recipients", "agency_duties__agency", "reporting_requirements__recipient_agency",
        Prefetch("objectives", queryset=PlanObjective.objects.select_related("milestone_phase", "indicator")),
        Prefetch("targets", queryset=PlanTarget.objects.select_related("indicator", "area")),
        Prefetch("tasks", queryset=PlanTask.objects.select_related("lead_agency").prefetch_related(
            "cooperating_agencies")),
    ).get(pk=plan.pk)


def plan_to_document(plan: Plan, *, task_details: bool = True) -> OfficialDocument:
    """The OfficialDocument of plan. A draft carries the "DỰ THẢO" mark and leaves number and date blank.
    `task_details` adds under each task who leads it, with whom, by when and the budget estimate."""
    plan = load(plan)
    sections = [Section(title=section.heading, blocks=_section_blocks(section, plan, task_details))
                for section in selectors.document_sections(plan)]
    issued = not plan.is_draft
    return OfficialDocument(
        parent_body=plan.parent_body,
        issuing_body=plan.issuing_body,
        number=plan.document_number if issued and plan.number.strip() else "",
        symbol="-".join(part for part in (plan.type_code, plan.issuer_code) if part),
        place=plan.place or str(plan.unit),
        date=plan.issued_on if issued else None,
        year=undated_year(plan),
        type_name=plan.type_name,
        summary=plan.summary,
        preamble=[*selectors.implemented_bases(plan), *text_lines_kept(plan.preamble)],
        sections=[section for section in sections if section.blocks],
        closing=text_lines_kept(plan.closing_text),
        recipients=[recipient.text for recipient in plan.recipients.all()],
        signature=Signature(authority=plan.signature_heading, title=plan.signer_title, name=plan.signer_name)
        if (plan.signer_title or plan.signer_name or plan.signature_heading) else None,
        draft=plan.is_draft,
    )


def undated_year(plan: Plan) -> int | None:
    """The year printed in the dateline of an issued plan recorded without a date (Đồng Nai 2017: "ngày … tháng …
    năm 2017"): the plan's first year, in which a plan is usually issued (a plan issued the year before needs its
    date entered). A draft leaves "năm 20…", written by hand when it is signed; a dated plan prints its date."""
    if plan.is_draft or plan.issued_on is not None:
        return None
    return plan.start_year


def plan_docx(plan: Plan, **options: Any) -> bytes:
    return render_docx(plan_to_document(plan, **options))


def document_filename(plan: Plan, extension: str) -> str:
    """"KH-109-BCD-2017.docx", "KH-du-thao-2019-2025.docx": ASCII, no personal data."""
    number = ascii_text(plan.document_number).replace("/", "-") if plan.number.strip() else f"{plan.type_code}-du-thao"
    span = str(plan.start_year) if plan.start_year == plan.end_year else f"{plan.start_year}-{plan.end_year}"
    stem = "-".join(part for part in (number, span) if part)
    safe = "".join(char if char.isascii() and (char.isalnum() or char in "-_") else "-" for char in stem)
    return f"{'-'.join(part for part in safe.split('-') if part)}.{extension}"


def ascii_text(text: str) -> str:
    """"109/KH-BCĐ" → "109/KH-BCD": accents dropped, case kept."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char))


def text_lines_kept(text: str) -> list[str]:
    """Paragraphs as written (a leading dash kept: a preamble or closing is prose, not a list)."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# -- sections -------------------------------------------------------------------------------------------------


def _section_blocks(section: selectors.DocumentSection, plan: Plan, task_details: bool) -> list[Block]:
    wrapped = len(section.parts) > 1
    blocks: list[Block] = []
    for part in section.parts:
        blocks.extend(_part_blocks(part, plan, wrapped, task_details))
    return blocks


def _part_blocks(part: selectors.SectionPart, plan: Plan, wrapped: bool, task_details: bool) -> Content:
    """One part's blocks; under a shared heading the part opens with its own numbered title."""
    key = part.key
    if key == "objectives":
        return _numbered(_objective_items(part, plan.section_headings or {}), part.title if wrapped else "")
    if key == "targets":
        return _listed([_target_item(row) for row in part.items], part.title if wrapped else "")
    if key == "tasks":
        return _numbered([_task_item(row, task_details) for row in part.items], part.title if wrapped else "")
    if key == "organisation":
        return _titled(part.title if wrapped else "", _organisation_blocks(part.items))
    if key == "reporting":
        return _titled(part.title if wrapped else "", _reporting_blocks(part))
    if key == "budget":
        return _prose(part.title if wrapped else "", [*part.lines, *_budget_lines(plan)])
    if key in ("purpose", "target_groups"):
        return _listed([Item(text=line) for line in part.lines], part.title if wrapped else "")
    return _prose(part.title if wrapped else "", text_lines_kept(part.text) or part.lines)


def _paragraph(lines: list[str]) -> Content:
    return [Block("paragraph", text="\n".join(lines))] if lines else []


def _bullets(items: list[Item]) -> Content:
    return [Block("bullets", items=items)] if items else []


def _titled(title: str, blocks: Content) -> Content:
    """blocks under "N. Title" when the part shares its section's heading."""
    if not title or not blocks:
        return blocks
    return [Block("numbered", items=[Item(text="", lead=title)]), *blocks]


def _numbered(items: list[Item], title: str) -> Content:
    if not items:
        return []
    if title:
        return [Block("numbered", items=[Item(text="", lead=title, children=items)])]
    return [Block("numbered", items=items)]


def _listed(items: list[Item], title: str) -> Content:
    return _titled(title, _bullets(items))


def _prose(title: str, lines: list[str]) -> Content:
    """Text: after the part's title on its line ("3. Phạm vi thực hiện: Trong các cơ sở …"), else paragraphs."""
    if not lines:
        return []
    if title:
        return [Block("numbered", items=[Item(text="\n".join(lines), lead=title)])]
    return _paragraph(lines)


# -- objectives, targets, tasks -------------------------------------------------------------------------------


def _objective_items(part: selectors.SectionPart, headings: dict[str, str]) -> list[Item]:
    """"Mục tiêu chung: …", then one item per milestone with its specific objectives as a), b), …, headed as the
    plan words it (`objective_group_key` in `section_headings`), else "Mục tiêu cụ thể <milestone>"."""
    items = []
    general = [objective.text.strip() for objective in part.items if objective.text.strip()]
    if general:
        items.append(Item(text="\n".join(general), lead="Mục tiêu chung"))
    for label, objectives in part.groups:
        lead = headings.get(objective_group_key(objectives[0])) or f"Mục tiêu cụ thể {label}".strip()
        items.append(Item(text="", lead=lead, children=[Item(text=o.text.strip()) for o in objectives]))
    return items


def objective_group_key(objective: PlanObjective) -> str:
    """The `section_headings` key of the group of specific objectives `objective` belongs to: "objectives.2020"
    (by a year), "objectives.2021-2025" (by a phase, its years with a hyphen), "objectives.specific" (no milestone).
    Ninh Bình's "Mục tiêu đến năm 2020" and "Mục tiêu giai đoạn 2021-2025" are held so."""
    if objective.milestone_phase_id:
        phase: Any = objective.milestone_phase
        span = str(phase.start_year) if phase.start_year == phase.end_year else f"{phase.start_year}-{phase.end_year}"
        return f"objectives.{span}"
    return f"objectives.{objective.milestone_year}" if objective.milestone_year else "objectives.specific"


def _capitalised(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def target_text(target: PlanTarget) -> str:
    """"Nhóm trẻ được kiện toàn và phát triển mới: 20 nhóm trẻ (năm 2017; Phường Long Bình)"."""
    subject = target.text or (target.indicator.name if target.indicator_id else "")  # type: ignore[union-attr]
    text = ": ".join(part for part in (_capitalised(subject), target.value_label) if part)
    when = format_date(target.deadline) if target.deadline else (f"năm {target.year}" if target.year else "")
    details = [part for part in (when, str(target.area) if target.area_id else "") if part]
    return f"{text} ({'; '.join(details)})" if details else text


def _target_item(row: selectors.TargetRow) -> Item:
    parts = []
    for part in row.parts:
        subject = part.text or (part.indicator.name if part.indicator_id else "")  # type: ignore[union-attr]
        parts.append(Item(text=" ".join(piece for piece in (part.value_label, " ".join(subject.split())) if piece)))
    text = target_text(row.target)
    return Item(text=f"{text}, trong đó:" if parts else text, children=parts)


def task_details_line(task: PlanTask) -> str:
    """"Chủ trì: …; phối hợp: …; thời gian: 01/03/2017 – 31/12/2017; kinh phí dự kiến: 10.000.000 đồng (…)."""
    pieces = []
    if task.lead_name:
        pieces.append(f"Chủ trì: {task.lead_name}")
    cooperating = [str(agency) for agency in task.cooperating_agencies.all()]
    if cooperating:
        pieces.append(f"phối hợp: {', '.join(cooperating)}")
    if task.start and task.deadline:
        pieces.append(f"thời gian: {format_date(task.start)} – {format_date(task.deadline)}")
    elif task.deadline:
        pieces.append(f"thời hạn: {format_date(task.deadline)}")
    if task.expected_output.strip():
        pieces.append(f"sản phẩm: {' '.join(task.expected_output.split())}")
    if task.budget_amount is not None:
        source = f" ({BudgetSource(task.budget_source).label.lower()})" if task.budget_source else ""
        pieces.append(f"kinh phí dự kiến: {format_money(task.budget_amount)}{source}")
    if not pieces:
        return ""
    line = "; ".join(pieces)
    return line[:1].upper() + line[1:] + "."


def _task_item(row: selectors.NumberedTask, details: bool) -> Item:
    task = row.task
    lines = [task.title.strip(), *text_lines_kept(task.description)]
    extra = task_details_line(task) if details else ""
    if extra:
        lines.append(extra)
    return Item(text="\n".join(lines), children=[_task_item(child, details) for child in row.children])


def _budget_lines(plan: Plan) -> list[str]:
    """"Tổng dự toán: 30.000.000 đồng (ngân sách địa phương 20.000.000 đồng; doanh nghiệp 10.000.000 đồng)."."""
    by_source: dict[str, Decimal] = {}
    for task in plan.tasks.all():
        if task.budget_amount is not None:
            by_source[task.budget_source] = by_source.get(task.budget_source, Decimal(0)) + task.budget_amount
    if not by_source:
        return []
    total = sum(by_source.values(), Decimal(0))
    detail = "; ".join(f"{BudgetSource(source).label.lower() if source else 'chưa ghi nguồn'} {format_money(amount)}"
                       for source, amount in sorted(by_source.items(), key=lambda pair: pair[0]))
    return [f"Tổng dự toán kinh phí các nhiệm vụ: {format_money(total)} ({detail})."]


# -- organisation and reporting -------------------------------------------------------------------------------


def _organisation_blocks(duties: list[Any]) -> Content:
    """Each agency numbered with its name in bold ("1. Sở Giáo dục và Đào tạo: …") and its duties as "- " lines;
    duties of no named body stay "- " lines of the section."""
    blocks: Content = []
    for duty in duties:
        lines = [Item(text=line) for line in duty.duty_lines()]
        intro = " ".join(duty.intro.split())
        if duty.heading:
            blocks.append(Block("numbered", items=[Item(text=intro, lead=duty.heading)]))
        elif intro:
            blocks.append(Block("paragraph", text=intro))
        blocks.extend(_bullets(lines))
    return blocks


def _reporting_blocks(part: selectors.SectionPart) -> Content:
    """The plan's own reporting text when it has one (it already says who reports what to whom by when: the
    requirements, kept for monitoring, would repeat it); otherwise one "- " line per requirement."""
    if part.lines:
        return _paragraph(part.lines)
    return _bullets([Item(text=_requirement_text(requirement)) for requirement in part.items])


def _requirement_text(requirement: Any) -> str:
    """"Kết quả thực hiện Kế hoạch: các cơ quan, ban ngành gửi Ủy ban nhân dân phường trước ngày 30/11 hằng năm.".
    The channel (văn bản giấy, phần mềm) is the system's bookkeeping, not written in a signed plan."""
    text = requirement.subject.strip()
    who = requirement.reporter_text.strip()
    sent = " ".join(part for part in (
        who,
        f"gửi {requirement.recipient_name}" if requirement.recipient_name else "",
        requirement.deadline_label,
    ) if part)
    if sent:
        text = f"{text}: {sent}"
    note = " ".join(requirement.note.split())
    return f"{text}. {note}" if note else f"{text}."
