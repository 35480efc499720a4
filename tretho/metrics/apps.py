from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class MetricsConfig(AppConfig):
    name = "tretho.metrics"
    label = "metrics"
    verbose_name = _("Số liệu, chỉ số")

    def ready(self) -> None:
        from . import registrations  # noqa: F401
        from .sync import sync_after_migrate

        # Computed metrics are registered in code; their Metric rows follow after every migrate.
        post_migrate.connect(sync_after_migrate, sender=self)
