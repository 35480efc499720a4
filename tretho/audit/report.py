""""Which users saw or changed which records between two dates": RecordAccess rows (opened, exported, changed
through a page) joined with the history rows of the models holding personal data (every change, whatever path
it took), for the users an administrator oversees."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tretho.core.registry import registrations

from .models import AccessAction, RecordAccess

MAX_ROWS = 5_000
_HISTORY_KINDS = {"+": _("Tạo"), "~": _("Sửa"), "-": _("Xóa")}


def tracked_models() -> list[type[models.Model]]:
    """Registered models that hold personal data."""
    return [r.model for r in registrations() if getattr(r.model, "personal_fields", ())]


def overseen_users(user: Any) -> models.QuerySet:
    """Superusers oversee everyone; an administrator the users assigned inside their units."""
    from tretho.accounts.models import User

    if user.is_superuser:
        return User.objects.all()
    return User.objects.restrict(user, "view")


@dataclass
class AccessRow:
    at: dt.datetime
    username: str
    ip_address: str
    action: str
    model_label: str
    object_id: str
    path: str
    url: str | None


def detail_url(model: type[models.Model], object_id: Any) -> str | None:
    try:
        return reverse(f"{model._meta.app_label}:{model._meta.model_name}_detail", args=[object_id])
    except NoReverseMatch:
        return None


def _day_bounds(start: dt.date | None, end: dt.date | None) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Local days to aware datetimes: [start 00:00, end+1 00:00)."""
    zone = timezone.get_current_timezone()
    low = dt.datetime.combine(start, dt.time.min, zone) if start else None
    high = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, zone) if end else None
    return low, high


def access_rows(viewer: Any, user: Any = None, start: dt.date | None = None, end: dt.date | None = None,
                model: type[models.Model] | None = None) -> list[AccessRow]:
    users = overseen_users(viewer)
    if user is not None:
        users = users.filter(pk=user.pk)
    user_ids = users.values("pk")
    chosen = [model] if model is not None else tracked_models()
    low, high = _day_bounds(start, end)
    rows: list[AccessRow] = []

    accesses = RecordAccess.objects.filter(
        user__in=user_ids, content_type__in=[ContentType.objects.get_for_model(m) for m in chosen]
    ).select_related("user", "content_type")
    if low:
        accesses = accesses.filter(at__gte=low)
    if high:
        accesses = accesses.filter(at__lt=high)
    actions = dict(AccessAction.choices)
    for access in accesses.order_by("-at")[:MAX_ROWS]:
        access_model = access.content_type.model_class()
        rows.append(AccessRow(
            at=access.at, username=access.user.get_username() if access.user else "",
            ip_address=access.ip_address or "", action=str(actions.get(access.action, access.action)),
            model_label=str(access_model._meta.verbose_name) if access_model else access.content_type.model,
            object_id=access.object_id, path=access.path,
            url=detail_url(access_model, access.object_id) if access_model else None,
        ))

    for tracked in chosen:
        history = tracked.history.filter(history_user__in=user_ids).select_related("history_user")  # type: ignore[attr-defined]
        if low:
            history = history.filter(history_date__gte=low)
        if high:
            history = history.filter(history_date__lt=high)
        for record in history.order_by("-history_date")[:MAX_ROWS]:
            rows.append(AccessRow(
                at=record.history_date, username=record.history_user.get_username() if record.history_user else "",
                ip_address="", action=str(_HISTORY_KINDS.get(record.history_type, record.history_type)),
                model_label=str(tracked._meta.verbose_name), object_id=str(record.id), path="",
                url=detail_url(tracked, record.id),
            ))
    rows.sort(key=lambda row: row.at, reverse=True)
    return rows[:MAX_ROWS]
