from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "tretho.registry"
    label = "registry"
    verbose_name = _("Nhóm trẻ, người chăm sóc, doanh nghiệp và giám sát")

    def ready(self) -> None:
        from tretho.geo.signals import units_loaded

        from . import metrics, registrations  # noqa: F401

        units_loaded.connect(_ship_standard_checklist, dispatch_uid="registry_standard_checklist")


def _ship_standard_checklist(**_kwargs) -> None:
    """A fresh site gets the shipped supervision checklist as soon as its units (and so its root) exist."""
    from .supervision.standard import ensure_standard_checklist

    ensure_standard_checklist()
