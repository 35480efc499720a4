from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeoConfig(AppConfig):
    name = "tretho.geo"
    label = "geo"
    verbose_name = _("Đơn vị hành chính")

    def ready(self) -> None:
        from . import registrations  # noqa: F401
