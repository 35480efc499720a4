"""Security events from Django's auth signals, django-axes and core's access-denied signal."""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from tretho.core.signals import access_denied

from .choices import SecurityEventKind
from .models import SecurityEvent


def client_ip(request: Any) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR")


def record_event(kind: str, request: Any = None, user: Any = None, username: str = "", **detail: Any) -> SecurityEvent:
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    return SecurityEvent.objects.create(
        kind=kind,
        user=user,
        username=username or (user.get_username() if user is not None else ""),
        ip_address=client_ip(request),
        # The path only: query strings may carry search words, never stored.
        path=(request.path[:300] if request is not None else ""),
        detail=detail,
    )


@receiver(user_logged_in)
def on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    record_event(SecurityEventKind.LOGIN, request, user)


@receiver(user_logged_out)
def on_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    record_event(SecurityEventKind.LOGOUT, request, user)


@receiver(user_login_failed)
def on_login_failed(sender: Any, credentials: dict, request: Any = None, **kwargs: Any) -> None:
    record_event(SecurityEventKind.LOGIN_FAILED, request, username=str(credentials.get("username", ""))[:150])


@receiver(user_locked_out)
def on_locked_out(sender: Any, request: Any, username: str, ip_address: str, **kwargs: Any) -> None:
    record_event(SecurityEventKind.LOCKED_OUT, request, username=str(username or "")[:150])


@receiver(access_denied)
def on_access_denied(sender: Any, request: Any, object_pk: Any, **kwargs: Any) -> None:
    record_event(
        SecurityEventKind.ACCESS_DENIED, request, getattr(request, "user", None),
        model=sender._meta.label, object_pk=str(object_pk),
    )
