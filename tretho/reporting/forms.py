from django import forms
from django.utils.translation import gettext as _

from tretho.core.forms import TrethoModelForm

from .models import (
    FormField,
    PeriodDeadline,
    ReminderLog,
    ReportForm,
    ReportingPeriod,
    Submission,
    SubmissionEvent,
    SubmissionValue,
)

# Choice labels that name related records, fetched with the choices.
DEEP_CHOICES = {"period": ("programme",), "submission": ("form", "unit", "period"), "field": ("form",),
                "part_of": ("form",)}


class ReportingForm(TrethoModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, related in DEEP_CHOICES.items():
            field = self.fields.get(name)
            if field is not None and hasattr(field, "queryset"):
                field.queryset = field.queryset.select_related(*related)


class ReportingPeriodForm(TrethoModelForm):
    class Meta:
        model = ReportingPeriod
        fields = ["programme", "period_id", "start", "end", "opens_on", "closes_on", "is_closed"]


class PeriodDeadlineForm(ReportingForm):
    class Meta:
        model = PeriodDeadline
        fields = ["period", "level", "deadline"]


class ReportFormForm(TrethoModelForm):
    class Meta:
        model = ReportForm
        fields = ["programme", "code", "name", "description", "levels", "unit", "is_active"]


class FormFieldForm(ReportingForm):
    class Meta:
        model = FormField
        fields = ["form", "order", "section", "data_element", "option_key", "label", "required", "min_value",
                  "max_value", "prefill_metric", "part_of"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A total of the same form, never the field itself.
            self.fields["part_of"].queryset = self.fields["part_of"].queryset.filter(
                form_id=self.instance.form_id).exclude(pk=self.instance.pk)


class SubmissionForm(ReportingForm):
    """The report's header and narratives; values are filled on the fill page, the workflow goes by actions."""

    class Meta:
        model = Submission
        fields = ["unit", "period", "form", "missing_children_note", "results_text", "difficulties_text",
                  "proposals_text", "next_tasks_text"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.instance.is_locked:
            raise forms.ValidationError(_("Báo cáo đã gửi hoặc đã duyệt, không sửa được."), code="locked")
        unit, period = cleaned.get("unit"), cleaned.get("period")
        if unit is not None and period is not None and not self.instance.pk:
            problem = Submission(unit=unit, period=period).unit_in_force_problem()
            if problem:
                self.add_error("unit", problem)
        return cleaned


class SubmissionValueForm(ReportingForm):
    class Meta:
        model = SubmissionValue
        fields = ["submission", "field", "value", "prefilled_value", "override_reason"]

    def clean(self):
        cleaned = super().clean()
        for submission in {cleaned.get("submission"), self.instance.submission if self.instance.pk else None}:
            if submission is not None and submission.is_locked:
                raise forms.ValidationError(_("Báo cáo đã gửi hoặc đã duyệt, không sửa được."), code="locked")
        return cleaned


class SubmissionEventForm(ReportingForm):
    """Not offered (events are written by the workflow); the registry needs a form class."""

    class Meta:
        model = SubmissionEvent
        fields = ["submission", "action", "comment"]


class ReminderLogForm(ReportingForm):
    """Not offered (the reminders command writes the log); the registry needs a form class."""

    class Meta:
        model = ReminderLog
        fields = ["period", "form", "unit", "kind", "deadline", "email"]
