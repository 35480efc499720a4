"""Base table: the first column links to the record; Vietnamese sort uses the stored collation key."""

from __future__ import annotations

import django_tables2 as tables


class TrethoTable(tables.Table):
    class Meta:
        attrs = {"class": "table table-sm table-hover align-middle"}
        template_name = "django_tables2/bootstrap5-responsive.html"
        empty_text = "—"


def linked_column(verbose_name: str | None = None, order_by: str | tuple[str, ...] | None = None) -> tables.Column:
    return tables.Column(linkify=True, verbose_name=verbose_name, order_by=order_by or ("sort_key",))
