from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "tretho.core"
    label = "core"
    verbose_name = _("Nền tảng")

    def ready(self) -> None:
        from .integrity import install_history_guards

        # After every migrate (any app's), so history tables added later are guarded too; idempotent.
        post_migrate.connect(install_history_guards, dispatch_uid="tretho.core.history_guards")
