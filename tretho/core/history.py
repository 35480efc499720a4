"""Reading django-simple-history records: what changed from what to what, and restoring a deleted row."""

from __future__ import annotations

from typing import Any

from django.db import models


def field_changes(record: Any, hidden: set[str] | None = None) -> list[dict[str, Any]]:
    """The fields this history record changed compared with the previous one (all fields for a creation)."""
    hidden = hidden or set()
    previous = record.prev_record
    skip = {"updated_at", "version", "search_key", "sort_key", "path", "full_name"}
    changes = []
    if previous is None:
        for field in record.instance_type._meta.fields:
            if field.name in skip or field.name in {"id", "created_at"} or not field.editable:
                continue
            value = getattr(record, field.attname, None)
            if value not in (None, ""):
                changes.append(_change(field, None, value, hidden))
        return changes
    delta = record.diff_against(previous)
    for change in delta.changes:
        if change.field in skip:
            continue
        field = record.instance_type._meta.get_field(change.field)
        changes.append(_change(field, change.old, change.new, hidden))
    return changes


def _change(field: models.Field, old: Any, new: Any, hidden: set[str]) -> dict[str, Any]:
    if field.name in hidden:
        old, new = ("•••" if old not in (None, "") else None), "•••"
    elif field.choices:
        labels = dict(field.flatchoices)
        old, new = labels.get(old, old), labels.get(new, new)
    return {"field": field.verbose_name, "old": old, "new": new}


def restore_deleted(record: Any) -> models.Model:
    """Re-create a deleted row from its last history record (same primary key, history kept)."""
    instance = record.instance
    instance.save(force_insert=True)
    return instance
