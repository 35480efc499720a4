"""Generic Excel export of a list page: the filtered rows in the table's columns, personal columns only for
roles that may see them. The caller checks the EXPORT permission, reads through restrict() and logs the export
(signals.export_done) with `describe_filters`."""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from tretho.documents.xlsx import Column, Sheet, write_workbook

from .formats import is_year_field
from .scoping import sees_personal_data

# Free-text filters may hold what a user typed (a name): the log says a search was made, not what it was.
REDACTED = "***"
MAX_EXPORT_ROWS = 100_000


def exported_columns(table: Any, user: Any) -> list[tuple[str, str]]:
    """(name, header) of the table's visible columns, without personal fields for roles without the need."""
    hidden = set() if sees_personal_data(user) else set(getattr(table._meta.model, "personal_fields", ()))
    return [(column.name, str(column.header)) for column in table.columns
            if column.visible and column.name not in hidden]


def cell(value: Any) -> Any:
    """A table value as the spreadsheet holds it: dates and numbers as such, records by their text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M:%S") if timezone.is_aware(value) else \
            value.strftime("%d/%m/%Y %H:%M:%S")
    if isinstance(value, dt.date | int | float | Decimal):
        return value
    if isinstance(value, models.Manager):
        return ", ".join(str(item) for item in value.all())
    return str(value)


_RAW_TYPES = (dt.date, int, float, Decimal, bool)


def row_value(table: Any, row: Any, name: str) -> Any:
    """Dates, numbers and yes/no from the record itself; everything else as the table shows it (choices by
    their label, records by their name)."""
    try:
        raw = table.columns[name].accessor.resolve(row.record)
    except Exception:  # noqa: BLE001  # a computed column: its text is what the list shows
        raw = None
    custom = hasattr(table, f"render_{name}") or hasattr(table, f"value_{name}")
    if isinstance(raw, _RAW_TYPES) and not custom and not _has_choices(row.record, name):
        return cell(raw)
    # The cell as the list draws it, without its markup (links, badges).
    return html.unescape(strip_tags(str(row.get_cell(name)))).strip()


def _has_choices(record: Any, name: str) -> bool:
    try:
        return bool(record._meta.get_field(name).choices)
    except Exception:  # noqa: BLE001  # not a model field
        return False


def _kind(values: list[Any], name: str) -> str:
    present = [value for value in values if value is not None]
    if is_year_field(name):
        return "text"  # 2017, never 2.017
    if present and all(isinstance(value, dt.date) for value in present):
        return "date"
    if present and all(isinstance(value, int) for value in present):
        return "integer"
    if present and all(isinstance(value, int | float | Decimal) for value in present):
        return "decimal"
    return "text"


def table_sheet(table: Any, user: Any, title: str) -> Sheet:
    columns = exported_columns(table, user)
    rows = [{name: row_value(table, row, name) for name, _header in columns} for row in table.rows[:MAX_EXPORT_ROWS]]
    sheet_columns = []
    for name, header in columns:
        kind = _kind([row[name] for row in rows], name)
        if kind == "text":
            for row in rows:
                row[name] = "" if row[name] is None else str(row[name])
        sheet_columns.append(Column(name, header, kind=kind))  # type: ignore[arg-type]  # one of ColumnKind
    return Sheet(name=title[:31], columns=sheet_columns, rows=rows, title=title)


def table_workbook(table: Any, user: Any, title: str) -> tuple[bytes, int]:
    """The .xlsx bytes and the number of rows written."""
    sheet = table_sheet(table, user, title)
    return write_workbook([sheet]), len(sheet.rows)


def describe_filters(filterset: Any) -> dict[str, Any]:
    """The filters an export used, for its log entry: choices and records by id, free text redacted."""
    if filterset is None or not filterset.is_bound or not filterset.is_valid():
        return {}
    described: dict[str, Any] = {}
    for name, value in filterset.form.cleaned_data.items():
        if value is None or value == "" or (isinstance(value, models.QuerySet | list | tuple) and not value):
            continue
        if isinstance(value, models.Model):
            described[name] = value.pk
        elif isinstance(value, models.QuerySet | list | tuple):
            described[name] = [getattr(item, "pk", str(item)) for item in value]
        elif isinstance(value, str) and name not in _choice_filters(filterset):
            described[name] = REDACTED
        elif isinstance(value, dt.date):
            described[name] = value.isoformat()
        else:
            described[name] = str(value)
    return described


def _choice_filters(filterset: Any) -> set[str]:
    return {name for name, field in filterset.form.fields.items() if getattr(field, "choices", None) is not None}
