"""Supervision pages beyond the generated ones: the visit form (add and edit, the checklist in force on the visit
date with pre-computed criteria), the visit page with its results, and overdue follow-ups per unit."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from tretho.core.scoping import CHANGE, VIEW, restrict_choices, user_can
from tretho.core.views import ObjectEditView, ScopedObjectMixin
from tretho.geo.models import AdministrativeUnit

from ..models import ChecklistTemplate, SupervisionVisit
from .actions import do_close_follow_up, do_new_checklist_version
from .filters import OPEN_FOLLOW_UP
from .forms import FollowUpDoneForm, NewVersionForm

PREVIEW_FIELDS = ("group", "date")
OVERDUE_PAGE_SIZE = 50


class VisitEditView(ObjectEditView):
    """Add or edit a visit. Changing the group or the date re-draws the checklist (htmx GET of this page with
    ?group=&date=, only #checklist swapped): the version in force that day, values from the group's records."""

    template_name = "registry/supervision/visit_form.html"

    def get_form(self, obj: Any) -> Any:
        data = self.request.POST if self.request.method == "POST" else None
        initial = {key: self.request.GET[key] for key in PREVIEW_FIELDS if self.request.GET.get(key)}
        return self.registration.form(data, instance=obj, initial=initial, user=self.request.user,
                                      action=self.action)


def visit_detail_context(request: HttpRequest, visit: SupervisionVisit) -> dict[str, Any]:
    results = list(visit.results.select_related("criterion").order_by("criterion__order", "criterion__id"))
    return {"results": results, "template_used": visit.template}


class UnitChoiceForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=AdministrativeUnit.objects.all(), required=False,
                                  label=gettext_lazy("Đơn vị"), empty_label=gettext_lazy("Tất cả đơn vị của tôi"),
                                  widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["unit"]
        restrict_choices(field, user)
        # Provinces and districts (as the lists' "Thuộc" filter); the page counts per commune itself.
        field.queryset = field.queryset.filter(level__lte=2).order_by("path")


class OverdueFollowUpsView(ScopedObjectMixin, View):
    """Recommendations whose follow-up deadline has passed and that are not done, within the user's units (or one
    chosen unit's subtree), oldest deadline first, with a count per commune. Those who may change a visit mark it
    done here."""

    template_name = "registry/supervision/overdue.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        form = UnitChoiceForm(request.GET or None, user=request.user)
        visits = SupervisionVisit.objects.restrict(request.user, VIEW).filter(
            follow_up_status__in=OPEN_FOLLOW_UP, follow_up_deadline__lt=today)
        unit = None
        if form.is_valid() and form.cleaned_data["unit"]:
            unit = form.cleaned_data["unit"]
            visits = visits.filter(group__unit__path__startswith=unit.path)
        per_unit = list(visits.values("group__unit__name", "group__unit__pk").annotate(count=Count("pk"))
                        .order_by("-count", "group__unit__name"))
        page = Paginator(visits.select_related("group__unit").order_by("follow_up_deadline", "id"),
                         OVERDUE_PAGE_SIZE).get_page(request.GET.get("page"))
        rows = [{"visit": visit, "days": (today - visit.follow_up_deadline).days,
                 "can_close": user_can(request.user, CHANGE, visit),
                 "form": FollowUpDoneForm(initial={"done_on": today, "version": visit.version},
                                          prefix=f"v{visit.pk}")}
                for visit in page.object_list]
        query = request.GET.copy()
        query.pop("page", None)
        return render(request, self.template_name, self.base_context() | {
            "form": form, "unit": unit, "per_unit": per_unit, "page": page, "rows": rows, "today": today,
            "total": page.paginator.count, "query": query.urlencode()})


class FollowUpDoneView(ScopedObjectMixin, View):
    """POST: the visit's recommendations are carried out (do_close_follow_up); back to the overdue list."""

    action = CHANGE
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        visit: Any = self.get_object()
        form = FollowUpDoneForm(request.POST, prefix=f"v{visit.pk}")
        back = request.POST.get("next") or reverse("registry:visit_overdue")
        if not back.startswith("/") or back.startswith("//"):
            back = reverse("registry:visit_overdue")
        if not form.is_valid():
            messages.error(request, _("Ngày khắc phục xong không hợp lệ (dd/mm/yyyy)."))
            return HttpResponseRedirect(back)
        try:
            do_close_follow_up(visit, form.cleaned_data["done_on"], version=form.cleaned_data["version"],
                               acting_user=request.user)
        except PermissionDenied:
            raise Http404(_("Không tìm thấy.")) from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã ghi nhận khắc phục xong: %(visit)s.") % {"visit": visit})
        return HttpResponseRedirect(back)


def checklist_detail_context(request: HttpRequest, template: ChecklistTemplate) -> dict[str, Any]:
    can = user_can(request.user, CHANGE, template)
    return {"new_version_url": reverse("registry:checklisttemplate_new_version", args=[template.pk]) if can else None}


class NewChecklistVersionView(ScopedObjectMixin, View):
    """"Tạo phiên bản mới": the rules changed; copy the template and its criteria from a date (then edit them)."""

    action = CHANGE
    template_name = "registry/supervision/checklist_new_version.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        template: Any = self.get_object()
        return self.render_form(template, NewVersionForm())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        template: Any = self.get_object()
        form = NewVersionForm(request.POST)
        if form.is_valid():
            try:
                new = do_new_checklist_version(template, acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    for problem in problems:
                        form.add_error(field if field in form.fields else None, problem)
            else:
                messages.success(request, _("Đã tạo %(template)s; phiên bản trước áp dụng đến %(date)s.") % {
                    "template": new, "date": template.effective_to.strftime("%d/%m/%Y")})
                return HttpResponseRedirect(new.get_absolute_url())
        return self.render_form(template, form, status=400)

    def render_form(self, template: ChecklistTemplate, form: NewVersionForm, status: int = 200) -> HttpResponse:
        return render(self.request, self.template_name, self.base_context() | {
            "object": template, "form": form, "cancel_url": template.get_absolute_url()}, status=status)
