"""Password rules beyond Django's own: an upper bound on length (ASVS 5.0 V6.2.9: at least 64 allowed; we allow 128)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class MaximumLengthValidator:
    def __init__(self, max_length: int = 128) -> None:
        self.max_length = max_length

    def validate(self, password: str, user: Any = None) -> None:
        if len(password) > self.max_length:
            raise ValidationError(
                _("Mật khẩu dài quá %(max_length)d ký tự.") % {"max_length": self.max_length},
                code="password_too_long",
            )

    def get_help_text(self) -> str:
        return _("Mật khẩu không dài quá %(max_length)d ký tự.") % {"max_length": self.max_length}
