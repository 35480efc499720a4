"""The demo accounts shown on the login page (only when the demo data is loaded and DEBUG or TRETHO_DEMO)."""

from __future__ import annotations

import os

from django.conf import settings

DEMO_PASSWORD = "tretho-demo-2025"  # noqa: S105 - published demo password, demo accounts only


def demo_enabled() -> bool:
    return settings.DEBUG or os.environ.get("TRETHO_DEMO", "") == "1"


def demo_logins() -> list[dict[str, str]]:
    if not demo_enabled():
        return []
    from .models import User

    users = User.objects.filter(username__startswith="demo.", is_active=True).prefetch_related(
        "role_assignments__role", "role_assignments__unit"
    )
    rows = []
    for user in users.order_by("username"):
        for assignment in user.role_assignments.all():
            rows.append({"username": user.username, "role": str(assignment.role), "unit": assignment.unit.full_name})
    return rows
