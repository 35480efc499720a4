"""Extra context of the generated detail pages of report forms and submissions (registered as their
`detail_context`): what the generic page cannot know."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_tables2 import RequestConfig

from tretho.core.registry import get_registration
from tretho.core.scoping import VIEW, sees_personal_data
from tretho.core.views import detail_rows

from . import actions
from .choices import SubmissionStatus
from .models import FormField, ReportForm, Submission, SubmissionEvent, SubmissionValue
from .tables import FormFieldOfFormTable, SubmissionEventOfSubmissionTable, SubmissionValueOfSubmissionTable


def form_detail_context(request: HttpRequest, form: ReportForm) -> dict[str, Any]:
    """The form's page: its levels by name, and its fields without the form's own name on every row but with what
    pre-fills each one and which total it is a part of."""
    levels_name = ReportForm._meta.get_field("levels").verbose_name
    fields = [(label, form.levels_label() if label == levels_name else value)
              for label, value in detail_rows(form, get_registration(ReportForm), request.user)]
    rows = form.fields.all() & FormField.objects.restrict(request.user, VIEW)  # type: ignore[attr-defined]
    table = FormFieldOfFormTable(rows, request=request, prefix="fields-")
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    return {"fields": fields, "related_tables": [(_("Các ô báo cáo"), table)]}


def submission_detail_context(request: HttpRequest, submission: Submission) -> dict[str, Any]:
    """The report's page: the level above sees what it may decide (accept / return, or reopen) right here."""
    may_decide = actions.may_decide(request.user, submission)
    values = SubmissionValueOfSubmissionTable(
        submission.values.all() & SubmissionValue.objects.restrict(request.user, VIEW),  # type: ignore[attr-defined]
        request=request, prefix="values-")
    events = SubmissionEventOfSubmissionTable(
        submission.events.all() & SubmissionEvent.objects.restrict(request.user, VIEW),  # type: ignore[attr-defined]
        request=request, prefix="events-",
        # who acted is a person's name: only for roles that may see personal data (as on the fill page)
        exclude=() if sees_personal_data(request.user) else ("actor",))
    RequestConfig(request, paginate={"per_page": 50}).configure(values)
    RequestConfig(request, paginate={"per_page": 20}).configure(events)
    return {
        "related_tables": [(_("Giá trị"), values), (_("Lịch sử xử lý"), events)],
        "can_accept": may_decide and submission.status == SubmissionStatus.SUBMITTED,
        "can_return": may_decide and submission.status == SubmissionStatus.SUBMITTED,
        "can_reopen": may_decide and submission.status == SubmissionStatus.ACCEPTED,
        "may_submit": actions.may_submit(request.user, submission),
    }
