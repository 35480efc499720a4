from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "tretho.registry"
    label = "registry"
    verbose_name = _("Nhóm trẻ, người chăm sóc, doanh nghiệp và giám sát")

    def ready(self) -> None:
        from . import metrics, registrations  # noqa: F401
