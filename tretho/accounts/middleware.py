"""Session lifetimes (idle and absolute) and the second-factor gate."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import otp
from .session_end import LOGIN_AT, SEEN_AT

SEEN_RESOLUTION = 60  # seconds: the idle clock is written at most once a minute, not on every request


class SessionLifetimeMiddleware:
    """Signs the user out (server-side: the session row is deleted) after TRETHO_SESSION_IDLE_MINUTES without a
    request, or SESSION_COOKIE_AGE seconds after signing in, whatever the activity."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        if request.user.is_authenticated:
            now = time.time()
            session = request.session
            login_at = session.setdefault(LOGIN_AT, now)
            seen_at = session.get(SEEN_AT, now)
            idle = settings.TRETHO_SESSION_IDLE_MINUTES * 60
            if now - seen_at > idle or now - login_at > settings.SESSION_COOKIE_AGE:
                logout(request)
                return redirect_to_login(request.get_full_path())
            if SEEN_AT not in session or now - seen_at >= SEEN_RESOLUTION:
                session[SEEN_AT] = now
        return self.get_response(request)


def allowed_before_second_factor(path: str) -> bool:
    """What a signed-in user may reach before the second factor: its own pages, sign-out, static files, language.
    Exact paths: the recovery-codes page sits under the same prefix and needs the second factor."""
    exact = {reverse(name) for name in
             ("accounts:two_factor_verify", "accounts:two_factor_setup", "accounts:logout", "set_language")}
    return path in exact or path.startswith(settings.STATIC_URL)


class SecondFactorMiddleware:
    """A user with a confirmed device enters a code before any other page; a user who must have one and has none
    sets it up first. Runs after django-otp's OTPMiddleware, which gives request.user.is_verified()."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        user = request.user
        if self.must_wait(request):
            if otp.has_second_factor(user):
                return self.stop(request, "accounts:two_factor_verify")
            if otp.second_factor_required(user):
                return self.stop(request, "accounts:two_factor_setup")
        return self.get_response(request)

    @staticmethod
    def must_wait(request: Any) -> bool:
        user = request.user
        return (
            user.is_authenticated and not user.is_verified() and not settings.TRETHO_DEMO_SKIP_2FA
            and not allowed_before_second_factor(request.path)
        )

    def stop(self, request: Any, url_name: str) -> Any:
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": _("Cần xác thực hai bước trước.")}, status=403)
        url = reverse(url_name)
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(url)
