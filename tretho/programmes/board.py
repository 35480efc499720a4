"""The task board by agency: "what does my agency owe, by when" — the tasks of current plans an agency leads or
cooperates in, soonest deadline first, filtered to overdue, due soon, later or done.

A task marked done by its lead agency (its `completion`, tretho.activities) is done: never overdue nor due, listed
under "done". Overdue means the deadline has passed and the task is not done (the rule of
tretho.activities.progress, whose template tags show each row's progress on the page)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from tretho.core.scoping import VIEW

from .choices import PlanStatus
from .models import PlanTask

DUE_SOON_DAYS = 30
OVERDUE, DUE_SOON, LATER, DONE, ALL = "overdue", "soon", "later", "done", "all"
WHEN_CHOICES = (ALL, OVERDUE, DUE_SOON, LATER, DONE)


@dataclass
class BoardRow:
    task: PlanTask
    leads: bool  # the agency leads it (else cooperates)
    state: str  # DONE, OVERDUE, DUE_SOON, LATER or "" (no deadline)


def user_agencies(user: Any) -> list[Any]:
    """The agencies the user works for (role assignments with an agency), first the lowest level."""
    assignments = getattr(user, "role_assignments", None)
    if assignments is None:
        return []
    rows = assignments.exclude(agency=None).select_related("agency__unit").order_by("-unit__level", "pk")
    seen, agencies = set(), []
    for assignment in rows:
        if assignment.agency_id not in seen:
            seen.add(assignment.agency_id)
            agencies.append(assignment.agency)
    return agencies


def board_tasks(user: Any, agency: Any = None, when: str = ALL, today: dt.date | None = None) -> QuerySet[PlanTask]:
    """Tasks of draft and issued plans the user may read; of one agency (lead or cooperating) when given."""
    today = today or timezone.localdate()
    tasks = PlanTask.objects.restrict(user, VIEW).exclude(plan__status=PlanStatus.SUPERSEDED)
    if agency is not None:
        tasks = tasks.filter(Q(lead_agency=agency) | Q(cooperating_agencies=agency)).distinct()
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    if when == DONE:
        tasks = tasks.filter(completion__isnull=False)
    elif when in (OVERDUE, DUE_SOON, LATER):
        tasks = tasks.filter(completion__isnull=True)  # what is still owed
    if when == OVERDUE:
        tasks = tasks.filter(deadline__lt=today)
    elif when == DUE_SOON:
        tasks = tasks.filter(deadline__gte=today, deadline__lte=soon)
    elif when == LATER:
        tasks = tasks.filter(deadline__gt=soon)
    return tasks.select_related("plan__unit", "plan__programme", "lead_agency", "parent", "completion"
                                ).prefetch_related("cooperating_agencies").order_by(
        F("deadline").asc(nulls_last=True), "plan__unit__sort_key", "order", "pk")


def board_rows(tasks: Any, agency: Any = None, today: dt.date | None = None) -> list[BoardRow]:
    today = today or timezone.localdate()
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    rows = []
    for task in tasks:
        if _is_done(task):
            state = DONE
        elif task.deadline is None:
            state = ""
        elif task.deadline < today:
            state = OVERDUE
        elif task.deadline <= soon:
            state = DUE_SOON
        else:
            state = LATER
        rows.append(BoardRow(task, leads=agency is None or task.lead_agency_id == agency.pk, state=state))
    return rows


def _is_done(task: PlanTask) -> bool:
    try:
        return task.completion is not None  # type: ignore[attr-defined]  # reverse one-to-one of activities
    except ObjectDoesNotExist:
        return False
