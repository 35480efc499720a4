"""Token for scripts and other systems: POST username and password, get a token for the Authorization header
("Token <key>"). Failed attempts count towards the same lockout as the login page (django-axes).

Users who must use a second factor (administrators, programme managers) also send `otp`: a current code from
their authenticator or a recovery code. Wrong codes count towards the same lock as on the web verify page."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django_otp import match_token
from rest_framework import status
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.response import Response

from tretho.accounts import otp
from tretho.accounts.choices import SecurityEventKind
from tretho.accounts.signals import record_event
from tretho.core.views import SCOPE_PUBLIC


class TokenView(ObtainAuthToken):
    scoped_by = SCOPE_PUBLIC

    def post(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = serializer.validated_data["user"]
        if otp.second_factor_required(user):
            refusal = self.second_factor_refusal(request, user)
            if refusal is not None:
                return refusal
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})

    def second_factor_refusal(self, request: Any, user: Any) -> Response | None:
        if not otp.has_second_factor(user):
            return Response({"otp": [_("Tài khoản này cần xác thực hai bước: hãy cài đặt trên trang web trước.")]},
                            status=status.HTTP_403_FORBIDDEN)
        if otp.second_factor_locked(user):
            return Response({"otp": [_("Đã nhập sai mã quá nhiều lần. Hãy thử lại sau.")]},
                            status=status.HTTP_403_FORBIDDEN)
        code = str(request.data.get("otp", "")).strip()
        if not code or match_token(user, code) is None:
            record_event(SecurityEventKind.LOGIN_FAILED, request, user, step=otp.STEP, channel="api-token")
            return Response({"otp": [_("Mã xác thực hai bước không đúng hoặc đã được dùng.")]},
                            status=status.HTTP_400_BAD_REQUEST)
        return None
