"""The base every domain model stands on: timestamps, who created and changed it, a version for
optimistic concurrency, full history, and the scoped queryset."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .scoping import RestrictedQuerySet
from .text import collation_key, fold

RestrictedManager = models.Manager.from_queryset(RestrictedQuerySet)


class TrethoModel(models.Model):
    """Abstract base for domain records. Subclasses set `scope_path_field` (lookup to a unit's path)."""

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    history = HistoricalRecords(inherit=True)
    objects = RestrictedManager()

    scope_path_field: str = ""
    # Fields holding personal data: withheld from roles that do not need them.
    personal_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def breadcrumb_units(self) -> list:
        """The owner unit and its ancestors, top first, for breadcrumbs ("Tỉnh Đồng Nai › Thành phố Biên Hòa")."""
        owner = getattr(self, self.scope_path_field.split("__")[0], None) if self.scope_path_field else None
        chain = getattr(owner, "breadcrumb_chain", None)
        return chain() if chain else []


class NamedSearchMixin(models.Model):
    """A name with its stored accent-free search key and Vietnamese collation key (indexed)."""

    search_key = models.CharField(max_length=500, editable=False, db_index=True, default="")
    sort_key = models.CharField(max_length=1000, editable=False, db_index=True, default="")

    search_source_fields: tuple[str, ...] = ("name",)
    sort_source_field: str = "name"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.refresh_keys()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_key", "sort_key"}
        super().save(*args, **kwargs)

    def search_text(self) -> str:
        return " ".join(str(getattr(self, f) or "") for f in self.search_source_fields)

    def refresh_keys(self) -> None:
        self.search_key = fold(self.search_text())[:500]
        self.sort_key = collation_key(str(getattr(self, self.sort_source_field) or ""))[:1000]
