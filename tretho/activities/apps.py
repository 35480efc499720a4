from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "tretho.activities"
    label = "activities"
    verbose_name = _("Hoạt động thực hiện kế hoạch")

    def ready(self) -> None:
        from . import attachments, metrics, registrations  # noqa: F401  # attachments: its post_delete receiver
