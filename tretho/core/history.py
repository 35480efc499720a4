"""Reading django-simple-history records: what changed from what to what, and restoring a deleted row."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _


def field_changes(record: Any, hidden: set[str] | None = None) -> list[dict[str, Any]]:
    """The fields this history record changed compared with the previous one (all fields for a creation)."""
    hidden = hidden or set()
    previous = record.prev_record
    # Computed and bookkeeping fields (keys, paths, versions, timestamps) are not editable: never listed. A
    # typed field that happens to share a computed field's name (a user's full_name) is.
    changes = []
    if previous is None:
        for field in record.instance_type._meta.fields:
            if field.name == "id" or not field.editable:
                continue
            value = _related_or_raw(record, field)
            if value not in (None, ""):
                changes.append(_change(field, None, value, hidden))
        return changes
    # Related rows by name ("Người xem → Người duyệt"), not by primary key.
    delta = record.diff_against(previous, foreign_keys_are_objs=True)
    for change in delta.changes:
        field = record.instance_type._meta.get_field(change.field)
        if not field.editable:
            continue
        changes.append(_change(field, change.old, change.new, hidden))
    return changes


def _related_or_raw(record: Any, field: models.Field) -> Any:
    if field.is_relation:
        try:
            return getattr(record, field.name)
        except ObjectDoesNotExist:  # the related row was deleted since
            return getattr(record, field.attname, None)
    return getattr(record, field.attname, None)


def _change(field: models.Field, old: Any, new: Any, hidden: set[str]) -> dict[str, Any]:
    if field.name in hidden:
        old, new = ("•••" if old not in (None, "") else None), "•••"
    elif field.choices:
        labels = dict(field.flatchoices)
        old, new = labels.get(old, old), labels.get(new, new)
    elif isinstance(field, models.BooleanField):
        old, new = (_yes_no(old) if old is not None else None), _yes_no(new)
    return {"field": field.verbose_name, "old": old, "new": new}


def _yes_no(value: Any) -> str:
    return str(_("Có") if value else _("Không"))


def restore_deleted(record: Any) -> models.Model:
    """Re-create a deleted row from its last history record (same primary key, history kept)."""
    instance = record.instance
    instance.save(force_insert=True)
    return instance
