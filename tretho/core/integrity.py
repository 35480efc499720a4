"""Data integrity helpers: optimistic concurrency (claim a record's version, describe what someone else
changed) and the only places allowed to run `QuerySet.update()` on history-tracked models.

A test (tests/core/test_integrity_history.py) scans the source: `.update(` on a model queryset anywhere but
here fails it, so every bulk change either records history or says here why it need not.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import F
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from .history import _change
from .scoping import sees_personal_data


def claim_version(model: type[models.Model], pk: Any, expected: int) -> bool:
    """Compare-and-set: bump the record's version from `expected` in one UPDATE. False when someone saved
    in between (or the record is gone). Call inside the transaction that then saves the record with
    version = expected + 1 (that save records the history)."""
    return model._base_manager.filter(pk=pk, version=expected).update(version=F("version") + 1) == 1


def stale_changes(model: type[models.Model], pk: Any, since_version: int, user: Any = None) -> list[str]:
    """What changed since the version the client saw, one line per field, from the history records:
    "Tên: «cũ» → «mới»". Personal fields show as ••• to users who may not see them. Empty when unknown."""
    history = getattr(model, "history", None)
    if history is None:
        return []
    records = history.filter(**{model._meta.pk.attname: pk})
    seen = records.filter(version=since_version).order_by("history_date", "history_id").last()
    latest = records.order_by("history_date", "history_id").last()
    if seen is None or latest is None or seen.history_id == latest.history_id:
        return []
    hidden = set() if sees_personal_data(user) else set(getattr(model, "personal_fields", ()))
    lines = []
    for change in latest.diff_against(seen, foreign_keys_are_objs=True).changes:
        field = model._meta.get_field(change.field)
        if not isinstance(field, models.Field) or not field.editable:
            continue
        shown = _change(field, change.old, change.new, hidden)
        lines.append(_("%(field)s: «%(old)s» → «%(new)s»") % {
            "field": str(shown["field"]).capitalize(),
            "old": "" if shown["old"] is None else shown["old"],
            "new": "" if shown["new"] is None else shown["new"],
        })
    if latest.history_user is not None:
        lines.append(_("Người sửa: %(user)s, lúc %(when)s") % {
            "user": latest.history_user, "when": latest.history_date.strftime("%d/%m/%Y %H:%M")})
    return lines


def stale_message_lines(model: type[models.Model], pk: Any, since_version: int, user: Any = None) -> list[str]:
    """The stale-version message and what changed (or "đã có người sửa" when the history does not tell)."""
    from .forms import STALE_MESSAGE

    changes = stale_changes(model, pk, since_version, user)
    if not changes:
        return [str(STALE_MESSAGE), _("Đã có người sửa bản ghi này.")]
    return [str(STALE_MESSAGE), _("Những gì đã thay đổi:"), *changes]


def update_with_history(queryset: models.QuerySet, acting_user: Any = None, **values: Any) -> int:
    """`queryset.update(**values)` that records a history row for every changed record (and bumps its
    version, so open forms on it become stale). Returns the number of records changed."""
    objs = list(queryset)
    for obj in objs:
        for name, value in values.items():
            setattr(obj, name, value)
        if hasattr(obj, "version"):
            obj.version += 1
    fields = [*values, *(["version"] if objs and hasattr(objs[0], "version") else [])]
    if not objs:
        return 0
    bulk_update_with_history(objs, queryset.model, fields, default_user=acting_user)
    return len(objs)


def update_derived(queryset: models.QuerySet, **values: Any) -> int:
    """Set columns computed from other data (a unit's materialized path right after its insert gives it a
    primary key) without a history row: nobody edited anything. Never for values a person chose."""
    return queryset.update(**values)


# -- history is append-only ------------------------------------------------------------------------------------

HISTORY_GUARD_FUNCTION = """
CREATE OR REPLACE FUNCTION tretho_history_append_only() RETURNS trigger AS $$
BEGIN
    -- Deleting a user sets history_user to NULL (ON DELETE SET NULL done by Django): the one change allowed.
    IF TG_OP = 'UPDATE' AND NEW.history_user_id IS NULL
       AND (to_jsonb(NEW) - 'history_user_id') = (to_jsonb(OLD) - 'history_user_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'tretho: history rows of % cannot be changed or deleted (%)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def history_tables() -> list[str]:
    """Tables of the history models (django-simple-history's Historical<Model>), from the app registry."""
    from django.apps import apps

    return sorted({model._meta.db_table for model in apps.get_models()
                   if model.__name__.startswith("Historical")
                   and "history_id" in {field.name for field in model._meta.fields}})


def install_history_guards(sender: Any = None, using: str = "default", **kwargs: Any) -> None:
    """PostgreSQL: a trigger on every history table refuses UPDATE and DELETE (TRUNCATE, used by test flushes,
    is not a row operation). Other databases: nothing. Safe to run again (post_migrate runs it per app)."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        cursor.execute(HISTORY_GUARD_FUNCTION)
        for table in history_tables():
            if table not in existing:
                continue
            name = connection.ops.quote_name(table)
            cursor.execute(f"DROP TRIGGER IF EXISTS tretho_history_append_only ON {name}")
            cursor.execute(f"CREATE TRIGGER tretho_history_append_only BEFORE UPDATE OR DELETE ON {name} "
                           "FOR EACH ROW EXECUTE FUNCTION tretho_history_append_only()")
