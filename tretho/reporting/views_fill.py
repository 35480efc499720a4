"""Filling and deciding a report: the list of a user's reports to make and to decide, opening (creating and
pre-filling) a report, the fill page (values beside their pre-filled values and errors, narratives, submit) and
the decisions of the level above (accept, return, reopen), with the workflow history.

Every page reads through `Submission.objects.restrict()` (out of scope: 404) and writes through one action of
reporting.actions (do_save_values, do_submit, do_accept, do_return, do_reopen) or reporting.prefill."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from tretho.core.scoping import ADD, VIEW, sees_personal_data, user_can
from tretho.core.views import SCOPE_RESTRICT, get_in_scope_or_404
from tretho.geo.models import AdministrativeUnit

from . import actions, prefill
from .choices import SubmissionStatus
from .forms_fill import (
    SAVE,
    SUBMIT,
    DecisionForm,
    StartForm,
    SubmissionFillForm,
    current_problems,
    form_fields,
    stored_values,
)
from .models import ReportForm, ReportingPeriod, Submission

STATUS_BADGES: dict[str, str] = {
    SubmissionStatus.DRAFT: "secondary",
    SubmissionStatus.SUBMITTED: "primary",
    SubmissionStatus.RETURNED: "warning",
    SubmissionStatus.ACCEPTED: "success",
}
PENDING_LIMIT = 100


def error_messages(error: ValidationError | PermissionDenied) -> list[str]:
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        return [message for messages_ in error.message_dict.values() for message in messages_]
    return list(getattr(error, "messages", None) or [str(error)])


def fill_url(submission: Submission) -> str:
    return reverse("reporting:submission_fill", args=[submission.pk])


class SubmissionPageMixin(LoginRequiredMixin):
    """A page about one submission: fetched through restrict(), 404 (and a logged denial) outside the scope."""

    scoped_by = SCOPE_RESTRICT
    request: HttpRequest
    kwargs: dict[str, Any]

    def get_submission(self, action: str = VIEW) -> Submission:
        pk = self.kwargs["pk"]
        queryset = Submission.objects.restrict(self.request.user, action).select_related(
            "unit", "period__programme", "form", "submitted_by", "decided_by")
        return get_in_scope_or_404(self.request, queryset, pk)


def is_editable(user: Any, submission: Submission) -> bool:
    return (submission.status in actions.EDITABLE and not submission.period.is_closed
            and actions.may_submit(user, submission))


def lock_reason(submission: Submission, *, decider: bool = False) -> str:
    """Why the values cannot be changed now, and who can change that (DESIGN.md: the UI says why). `decider`:
    the reader is the level above, who is told what they may do rather than to wait for themselves."""
    if submission.status == SubmissionStatus.ACCEPTED:
        if decider:
            return _("Báo cáo đã được duyệt nên bị khóa. Bạn có thể mở lại (ghi lý do) để đơn vị sửa.")
        return _("Báo cáo đã được duyệt nên bị khóa. Cấp trên trực tiếp có thể mở lại (ghi lý do) để sửa.")
    if submission.status == SubmissionStatus.SUBMITTED:
        if decider:
            return _("Báo cáo đang chờ bạn duyệt: xem số liệu rồi bấm Duyệt, hoặc Trả lại kèm ý kiến để đơn vị sửa.")
        return _("Báo cáo đã gửi, đang chờ cấp trên duyệt. Cấp trên có thể trả lại để sửa.")
    if submission.period.is_closed:
        return _("Kỳ báo cáo đã khóa. Người quản lý đề án có thể mở lại kỳ.")
    return ""


def deadline_info(submission: Submission) -> dict[str, Any]:
    deadline = submission.period.deadline_for(submission.unit.level)
    sent = timezone.localtime(submission.submitted_at).date() if submission.submitted_at else None
    return {"deadline": deadline,
            "late": bool(deadline and ((sent and sent > deadline) or (not sent and timezone.localdate() > deadline))),
            "sent_on": sent}


def events_with_actors(user: Any, submission: Submission) -> list[tuple[Any, str]]:
    """The workflow history with who acted: a person's name is personal data, so viewers see it masked."""
    names = sees_personal_data(user)
    events = submission.events.select_related("actor").order_by("at", "pk")  # type: ignore[attr-defined]
    return [(event, (str(event.actor) if names else _("(đã ẩn)")) if event.actor else "") for event in events]


