from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "tretho.orgs"
    label = "orgs"
    verbose_name = _("Cơ quan, ban chỉ đạo")

    def ready(self) -> None:
        from . import registrations  # noqa: F401
