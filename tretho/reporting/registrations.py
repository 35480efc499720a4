"""Model-view registrations of the reporting app (tretho.core.registry)."""

from django.utils.translation import gettext_lazy as _

from tretho.core.registry import register

from .filters import (
    FormFieldFilterSet,
    PeriodDeadlineFilterSet,
    ReminderLogFilterSet,
    ReportFormFilterSet,
    ReportingPeriodFilterSet,
    SubmissionEventFilterSet,
    SubmissionFilterSet,
    SubmissionValueFilterSet,
)
from .forms import (
    FormFieldForm,
    PeriodDeadlineForm,
    ReminderLogForm,
    ReportFormForm,
    ReportingPeriodForm,
    SubmissionEventForm,
    SubmissionForm,
    SubmissionValueForm,
)
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
from .serializers import (
    FormFieldSerializer,
    PeriodDeadlineSerializer,
    ReminderLogSerializer,
    ReportFormSerializer,
    ReportingPeriodSerializer,
    SubmissionEventSerializer,
    SubmissionSerializer,
    SubmissionValueSerializer,
)
from .tables import (
    FormFieldTable,
    PeriodDeadlineTable,
    ReminderLogTable,
    ReportFormTable,
    ReportingPeriodTable,
    SubmissionEventTable,
    SubmissionTable,
    SubmissionValueTable,
)
from .views_detail import form_detail_context, submission_detail_context

# Written by the system only (the workflow, the reminders command): list and detail.
SYSTEM_WRITTEN = ("add", "edit", "delete", "history", "deleted", "restore")

register(ReportingPeriod, filterset=ReportingPeriodFilterSet, table=ReportingPeriodTable, form=ReportingPeriodForm,
         serializer=ReportingPeriodSerializer,
         extra={"related": [("deadlines", _("Hạn nộp theo cấp")), ("submissions", _("Báo cáo"))],
                "detail_template": "reporting/reportingperiod_detail.html"})
register(PeriodDeadline, filterset=PeriodDeadlineFilterSet, table=PeriodDeadlineTable, form=PeriodDeadlineForm,
         serializer=PeriodDeadlineSerializer)
register(ReportForm, filterset=ReportFormFilterSet, table=ReportFormTable, form=ReportFormForm,
         serializer=ReportFormSerializer,
         # The fields table, without the form's name on each row, and the levels by name: views_detail.py.
         extra={"detail_context": form_detail_context})
register(FormField, filterset=FormFieldFilterSet, table=FormFieldTable, form=FormFieldForm,
         serializer=FormFieldSerializer, extra={"related": [("parts", _("Các ô thành phần"))]})


register(Submission, filterset=SubmissionFilterSet, table=SubmissionTable, form=SubmissionForm,
         serializer=SubmissionSerializer,
         detail_fields=("unit", "period", "form", "status", "submitted_at", "submitted_by", "decided_at",
                        "decided_by", "return_comment", "missing_children_note", "results_text",
                        "difficulties_text", "proposals_text", "next_tasks_text"),
         # Values and history without the report's name on each row, the decisions of the level above:
         # views_detail.py. The fill page (views_fill.py) shows the values beside their pre-filled ones.
         extra={
                "detail_template": "reporting/submission_detail.html",
                "detail_context": submission_detail_context})
register(SubmissionValue, filterset=SubmissionValueFilterSet, table=SubmissionValueTable, form=SubmissionValueForm,
         serializer=SubmissionValueSerializer)
register(SubmissionEvent, filterset=SubmissionEventFilterSet, table=SubmissionEventTable, form=SubmissionEventForm,
         serializer=SubmissionEventSerializer, without=SYSTEM_WRITTEN)
register(ReminderLog, filterset=ReminderLogFilterSet, table=ReminderLogTable, form=ReminderLogForm,
         serializer=ReminderLogSerializer, without=SYSTEM_WRITTEN)
