from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "tretho.programmes"
    label = "programmes"
    verbose_name = _("Đề án, kế hoạch")

    def ready(self) -> None:
        from . import registrations  # noqa: F401
        from .locking import connect_m2m_guards

        connect_m2m_guards()
