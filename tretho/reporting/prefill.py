"""Pre-filling a report from the records (DESIGN.md: "computed metrics pre-fill report forms; the official may
correct a pre-filled value with a reason, kept").

A form field with `prefill_metric` pointing at a computed metric (a function a domain app registered in
`tretho.metrics.registry`, e.g. the registry's "groups operating") is filled with that metric computed for the
reporting unit's subtree over the period's span. Whatever metrics are registered at the time are used: a field
whose metric is no longer registered, is a reported one, or cannot be computed is simply left for the officer.

Both values are kept: `SubmissionValue.prefilled_value` is what the records say, `value` what the unit reports,
and `override_reason` why they differ (reporting.actions.do_save_values refuses a change without a reason).
Refreshing the pre-fill (the records changed since) moves the values that still follow the records and keeps
the ones the officer overrode.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from tretho.metrics import registry

from . import actions
from .models import FormField, Submission, SubmissionValue

logger = logging.getLogger(__name__)

TYPED_BEFORE = _("Giá trị đã nhập tay trước khi có số liệu tự động.")
NO_LONGER = _("Số liệu tự động này không còn được cung cấp.")
FAILED = _("Không tính được số liệu tự động.")


@dataclass(frozen=True)
class Prefill:
    """What the records say for one field: the value, or why there is none (`note`, Vietnamese)."""

    field_id: int
    metric_code: str
    value: Decimal | None
    note: str = ""


def _as_decimal(result: Any, option_key: str) -> Decimal | None:
    """A computed metric's result as a Decimal. A metric returning a mapping (breakdown option key → number)
    gives the field's own option ("" the total); anything else is taken as the total."""
    if isinstance(result, Mapping):
        result = result.get(option_key)
    elif option_key:
        return None  # a plain number is the total: it says nothing about one breakdown option
    if result is None:
        return None
    try:
        return Decimal(str(result))
    except (InvalidOperation, ValueError):
        return None


def prefill_field(field: FormField, submission: Submission) -> Prefill | None:
    """The pre-filled value of one field for the submission's unit and period; None when the field has none."""
    metric = field.prefill_metric
    if metric is None or not metric.is_computed:
        return None
    if not registry.is_computed(metric.code):
        return Prefill(field.pk, metric.code, None, str(NO_LONGER))
    period = submission.period
    try:
        result = registry.compute(metric.code, submission.unit.path, period.start, period.end)
    except Exception:  # a domain app's function failing must not stop the report: the officer types the value
        logger.exception("prefill: computing %s failed for submission %s", metric.code, submission.pk)
        return Prefill(field.pk, metric.code, None, str(FAILED))
    return Prefill(field.pk, metric.code, _as_decimal(result, field.option_key))


def compute_prefills(submission: Submission) -> dict[int, Prefill]:
    """field id → Prefill for every field of the submission's form that has a computed metric."""
    fields = (FormField.objects.filter(form_id=submission.form_id, prefill_metric__isnull=False)
              .select_related("prefill_metric").order_by("order", "pk"))
    found = {}
    for field in fields:
        prefill = prefill_field(field, submission)
        if prefill is not None:
            found[field.pk] = prefill
    return found


def follows_records(row: SubmissionValue | None) -> bool:
    """Whether a value still is what the records said (never typed over): a refresh may move it."""
    return row is None or row.value is None or (row.prefilled_value is not None and row.value == row.prefilled_value
                                                and not row.override_reason)


@transaction.atomic
def do_prefill(submission: Submission, *, acting_user: Any) -> dict[int, Prefill]:
    """Fill (or refresh) the submission's pre-filled fields from the computed metrics. Values the officer
    overrode keep their value and reason; their `prefilled_value` is updated so the difference shown is current.
    Only drafts and returned reports (do_save_values refuses the others). Returns what was computed."""
    prefills = compute_prefills(submission)
    if not prefills:
        return prefills
    existing = {row.field_id: row for row in SubmissionValue.objects.filter(submission=submission,
                                                                            field_id__in=list(prefills))}
    values: dict[int, Any] = {}
    prefilled: dict[int, Any] = {}
    reasons: dict[int, str] = {}
    for field_id, prefill in prefills.items():
        row = existing.get(field_id)
        if prefill.value is None and row is None:
            continue  # nothing known, nothing typed
        prefilled[field_id] = prefill.value
        if follows_records(row):
            values[field_id] = prefill.value
            continue
        values[field_id] = row.value  # type: ignore[union-attr]  # follows_records(None) is True
        if not row.override_reason and row.value != prefill.value:  # type: ignore[union-attr]
            reasons[field_id] = str(TYPED_BEFORE)
    if values:
        actions.do_save_values(submission, acting_user=acting_user, values=values, prefilled=prefilled,
                               reasons=reasons)
        # do_save_values saves a row only when its value or reason changes: an override whose records moved
        # keeps its value and reason, so its new pre-filled value is written here (same transaction and lock).
        for row in SubmissionValue.objects.filter(submission=submission, field_id__in=list(prefilled)):
            if row.prefilled_value != prefilled[row.field_id]:
                row.prefilled_value = prefilled[row.field_id]
                row.version += 1
                row._history_user = acting_user  # type: ignore[attr-defined]
                row.save(update_fields=["prefilled_value", "version", "updated_at"])
    return prefills


@transaction.atomic
def do_start_prefilled(unit: Any, period: Any, form: Any, *, acting_user: Any) -> tuple[Submission, bool]:
    """The unit's report for the period and form; a new one is created as a draft and pre-filled at once.
    Returns (submission, created)."""
    existed = Submission.objects.filter(unit=unit, period=period, form=form).exists()
    submission = actions.do_start_submission(unit, period, form, acting_user=acting_user)
    if not existed:
        do_prefill(submission, acting_user=acting_user)
    return submission, not existed
