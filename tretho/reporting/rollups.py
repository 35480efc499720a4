"""Live roll-ups (DESIGN.md: "roll-up rows for the unit and every ancestor; no batch job, no lag").

Accepting a submission adds its values into `metrics.RollupValue` rows for the reporting unit and each of its
ancestors in the hierarchy it belongs to — the unit row in force for the period carries that hierarchy in its
materialized path: a 2020 commune's path runs through its district to the old province; a 2026 commune's path
goes straight to the new province. Reopening subtracts the same values. Both run in the caller's transaction
as one upsert statement per batch, so the totals of every level are right the moment the transaction commits.

A unit's row is therefore the sum of every accepted report in its subtree, its own included: a district's or
province's report carries that level's own figures (trainings it organised…), never its communes' totals again.

`rebuild()` recomputes every row from the accepted submissions; it must give exactly the rows the increments
left (tests/reporting/test_reporting_rollups.py checks that on random trees).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Count, F, Sum

from tretho.geo.models import AdministrativeUnit
from tretho.metrics.models import RollupValue

from .choices import SubmissionStatus
from .models import Submission, SubmissionValue

QUANTUM = Decimal("0.0001")
BATCH = 500
Key = tuple[int, str, int, str]  # (unit_id, period_id, data_element_id, option_key)


def _ancestor_chain(unit_ids: Iterable[int]) -> dict[int, list[tuple[int, int]]]:
    """For each unit: [(unit_id, level)] of itself and every ancestor (from the materialized paths)."""
    units = dict(AdministrativeUnit.objects.filter(pk__in=set(unit_ids)).values_list("pk", "path"))
    all_ids = {int(part) for path in units.values() for part in path.strip("/").split("/") if part}
    levels = dict(AdministrativeUnit.objects.filter(pk__in=all_ids).values_list("pk", "level"))
    return {uid: [(int(part), levels[int(part)]) for part in path.strip("/").split("/") if part]
            for uid, path in units.items()}


def submission_contributions(submission: Submission) -> dict[tuple[int, str], Decimal]:
    """(data_element_id, option_key) → value of a submission's filled-in fields."""
    totals: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    rows = (SubmissionValue.objects.filter(submission=submission, value__isnull=False)
            .values_list("field__data_element_id", "field__option_key", "value"))
    for element_id, key, value in rows:
        totals[(element_id, key)] += Decimal(value)
    return dict(totals)


def _upsert(rows: list[tuple[int, int, str, int, str, Decimal, int]]) -> None:
    """Add (value, submissions) into the rows, creating missing ones: one statement per batch."""
    if not rows:
        return
    table = connection.ops.quote_name(RollupValue._meta.db_table)
    ops = connection.ops
    for start in range(0, len(rows), BATCH):
        chunk = rows[start:start + BATCH]
        placeholders = ", ".join(["(%s, %s, %s, %s, %s, %s, %s)"] * len(chunk))
        params: list = []
        for unit_id, level, period_id, element_id, key, value, count in chunk:
            params += [unit_id, level, period_id, element_id, key,
                       ops.adapt_decimalfield_value(value.quantize(QUANTUM), 20, 4), count]
        # Only the table name (from the model) and placeholders are interpolated; the values are parameters.
        sql = (f"INSERT INTO {table} (unit_id, level, period_id, data_element_id, option_key, value, submissions) "  # noqa: S608
               f"VALUES {placeholders} ON CONFLICT (unit_id, period_id, data_element_id, option_key) DO UPDATE SET "
               f"value = {table}.value + excluded.value, submissions = {table}.submissions + excluded.submissions")
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


def _apply(submission: Submission, sign: int) -> int:
    contributions = submission_contributions(submission)
    if not contributions:
        return 0
    chain = _ancestor_chain([submission.unit_id])[submission.unit_id]
    period_id = submission.period.period_id
    rows = [(unit_id, level, period_id, element_id, key, sign * value, sign)
            for unit_id, level in chain for (element_id, key), value in contributions.items()]
    _upsert(rows)
    if sign < 0:
        # A key no accepted submission feeds any more disappears, as it would from a rebuild.
        RollupValue.objects.filter(unit_id__in=[uid for uid, _ in chain], period_id=period_id,
                                   submissions__lte=0).delete()
    return len(rows)


