"""Template helpers: breadcrumbs by unit (linked only where the user may look), Vietnamese formats."""

from __future__ import annotations

from typing import Any

from django import template

from tretho.core import formats
from tretho.core.scoping import VIEW, user_can

register = template.Library()


@register.simple_tag(takes_context=True)
def unit_crumbs(context: dict[str, Any], obj: Any) -> list[tuple[Any, str | None]]:
    """(unit, url or None) from the province down to the record's owner unit."""
    chain = getattr(obj, "breadcrumb_units", None)
    if chain is None:
        return []
    user = context["request"].user
    return [(unit, unit.get_absolute_url() if user_can(user, VIEW, unit) else None) for unit in chain()]


@register.filter
def vn_number(value: Any, decimals: int = 0) -> str:
    return formats.format_number(value, int(decimals)) if value not in (None, "") else ""


@register.filter
def vn_money(value: Any) -> str:
    return formats.format_money(value)