class SubmissionFillView(SubmissionPageMixin, View):
    """The report: values (pre-filled ones with the records' value and the reason for a change), the form's
    rules checked beside each field, narratives, then save, refresh the pre-fill, or submit; for the level
    above, accept / return / reopen; the workflow history."""

    def context(self, submission: Submission, form: SubmissionFillForm | None, problems: dict | None = None
                ) -> dict[str, Any]:
        user = self.request.user
        fields = form.form_fields if form else form_fields(submission)
        stored = form.stored if form else stored_values(submission)
        if form is None:
            form = SubmissionFillForm(submission=submission, fields=fields, stored=stored)
        problems = problems if problems is not None else {}
        sections = [(title, [(row, problems.get(row.field.pk, [])) for row in rows]) for title, rows in form.rows()]
        may_decide = actions.may_decide(user, submission)
        children = actions.expected_children(submission)
        missing = actions.missing_children(submission) if children else []
        lower = []
        if children:
            reports = {s.unit_id: s for s in Submission.objects.restrict(user, VIEW).filter(
                period_id=submission.period_id, unit__in=children).select_related("form")}
            lower = [(child, reports.get(child.pk)) for child in children]
        return {
            "object": submission, "submission": submission, "form": form, "sections": sections,
            "editable": is_editable(user, submission), "lock_reason": lock_reason(submission, decider=may_decide),
            "status_badge": STATUS_BADGES.get(submission.status, "secondary"),
            "can_accept": may_decide and submission.status == SubmissionStatus.SUBMITTED,
            "can_return": may_decide and submission.status == SubmissionStatus.SUBMITTED,
            "can_reopen": may_decide and submission.status == SubmissionStatus.ACCEPTED,
            "decision_form": DecisionForm(),
            "events": events_with_actors(user, submission),
            "missing_children": missing, "lower_reports": lower, "has_children": bool(children),
            "prefill_count": sum(1 for f in fields if f.prefill_metric_id is not None),
            "list_url": reverse("reporting:my_reports"),
            "verbose_name_plural": Submission._meta.verbose_name_plural,
        } | deadline_info(submission)

    def page(self, submission: Submission, form: SubmissionFillForm | None = None, status: int = 200,
             problems: dict | None = None) -> HttpResponse:
        return render(self.request, "reporting/submission_fill.html", self.context(submission, form, problems),
                      status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        submission = self.get_submission()
        fields, stored = form_fields(submission), stored_values(submission)
        # Saved values that break the form's rules are shown beside their fields before anyone submits; empty
        # required fields only once the officer saved (the redirect after a save says ?checked=1) or was
        # refused a submit, or the report came back returned.
        shown = request.GET.get("checked") == "1" or submission.status == SubmissionStatus.RETURNED
        problems = current_problems(fields, stored, required=shown) if stored else {}
        form = SubmissionFillForm(submission=submission, fields=fields, stored=stored)
        return self.page(submission, form, problems=problems)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        submission = self.get_submission()
        action = request.POST.get("action", SAVE)
        if not is_editable(request.user, submission):
            if not actions.may_submit(request.user, submission):
                raise PermissionDenied(_("Bạn không có quyền sửa báo cáo này."))
            messages.error(request, lock_reason(submission) or _("Báo cáo này không sửa được."))
            return self.page(submission, status=409)
        if action == "prefill":
            return self.refresh_prefill(submission)
        mode = SUBMIT if action == "submit" else SAVE
        fields, stored = form_fields(submission), stored_values(submission)
        form = SubmissionFillForm(request.POST, submission=submission, fields=fields, stored=stored, mode=mode)
        if not form.is_valid():
            messages.error(request, _("Chưa lưu được: xem các lỗi ghi bên cạnh từng ô.") if mode == SAVE else
                           _("Chưa gửi được: xem các lỗi ghi bên cạnh từng ô."))
            return self.page(submission, form, status=400)
        try:
            actions.do_save_values(submission, acting_user=request.user, values=form.values(),
                                   reasons=form.reasons(), narratives=form.narratives())
        except ValidationError as error:
            self.add_field_errors(form, error)
            return self.page(submission, form, status=400)
        if mode == SUBMIT:
            try:
                actions.do_submit(submission, acting_user=request.user,
                                  missing_note=form.cleaned_data.get("missing_children_note", ""))
            except ValidationError as error:
                for message in error_messages(error):
                    messages.error(request, message)
                form = SubmissionFillForm(submission=submission, fields=fields, stored=stored_values(submission))
                return self.page(submission, form, status=400, problems=actions.validation.validate_submission(
                    submission))
            messages.success(request, _("Đã gửi báo cáo lên cấp trên."))
        else:
            messages.success(request, _("Đã lưu bản nháp."))
            return HttpResponseRedirect(f"{fill_url(submission)}?checked=1")
        return HttpResponseRedirect(fill_url(submission))

    def refresh_prefill(self, submission: Submission) -> HttpResponse:
        try:
            found = prefill.do_prefill(submission, acting_user=self.request.user)
        except ValidationError as error:
            for message in error_messages(error):
                messages.error(self.request, message)
            return self.page(submission, status=400)
        if found:
            messages.success(self.request, _("Đã cập nhật %(count)s ô từ số liệu tự động; các ô đã sửa có lý do "
                                             "được giữ nguyên.") % {"count": len(found)})
        else:
            messages.info(self.request, _("Mẫu báo cáo này không có ô nào điền sẵn từ số liệu tự động."))
        return HttpResponseRedirect(fill_url(submission))

    @staticmethod
    def add_field_errors(form: SubmissionFillForm, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for key, errors in error.message_dict.items():
                name = f"reason_{key}" if f"reason_{key}" in form.fields else (
                    f"value_{key}" if f"value_{key}" in form.fields else None)
                for message in errors:
                    form.add_error(name, message)
        else:
            for message in error_messages(error):
                form.add_error(None, message)


class SubmissionCheckView(SubmissionPageMixin, View):
    """The form's rules on the values being typed, before anything is saved (htmx, on change): each field's
    messages replace those beside it. Nothing is written."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        submission = self.get_submission()
        if not is_editable(request.user, submission):
            raise PermissionDenied(_("Bạn không có quyền sửa báo cáo này."))
        form = SubmissionFillForm(request.POST, submission=submission, fields=form_fields(submission),
                                  stored=stored_values(submission), mode=SAVE)
        form.is_valid()
        sections = [(title, [(row, []) for row in rows]) for title, rows in form.rows()]
        return render(request, "reporting/submission_fill_check.html", {"sections": sections})


class SubmissionDecisionView(SubmissionPageMixin, View):
    """Accept, return (with a comment) or reopen (with a reason): the level directly above."""

    http_method_names = ["post"]
    DECISIONS = ("accept", "return", "reopen")

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        submission = self.get_submission()
        decision = request.POST.get("decision", "")
        if decision not in self.DECISIONS:
            raise Http404(_("Không tìm thấy."))
        form = DecisionForm(request.POST)
        comment = form.cleaned_data["comment"] if form.is_valid() else ""
        if not actions.may_decide(request.user, submission):
            raise PermissionDenied(_("Chỉ cấp trên trực tiếp được duyệt, trả lại hoặc mở lại báo cáo này."))
        try:
            if decision == "accept":
                actions.do_accept(submission, acting_user=request.user, comment=comment)
            elif decision == "return":
                actions.do_return(submission, acting_user=request.user, comment=comment)
            else:
                actions.do_reopen(submission, acting_user=request.user, reason=comment)
        except ValidationError as error:
            for message in error_messages(error):
                messages.error(request, message)
            return HttpResponseRedirect(fill_url(submission))
        done = {"accept": _("Đã duyệt báo cáo; số liệu đã được cộng vào tổng hợp các cấp."),
                "return": _("Đã trả lại báo cáo cho đơn vị."),
                "reopen": _("Đã mở lại báo cáo; số liệu đã được trừ khỏi tổng hợp các cấp.")}[decision]
        messages.success(request, done)
        return HttpResponseRedirect(fill_url(submission))


# -- the list of reports to make and to decide ------------------------------------------------------------------


def reporting_units(user: Any) -> list[AdministrativeUnit]:
    """The units the user reports for: those of their assignments with the right to add reports."""
    if not getattr(user, "is_authenticated", False):
        return []
    units = []
    for assignment in user.role_assignments.select_related("role", "unit").order_by("unit__level", "unit__sort_key"):
        probe = Submission(unit=assignment.unit)
        if assignment.unit not in units and user_can(user, ADD, probe):
            units.append(assignment.unit)
    return units


def reports_to_make(user: Any) -> list[dict[str, Any]]:
    """For each unit the user reports for: every open period of the programmes whose forms its level uses, in
    which the unit is in force at the period's end, with the report if it exists."""
    rows = []
    forms = list(ReportForm.objects.restrict(user, VIEW).filter(is_active=True).select_related("programme"))
    for unit in reporting_units(user):
        unit_forms = [form for form in forms if form.used_at_level(unit.level)]
        if not unit_forms:
            continue
        periods = (ReportingPeriod.objects.restrict(user, VIEW).filter(
            is_closed=False, programme__in={form.programme_id for form in unit_forms})
            .filter(Q(end__gte=unit.valid_from) if unit.valid_from else Q())
            .filter(Q(end__lte=unit.valid_to) if unit.valid_to else Q())
            .select_related("programme").prefetch_related("deadlines").order_by("-end", "programme__code"))
        existing = {(s.period_id, s.form_id): s for s in Submission.objects.filter(unit=unit)}
        for period in periods:
            for form in unit_forms:
                if form.programme_id != period.programme_id:
                    continue
                rows.append({"unit": unit, "period": period, "form": form,
                             "submission": existing.get((period.pk, form.pk)),
                             "deadline": period.deadline_for(unit.level)})
    return rows


def reports_to_decide(user: Any) -> list[Submission]:
    """Submitted reports in the user's scope that they may accept or return (the level directly above)."""
    candidates = (Submission.objects.restrict(user, VIEW).filter(status=SubmissionStatus.SUBMITTED)
                  .select_related("unit__parent", "period__programme", "form").order_by("submitted_at")[:PENDING_LIMIT])
    return [submission for submission in candidates if actions.may_decide(user, submission)]


class MyReportsView(LoginRequiredMixin, View):
    """"Báo cáo của tôi": the reports to make for the user's units, and those waiting for their decision."""

    scoped_by = SCOPE_RESTRICT

    def get(self, request: HttpRequest) -> HttpResponse:
        rows = reports_to_make(request.user)
        for row in rows:
            submission = row["submission"]
            row["badge"] = STATUS_BADGES.get(submission.status) if submission else None
        return render(request, "reporting/submission_list.html", {
            "rows": rows, "pending": reports_to_decide(request.user), "badges": STATUS_BADGES,
        })


class StartSubmissionView(LoginRequiredMixin, View):
    """Open the unit's report for a period and form: created as a draft and pre-filled when new."""

    scoped_by = SCOPE_RESTRICT
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        form = StartForm(request.POST)
        if not form.is_valid():
            raise Http404(_("Không tìm thấy."))
        user = request.user
        try:
            unit = AdministrativeUnit.objects.restrict(user, VIEW).get(pk=form.cleaned_data["unit"])
            period = ReportingPeriod.objects.restrict(user, VIEW).get(pk=form.cleaned_data["period"])
            report_form = ReportForm.objects.restrict(user, VIEW).get(pk=form.cleaned_data["form"])
        except (AdministrativeUnit.DoesNotExist, ReportingPeriod.DoesNotExist, ReportForm.DoesNotExist):
            raise Http404(_("Không tìm thấy.")) from None
        try:
            submission, created = prefill.do_start_prefilled(unit, period, report_form, acting_user=user)
        except ValidationError as error:
            for message in error_messages(error):
                messages.error(request, message)
            return HttpResponseRedirect(reverse("reporting:my_reports"))
        if created:
            messages.success(request, _("Đã tạo báo cáo nháp; các ô có số liệu tự động đã được điền sẵn."))
        return HttpResponseRedirect(fill_url(submission))
