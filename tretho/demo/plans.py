"""The three reference plans as issued plans of the demo, with every part (objectives, targets, tasks, agencies'
duties, reporting requirements, recipients), written from the `plans_*` data modules.

Called by `load.load_demo` once agencies and committees exist, inside its transaction. Idempotent: a plan is found
by its natural key (unit, programme, summary, issue date; never an amendment); when it exists nothing is written.
An issued plan is a signed document, locked for good (programmes.locking), so a stored plan that differs from the
data is left as it is (a warning in the log names what differs), never rewritten. The programmes, phases and national
indicators come from `tretho.programmes.demo.load_programmes()`; the few indicators only these plans use are
created when missing and never overwritten (users maintain them).

The plans are recorded as issued directly (status and time of recording), not through `do_issue_plan`: the
sources lack what that action requires of a new plan (Đồng Nai: number and date; Hương An: the signer's name).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.db import models
from django.utils import timezone

from tretho.orgs.models import Agency, SteeringCommittee
from tretho.programmes.choices import PlanStatus, UnitOfMeasure
from tretho.programmes.demo import load_programmes
from tretho.programmes.models import (
    AgencyDuty,
    Indicator,
    Phase,
    Plan,
    PlanObjective,
    PlanRecipient,
    PlanTarget,
    PlanTask,
    Programme,
    ReportingRequirement,
)

from . import data
from .plans_dong_nai import DONG_NAI_2017
from .plans_huong_an import HUONG_AN_2019
from .plans_ninh_binh import NINH_BINH_2019
from .plans_programmes import EXTRA_INDICATORS
from .plans_spec import PlanSpec, TargetSpec, TaskSpec

M = TypeVar("M", bound=models.Model)
logger = logging.getLogger(__name__)

REFERENCE_PLANS: list[PlanSpec] = [DONG_NAI_2017, HUONG_AN_2019, NINH_BINH_2019]
CHANGE_REASON = "tretho demo"


def reference_plan(key: str) -> PlanSpec:
    return next(spec for spec in REFERENCE_PLANS if spec.key == key)


def unit_refs() -> list[data.UnitRef]:
    """Units the plans name (their areas and targets' areas), for the loader's up-front check."""
    refs = [spec.unit for spec in REFERENCE_PLANS]
    refs += [target.area for spec in REFERENCE_PLANS for target in _all_targets(spec.targets) if target.area]
    return list(dict.fromkeys(refs))


@dataclass
class Context:
    """What the plans point at, resolved once: units, agencies, programmes, phases, indicators."""

    unit: Any  # load.UnitResolver
    agencies: dict[str, Agency]
    programmes: dict[str, Programme] = field(default_factory=dict)
    phases: dict[tuple[str, str], Phase] = field(default_factory=dict)
    indicators: dict[tuple[str, str], Indicator] = field(default_factory=dict)

    def agency_id(self, key: str) -> int | None:
        return self.agencies[key].pk if key else None

    def unit_id(self, ref: data.UnitRef | None) -> int | None:
        return self.unit(ref).pk if ref is not None else None

    def phase_id(self, programme: str, name: str) -> int | None:
        return self.phases[programme, name].pk if name else None

    def indicator_id(self, programme: str, code: str) -> int | None:
        return self.indicators[programme, code].pk if code else None


def load_reference_plans(unit: Any, agencies: dict[str, Agency], report: Any) -> dict[str, Plan]:
    """Write the programmes (where missing) and the three plans; return the plans by spec key."""
    context = Context(unit=unit, agencies=agencies)
    _load_programmes(context, report)
    return {spec.key: _load_plan(spec, context, report) for spec in REFERENCE_PLANS}


# -- programmes --------------------------------------------------------------------------------------------------


def _load_programmes(context: Context, report: Any) -> None:
    """Programmes, phases and national indicators from the programmes module, plus the plans' own indicators."""
    context.programmes = load_programmes()
    for phase in Phase.objects.filter(programme__in=context.programmes.values()).select_related("programme"):
        context.phases[phase.programme.code, phase.name] = phase
    for spec in EXTRA_INDICATORS:
        percent = spec.unit_of_measure == UnitOfMeasure.PERCENT
        indicator, created = Indicator.objects.get_or_create(
            programme=context.programmes[spec.programme], code=spec.code,
            defaults={"name": spec.name, "definition": spec.definition, "unit_of_measure": spec.unit_of_measure,
                      "factor": Decimal(100) if percent else Decimal(1), "decimals": 1 if percent else 0})
        report.record(Indicator, created=created, changed=created)
    for indicator in Indicator.objects.filter(programme__in=context.programmes.values()).select_related("programme"):
        context.indicators[indicator.programme.code, indicator.code] = indicator


# -- the plan and its parts as field values ------------------------------------------------------------------------


def plan_lookup(spec: PlanSpec, context: Context) -> dict[str, Any]:
    return {"unit": context.unit(spec.unit), "programme": context.programmes[spec.programme],
            "summary": spec.summary, "issued_on": spec.issued_on, "amends__isnull": True}


def plan_values(spec: PlanSpec, context: Context) -> dict[str, Any]:
    committee = None
    if spec.committee:
        committee = SteeringCommittee.objects.get(unit=context.unit(spec.unit), name=spec.committee)
    return {
        "phase_id": context.phase_id(spec.programme, spec.phase),
        "agency_id": context.agency_id(spec.agency),
        "committee_id": committee.pk if committee else None,
        "parent_body": spec.parent_body, "issuing_body": spec.issuing_body,
        "start_year": spec.start_year, "end_year": spec.end_year,
        "number": spec.number, "type_code": spec.type_code, "issuer_code": spec.issuer_code,
        "place": spec.place, "type_name": spec.type_name,
        "legal_bases": "\n".join(spec.legal_bases), "preamble": spec.preamble,
        "purpose": "\n".join(spec.purpose), "target_groups": "\n".join(spec.target_groups),
        "scope": spec.scope, "timeframe": spec.timeframe, "budget_text": spec.budget_text,
        "reporting_text": spec.reporting_text, "closing_text": spec.closing_text,
        "section_order": list(spec.section_order), "section_headings": dict(spec.section_headings),
        "signer_authority": spec.signer.authority, "signer_body": spec.signer.body,
        "signer_title": spec.signer.title, "signer_name": spec.signer.name,
    }


def _all_targets(targets: list[TargetSpec]) -> list[TargetSpec]:
    return [row for target in targets for row in (target, *target.parts)]


def _target_row(target: TargetSpec, spec: PlanSpec, context: Context, order: int, whole: int | None) -> dict:
    return {"order": order, "part_of__order": whole, "text": target.text, "value": target.value,
            "unit_of_measure": target.unit_of_measure, "comparison": target.comparison, "year": target.year,
            "indicator_id": context.indicator_id(spec.programme, target.indicator),
            "area_id": context.unit_id(target.area)}


def _task_rows(tasks: list[TaskSpec], context: Context, rows: list[dict], parent: int | None = None) -> None:
    for task in tasks:
        order = len(rows) + 1
        rows.append({"order": order, "parent__order": parent, "title": task.title,
                     "description": task.description, "lead_agency_id": context.agency_id(task.lead_agency),
                     "lead_text": task.lead_text,
                     "cooperating": sorted(context.agency_id(key) for key in task.cooperating)})
        _task_rows(task.subtasks, context, rows, parent=order)


def part_rows(spec: PlanSpec, context: Context) -> dict[type[models.Model], list[dict[str, Any]]]:
    """Every part of the plan as field values, in document order (`order` 1, 2, …; links by the linked order)."""
    objectives = [
        {"order": n, "kind": o.kind, "text": o.text, "milestone_value": o.milestone_value,
         "milestone_year": o.milestone_year, "milestone_phase_id": context.phase_id(spec.programme, o.milestone_phase),
         "indicator_id": context.indicator_id(spec.programme, o.indicator)}
        for n, o in enumerate(spec.objectives, start=1)
    ]
    targets: list[dict] = []
    for target in spec.targets:
        whole = len(targets) + 1
        targets.append(_target_row(target, spec, context, whole, None))
        targets += [_target_row(part, spec, context, whole + n, whole) for n, part in enumerate(target.parts, 1)]
    tasks: list[dict] = []
    _task_rows(spec.tasks, context, tasks)
    duties = [
        {"order": n, "agency_id": context.agency_id(d.agency), "body_name": d.body_name, "intro": d.intro,
         "duties": "\n".join(d.duties)}
        for n, d in enumerate(spec.duties, start=1)
    ]
    reporting = [
        {"order": n, "subject": r.subject, "reporter_level": r.reporter_level, "reporter_text": r.reporter_text,
         "recipient_agency_id": context.agency_id(r.recipient_agency), "recipient_text": r.recipient_text,
         "frequency": r.frequency, "deadline_day": r.deadline_day, "deadline_month": r.deadline_month,
         "deadline_date": r.deadline_date, "channel": r.channel, "note": r.note}
        for n, r in enumerate(spec.reporting, start=1)
    ]
    recipients = [{"order": n, "text": text} for n, text in enumerate(spec.recipients, start=1)]
    return {PlanObjective: objectives, PlanTarget: targets, PlanTask: tasks, AgencyDuty: duties,
            ReportingRequirement: reporting, PlanRecipient: recipients}


# -- what is stored ------------------------------------------------------------------------------------------------


def stored_rows(plan: Plan, model: type[models.Model], keys: list[str]) -> list[dict[str, Any]]:
    columns = [key for key in keys if key != "cooperating"]
    rows = list(model._base_manager.filter(plan=plan).order_by("order", "pk").values("pk", *columns))
    if "cooperating" in keys:
        links = PlanTask.cooperating_agencies.through.objects.filter(plantask__plan=plan)
        by_task: dict[int, list[int]] = {}
        for task_id, agency_id in links.values_list("plantask_id", "agency_id"):
            by_task.setdefault(task_id, []).append(agency_id)
        for row in rows:
            row["cooperating"] = sorted(by_task.get(row["pk"], []))
    for row in rows:
        del row["pk"]
    return rows


def differences(plan: Plan, spec: PlanSpec, context: Context) -> list[str]:
    """Names of the fields and parts where the stored plan differs from the data (empty when it matches)."""
    values = plan_values(spec, context)
    changed = [name for name, value in values.items() if getattr(plan, name) != value]
    for model, rows in part_rows(spec, context).items():
        keys = list(rows[0]) if rows else ["order"]
        if stored_rows(plan, model, keys) != rows:
            changed.append(str(model._meta.verbose_name_plural))
    return changed


# -- writing -------------------------------------------------------------------------------------------------------


def _save(obj: M) -> M:
    obj._change_reason = CHANGE_REASON  # type: ignore[attr-defined]
    obj.full_clean()
    obj.save()
    return obj


def _load_plan(spec: PlanSpec, context: Context, report: Any) -> Plan:
    existing = Plan.objects.filter(**plan_lookup(spec, context)).order_by("pk").first()
    if existing is not None:
        changed = differences(existing, spec, context)
        if changed:
            logger.warning("Reference plan %s (pk %s) differs from the demo data in %s; left as issued.",
                           spec.key, existing.pk, ", ".join(changed))
        report.record(Plan, created=False, changed=False)
        return existing
    lookup = {key: value for key, value in plan_lookup(spec, context).items() if "__" not in key}
    plan = _save(Plan(**lookup, **plan_values(spec, context)))
    _write_parts(plan, spec, context, report)
    plan.status = PlanStatus.ISSUED
    plan.issued_at = timezone.now()
    plan._change_reason = CHANGE_REASON  # type: ignore[attr-defined]
    plan.save(update_fields=["status", "issued_at", "updated_at"])
    report.record(Plan, created=True, changed=True)
    return plan


def _write_parts(plan: Plan, spec: PlanSpec, context: Context, report: Any) -> None:
    for model, rows in part_rows(spec, context).items():
        saved: dict[int, models.Model] = {}  # by order, for part_of / parent links
        for row in rows:
            values = dict(row)
            whole, parent = values.pop("part_of__order", None), values.pop("parent__order", None)
            cooperating = values.pop("cooperating", [])
            if whole is not None:
                values["part_of"] = saved[whole]
            if parent is not None:
                values["parent"] = saved[parent]
            obj = _save(model(plan=plan, **values))
            if cooperating:
                obj.cooperating_agencies.set(cooperating)  # type: ignore[attr-defined]
            saved[row["order"]] = obj
            report.record(model, created=True, changed=True)

