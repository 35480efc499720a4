"""Writes with rules: issuing a plan and amending an issued one. Each takes the acting user (keyword-only), checks
their right on the plan, runs in one transaction and leaves its trace in the history (who, when)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tretho.core.scoping import ADD, CHANGE, user_can

from .choices import PlanStatus
from .models import AgencyDuty, Plan, PlanObjective, PlanRecipient, PlanTarget, PlanTask, ReportingRequirement


def _require(user: Any, action: str, plan: Plan) -> None:
    if not user_can(user, action, plan):
        raise PermissionDenied(_("Bạn không có quyền với kế hoạch này."))


def _locked_for_update(plan: Plan) -> Plan:
    """The plan re-read under a row lock: two people issuing at once must not both succeed."""
    return Plan.objects.select_for_update().get(pk=plan.pk)


@transaction.atomic
def do_issue_plan(plan: Plan, *, acting_user: Any, number: str | None = None, date: dt.date | None = None) -> Plan:
    """Record that the plan was signed and issued: it gets its number and date (given here or already on the
    draft) and is locked from then on. Issuing an amendment marks the plan it amends as superseded."""
    _require(acting_user, CHANGE, plan)
    current = _locked_for_update(plan)
    if current.status != PlanStatus.DRAFT:
        raise ValidationError(current.locked_reason, code="plan_locked")
    if number is not None and str(number).strip():
        current.number = str(number).strip()
    if date is not None:
        current.issued_on = date
    problems = current.issue_problems()
    if problems:
        raise ValidationError([_("Chưa thể ban hành kế hoạch:"), *problems], code="incomplete")
    current.full_clean()
    current.status = PlanStatus.ISSUED
    current.issued_at = timezone.now()
    current.issued_by = acting_user
    current.version += 1
    current._history_user = acting_user  # type: ignore[attr-defined]  # simple_history: who did it
    current.save()
    if current.amends_id:
        old = _locked_for_update(current.amends)  # type: ignore[arg-type]
        if old.status == PlanStatus.ISSUED:
            old.status = PlanStatus.SUPERSEDED
            old.version += 1
            old._history_user = acting_user  # type: ignore[attr-defined]
            old.save()
    plan.refresh_from_db()
    return current


@transaction.atomic
def do_create_amendment(plan: Plan, *, acting_user: Any) -> Plan:
    """A new draft copying the issued plan (header, sections and every part), linked by `amends`. The issued plan
    stays as it was; it becomes superseded when the amendment is issued. One open amendment at a time."""
    _require(acting_user, CHANGE, plan)
    _require(acting_user, ADD, plan)
    current = _locked_for_update(plan)
    if current.status != PlanStatus.ISSUED:
        message = (_("Chỉ tạo bản sửa đổi cho kế hoạch đã ban hành.") if current.status == PlanStatus.DRAFT
                   else _("Kế hoạch này đã được thay thế; hãy sửa đổi bản đang có hiệu lực."))
        raise ValidationError(message, code="not_issued")
    open_draft = current.amendments.filter(status=PlanStatus.DRAFT).first()
    if open_draft is not None:
        raise ValidationError(_("Kế hoạch này đã có bản sửa đổi đang soạn: %(plan)s.") % {"plan": open_draft},
                              code="open_amendment")
    amendment = copy_plan(current, acting_user=acting_user, amends=current, number="", issued_on=None)
    return amendment


def copy_plan(source: Plan, *, acting_user: Any, **changes: Any) -> Plan:
    """A draft copy of source with all its parts (internal links between parts re-pointed to the copies);
    `changes` override fields of the copy (e.g. amends=…, start_year=…). Callers run it in a transaction."""
    skip = {"id", "status", "issued_at", "issued_by", "created_at", "updated_at", "created_by", "version", "amends",
            "search_key", "sort_key"}
    values = {f.attname: getattr(source, f.attname) for f in Plan._meta.concrete_fields if f.name not in skip}
    copy = Plan(**values, status=PlanStatus.DRAFT, created_by=acting_user)
    for name, value in changes.items():
        setattr(copy, name, value)
    copy._history_user = acting_user  # type: ignore[attr-defined]
    copy.save()
    copy.implements.set(source.implements.all())
    copy_parts(source, copy, acting_user=acting_user)
    return copy


def copy_parts(source: Plan, target: Plan, *, acting_user: Any, targets: Any = None, tasks: Any = None) -> None:
    """Copy the parts of source into the draft target. `targets` / `tasks` limit which targets and tasks are
    copied (querysets of source's); parts whose parent is not copied become top-level."""
    for model in (PlanObjective, AgencyDuty, ReportingRequirement, PlanRecipient):
        for part in model._base_manager.filter(plan=source).order_by("order", "pk"):
            _clone(part, target, acting_user)
    target_map: dict[int, PlanTarget] = {}
    rows = targets if targets is not None else source.targets.all()
    for part in sorted(rows, key=lambda t: _depth(t, "part_of")):  # wholes before their parts
        target_map[part.pk] = _clone(part, target, acting_user, part_of=target_map.get(part.part_of_id))
    task_map: dict[int, PlanTask] = {}
    rows = tasks if tasks is not None else source.tasks.all()
    for task in sorted(rows.prefetch_related("cooperating_agencies", "assigned_units"),
                       key=lambda t: _depth(t, "parent")):  # parents before their sub-tasks
        copied = _clone(task, target, acting_user, parent=task_map.get(task.parent_id))
        copied.cooperating_agencies.set(task.cooperating_agencies.all())
        copied.assigned_units.set(task.assigned_units.all())
        task_map[task.pk] = copied


def _depth(row: Any, link: str) -> tuple[int, int, int]:
    """(how deep in its own tree, order, pk): copying in this order creates every parent before its children."""
    depth, node = 0, row
    while getattr(node, f"{link}_id") is not None:
        depth += 1
        node = getattr(node, link)
    return depth, row.order, row.pk


def _clone(part: Any, plan: Plan, acting_user: Any, **links: Any) -> Any:
    model = type(part)
    skip = {"id", "plan", "created_at", "updated_at", "created_by", "version", *links}
    values = {f.attname: getattr(part, f.attname) for f in model._meta.concrete_fields if f.name not in skip}
    copy = model(**values, **links, plan=plan, created_by=acting_user)
    copy._history_user = acting_user
    copy.save()
    return copy
