"""The second factor (TOTP through django-otp, recovery codes as a static device): who needs it, the devices,
and the count of wrong codes that locks the step like django-axes locks the password step."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .choices import SecurityEventKind
from .models import SecurityEvent

RECOVERY_CODE_COUNT = 10
STEP = "second_factor"  # SecurityEvent.detail["step"] of the second-factor login events


def second_factor_required(user: Any) -> bool:
    """Administrators, programme managers (settings.TRETHO_2FA_REQUIRED_ROLES) and superusers must use a code."""
    if getattr(settings, "TRETHO_DEMO_SKIP_2FA", False):
        return False
    required = set(settings.TRETHO_2FA_REQUIRED_ROLES)
    return bool(user.is_superuser and required) or bool(user.role_codes & required)


def confirmed_totp(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_second_factor(user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_totp(user: Any) -> TOTPDevice:
    """The device being set up: the same secret on every visit until it is confirmed with a code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="tretho", confirmed=False)
    return device


def new_recovery_codes(user: Any) -> list[str]:
    """Replace the user's recovery codes with RECOVERY_CODE_COUNT fresh ones; each works once."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name="recovery", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [f"{secrets.randbelow(10**10):010d}" for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def recovery_codes_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def recent_failures(user: Any) -> int:
    """Wrong codes since the last successful second factor, within the cool-off window. Not reset by a correct
    password, so signing in again does not buy more guesses."""
    since = timezone.now() - timedelta(hours=settings.AXES_COOLOFF_TIME)
    last_success = (
        SecurityEvent.objects.filter(kind=SecurityEventKind.LOGIN, user=user, detail__step=STEP, at__gte=since)
        .order_by("-at").values_list("at", flat=True).first()
    )
    failures = SecurityEvent.objects.filter(
        kind=SecurityEventKind.LOGIN_FAILED, user=user, detail__step=STEP, at__gte=last_success or since
    )
    return failures.count()


def second_factor_locked(user: Any) -> bool:
    return recent_failures(user) >= settings.TRETHO_2FA_FAILURE_LIMIT
