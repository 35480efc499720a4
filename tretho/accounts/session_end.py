"""Sessions end everywhere when an account is disabled or its password changes: the rows go, not only the
check Django makes on each request (inactive users are refused, a changed password breaks the session hash)."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.models import Session
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone
from rest_framework.authtoken.models import Token

from .models import User

LOGIN_AT = "tretho_login_at"
SEEN_AT = "tretho_seen_at"


@receiver(user_logged_in)
def remember_login_time(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT] = request.session[SEEN_AT] = time.time()


def end_sessions_of(user_pk: Any) -> int:
    """Delete every stored session of this user. Sessions are not indexed by user: a scan, for rare events."""
    ended = [
        session.pk for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if str(session.get_decoded().get("_auth_user_id")) == str(user_pk)
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


@receiver(pre_save, sender=User)
def notice_disabling_or_new_password(sender: Any, instance: User, update_fields: Any = None, **kwargs: Any) -> None:
    instance._end_sessions = False  # type: ignore[attr-defined]
    if instance.pk is None or (update_fields is not None and not {"password", "is_active"} & set(update_fields)):
        return
    before = User.objects.filter(pk=instance.pk).values_list("password", "is_active").first()
    if before is not None:
        password, active = before
        instance._end_sessions = password != instance.password or (active and not instance.is_active)  # type: ignore[attr-defined]


@receiver(post_save, sender=User)
def end_sessions_after_disabling_or_new_password(sender: Any, instance: User, **kwargs: Any) -> None:
    if getattr(instance, "_end_sessions", False):
        end_sessions_of(instance.pk)
        # An API token is a session for scripts: it ends too, and the owner asks for a new one.
        Token.objects.filter(user_id=instance.pk).delete()
