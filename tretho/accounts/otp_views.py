"""Second-factor pages: set up the authenticator app, enter a code, see fresh recovery codes."""

from __future__ import annotations

from base64 import b32encode
from typing import Any

import segno
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from django_otp import match_token

from tretho.core.views import SCOPE_SELF

from . import otp
from .choices import SecurityEventKind
from .forms import OneTimeCodeForm
from .signals import record_event

FRESH_CODES = "tretho_fresh_recovery_codes"


def safe_next(request: Any) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


def locked_out(request: Any) -> Any:
    user = request.user
    record_event(SecurityEventKind.LOCKED_OUT, request, user, step=otp.STEP)
    logout(request)
    return render(request, "accounts/locked_out.html", status=403)


class TwoFactorVerifyView(LoginRequiredMixin, FormView):
    """Enter a code after the password. Wrong codes count like wrong passwords and lock the step."""

    scoped_by = SCOPE_SELF
    template_name = "accounts/two_factor_verify.html"
    form_class = OneTimeCodeForm

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if request.user.is_authenticated:
            if request.user.is_verified() or not otp.has_second_factor(request.user):
                return HttpResponseRedirect(safe_next(request))
            if otp.second_factor_locked(request.user):
                return locked_out(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {"next": safe_next(self.request)}

    def form_valid(self, form: OneTimeCodeForm) -> Any:
        request = self.request
        # TOTP devices refuse a code already used (their last_t); a recovery code is deleted when used.
        device = match_token(request.user, form.cleaned_data["code"])
        if device is None:
            record_event(SecurityEventKind.LOGIN_FAILED, request, request.user, step=otp.STEP)
            if otp.second_factor_locked(request.user):
                return locked_out(request)
            form.add_error("code", _("Mã không đúng hoặc đã được dùng."))
            return self.form_invalid(form)
        otp_login(request, device)
        record_event(SecurityEventKind.LOGIN, request, request.user, step=otp.STEP, device=device.__class__.__name__)
        return HttpResponseRedirect(safe_next(request))


class TwoFactorSetupView(LoginRequiredMixin, FormView):
    """Scan the QR code (drawn here, no outside service) or type the secret, then confirm with a first code."""

    scoped_by = SCOPE_SELF
    template_name = "accounts/two_factor_setup.html"
    form_class = OneTimeCodeForm

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if request.user.is_authenticated and otp.has_second_factor(request.user):
            # Changing the device goes through an administrator; a signed-in user cannot silently replace it.
            return HttpResponseRedirect(reverse("accounts:two_factor_verify"))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        device = otp.pending_totp(self.request.user)
        qr = segno.make(device.config_url, error="m")
        secret = b32encode(device.bin_key).decode()
        return super().get_context_data(**kwargs) | {
            "qr_data_uri": qr.svg_data_uri(scale=5),
            "secret": " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)),
            "required": otp.second_factor_required(self.request.user),
        }

    def form_valid(self, form: OneTimeCodeForm) -> Any:
        request = self.request
        device = otp.pending_totp(request.user)
        if not device.verify_token(form.cleaned_data["code"]):
            record_event(SecurityEventKind.LOGIN_FAILED, request, request.user, step=otp.STEP)
            form.add_error("code", _("Mã không đúng. Hãy kiểm tra giờ trên điện thoại và thử lại."))
            return self.form_invalid(form)
        device.confirmed = True
        device.save()
        otp_login(request, device)
        record_event(SecurityEventKind.LOGIN, request, request.user, step=otp.STEP, device="TOTPDevice", setup=True)
        request.session[FRESH_CODES] = otp.new_recovery_codes(request.user)
        return HttpResponseRedirect(reverse("accounts:recovery_codes"))


class RecoveryCodesView(LoginRequiredMixin, TemplateView):
    """Fresh recovery codes are shown once; afterwards only how many are left, and a button for new ones."""

    scoped_by = SCOPE_SELF
    template_name = "accounts/recovery_codes.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {
            "codes": self.request.session.pop(FRESH_CODES, None),
            "left": otp.recovery_codes_left(self.request.user),
            "has_device": otp.has_second_factor(self.request.user),
        }

    def post(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if not otp.has_second_factor(request.user):
            return HttpResponseRedirect(reverse("accounts:two_factor_setup"))
        request.session[FRESH_CODES] = otp.new_recovery_codes(request.user)
        return HttpResponseRedirect(reverse("accounts:recovery_codes"))
