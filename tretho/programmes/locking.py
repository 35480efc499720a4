"""An issued plan is a signed document: neither it nor its parts (targets, tasks, …) change afterwards. A change
is an amendment — a new draft that `amends` the issued plan and supersedes it when issued in turn.

The rule is enforced where every write passes: `Plan.save()/delete()`, the parts' `save()/delete()` and the
many-to-many links (signal below). Forms, the API and the actions meet it there and show its message."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models.signals import m2m_changed
from django.utils import formats
from django.utils.translation import gettext as _

from .choices import PlanStatus


class PlanLocked(ValidationError):
    """Something tried to change an issued (or superseded) plan or one of its parts."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="plan_locked")


def locked_message(status: str, issued_on: Any) -> str:
    day = formats.date_format(issued_on, "d/m/Y") if issued_on else "…"
    if status == PlanStatus.SUPERSEDED:
        return _("Kế hoạch ban hành ngày %(date)s đã được thay thế bằng bản sửa đổi — không thể thay đổi nữa.") % {
            "date": day}
    return _("Kế hoạch đã ban hành ngày %(date)s — muốn thay đổi, hãy tạo bản sửa đổi.") % {"date": day}


def ensure_plan_editable(plan_id: int | None) -> None:
    """Raise PlanLocked unless the plan, as stored now, is a draft (a stale in-memory copy does not count)."""
    if plan_id is None:
        return
    from .models import Plan

    stored = Plan._base_manager.filter(pk=plan_id).values("status", "issued_on").first()
    if stored is not None and stored["status"] != PlanStatus.DRAFT:
        raise PlanLocked(locked_message(stored["status"], stored["issued_on"]))


def _owner_columns(through: Any) -> tuple[str, str]:
    """(owner column, other column) of a locked link table: the plan or task side, then the linked side."""
    from .models import Plan

    if through is Plan.implements.through:
        return "from_plan_id", "to_plan_id"
    other = "agency_id" if any(f.name == "agency" for f in through._meta.fields) else "administrativeunit_id"
    return "plantask_id", other


def _plan_ids(owner_model: Any, pks: Any) -> set[int]:
    from .models import Plan

    if owner_model is Plan:
        return set(pks)
    return set(owner_model._base_manager.filter(pk__in=list(pks)).values_list("plan_id", flat=True))


def guard_m2m(sender: Any, instance: Any, action: str, reverse: bool, model: Any, pk_set: Any,
              **kwargs: Any) -> None:
    """Links of an issued plan or of its tasks (implements, cooperating agencies, assigned units) are locked."""
    if action not in {"pre_add", "pre_remove", "pre_clear"}:
        return
    owner_column, other_column = _owner_columns(sender)
    if not reverse:  # plan.implements.add(…), task.assigned_units.set(…)
        owner_model, owners = type(instance), {instance.pk}
    else:  # the linked side: unit.assigned_plan_tasks.add(task), upper.implemented_by.clear()
        owner_model = model
        owners = set(pk_set) if pk_set is not None else set(
            sender._base_manager.filter(**{other_column: instance.pk}).values_list(owner_column, flat=True))
    for plan_id in _plan_ids(owner_model, owners):
        ensure_plan_editable(plan_id)


def connect_m2m_guards() -> None:
    from .models import Plan, PlanTask

    for through in (Plan.implements.through, PlanTask.cooperating_agencies.through,
                    PlanTask.assigned_units.through):
        m2m_changed.connect(guard_m2m, sender=through, dispatch_uid=f"plan_lock_{through._meta.label}")
