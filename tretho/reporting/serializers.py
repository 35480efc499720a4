from django.utils.translation import gettext as _
from rest_framework import serializers

from tretho.core.api import TrethoSerializer

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

TIMESTAMPS = ["version", "created_at", "updated_at"]


class ReportingPeriodSerializer(TrethoSerializer):
    class Meta:
        model = ReportingPeriod
        fields = ["id", "programme", "period_id", "start", "end", "opens_on", "closes_on", "is_closed", *TIMESTAMPS]


class PeriodDeadlineSerializer(TrethoSerializer):
    class Meta:
        model = PeriodDeadline
        fields = ["id", "period", "level", "deadline", *TIMESTAMPS]


class ReportFormSerializer(TrethoSerializer):
    class Meta:
        model = ReportForm
        fields = ["id", "programme", "code", "name", "description", "levels", "unit", "is_active", *TIMESTAMPS]


class FormFieldSerializer(TrethoSerializer):
    class Meta:
        model = FormField
        fields = ["id", "form", "order", "section", "data_element", "option_key", "label", "required", "min_value",
                  "max_value", "prefill_metric", "part_of", *TIMESTAMPS]


class LockedCheckMixin:
    def _refuse_if_locked(self, submission):
        if submission is not None and submission.is_locked:
            raise serializers.ValidationError(_("Báo cáo đã gửi hoặc đã duyệt, không sửa được."))


class SubmissionSerializer(LockedCheckMixin, TrethoSerializer):
    class Meta:
        model = Submission
        fields = ["id", "unit", "period", "form", "status", "submitted_at", "submitted_by", "decided_at",
                  "decided_by", "return_comment", "missing_children_note", "results_text", "difficulties_text",
                  "proposals_text", "next_tasks_text", *TIMESTAMPS]
        read_only_fields = ["status", "submitted_at", "submitted_by", "decided_at", "decided_by", "return_comment"]

    def validate(self, attrs):
        self._refuse_if_locked(self.instance)
        instance = Submission(**{**({f.name: getattr(self.instance, f.name) for f in Submission._meta.concrete_fields}
                                    if self.instance else {}), **attrs})
        try:
            instance.clean()
        except Exception as error:  # django ValidationError → DRF
            raise serializers.ValidationError(getattr(error, "message_dict", None) or str(error)) from None
        if self.instance is None and instance.unit_in_force_problem():
            raise serializers.ValidationError({"unit": instance.unit_in_force_problem()})
        return attrs


class SubmissionValueSerializer(LockedCheckMixin, TrethoSerializer):
    class Meta:
        model = SubmissionValue
        fields = ["id", "submission", "field", "value", "prefilled_value", "override_reason", *TIMESTAMPS]

    def validate(self, attrs):
        submission = attrs.get("submission") or getattr(self.instance, "submission", None)
        self._refuse_if_locked(submission)
        if self.instance is not None and submission != self.instance.submission:
            self._refuse_if_locked(self.instance.submission)
        field = attrs.get("field") or getattr(self.instance, "field", None)
        if submission is not None and field is not None and field.form_id != submission.form_id:
            raise serializers.ValidationError({"field": _("Ô báo cáo không thuộc mẫu của báo cáo này.")})
        return attrs


class SubmissionEventSerializer(TrethoSerializer):
    class Meta:
        model = SubmissionEvent
        fields = ["id", "submission", "action", "actor", "at", "comment", *TIMESTAMPS]


class ReminderLogSerializer(TrethoSerializer):
    class Meta:
        model = ReminderLog
        fields = ["id", "period", "form", "unit", "kind", "deadline", "recipient", "email", "sent_at", *TIMESTAMPS]


class WorkflowSerializer(serializers.Serializer):
    """Body of a workflow action: the return comment, the reopen reason, or the note on missing lower reports."""

    comment = serializers.CharField(required=False, allow_blank=True, default="")
    missing_note = serializers.CharField(required=False, allow_blank=True, default="")
