"""Forms of the supervision pages. The visit form carries one pass / fail / not-applicable choice (with the
measured number and a note) per criterion of the checklist version in force on the visit date, pre-selected from
the group's own records where they tell (checks.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tretho.activities.forms import TaskChoiceField, check_tasks, offer_tasks
from tretho.core.forms import DayField, TrethoModelForm
from tretho.metrics.sync import national_root
from tretho.programmes.models import PlanTask

from ..choices import CriterionKind, CriterionResult
from ..models import ChecklistCriterion, ChecklistTemplate, ChildcareGroup, SupervisionVisit, VisitResult
from .checks import Precomputed, derive_outcome, precompute_all
from .standard import STANDARD_CODE

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class ChecklistTemplateForm(TrethoModelForm):
    """A new version is a new template (same code, new version and date); national by default."""

    class Meta:
        model = ChecklistTemplate
        fields = ["code", "name", "version_label", "legal_basis", "effective_from", "effective_to", "unit"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.initial.get("unit"):
            root = national_root()
            if root is not None:
                self.initial["unit"] = root.pk


class ChecklistCriterionForm(TrethoModelForm):
    class Meta:
        model = ChecklistCriterion
        fields = ["template", "code", "order", "text", "legal_basis", "kind", "limit", "auto_check"]


class VisitResultForm(TrethoModelForm):
    class Meta:
        model = VisitResult
        fields = ["visit", "criterion", "result", "measured_value", "note"]

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        visit, criterion = cleaned.get("visit"), cleaned.get("criterion")
        if visit and criterion and criterion.template_id != visit.template_id:
            self.add_error("criterion", _("Tiêu chí này không thuộc bộ tiêu chí của lần giám sát."))
        return cleaned


@dataclass
class CriterionRow:
    """One criterion on the visit form: its bound fields and the suggestion from the records."""

    criterion: ChecklistCriterion
    result: forms.BoundField
    value: forms.BoundField | None
    note: forms.BoundField
    suggestion: Precomputed | None


def field_name(criterion: ChecklistCriterion, part: str) -> str:
    """The form field of a criterion: c<id>_result, c<id>_value, c<id>_note."""
    return f"c{criterion.pk}_{part}"


def template_for(day: dt.date, current: ChecklistTemplate | None = None) -> ChecklistTemplate | None:
    """The version in force on day: of the visit's own checklist when it has one, else the shipped one, else any."""
    if current is not None:
        if current.effective_from <= day and (current.effective_to is None or current.effective_to >= day):
            return current
        return ChecklistTemplate.in_force_on(day, code=current.code)
    return ChecklistTemplate.in_force_on(day, code=STANDARD_CODE) or ChecklistTemplate.in_force_on(day)


