"""Task progress on pages of other apps (the plan page, the agency task board), without programmes importing
activities: `{% load task_progress %}`

- `{% plan_progress plan as progress %}`: every task of the plan, its state and the per-agency summary;
- `{% tasks_progress tasks as progress %}`: the same for a list of tasks (a page of the board);
- `{% task_progress_cell progress task %}`: the badge and the number of activities, linked to the task's progress
  page;
- `{% task_progress_summary progress %}`: the table lead agency → not started / in progress / done / overdue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import template
from django.urls import reverse

from .. import progress as rules
from ..choices import TaskProgress

register = template.Library()


@dataclass
class Progress:
    states: dict[int, rules.TaskState]
    summary: list[rules.AgencySummary] = field(default_factory=list)


def _user(context: Any) -> Any:
    request = context.get("request")
    return getattr(request, "user", None)


@register.simple_tag(takes_context=True)
def plan_progress(context: Any, plan: Any) -> Progress:
    _tasks, states, summary = rules.plan_tasks_progress(plan, user=_user(context))
    return Progress(states, summary)


@register.simple_tag(takes_context=True)
def tasks_progress(context: Any, tasks: Any) -> Progress:
    return Progress(rules.task_progress(tasks, user=_user(context)))


@register.inclusion_tag("activities/progress/_task_cell.html")
def task_progress_cell(progress: Progress | None, task: Any) -> dict[str, Any]:
    state = progress.states.get(task.pk) if progress else None
    return {"state": state, "url": reverse("activities:task_progress", args=[task.pk])} if state else {}


@register.inclusion_tag("activities/progress/_summary.html")
def task_progress_summary(progress: Progress | None) -> dict[str, Any]:
    return {"rows": progress.summary if progress else [],
            "labels": [TaskProgress(state).label for state in rules.STATE_ORDER]}
