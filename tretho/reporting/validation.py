"""Checks of a submission's values: required fields, min/max and "a part ≤ its total". Plain functions over
{field_id: value} so that the fill page can show the messages beside each field before anything is saved, and
do_submit refuses with the same list."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.utils.translation import gettext as _

from tretho.core.formats import format_number as _format_number

from .models import FormField, Submission


def format_number(value: Decimal) -> str:
    """1.234,5 with as many decimals as the value has (none for whole numbers)."""
    exponent = Decimal(value).normalize().as_tuple().exponent
    return _format_number(value, max(0, -exponent) if isinstance(exponent, int) else 0)


def check_values(fields: Iterable[FormField], values: Mapping[int, Decimal | None]) -> dict[int, list[str]]:
    """field id → Vietnamese messages for the values given (missing keys count as empty)."""
    fields = list(fields)
    by_id = {field.pk: field for field in fields}
    errors: dict[int, list[str]] = {}

    def add(field_id: int, message: str) -> None:
        errors.setdefault(field_id, []).append(message)

    for field in fields:
        value = values.get(field.pk)
        if value is None:
            if field.required:
                add(field.pk, _("Ô «%(label)s» bắt buộc phải nhập.") % {"label": field.label})
            continue
        if value < 0 and (field.min_value is None or field.min_value >= 0):
            add(field.pk, _("Ô «%(label)s» không được âm.") % {"label": field.label})
        elif field.min_value is not None and value < field.min_value:
            add(field.pk, _("Ô «%(label)s» phải từ %(min)s trở lên.") % {
                "label": field.label, "min": format_number(field.min_value)})
        if field.max_value is not None and value > field.max_value:
            add(field.pk, _("Ô «%(label)s» không được vượt quá %(max)s.") % {
                "label": field.label, "max": format_number(field.max_value)})
        total_field = by_id.get(field.part_of_id) if field.part_of_id else None
        if total_field is not None:
            total = values.get(total_field.pk)
            if total is not None and value > total:
                add(field.pk, _("Ô «%(label)s» (%(value)s) không được lớn hơn tổng «%(total_label)s» (%(total)s).")
                    % {"label": field.label, "value": format_number(value), "total_label": total_field.label,
                       "total": format_number(total)})
    return errors


def submission_values(submission: Submission) -> dict[int, Decimal | None]:
    return dict(submission.values.values_list("field_id", "value"))  # type: ignore[attr-defined]


def validate_submission(submission: Submission) -> dict[int, list[str]]:
    """The messages for a saved submission's values (every field of its form)."""
    fields = FormField.objects.filter(form_id=submission.form_id).order_by("order", "pk")
    return check_values(fields, submission_values(submission))


def error_list(submission: Submission, errors: Mapping[int, list[str]] | None = None) -> list[str]:
    """The messages as one flat list in form order (what do_submit refuses with)."""
    errors = validate_submission(submission) if errors is None else errors
    order = list(FormField.objects.filter(form_id=submission.form_id).order_by("order", "pk")
                 .values_list("pk", flat=True))
    return [message for field_id in order for message in errors.get(field_id, [])]
