"""The shape of a reference plan as plain data (the `plans_*` data modules fill it, `plans` loads it).

Texts are the source's own words. Where the source text was broken (a page number inside a sentence, OCR
misreadings), the data holds the mended text and a `TextFix` says what was mended and why, so a comparison with the
source applies the same fixes (tests/demo/test_reference_plans.py) and docs/reference-plans.md lists them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from .data import UnitRef


@dataclass(frozen=True)
class TextFix:
    """`wrong` in the source file reads `right` in the data; `count` is how often it occurs in that file."""

    wrong: str
    right: str
    reason: str
    count: int = 1


@dataclass(frozen=True)
class ObjectiveSpec:
    text: str
    kind: str = "specific"  # programmes.choices.ObjectiveKind
    milestone_value: Decimal | None = None
    milestone_year: int | None = None
    milestone_phase: str = ""  # name of a phase of the plan's programme
    indicator: str = ""  # code of an indicator of the plan's programme


@dataclass(frozen=True)
class TargetSpec:
    text: str
    value: Decimal | None = None
    unit_of_measure: str = ""  # "%", "nhóm trẻ" …
    comparison: str = ""  # programmes.choices.Comparison
    year: int | None = None
    indicator: str = ""
    area: UnitRef | None = None
    parts: list[TargetSpec] = field(default_factory=list)  # "trong đó …"
    # The words of the source this target comes from, when the record orders them differently (value first).
    # Without it the target's label ("ít nhất 80% số nhóm trẻ được hỗ trợ kiện toàn") is the source's wording.
    source_phrase: str = ""


@dataclass(frozen=True)
class TaskSpec:
    title: str
    description: str = ""
    lead_agency: str = ""  # agency key (tretho.demo.data)
    lead_text: str = ""  # a lead body the demo has no agency for
    cooperating: tuple[str, ...] = ()  # agency keys
    subtasks: list[TaskSpec] = field(default_factory=list)


@dataclass(frozen=True)
class DutySpec:
    """One agency's part of "Tổ chức thực hiện": the agency (or its name as written) and its lines."""

    intro: str = ""
    duties: tuple[str, ...] = ()
    agency: str = ""  # agency key
    body_name: str = ""  # the body as the source names it, when the demo has no agency for it


@dataclass(frozen=True)
class ReportingSpec:
    subject: str
    frequency: str  # programmes.choices.Frequency
    reporter_text: str = ""
    reporter_level: int | None = None
    recipient_agency: str = ""  # agency key
    recipient_text: str = ""
    deadline_day: int | None = None
    deadline_month: int | None = None
    deadline_date: dt.date | None = None
    channel: str = "paper"
    note: str = ""


@dataclass(frozen=True)
class SignerSpec:
    authority: str  # "TM.", "KT.", "" …
    body: str  # "BAN THƯỜNG VỤ", "GIÁM ĐỐC"
    title: str = ""  # "CHỦ TỊCH", "PHÓ GIÁM ĐỐC"
    name: str = ""


@dataclass(frozen=True)
class PlanSpec:
    key: str  # a stable name for the plan in code and tests, e.g. "ninh-binh-2019"
    source_file: str  # the reference plan's file name prefix in ../shared/reference-plans ("003_")
    programme: str  # Programme.code
    phase: str  # Phase.name, "" when the plan covers the whole programme
    unit: UnitRef  # the plan's area, in the hierarchy in force when it was issued
    summary: str
    start_year: int
    end_year: int
    signer: SignerSpec
    agency: str = ""  # issuing agency key, or
    committee: str = ""  # issuing steering committee's name (tretho.demo.data.COMMITTEES)
    parent_body: str = ""
    issuing_body: str = ""
    number: str = ""
    type_code: str = "KH"
    issuer_code: str = ""
    place: str = ""
    issued_on: dt.date | None = None
    type_name: str = "KẾ HOẠCH"
    legal_bases: tuple[str, ...] = ()
    preamble: str = ""
    purpose: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    scope: str = ""
    timeframe: str = ""
    budget_text: str = ""
    reporting_text: str = ""
    closing_text: str = ""
    section_order: tuple[str, ...] = ()
    section_headings: dict[str, str] = field(default_factory=dict)
    objectives: list[ObjectiveSpec] = field(default_factory=list)
    targets: list[TargetSpec] = field(default_factory=list)
    tasks: list[TaskSpec] = field(default_factory=list)
    duties: list[DutySpec] = field(default_factory=list)
    reporting: list[ReportingSpec] = field(default_factory=list)
    recipients: tuple[str, ...] = ()
    fixes: tuple[TextFix, ...] = ()
    # Header fields the source copy lacks and the data reconstructs (not compared with the source).
    reconstructed: tuple[str, ...] = ()
    # Where and why the rendered document differs from the source (docs/reference-plans.md).
    notes: tuple[str, ...] = ()
