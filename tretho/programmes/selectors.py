"""Scoped reads of plans and the plan laid out as its document: sections in the plan's order, with their
objectives, targets (and their "of which" parts), numbered tasks, agencies' duties and reporting requirements.
The plan page shows this; the Word renderer can build its OfficialDocument from the same structure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet

from tretho.core.scoping import VIEW

from .choices import ObjectiveKind, PlanStatus, SectionKey
from .models import Plan, PlanObjective, PlanTarget, PlanTask
from .models.plan import text_lines

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def plans_for(user: Any, action: str = VIEW) -> QuerySet[Plan]:
    return Plan.objects.restrict(user, action).select_related("programme", "phase", "unit", "agency", "committee")


def drafts_of(user: Any, action: str = VIEW) -> QuerySet[Plan]:
    return plans_for(user, action).filter(status=PlanStatus.DRAFT)


@dataclass
class NumberedTask:
    task: PlanTask
    number: str
    children: list[NumberedTask] = field(default_factory=list)


@dataclass
class TargetRow:
    target: PlanTarget
    parts: list[PlanTarget] = field(default_factory=list)


@dataclass
class SectionPart:
    key: str
    title: str
    lines: list[str] = field(default_factory=list)
    text: str = ""
    items: list[Any] = field(default_factory=list)
    # Specific objectives grouped by milestone: [("đến năm 2020", [objective, …]), …]
    groups: list[tuple[str, list[Any]]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.lines or self.text.strip() or self.items or self.groups)


@dataclass
class DocumentSection:
    number: str  # "I", "II", …
    heading: str
    parts: list[SectionPart]


def numbered_tasks(tasks: list[PlanTask]) -> list[NumberedTask]:
    """Tasks as a tree numbered 1, 2, … and 1.1, 1.2, … by their order (no query per task)."""
    by_parent: dict[int | None, list[PlanTask]] = {}
    for task in sorted(tasks, key=lambda t: (t.order, t.pk)):
        by_parent.setdefault(task.parent_id, []).append(task)

    def walk(parent_id: int | None, prefix: str) -> list[NumberedTask]:
        rows = []
        for position, task in enumerate(by_parent.get(parent_id, []), start=1):
            number = f"{prefix}{position}"
            rows.append(NumberedTask(task, number, walk(task.pk, f"{number}.")))
        return rows

    return walk(None, "")


def target_rows(targets: list[PlanTarget]) -> list[TargetRow]:
    wholes = [TargetRow(t) for t in targets if t.part_of_id is None]
    index = {row.target.pk: row for row in wholes}
    for target in targets:
        if target.part_of_id in index:
            index[target.part_of_id].parts.append(target)
    return wholes


def objective_groups(objectives: list[PlanObjective]) -> tuple[list[PlanObjective], list[tuple[str, list]]]:
    general = [o for o in objectives if o.kind == ObjectiveKind.GENERAL]
    groups: dict[str, list[PlanObjective]] = {}
    for objective in objectives:
        if objective.kind == ObjectiveKind.SPECIFIC:
            groups.setdefault(objective.milestone_label, []).append(objective)
    return general, list(groups.items())


def load_plan(plan_id: int, user: Any) -> Plan:
    """The plan with every part fetched in a fixed number of queries (DoesNotExist when out of scope)."""
    return plans_for(user).prefetch_related(
        "implements",
        Prefetch("objectives", queryset=PlanObjective.objects.select_related("milestone_phase", "indicator")),
        Prefetch("targets", queryset=PlanTarget.objects.select_related("indicator", "area", "parent_target")),
        Prefetch("tasks", queryset=PlanTask.objects.select_related("lead_agency").prefetch_related(
            "cooperating_agencies", "assigned_units")),
        "agency_duties__agency", "reporting_requirements__recipient_agency", "recipients",
    ).get(pk=plan_id)


def document_sections(plan: Plan) -> list[DocumentSection]:
    """The plan's sections in its own order, Roman-numbered, empty ones left out."""
    objectives = list(plan.objectives.all())
    general, groups = objective_groups(objectives)
    parts = {
        "purpose": SectionPart("purpose", "", lines=plan.purpose_lines()),
        "objectives": SectionPart("objectives", "", items=general, groups=groups),
        "targets": SectionPart("targets", "", items=target_rows(list(plan.targets.all()))),
        "target_groups": SectionPart("target_groups", "", lines=plan.target_group_lines()),
        "scope": SectionPart("scope", "", text=plan.scope),
        "timeframe": SectionPart("timeframe", "", text=plan.timeframe),
        "tasks": SectionPart("tasks", "", items=numbered_tasks(list(plan.tasks.all()))),
        "budget": SectionPart("budget", "", lines=text_lines(plan.budget_text)),
        "organisation": SectionPart("organisation", "", items=list(plan.agency_duties.all())),
        "reporting": SectionPart("reporting", "", lines=text_lines(plan.reporting_text),
                                 items=list(plan.reporting_requirements.all())),
    }
    sections = []
    for keys in plan.section_entries():
        present = [parts[key] for key in keys if key in parts and not parts[key].empty]
        if not present:
            continue
        for part in present:
            custom = (plan.section_headings or {}).get(part.key)
            part.title = (custom or str(SectionKey(part.key).label)) if len(keys) > 1 else ""
        heading = plan.section_heading(keys)
        sections.append(DocumentSection(ROMAN[len(sections)] if len(sections) < len(ROMAN) else str(len(sections) + 1),
                                        heading, present))
    return sections


def implemented_bases(plan: Plan) -> list[str]:
    """"Thực hiện Kế hoạch số 09/KH-UBND ngày 21/01/2019 của …" lines for the plans it implements, then the other
    legal bases as written."""
    lines = []
    for upper in plan.implements.all():
        parts = [f"Thực hiện {upper.type_name.capitalize()} số {upper.document_number}"]
        if upper.issued_on:
            parts.append(f"ngày {upper.issued_on:%d/%m/%Y}")
        issuer = upper.issuer
        if issuer is not None:
            parts.append(f"của {issuer}")
        parts.append(f"về {upper.summary[:1].lower()}{upper.summary[1:]}" if upper.summary else "")
        lines.append(" ".join(part for part in parts if part).rstrip(".") + ";")
    return lines + plan.legal_basis_lines()
