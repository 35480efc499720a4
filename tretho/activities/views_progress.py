"""Pages of task progress and meeting follow-ups:

- a task's progress page (its state, the activities carrying it out, its completion and that completion's history),
  with "Xác nhận hoàn thành" and "Bỏ xác nhận" for those `progress.may_mark` allows;
- the completion's page (evidence, attachments, history);
- open follow-up items of meetings in the user's units, overdue first, each closable where the user may change it.

Hand-written rather than registered with the generic machinery: who may mark a task done is not the plain scope
rule (the task's lead agency, see tretho.activities.progress). Tasks are read through
`PlanTask.objects.restrict(user, VIEW)` (404 out of scope); a user who reads the task but may not mark it gets 403.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, Count, F, IntegerField, Value, When
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from tretho.core.history import field_changes
from tretho.core.scoping import CHANGE, VIEW
from tretho.core.views import SCOPE_RESTRICT, get_in_scope_or_404
from tretho.programmes.models import PlanTask
from tretho.registry.models import SupervisionVisit
from tretho.registry.supervision.views import UnitChoiceForm

from . import progress
from .choices import FollowUpState
from .forms_progress import CompletionForm, FollowUpDoneForm
from .models import MeetingFollowUp, TaskCompletion

FOLLOW_UP_PAGE_SIZE = 50


def url_or_none(name: str, *args: Any) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def safe_next(request: HttpRequest, default: str) -> str:
    back = request.POST.get("next") or ""
    return back if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()},
                                                   require_https=request.is_secure()) else default


class ScopedPage(LoginRequiredMixin, View):
    """A page reading one scoped row through a restricted queryset: 404 (and a logged attempt) out of scope."""

    scoped_by = SCOPE_RESTRICT
    request: HttpRequest

    def fetch(self, queryset: models.QuerySet, pk: int) -> Any:
        return get_in_scope_or_404(self.request, queryset, pk)

    def task(self, pk: int) -> PlanTask:
        tasks = PlanTask.objects.restrict(self.request.user, VIEW).select_related(
            "plan__unit", "lead_agency", "parent__lead_agency", "parent__parent__lead_agency")
        return self.fetch(tasks, pk)

    def completion(self, pk: int) -> TaskCompletion:
        completions = TaskCompletion.objects.filter(
            task__in=PlanTask.objects.restrict(self.request.user, VIEW).values("pk")).select_related(
            "task__plan__unit", "task__lead_agency", "task__parent__lead_agency", "marked_by")
        return self.fetch(completions, pk)


def task_activities(task: PlanTask, user: Any) -> list[dict[str, Any]]:
    """Per activity kind, the activities the user may read that name the task or one of its sub-items."""
    groups = []
    match = models.Q()
    for depth in range(progress.SUBTASK_DEPTH):
        match |= models.Q(**{"tasks" + "__parent" * depth: task})
    for model in progress.PROGRESS_MODELS:
        unit = "group__unit" if model is SupervisionVisit else "unit"
        rows = list(model.objects.restrict(user, VIEW).filter(
            pk__in=model.objects.filter(match).values("pk")).select_related(unit).order_by(
            F(model.date_field).desc(), "pk"))
        if rows:
            name = model._meta.model_name
            list_url = url_or_none(f"activities:{name}_list")
            groups.append({"name": name, "label": model._meta.verbose_name_plural, "rows": rows,
                           "list_url": f"{list_url}?task={task.pk}" if list_url else None})
    return groups


def completion_history(task: PlanTask, user: Any) -> list[dict[str, Any]]:
    """Every mark and undo of the task, newest first (a deleted completion stays in its history)."""
    records = TaskCompletion.history.filter(task_id=task.pk).select_related("history_user").order_by(
        "-history_date", "-history_id")
    return [{"record": record, "changes": field_changes(record)} for record in records]


class TaskProgressView(ScopedPage):
    """A task's progress: state, activities, completion and its history, and the marking buttons."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        task = self.task(pk)
        state = progress.task_progress([task], user=request.user)[task.pk]
        lead, lead_name = progress.effective_lead(task)
        return render(request, "activities/progress/task_progress.html", {
            "task": task, "object": task, "state": state, "lead_name": lead_name,
            "groups": task_activities(task, request.user),
            "completion": getattr(task, "completion", None) if state.completion else None,
            "can_mark": progress.may_mark(request.user, task),
            "history": completion_history(task, request.user),
            "plan_url": reverse("programmes:plan_detail", args=[task.plan_id]),
        })


