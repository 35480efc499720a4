"""The fill form of a submission: one number per form field (typed the Vietnamese way, 1.234,5), a reason beside
every pre-filled field, the narrative sections. Its errors sit beside the fields: the form's rules (required,
min/max, a part ≤ its total: reporting.validation) and a changed pre-filled value without a reason."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tretho.core.forms import STALE_MESSAGE

from . import validation
from .models import FormField, Submission, SubmissionValue

NARRATIVES = ("results_text", "difficulties_text", "proposals_text", "next_tasks_text")
VALUE_PREFIX, REASON_PREFIX = "value_", "reason_"
# Which of the form's rules apply when: saving a draft keeps incomplete work (only wrong values are errors);
# submitting needs everything.
SAVE, SUBMIT = "save", "submit"


@dataclass
class FieldRow:
    """One line of the fill page: the form field, its stored value and its bound inputs."""

    field: FormField
    stored: SubmissionValue | None
    value_input: forms.BoundField | None = None
    reason_input: forms.BoundField | None = None

    @property
    def prefilled(self) -> Decimal | None:
        return self.stored.prefilled_value if self.stored else None

    @property
    def has_prefill(self) -> bool:
        return self.field.prefill_metric_id is not None

    @property
    def overridden(self) -> bool:
        return bool(self.stored and self.stored.is_overridden)

    @property
    def is_part(self) -> bool:
        return self.field.part_of_id is not None


def plain(value: Decimal | None) -> Decimal | None:
    """7.0000 → 7, 2.5000 → 2.5: a stored value shown as people write it (the column keeps four decimals)."""
    if value is None:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _number_field(field: FormField) -> forms.DecimalField:
    number = forms.DecimalField(label=field.label, required=False, max_digits=20, decimal_places=4, localize=True,
                                widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "form-control "
                                                              "form-control-sm text-end", "autocomplete": "off"}))
    number.widget.is_localized = True
    return number


class SubmissionFillForm(forms.Form):
    """Built from the submission's form fields and stored values."""

    results_text = forms.CharField(label=gettext_lazy("Kết quả thực hiện"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}))
    difficulties_text = forms.CharField(label=gettext_lazy("Khó khăn, vướng mắc"), required=False,
                                        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}))
    proposals_text = forms.CharField(label=gettext_lazy("Đề xuất, kiến nghị"), required=False,
                                     widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}))
    next_tasks_text = forms.CharField(label=gettext_lazy("Nhiệm vụ kỳ tới"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    missing_children_note = forms.CharField(
        label=gettext_lazy("Đơn vị cấp dưới chưa có báo cáo được duyệt (lý do gửi khi còn thiếu)"), required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}))

    def __init__(self, *args: Any, submission: Submission, fields: Iterable[FormField],
                 stored: dict[int, SubmissionValue], mode: str = SAVE, **kwargs: Any) -> None:
        initial = {name: getattr(submission, name) for name in (*NARRATIVES, "missing_children_note", "version")}
        for field_id, row in stored.items():
            initial[f"{VALUE_PREFIX}{field_id}"] = plain(row.value)
            initial[f"{REASON_PREFIX}{field_id}"] = row.override_reason
        kwargs["initial"] = initial | kwargs.get("initial", {})
        super().__init__(*args, **kwargs)
        self.submission = submission
        self.mode = mode
        self.form_fields = list(fields)
        self.stored = stored
        for field in self.form_fields:
            self.fields[f"{VALUE_PREFIX}{field.pk}"] = _number_field(field)
            if field.prefill_metric_id is not None:
                self.fields[f"{REASON_PREFIX}{field.pk}"] = forms.CharField(
                    label=_("Lý do sửa"), required=False, max_length=500,
                    widget=forms.TextInput(attrs={"class": "form-control form-control-sm",
                                                  "placeholder": _("Lý do, nếu sửa số tự động")}))

    # -- reading -------------------------------------------------------------------------------------------------

    def rows(self) -> list[tuple[str, list[FieldRow]]]:
        """(section, rows) in form order, for the template."""
        sections: list[tuple[str, list[FieldRow]]] = []
        for field in self.form_fields:
            reason_name = f"{REASON_PREFIX}{field.pk}"
            row = FieldRow(field, self.stored.get(field.pk), self[f"{VALUE_PREFIX}{field.pk}"],
                           self[reason_name] if reason_name in self.fields else None)
            if not sections or sections[-1][0] != field.section:
                sections.append((field.section, []))
            sections[-1][1].append(row)
        return sections

    def values(self) -> dict[int, Decimal | None]:
        return {field.pk: self.cleaned_data.get(f"{VALUE_PREFIX}{field.pk}") for field in self.form_fields}

    def reasons(self) -> dict[int, str]:
        return {field.pk: (self.cleaned_data.get(f"{REASON_PREFIX}{field.pk}") or "").strip()
                for field in self.form_fields if field.prefill_metric_id is not None}

    def narratives(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name in (*NARRATIVES, "missing_children_note")}

    # -- checking ------------------------------------------------------------------------------------------------

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        version = cleaned.get("version")
        if version is not None and version != self.submission.version:
            # Someone saved, submitted or had it returned since this page was opened: nothing is overwritten.
            raise forms.ValidationError(STALE_MESSAGE, code="stale")
        if any(name.startswith(VALUE_PREFIX) for name in self.errors):
            return cleaned  # not numbers: say that first
        values = self.values()
        problems = validation.check_values(self.form_fields, values)
        for field in self.form_fields:
            messages = problems.get(field.pk, [])
            if self.mode == SAVE:  # a draft may be incomplete: only wrong values are errors yet
                messages = [m for m in messages if not (values.get(field.pk) is None and field.required)]
            for message in messages:
                self.add_error(f"{VALUE_PREFIX}{field.pk}", message)
            stored = self.stored.get(field.pk)
            prefilled = stored.prefilled_value if stored else None
            reason = (cleaned.get(f"{REASON_PREFIX}{field.pk}") or "").strip()
            if prefilled is not None and values.get(field.pk) != prefilled and not reason:
                self.add_error(f"{REASON_PREFIX}{field.pk}" if f"{REASON_PREFIX}{field.pk}" in self.fields
                               else f"{VALUE_PREFIX}{field.pk}",
                               _("Cần ghi lý do khi sửa giá trị tự động (%(value)s).") % {
                                   "value": validation.format_number(prefilled)})
        return cleaned


