"""Base table: the first column links to the record; Vietnamese sort uses the stored collation key."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from .formats import is_year_field
from .scoping import sees_personal_data


class TrethoTable(tables.Table):
    class Meta:
        attrs = {"class": "table table-sm table-hover align-middle"}
        template_name = "core/table.html"
        empty_text = "—"

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        if isinstance(data, models.QuerySet):
            # One query per page, not one per row and related column (list query counts are pinned by tests).
            data = data.select_related(*related_columns(type(self), data.model))
        super().__init__(data, *args, **kwargs)

        for name, column in self.columns.items():
            if is_year_field(name):
                column.column.localize = False  # 2017, not 2.017

    def before_render(self, request: Any) -> None:
        # Personal data (names, phones) only for roles that need it, as on detail pages and in the API.
        if sees_personal_data(getattr(request, "user", None)):
            return
        for name in getattr(self._meta.model, "personal_fields", ()):
            if name in self.columns:
                self.columns.hide(name)


def related_columns(table: type[tables.Table], model: type[models.Model]) -> list[str]:
    """The table's columns that show a forward foreign key of model."""
    names = []
    for name in table.base_columns:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.is_relation and (field.many_to_one or field.one_to_one) and field.concrete:
            names.append(name)
    return names


def linked_column(verbose_name: str | None = None, order_by: str | tuple[str, ...] | None = None) -> tables.Column:
    return tables.Column(linkify=True, verbose_name=verbose_name, order_by=order_by or ("sort_key",))