class SupervisionVisitForm(TrethoModelForm):
    AUTO_OUTCOME = gettext_lazy("Tự tính theo kết quả các tiêu chí")
    # The plan tasks the visit carries out: as on an activity's form (tasks of plans of the group's unit or above).
    tasks = TaskChoiceField(queryset=PlanTask.objects.all(), required=False,
                            label=gettext_lazy("Thực hiện nhiệm vụ kế hoạch"),
                            help_text=gettext_lazy("Các nhiệm vụ trong kế hoạch của địa bàn này hoặc cấp trên mà "
                                                   "lần giám sát này thực hiện."))

    class Meta:
        model = SupervisionVisit
        fields = ["group", "date", "team_agencies", "team_members", "findings", "recommendations", "outcome",
                  "follow_up_deadline", "follow_up_status", "follow_up_done_on", "tasks"]
        widgets = {
            "team_members": forms.Textarea(attrs={"rows": 2}),
            "findings": forms.Textarea(attrs={"rows": 3}),
            "recommendations": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("date", timezone.localdate())
        outcome: Any = self.fields["outcome"]
        outcome.choices = [("", self.AUTO_OUTCOME), *list(outcome.choices)[1:]]
        self.fields["outcome"].help_text = _("Để “tự tính”: đạt tất cả khi không có tiêu chí không đạt.")
        self.group, self.day = self._group_and_day()
        offer_tasks(self, self.group.unit if self.group else None)
        current = self.instance.template if self.instance.pk else None
        self.template = template_for(self.day, current) if self.day else None
        self.criteria = list(self.template.criteria.order_by("order", "id")) if self.template else []
        self.suggestions = precompute_all(self.criteria, self.group, self.day) if self.group and self.day else {}
        existing = {r.criterion_id: r for r in self.instance.results.all()} if self.instance.pk else {}
        for criterion in self.criteria:
            self._add_criterion_fields(criterion, existing.get(criterion.pk), self.suggestions.get(criterion.pk))

    def _value_of(self, name: str) -> Any:
        if self.is_bound:
            return self.data.get(self.add_prefix(name))
        if name in self.initial:
            return self.initial[name]
        return getattr(self.instance, f"{name}_id" if name == "group" else name, None)

    def _group_and_day(self) -> tuple[ChildcareGroup | None, dt.date | None]:
        day = self._value_of("date")
        if day is not None and not isinstance(day, dt.date):
            try:
                day = self.fields["date"].clean(day)
            except ValidationError:
                day = None
        raw_group = self._value_of("group")
        group = None
        if isinstance(raw_group, ChildcareGroup):
            raw_group = raw_group.pk
        if raw_group not in (None, ""):
            try:
                group_field: Any = self.fields["group"]
                group = group_field.queryset.filter(pk=int(raw_group)).first()
            except (TypeError, ValueError):
                group = None
        return group, day

    def _add_criterion_fields(self, criterion: ChecklistCriterion, saved: VisitResult | None,
                              suggestion: Precomputed | None) -> None:
        result = forms.ChoiceField(label=criterion.text, choices=CriterionResult.choices, widget=forms.RadioSelect,
                                   error_messages={"required": _("Chọn đạt, không đạt hoặc không áp dụng.")})
        note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False,
                               widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}))
        if saved is not None:
            result.initial, note.initial = saved.result, saved.note
        elif suggestion is not None:
            result.initial = suggestion.result or None
            note.initial = suggestion.explanation
        self.fields[field_name(criterion, "result")] = result
        if criterion.kind != CriterionKind.YES_NO:
            value = forms.DecimalField(label=_("Giá trị đo được"), required=False, max_digits=10, decimal_places=2,
                                       localize=True, widget=forms.TextInput(
                                           attrs={"inputmode": "decimal", "class": "form-control form-control-sm"}))
            value.widget.is_localized = True
            if saved is not None:
                value.initial = saved.measured_value
            elif suggestion is not None:
                value.initial = suggestion.value
            self.fields[field_name(criterion, "value")] = value
        self.fields[field_name(criterion, "note")] = note

    @property
    def criterion_rows(self) -> list[CriterionRow]:
        rows = []
        for criterion in self.criteria:
            value_name = field_name(criterion, "value")
            rows.append(CriterionRow(criterion, self[field_name(criterion, "result")],
                                     self[value_name] if value_name in self.fields else None,
                                     self[field_name(criterion, "note")], self.suggestions.get(criterion.pk)))
        return rows

    @property
    def derived_outcome(self) -> str:
        """The overall result the current choices give (for the page; saving derives it again)."""
        results = [self[field_name(c, "result")].value() for c in self.criteria]
        return derive_outcome([r for r in results if r]) if self.criteria and all(results) else ""

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        group = cleaned.get("group")
        check_tasks(self, group.unit if group else None, cleaned.get("tasks"))
        if cleaned.get("date") and self.template is None:
            self.add_error("date", _("Không có bộ tiêu chí giám sát nào có hiệu lực vào ngày này."))
        if self.template is not None:
            self.instance.template = self.template
            results = [cleaned.get(field_name(c, "result")) for c in self.criteria]
            if all(results) and not cleaned.get("outcome"):
                cleaned["outcome"] = derive_outcome([str(r) for r in results])
        return cleaned

    def result_entries(self) -> list[tuple[ChecklistCriterion, str, Decimal | None, str]]:
        return [(c, self.cleaned_data[field_name(c, "result")], self.cleaned_data.get(field_name(c, "value")),
                 self.cleaned_data.get(field_name(c, "note"), "")) for c in self.criteria]

    def save_scoped(self, writable: Any) -> Any:
        from .actions import do_record_results

        visit: Any = super().save_scoped(writable)
        do_record_results(visit, self.result_entries(), acting_user=self.user)
        return visit


class FollowUpDoneForm(forms.Form):
    # A DateInput with the project's format: a TextInput would pre-fill today as 2026-11-25.
    done_on = DayField(label=gettext_lazy("Ngày khắc phục xong"), input_formats=DATE_INPUT_FORMATS,
                       attrs={"class": "form-control form-control-sm"})
    version = forms.IntegerField(widget=forms.HiddenInput)


class NewVersionForm(forms.Form):
    version_label = forms.CharField(label=gettext_lazy("Phiên bản mới"), max_length=30,
                                    widget=forms.TextInput(attrs={"class": "form-control"}))
    effective_from = DayField(label=gettext_lazy("Áp dụng từ ngày"), input_formats=DATE_INPUT_FORMATS,
                              attrs={"class": "form-control"})
