"""A plan task's progress, derived — never typed (choices.TaskProgress):

1. **Đã hoàn thành (done)** when the task has a `TaskCompletion` (its lead agency marked it done, with evidence);
   done beats everything else, a late completion included.
2. **Quá hạn (overdue)** else, when its deadline has passed (deadline < today; on the deadline day itself it is
   not yet late).
3. **Đang thực hiện (in progress)** else, when an activity of `PROGRESS_MODELS` (the activities and the
   registry's supervision visits) names the task — or one of its
   sub-items, down to `SUBTASK_DEPTH` levels — and took place on or before today (its `date_field`; a training
   planned for next month does not start the task).
4. **Chưa thực hiện (not started)** otherwise.

"Today" is `timezone.localdate()` unless given (tests pass it). The state is the task's own, whoever looks: it is
worked out from every activity naming the task. The activity counts shown beside it are those the viewer may
read (`restrict(user, VIEW)`), so a count never reveals records out of the viewer's scope.

Cost: one query for the completions and one per activity model (through-table rows with the activity's date),
whatever the number of tasks — never a query per task.

The marking rule (`may_mark`): users with a role that writes (officer, manager, admin) in the plan unit's subtree
whose role assignment names the task's lead agency (a sub-item without one inherits its parent's), and the
administrators and programme managers of the plan's unit, whatever their agency.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import BooleanField, Exists, OuterRef, Q, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from tretho.accounts.choices import ROLE_ACTIONS, RoleCode
from tretho.core.integrity import claim_version
from tretho.core.scoping import CHANGE, VIEW, scope_for, user_can
from tretho.core.text import collation_key
from tretho.registry.models import SupervisionVisit

from .choices import FollowUpState, TaskProgress
from .models import ACTIVITY_MODELS, MeetingFollowUp, TaskCompletion

SUBTASK_DEPTH = 3  # 1 → 1.1 → 1.1.1: activities naming a sub-item up to this depth count for the task
STATE_ORDER = (TaskProgress.NOT_STARTED, TaskProgress.IN_PROGRESS, TaskProgress.DONE, TaskProgress.OVERDUE)
# Roles that may mark any task of a plan of their unit, whatever their agency.
PLAN_ROLES = (RoleCode.ADMIN, RoleCode.PROGRAMME_MANAGER)
# What carries a task out, for its progress only (not the calendar, metrics or lists): every activity kind and the
# supervision visits of childcare groups (a plan's "tổ chức giám sát" task).
PROGRESS_MODELS: tuple[Any, ...] = (*ACTIVITY_MODELS, SupervisionVisit)


@dataclass
class TaskState:
    """One task's progress and what carries it out."""

    state: str = TaskProgress.NOT_STARTED
    completion: Any = None  # the TaskCompletion (pk, done_on) when done
    counts: dict[str, int] = field(default_factory=dict)  # model name → activities the viewer may read

    @property
    def label(self) -> str:
        return str(TaskProgress(self.state).label)

    @property
    def activity_count(self) -> int:
        return sum(self.counts.values())


def _ancestor_lookups() -> list[str]:
    """plantask, plantask__parent, plantask__parent__parent…: the task an activity names and its ancestors."""
    return ["plantask" + "__parent" * depth for depth in range(SUBTASK_DEPTH)]


def activity_links(model: Any, task_ids: list[int], user: Any = None) -> list[dict[str, Any]]:
    """The rows of model's tasks table naming one of task_ids or a sub-item of one (one query): the activity,
    its date, the named task and its ancestors, and whether user may read the activity."""
    through = model.tasks.through
    source = model.tasks.field.m2m_field_name()  # "training", "meeting"…
    ancestors = _ancestor_lookups()
    match = Q()
    for lookup in ancestors:
        match |= Q(**{f"{lookup}_id__in": task_ids})
    visible: Any = Value(True, output_field=BooleanField())
    if user is not None:
        visible = Exists(model.objects.restrict(user, VIEW).filter(pk=OuterRef(f"{source}_id")))
    return list(through.objects.filter(match).annotate(visible=visible).values(
        f"{source}_id", f"{source}__{model.date_field}", "visible", *[f"{lookup}_id" for lookup in ancestors]))


def task_progress(tasks: Iterable[Any], *, user: Any = None, today: dt.date | None = None) -> dict[int, TaskState]:
    """task pk → TaskState for every task given (PlanTask rows, or anything with pk and deadline)."""
    today = today or timezone.localdate()
    tasks = list(tasks)
    ids = [task.pk for task in tasks]
    if not ids:
        return {}
    wanted = set(ids)
    completions = {c.task_id: c for c in TaskCompletion.objects.filter(task_id__in=ids).only(
        "pk", "task_id", "done_on")}
    started: set[int] = set()
    seen: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for model in PROGRESS_MODELS:
        source = model.tasks.field.m2m_field_name()
        name = str(model._meta.model_name)
        for row in activity_links(model, ids, user):
            day = row[f"{source}__{model.date_field}"]
            credited = {row[f"{lookup}_id"] for lookup in _ancestor_lookups()} & wanted
            for task_id in credited:
                if day is not None and day <= today:
                    started.add(task_id)
                if row["visible"]:
                    seen[task_id][name].add(row[f"{source}_id"])
    result = {}
    for task in tasks:
        completion = completions.get(task.pk)
        if completion is not None:
            state = TaskProgress.DONE
        elif task.deadline is not None and task.deadline < today:
            state = TaskProgress.OVERDUE
        elif task.pk in started:
            state = TaskProgress.IN_PROGRESS
        else:
            state = TaskProgress.NOT_STARTED
        counts = {name: len(pks) for name, pks in seen.get(task.pk, {}).items()}
        result[task.pk] = TaskState(state, completion, counts)
    return result