def stored_values(submission: Submission) -> dict[int, SubmissionValue]:
    return {row.field_id: row for row in SubmissionValue.objects.filter(submission=submission)}


def form_fields(submission: Submission) -> list[FormField]:
    return list(FormField.objects.filter(form_id=submission.form_id).select_related("prefill_metric", "part_of")
                .order_by("order", "pk"))


def current_problems(fields: list[FormField], stored: dict[int, SubmissionValue], *, required: bool = True
                     ) -> dict[int, list[str]]:
    """The form's rules checked on the stored values (shown beside the fields of a saved draft). Without
    `required`, an empty field is not reported: a draft just opened must not greet the officer with red
    "bắt buộc phải nhập" before anything was typed (an empty value only ever breaks the required rule)."""
    values = {field_id: row.value for field_id, row in stored.items()}
    problems = validation.check_values(fields, values)
    if not required:
        problems = {pk: messages for pk, messages in problems.items() if values.get(pk) is not None}
    return problems


class DecisionForm(forms.Form):
    """Accept, return or reopen: the comment (required to return or reopen)."""

    comment = forms.CharField(label=gettext_lazy("Ý kiến"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}))


class StartForm(forms.Form):
    """Open (or create) a unit's report for a period and form: ids posted from the list of reports to make."""

    unit = forms.IntegerField(widget=forms.HiddenInput)
    period = forms.IntegerField(widget=forms.HiddenInput)
    form = forms.IntegerField(widget=forms.HiddenInput)
