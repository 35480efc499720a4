"""`{% plan_work_actions plan %}`: the cascade and file buttons of the plan page (programmes/work/_plan_actions.html),
worked out for the signed-in user so the plan page's own view need not know about them."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("programmes/work/_plan_actions_buttons.html", takes_context=True)
def plan_work_actions(context: Any, plan: Any) -> dict[str, Any]:
    from tretho.programmes.views_work import plan_actions

    request = context.get("request")
    user = getattr(request, "user", None)
    if plan is None or user is None or not user.is_authenticated:
        return {}
    return plan_actions(user, plan)