class TaskCompleteView(ScopedPage):
    """"Xác nhận hoàn thành": the form (GET) and the mark (POST)."""

    def allowed_task(self, pk: int) -> PlanTask:
        task = self.task(pk)
        if not progress.may_mark(self.request.user, task):
            raise PermissionDenied(_("Chỉ cơ quan chủ trì nhiệm vụ hoặc người quản lý kế hoạch được xác nhận."))
        return task

    def form(self, task: PlanTask, data: Any = None) -> CompletionForm:
        choices = [(f"{group['name']}:{row.pk}", row) for group in task_activities(task, self.request.user)
                   for row in group["rows"]]
        return CompletionForm(data, activities=choices, initial={"done_on": timezone.localdate()})

    def render_form(self, task: PlanTask, form: CompletionForm, status: int = 200) -> HttpResponse:
        return render(self.request, "activities/progress/task_complete.html", {
            "task": task, "object": task, "form": form,
            "progress_url": reverse("activities:task_progress", args=[task.pk])}, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        task = self.allowed_task(pk)
        if hasattr(task, "completion"):
            return HttpResponseRedirect(task.completion.get_absolute_url())
        return self.render_form(task, self.form(task))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        task = self.allowed_task(pk)
        form = self.form(task, request.POST)
        if form.is_valid():
            try:
                completion = progress.do_mark_done(task, done_on=form.cleaned_data["done_on"],
                                                   evidence=form.evidence_text(), acting_user=request.user)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Đã xác nhận hoàn thành nhiệm vụ."))
                return HttpResponseRedirect(completion.get_absolute_url())
        return self.render_form(task, form, status=400)


class CompletionDetailView(ScopedPage):
    """A completion: the task, the day, the evidence, who marked it, its attachments and history."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        completion = self.completion(pk)
        task = completion.task
        return render(request, "activities/progress/completion_detail.html", {
            "completion": completion, "object": completion, "task": task,
            "can_mark": progress.may_mark(request.user, task),
            "progress_url": reverse("activities:task_progress", args=[task.pk]),
            "history": completion_history(task, request.user),
        })


class CompletionUndoView(ScopedPage):
    """"Bỏ xác nhận" (POST): the task is no longer done; back to its progress page."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        completion = self.completion(pk)
        task = completion.task
        if not progress.may_mark(request.user, task):
            raise PermissionDenied(_("Chỉ cơ quan chủ trì nhiệm vụ hoặc người quản lý kế hoạch được bỏ xác nhận."))
        progress.do_undo_done(completion, acting_user=request.user)
        messages.success(request, _("Đã bỏ xác nhận hoàn thành nhiệm vụ."))
        return HttpResponseRedirect(reverse("activities:task_progress", args=[task.pk]))


# -- meeting follow-ups ------------------------------------------------------------------------------------------

class FollowUpOverdueView(ScopedPage):
    """Open follow-up items of meetings in the user's units (or one chosen unit's subtree): overdue first, oldest
    deadline first, then those without a deadline; a count of overdue items per unit. Those who may change a
    meeting close its items here."""

    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        form = UnitChoiceForm(request.GET or None, user=request.user)
        items = MeetingFollowUp.objects.restrict(request.user, VIEW).filter(state=FollowUpState.OPEN)
        unit = None
        if form.is_valid() and form.cleaned_data["unit"]:
            unit = form.cleaned_data["unit"]
            items = items.filter(meeting__unit__path__startswith=unit.path)
        overdue = items.filter(deadline__lt=today)
        per_unit = list(overdue.values("meeting__unit__name", "meeting__unit__pk").annotate(count=Count("pk"))
                        .order_by("-count", "meeting__unit__sort_key", "meeting__unit__pk"))
        ordered = items.select_related("meeting__unit", "owner_agency").annotate(
            late=Case(When(deadline__lt=today, then=Value(0)), default=Value(1), output_field=IntegerField()),
        ).order_by("late", F("deadline").asc(nulls_last=True), "id")
        page = Paginator(ordered, FOLLOW_UP_PAGE_SIZE).get_page(request.GET.get("page"))
        changeable = set(MeetingFollowUp.objects.restrict(request.user, CHANGE).filter(
            pk__in=[item.pk for item in page.object_list]).values_list("pk", flat=True))
        rows = [{"item": item, "overdue": item.late == 0,
                 "days": (today - item.deadline).days if item.deadline and item.late == 0 else 0,
                 "meeting_url": url_or_none("activities:meeting_detail", item.meeting_id),
                 "can_close": item.pk in changeable,
                 "form": FollowUpDoneForm(initial={"done_on": today, "version": item.version},
                                          prefix=f"f{item.pk}")}
                for item in page.object_list]
        query = request.GET.copy()
        query.pop("page", None)
        return render(request, "activities/progress/followup_overdue.html", {
            "form": form, "unit": unit, "per_unit": per_unit, "page": page, "rows": rows, "today": today,
            "total": page.paginator.count, "overdue_total": overdue.count(), "query": query.urlencode()})


class FollowUpDoneView(ScopedPage):
    """POST: a follow-up item is done (state, day, result); back to the list."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        item: MeetingFollowUp = self.fetch(MeetingFollowUp.objects.restrict(request.user, CHANGE), pk)
        back = safe_next(request, reverse("activities:followup_overdue"))
        form = FollowUpDoneForm(request.POST, prefix=f"f{item.pk}")
        if not form.is_valid():
            for errors in form.errors.values():
                messages.error(request, " ".join(str(error) for error in errors))
            return HttpResponseRedirect(back)
        try:
            progress.do_close_follow_up(item, done_on=form.cleaned_data["done_on"], result=form.cleaned_data["result"],
                               version=form.cleaned_data["version"], acting_user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã ghi nhận hoàn thành: %(item)s.") % {"item": item})
        return HttpResponseRedirect(back)

