"""Loading the official unit lists into AdministrativeUnit and UnitSuccession, idempotently and fast.

Rows are matched on (code, level, valid_from), so a second run finds every row and changes nothing. Bulk
operations skip save(), so the loader computes what save() would: full name, search and sort keys (through the
model's own methods, on in-memory parents) and the materialized path. New rows get a history record each, in
bulk, once their path is known.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tretho.core.formats import format_number

from .choices import UnitLevel
from .models import AdministrativeUnit, UnitSuccession
from .sources import REFORM_DATE, UnitKey, UnitRecord, UnitSource, read_source

# Fields the source decides; anything else on a row (created_by, version …) is the application's.
SOURCE_FIELDS = ("name", "short_name", "unit_type", "parent_id", "valid_to", "latitude", "longitude")
DERIVED_FIELDS = ("full_name", "search_key", "sort_key")
CHANGE_REASON = "tretho load_units"
BATCH_SIZE = 1000


@dataclass
class LoadSummary:
    version: str = ""
    units_created: int = 0
    units_updated: int = 0
    units_unchanged: int = 0
    successions_created: int = 0
    successions_updated: int = 0
    successions_unchanged: int = 0
    # (level, before or after the reform) → number of units in the source.
    counts: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.units_created or self.units_updated or self.successions_created or self.successions_updated)

    def lines(self) -> list[str]:
        n, counts = format_number, self.counts  # counts keyed by (level, from the reform on)
        lines = [
            _("Nguồn: gói vietnamadminunits %(version)s (giấy phép MIT).") % {"version": self.version},
            _("Trước 01/07/2025: %(provinces)s tỉnh, thành phố; %(districts)s huyện, quận, thị xã, thành phố; "
              "%(communes)s xã, phường, thị trấn.") % {
                "provinces": n(counts[(UnitLevel.PROVINCE, False)]),
                "districts": n(counts[(UnitLevel.DISTRICT, False)]),
                "communes": n(counts[(UnitLevel.COMMUNE, False)]),
            },
            _("Từ 01/07/2025: %(provinces)s tỉnh, thành phố; %(communes)s xã, phường, đặc khu.") % {
                "provinces": n(counts[(UnitLevel.PROVINCE, True)]),
                "communes": n(counts[(UnitLevel.COMMUNE, True)]),
            },
            _("Đơn vị hành chính: %(created)s tạo mới, %(updated)s cập nhật, %(unchanged)s không đổi.") % {
                "created": n(self.units_created), "updated": n(self.units_updated),
                "unchanged": n(self.units_unchanged),
            },
            _("Quan hệ kế thừa cũ → mới: %(created)s tạo mới, %(updated)s cập nhật, %(unchanged)s không đổi.") % {
                "created": n(self.successions_created), "updated": n(self.successions_updated),
                "unchanged": n(self.successions_unchanged),
            },
            _("Thời gian: %(seconds)s giây.") % {"seconds": n(self.seconds, 1)},
        ]
        if self.dry_run:
            lines.append(_("Chạy thử: không lưu thay đổi nào."))
        return lines


class _DryRunRollback(Exception):
    pass


def load_units(source: UnitSource | None = None, *, dry_run: bool = False, with_history: bool = True) -> LoadSummary:
    """Create or update every unit and succession of the source; returns what was done. All or nothing."""
    started = time.monotonic()
    source = source or read_source()
    summary = LoadSummary(version=source.version, dry_run=dry_run)
    summary.counts.update((r.level, r.key.valid_from is not None) for r in source.units)
    try:
        with transaction.atomic():
            units = _UnitSync(summary, with_history).run(source.units)
            _sync_successions(source, units, summary, with_history)
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    summary.seconds = time.monotonic() - started
    return summary


class _UnitSync:
    def __init__(self, summary: LoadSummary, with_history: bool) -> None:
        self.summary = summary
        self.with_history = with_history
        self.now = timezone.now()
        self.by_key: dict[UnitKey, AdministrativeUnit] = {}
        self.created: list[AdministrativeUnit] = []
        self.updated: list[AdministrativeUnit] = []

    def run(self, records: list[UnitRecord]) -> dict[UnitKey, AdministrativeUnit]:
        existing = self._existing()
        for level in sorted({r.level for r in records}):
            new_rows = [self._apply(record, existing.get(record.key)) for record in records if record.level == level]
            to_create = [unit for unit in new_rows if unit.pk is None]
            # Parents first, so children can point at them; RETURNING gives the ids on SQLite and PostgreSQL.
            AdministrativeUnit.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
            self.created.extend(to_create)
        update_rows(self.updated, [*SOURCE_FIELDS, *DERIVED_FIELDS, "updated_at", "version"])
        moved = self._write_paths()
        if self.with_history:
            self._write_history(moved)
        self.summary.units_created = len(self.created)
        self.summary.units_updated = len(self.updated)
        self.summary.units_unchanged = len(records) - len(self.created) - len(self.updated)
        return self.by_key

    def _existing(self) -> dict[UnitKey, AdministrativeUnit]:
        found: dict[UnitKey, AdministrativeUnit] = {}
        for unit in AdministrativeUnit.objects.order_by("pk"):
            found.setdefault(UnitKey(unit.code, unit.level, unit.valid_from), unit)
        return found

    def _apply(self, record: UnitRecord, unit: AdministrativeUnit | None) -> AdministrativeUnit:
        parent = self.by_key[record.parent] if record.parent else None
        if unit is None:
            unit = AdministrativeUnit(code=record.key.code, level=record.level, valid_from=record.key.valid_from)
            before = None
        else:
            before = _snapshot(unit)
        unit.name, unit.short_name, unit.unit_type = record.name, record.short_name, record.unit_type
        unit.valid_to, unit.latitude, unit.longitude = record.valid_to, record.latitude, record.longitude
        unit.parent = parent  # the in-memory parent: compute_full_name walks it without queries
        unit.full_name = unit.compute_full_name()
        unit.refresh_keys()
        if before is not None and _snapshot(unit) != before:
            unit.updated_at = self.now
            unit.version += 1
            self.updated.append(unit)
        self.by_key[record.key] = unit
        return unit

    def _write_paths(self) -> list[AdministrativeUnit]:
        """Set "/<root>/<province>/…/<pk>/" on every loaded row whose path is not that yet (new rows, moves)."""
        changed = []
        for unit in self.by_key.values():  # parents come before their children
            path = f"{unit.parent.path if unit.parent else '/'}{unit.pk}/"
            if unit.path != path:
                unit.path = path
                changed.append(unit)
        update_rows(changed, ["path"])
        return changed

    def _write_history(self, moved: list[AdministrativeUnit]) -> None:
        created_ids = {unit.pk for unit in self.created}
        changed = {unit.pk: unit for unit in [*self.updated, *moved] if unit.pk not in created_ids}
        history = AdministrativeUnit.history  # type: ignore[attr-defined]
        if self.created:
            history.bulk_history_create(self.created, batch_size=BATCH_SIZE, default_change_reason=CHANGE_REASON,
                                        default_date=self.now)
        if changed:
            history.bulk_history_create(list(changed.values()), batch_size=BATCH_SIZE, update=True,
                                        default_change_reason=CHANGE_REASON, default_date=self.now)


def update_rows(objs: list, field_names: list[str]) -> None:
    """UPDATE … WHERE id = … for each object, as one executemany: Django's bulk_update builds CASE WHEN
    expressions that grow with the batch and took 28 s for every unit on SQLite; this takes well under one."""
    if not objs:
        return
    meta = objs[0]._meta
    fields = [meta.get_field(name) for name in field_names]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"  # noqa: S608
    rows = [
        [*(field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields), obj.pk]
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _snapshot(unit: AdministrativeUnit) -> tuple:
    return tuple(getattr(unit, name) for name in (*SOURCE_FIELDS, *DERIVED_FIELDS))


def _sync_successions(
    source: UnitSource, units: dict[UnitKey, AdministrativeUnit], summary: LoadSummary, with_history: bool
) -> None:
    """Create missing old → new links and correct their kind; links the source does not name are left alone
    (someone may have recorded a later change by hand)."""
    wanted: dict[tuple[int, int], str] = {}
    for record in source.successions:
        wanted[(units[record.predecessor].pk, units[record.successor].pk)] = record.kind
    existing = {(link.predecessor_id, link.successor_id): link for link in UnitSuccession.objects.all()}
    to_create, to_update = [], []
    now = timezone.now()
    for (predecessor_id, successor_id), kind in wanted.items():
        link = existing.get((predecessor_id, successor_id))
        if link is None:
            to_create.append(UnitSuccession(predecessor_id=predecessor_id, successor_id=successor_id, kind=kind,
                                            effective_date=REFORM_DATE))
        elif link.kind != kind or link.effective_date != REFORM_DATE:
            link.kind, link.effective_date = kind, REFORM_DATE
            link.version, link.updated_at = link.version + 1, now
            to_update.append(link)
    UnitSuccession.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    update_rows(to_update, ["kind", "effective_date", "version", "updated_at"])
    if with_history:
        history = UnitSuccession.history  # type: ignore[attr-defined]
        history.bulk_history_create(to_create, batch_size=BATCH_SIZE, default_change_reason=CHANGE_REASON,
                                    default_date=now)
        history.bulk_history_create(to_update, batch_size=BATCH_SIZE, update=True,
                                    default_change_reason=CHANGE_REASON, default_date=now)
    summary.successions_created = len(to_create)
    summary.successions_updated = len(to_update)
    summary.successions_unchanged = len(wanted) - len(to_create) - len(to_update)

