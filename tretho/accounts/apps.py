from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "tretho.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self) -> None:
        from . import (
            registrations,  # noqa: F401
            session_end,  # noqa: F401
            signals,  # noqa: F401
        )
