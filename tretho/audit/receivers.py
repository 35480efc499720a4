"""Record what core reports: accesses to personal records (RecordAccess) and exports (security events)."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.dispatch import receiver

from tretho.accounts.choices import SecurityEventKind
from tretho.accounts.signals import client_ip, record_event
from tretho.core.signals import export_done, record_accessed

from .models import RecordAccess


def _user(request: Any) -> Any:
    user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


@receiver(record_accessed)
def on_record_accessed(sender: Any, request: Any, obj: Any, action: str, **kwargs: Any) -> None:
    RecordAccess.objects.create(
        user=_user(request),
        ip_address=client_ip(request),
        action=action,
        content_type=ContentType.objects.get_for_model(sender),  # cached after the first call
        object_id=str(obj.pk),
        path=request.path[:300] if request is not None else "",
    )


@receiver(export_done)
def on_export_done(sender: Any, request: Any, format: str, filters: dict, rows: int, **kwargs: Any) -> None:
    record_event(SecurityEventKind.EXPORT, request, _user(request), model=sender._meta.label, format=format,
                 filters=filters, rows=rows)
