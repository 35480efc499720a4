"""History cannot be rewritten: a PostgreSQL trigger refuses UPDATE/DELETE on every history table, and no code
outside tretho/core/integrity.py runs QuerySet.update() on a model queryset (it would skip the history)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.db import DatabaseError, connection, transaction

from tretho.core.integrity import history_tables, install_history_guards, update_with_history
from tretho.core.testing.world import build_world
from tretho.geo.models import IndustrialZone
from tretho.orgs.models import Agency

ROOT = Path(__file__).resolve().parents[2]
HELPERS = ROOT / "tretho" / "core" / "integrity.py"
# Receivers that make `.update(` a queryset update, not dict.update / Counter.update.
QUERYSET_STARTS = {"objects", "_default_manager", "_base_manager", "history"}
QUERYSET_METHODS = {"filter", "exclude", "all", "select_for_update", "restrict", "none", "order_by", "using"}

postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'")


@pytest.fixture
def unit(db):
    return build_world().commune_a1a


def make_agency(unit, name: str) -> Agency:
    return Agency.objects.create(name=name, short_name=name[:10], kind=Agency._meta.get_field("kind").choices[0][0],
                                 unit=unit)


def _receiver_names(node: ast.AST) -> set[str]:
    """Attribute and method names along a call chain: Agency.objects.filter(x=1) → {objects, filter}."""
    names: set[str] = set()
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
            node = node.value
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            return names


def queryset_updates(path: Path) -> list[int]:
    """Line numbers of `<model queryset>.update(...)` calls in a source file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "update":
            chain = _receiver_names(node.func.value)
            if chain & QUERYSET_STARTS or chain & QUERYSET_METHODS:
                lines.append(node.lineno)
    return lines


def history_deletes(path: Path) -> list[int]:
    """Line numbers of `.delete(` / `.update(` calls reached through a `history` manager or record."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"delete", "update", "bulk_update", "raw"}
            and {"history", "prev_record", "next_record", "history_object"} & _receiver_names(node.func.value)]


def test_no_code_path_deletes_or_updates_history_rows() -> None:
    offenders = [f"{path.relative_to(ROOT)}:{line}" for path in sorted((ROOT / "tretho").rglob("*.py"))
                 if "migrations" not in path.parts for line in history_deletes(path)]
    assert not offenders, "history rows are append-only: " + ", ".join(offenders)


def test_scan_finds_a_history_delete(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("obj.history.filter(pk=1).delete()\nobj.history.latest().delete()\nobj.delete()\n")
    assert history_deletes(sample) == [1, 2]


def test_scan_finds_a_queryset_update(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("Plan.objects.filter(pk=1).update(x=1)\nqs = Plan.objects.all()\ncounts.update(a=1)\n"
                      "type(self).objects.exclude(pk=2).update(path='/')\n")
    assert queryset_updates(sample) == [1, 4]


def test_no_queryset_update_outside_the_history_helpers() -> None:
    """Bulk updates go through tretho.core.integrity (update_with_history records history rows)."""
    offenders = [f"{path.relative_to(ROOT)}:{line}" for path in sorted((ROOT / "tretho").rglob("*.py"))
                 if path != HELPERS and "migrations" not in path.parts for line in queryset_updates(path)]
    assert not offenders, "QuerySet.update() skips history; use tretho.core.integrity.update_with_history: " + \
        ", ".join(offenders)


def test_update_with_history_records_a_row_per_record(unit) -> None:
    zones = [IndustrialZone.objects.create(name=f"KCN {n}", unit=unit) for n in range(3)]
    before = IndustrialZone.history.count()
    changed = update_with_history(IndustrialZone.objects.filter(pk__in=[z.pk for z in zones[:2]]),
                                  address="Đường số 1")
    assert changed == 2
    assert IndustrialZone.history.count() == before + 2
    for zone in zones[:2]:
        zone.refresh_from_db()
        assert zone.address == "Đường số 1"
        assert zone.version == 2
        assert zone.history.latest().address == "Đường số 1"
    zones[2].refresh_from_db()
    assert zones[2].address == ""


def test_every_history_model_is_listed(db) -> None:
    tables = history_tables()
    assert Agency.history.model._meta.db_table in tables
    assert all(table.split("_", 1)[1].startswith("historical") for table in tables)


@postgres_only
def test_history_rows_cannot_be_updated_or_deleted_on_postgresql(unit) -> None:
    agency = make_agency(unit, "Sở Giáo dục và Đào tạo thử")
    record = agency.history.latest()
    table = connection.ops.quote_name(record._meta.db_table)
    for statement in (f"UPDATE {table} SET history_change_reason = 'sửa' WHERE history_id = %s",  # noqa: S608
                      f"DELETE FROM {table} WHERE history_id = %s"):  # noqa: S608
        with pytest.raises(DatabaseError, match="cannot be changed or deleted"), transaction.atomic(), \
                connection.cursor() as cursor:
            cursor.execute(statement, [record.history_id])
    # Through the ORM too.
    with pytest.raises(DatabaseError), transaction.atomic():
        record.delete()
    assert agency.history.filter(history_id=record.history_id, history_change_reason=None).exists()


@postgres_only
def test_history_guard_install_is_idempotent_and_lets_a_deleted_user_go(unit) -> None:
    from django.contrib.auth import get_user_model

    install_history_guards(using="default")
    install_history_guards(using="default")
    user = get_user_model().objects.create_user(username="tam.thoi", password="x" * 16)
    agency = Agency(name="Sở thử người xoá", short_name="SXT", kind=Agency._meta.get_field("kind").choices[0][0],
                    unit=unit)
    agency._history_user = user  # type: ignore[attr-defined]
    agency.save()
    assert agency.history.latest().history_user == user
    user.delete()  # ON DELETE SET NULL on history_user: the one change the trigger allows
    assert agency.history.latest().history_user is None
