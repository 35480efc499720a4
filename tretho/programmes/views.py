"""The plan page (sections in the plan's order, with its targets and tasks), issuing and amending, and the
generic edit/delete pages of plans and their parts, which refuse an issued plan and say why."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from tretho.core.scoping import ADD, CHANGE, sees_personal_data, user_can
from tretho.core.views import ObjectDeleteView, ObjectEditView, ScopedObjectMixin

from . import actions, selectors
from .forms import IssuePlanForm
from .models import Plan

PART_PAGES = [  # (url name, button label, section key): "Thêm …" links on the plan page
    ("programmes:planobjective_add", _("Thêm mục tiêu"), "objectives"),
    ("programmes:plantarget_add", _("Thêm chỉ tiêu"), "targets"),
    ("programmes:plantask_add", _("Thêm nhiệm vụ"), "tasks"),
    ("programmes:agencyduty_add", _("Thêm nhiệm vụ của cơ quan"), "organisation"),
    ("programmes:reportingrequirement_add", _("Thêm yêu cầu báo cáo"), "reporting"),
    ("programmes:planrecipient_add", _("Thêm nơi nhận"), "recipients"),
]


def plan_of(obj: Any) -> Plan:
    return obj if isinstance(obj, Plan) else obj.plan


def plan_detail_context(request: HttpRequest, plan: Plan) -> dict[str, Any]:
    """Extra context of the plan page (registered as the Plan detail page's `detail_context`)."""
    full = selectors.load_plan(plan.pk, request.user)
    user = request.user
    can_change = user_can(user, CHANGE, plan)
    add_links = []
    if plan.is_draft and can_change:
        add_links = [(reverse(name) + f"?plan={plan.pk}", label, key) for name, label, key in PART_PAGES]
    sees_signer = sees_personal_data(user)
    return {
        "plan": full,
        "sections": selectors.document_sections(full),
        "bases": selectors.implemented_bases(full),
        "recipients": list(full.recipients.all()),
        "add_links": add_links,
        "can_change": can_change,
        "issue_url": reverse("programmes:plan_issue", args=[plan.pk]) if plan.is_draft and can_change else None,
        "amend_url": (reverse("programmes:plan_amend", args=[plan.pk])
                      if plan.status == "issued" and can_change and user_can(user, ADD, plan) else None),
        "amendments": list(plan.amendments.all()),
        "lower_plans": list(Plan.objects.restrict(user).filter(implements=plan).select_related("unit")),
        "signer_name": full.signer_name if sees_signer else ("•••" if full.signer_name else ""),
        "issue_problems": full.issue_problems() if plan.is_draft else [],
    }


class LockedPlanPageMixin:
    """On an issued plan (or a part of one), edit and delete pages explain the lock instead of a form."""

    request: HttpRequest

    def locked_response(self, obj: Any) -> HttpResponse | None:
        plan = Plan._base_manager.get(pk=plan_of(obj).pk)
        if not plan.is_locked:
            return None
        amend_url = None
        if plan.status == "issued" and user_can(self.request.user, CHANGE, plan):
            amend_url = reverse("programmes:plan_amend", args=[plan.pk])
        return render(self.request, "programmes/locked.html",
                      {"object": obj, "plan": plan, "reason": plan.locked_reason, "amend_url": amend_url},
                      status=409)


class PlanEditView(LockedPlanPageMixin, ObjectEditView):
    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        obj = self.get_instance()
        return (obj is not None and self.locked_response(obj)) or super().get(request, pk)

    def post(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        obj = self.get_instance()
        return (obj is not None and self.locked_response(obj)) or super().post(request, pk)


class PlanDeleteView(LockedPlanPageMixin, ObjectDeleteView):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.locked_response(self.get_object()) or super().get(request, pk)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.get_object()
        if (locked := self.locked_response(obj)) is not None:
            return locked
        response = super().post(request, pk)
        if response.status_code == 302 and not isinstance(obj, Plan):
            return HttpResponseRedirect(plan_of(obj).get_absolute_url())  # back to the plan it belonged to
        return response


LOCK_AWARE_VIEWS = {"edit": PlanEditView, "delete": PlanDeleteView}


class PlanIssueView(ScopedObjectMixin, View):
    """Record the signed plan as issued: number and date, then it is locked."""

    action = CHANGE
    template_name = "programmes/plan_issue.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.get_object(CHANGE)
        if plan.is_locked:
            return HttpResponseRedirect(plan.get_absolute_url())
        form = IssuePlanForm(initial={"number": plan.number, "issued_on": plan.issued_on})
        return self.render_page(plan, form)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.get_object(CHANGE)
        form = IssuePlanForm(request.POST)
        if form.is_valid():
            try:
                with transaction.atomic():
                    actions.do_issue_plan(plan, acting_user=request.user, number=form.cleaned_data["number"],
                                          date=form.cleaned_data["issued_on"])
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Đã ban hành %(plan)s.") % {"plan": Plan.objects.get(pk=plan.pk)})
                return HttpResponseRedirect(plan.get_absolute_url())
        return self.render_page(plan, form, status=400)

    def render_page(self, plan: Plan, form: IssuePlanForm, status: int = 200) -> HttpResponse:
        context = self.base_context() | {"object": plan, "form": form, "problems": plan.issue_problems()}
        return render(self.request, self.template_name, context, status=status)


class PlanAmendView(ScopedObjectMixin, View):
    """Create the amendment (a new draft) of an issued plan and open it."""

    action = CHANGE

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return HttpResponseRedirect(self.get_object(CHANGE).get_absolute_url())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.get_object(CHANGE)
        try:
            with transaction.atomic():
                amendment = actions.do_create_amendment(plan, acting_user=request.user)
        except (ValidationError, PermissionDenied) as error:
            for message in getattr(error, "messages", [str(error)]):
                messages.error(request, message)
            return HttpResponseRedirect(plan.get_absolute_url())
        messages.success(request, _("Đã tạo bản sửa đổi. Sửa bản dự thảo này rồi ban hành; kế hoạch cũ giữ nguyên."))
        return HttpResponseRedirect(amendment.get_absolute_url())


__all__ = ["LOCK_AWARE_VIEWS", "PlanAmendView", "PlanIssueView", "plan_detail_context"]