def add_submission(submission: Submission) -> int:
    """Add an accepted submission's values to its unit's and ancestors' roll-ups; the number of rows touched."""
    return _apply(submission, +1)


def subtract_submission(submission: Submission) -> int:
    """Take a reopened submission's values back out of the roll-ups."""
    return _apply(submission, -1)


# -- rebuild ---------------------------------------------------------------------------------------------------

@dataclass
class RebuildResult:
    rows: int = 0
    missing: list[Key] = field(default_factory=list)  # expected but absent before the rebuild
    extra: list[Key] = field(default_factory=list)  # present but not expected
    different: list[Key] = field(default_factory=list)  # present with another value or count

    @property
    def agreed(self) -> bool:
        return not (self.missing or self.extra or self.different)


def expected_rows(period_ids: Iterable[str] | None = None) -> dict[Key, tuple[Decimal, int, int]]:
    """Key → (value, submissions, level) computed from the accepted submissions: the database sums per
    reporting unit, Python spreads each sum over the unit's ancestors."""
    values = SubmissionValue.objects.filter(submission__status=SubmissionStatus.ACCEPTED, value__isnull=False)
    if period_ids is not None:
        values = values.filter(submission__period__period_id__in=list(period_ids))
    per_unit = (values.values(unit_id=F("submission__unit_id"), period_code=F("submission__period__period_id"),
                              element_id=F("field__data_element_id"), key=F("field__option_key"))
                .annotate(total=Sum("value"), count=Count("submission_id", distinct=True))
                .order_by())
    per_unit = list(per_unit)
    chains = _ancestor_chain({row["unit_id"] for row in per_unit})
    result: dict[Key, list] = {}
    for row in per_unit:
        total = Decimal(row["total"]).quantize(QUANTUM)
        for unit_id, level in chains[row["unit_id"]]:
            key = (unit_id, row["period_code"], row["element_id"], row["key"])
            entry = result.setdefault(key, [Decimal(0), 0, level])
            entry[0] += total
            entry[1] += row["count"]
    return {key: (value.quantize(QUANTUM), count, level) for key, (value, count, level) in result.items()}


def current_rows(period_ids: Iterable[str] | None = None) -> dict[Key, tuple[Decimal, int, int]]:
    qs = RollupValue.objects.all()
    if period_ids is not None:
        qs = qs.filter(period_id__in=list(period_ids))
    return {(u, p, e, k): (Decimal(v).quantize(QUANTUM), c, lv)
            for u, p, e, k, v, c, lv in qs.values_list("unit_id", "period_id", "data_element_id", "option_key",
                                                        "value", "submissions", "level").iterator()}


def compare(expected: dict, current: dict) -> RebuildResult:
    result = RebuildResult(rows=len(expected))
    result.missing = sorted(set(expected) - set(current))
    result.extra = sorted(set(current) - set(expected))
    result.different = sorted(key for key in set(expected) & set(current) if expected[key] != current[key])
    return result


@transaction.atomic
def rebuild(period_ids: Iterable[str] | None = None, *, write: bool = True) -> RebuildResult:
    """Recompute roll-ups (all, or those of some period ids) from the accepted submissions, one period at a time
    (national data fits in memory per period). Returns how the rows found compared with the recomputed ones;
    with write=False nothing changes (a check)."""
    if period_ids is None:
        found = set(Submission.objects.filter(status=SubmissionStatus.ACCEPTED)
                    .values_list("period__period_id", flat=True).distinct())
        found |= set(RollupValue.objects.values_list("period_id", flat=True).distinct())
        period_ids = sorted(found)
    total = RebuildResult()
    for period_id in period_ids:
        expected = expected_rows([period_id])
        result = compare(expected, current_rows([period_id]))
        total.rows += result.rows
        total.missing += result.missing
        total.extra += result.extra
        total.different += result.different
        if write and not result.agreed:
            RollupValue.objects.filter(period_id=period_id).delete()
            RollupValue.objects.bulk_create(
                [RollupValue(unit_id=u, period_id=p, data_element_id=e, option_key=k, value=v, submissions=c,
                             level=lv)
                 for (u, p, e, k), (v, c, lv) in expected.items()],
                batch_size=2000,
            )
    return total