def effective_lead(task: Any) -> tuple[Any, str]:
    """(lead agency or None, its name): a sub-item without a lead of its own is led by its parent's lead."""
    current = task
    while current is not None:
        if current.lead_agency_id or current.lead_text:
            return current.lead_agency, current.lead_name
        current = current.parent
    return None, ""


@dataclass
class AgencySummary:
    name: str
    agency: Any
    counts: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def cells(self) -> list[int]:
        return [self.counts[state] for state in STATE_ORDER]


def agency_summary(tasks: Iterable[Any], progress: dict[int, TaskState]) -> list[AgencySummary]:
    """Lead agency → number of its tasks (sub-items included) in each state, agencies by name, tasks without a
    lead last ("Chưa giao chủ trì"). The parents must be loaded with the tasks (select_related or in the list)."""
    rows: dict[Any, AgencySummary] = {}
    for task in tasks:
        agency, name = effective_lead(task)
        key = agency.pk if agency is not None else (f"text:{name}" if name else None)
        if key not in rows:
            rows[key] = AgencySummary(name or _("Chưa giao chủ trì"), agency)
        rows[key].counts[progress[task.pk].state] += 1
    unassigned = rows.pop(None, None)
    ordered = sorted(rows.values(), key=lambda row: collation_key(row.name))
    return [*ordered, unassigned] if unassigned else ordered


def plan_tasks_progress(plan: Any, *, user: Any = None, today: dt.date | None = None
                        ) -> tuple[list[Any], dict[int, TaskState], list[AgencySummary]]:
    """A plan's tasks (with lead agency and parent), their progress and the per-agency summary."""
    from tretho.programmes.models import PlanTask

    tasks = list(PlanTask.objects.filter(plan=plan).select_related(
        "lead_agency", "parent__lead_agency", "parent__parent__lead_agency").order_by("order", "pk"))
    progress = task_progress(tasks, user=user, today=today)
    return tasks, progress, agency_summary(tasks, progress)


# -- marking done ------------------------------------------------------------------------------------------------

def may_mark(user: Any, task: Any) -> bool:
    """Whether user may mark task done or undo it (see the module docstring)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    path = task.plan.unit.path
    if not scope_for(user, CHANGE, TaskCompletion).covers(path):
        return False
    lead, _name = effective_lead(task)
    for assignment in user.role_assignments.select_related("role", "unit"):
        if not any(path.startswith(prefix) for prefix in assignment.unit_paths()):
            continue
        if assignment.role.code in PLAN_ROLES:
            return True
        if (lead is not None and assignment.agency_id == lead.pk
                and CHANGE in ROLE_ACTIONS.get(assignment.role.code, frozenset())):
            return True
    return False


def check_done_on(done_on: dt.date, today: dt.date | None = None) -> None:
    if done_on > (today or timezone.localdate()):
        raise ValidationError({"done_on": _("Ngày hoàn thành không thể sau hôm nay.")})


@transaction.atomic
def do_mark_done(task: Any, *, done_on: dt.date, evidence: str, acting_user: Any) -> TaskCompletion:
    """The lead agency says the task is done, on done_on, with evidence (PermissionDenied for anyone else)."""
    if not may_mark(acting_user, task):
        raise PermissionDenied
    check_done_on(done_on)
    if not evidence.strip():
        raise ValidationError({"evidence": _("Ghi kết quả, minh chứng hoàn thành.")})
    # Lock the task row: two marks at once must not both pass the check (the second would hit the one-to-one).
    type(task)._default_manager.select_for_update().filter(pk=task.pk).exists()
    if TaskCompletion.objects.filter(task=task).exists():
        raise ValidationError(_("Nhiệm vụ này đã được xác nhận hoàn thành."), code="exists")
    completion = TaskCompletion(task=task, done_on=done_on, evidence=evidence.strip(), marked_by=acting_user,
                                created_by=acting_user)
    completion.full_clean()
    completion.save()
    return completion


@transaction.atomic
def do_undo_done(completion: TaskCompletion, *, acting_user: Any) -> None:
    """"Bỏ xác nhận": the task is no longer done (the deletion stays in the completion's history)."""
    if not may_mark(acting_user, completion.task):
        raise PermissionDenied
    completion._history_user = acting_user  # type: ignore[attr-defined]  # simple_history: who undid it
    completion.delete()


# -- meeting follow-ups -----------------------------------------------------------------------------------------

@transaction.atomic
def do_close_follow_up(item: MeetingFollowUp, *, done_on: Any, result: str, version: int,
                       acting_user: Any) -> MeetingFollowUp:
    """A follow-up item is carried out on done_on. Refused for an item already done (its day and result stay), a
    stale version or a day before the meeting."""
    if not user_can(acting_user, CHANGE, item):
        raise PermissionDenied
    if done_on < item.meeting.start_date:
        raise ValidationError(_("Ngày hoàn thành không thể trước ngày họp (%(date)s).") % {
            "date": item.meeting.start_date.strftime("%d/%m/%Y")})
    if not claim_version(MeetingFollowUp, item.pk, version):
        raise ValidationError(_("Việc này vừa được người khác sửa: hãy tải lại trang."), code="stale")
    item.refresh_from_db()
    if item.state == FollowUpState.DONE:  # (the transaction rolls the version claimed back)
        raise ValidationError(_("Việc này đã được ghi nhận hoàn thành ngày %(date)s.") % {
            "date": item.done_on.strftime("%d/%m/%Y") if item.done_on else "—"}, code="done")
    item.state = FollowUpState.DONE
    item.done_on = done_on
    if result.strip():
        item.result = result.strip()
    item.full_clean()
    item.save()
    return item
