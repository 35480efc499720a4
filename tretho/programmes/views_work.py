"""Pages of the cascade and of a plan's files: the plan tree, creating a lower unit's plan, distributing a target,
copying as next year's plan, the task board by agency, the Word/PDF document and the Excel export, template and
import. Every page reads through restrict() (ScopedObjectMixin.get_object answers 404 out of scope) and writes
through one action."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from tretho.core.scoping import ADD, CHANGE, EXPORT, VIEW, user_can
from tretho.core.views import ScopedObjectMixin
from tretho.documents.pdf import PdfUnavailable, docx_to_pdf, libreoffice_path

from . import board, cascade, spreadsheets
from .document import document_filename, plan_docx, target_text
from .forms_work import BoardFilterForm, DistributeForm, ImportForm, LowerPlanForm
from .models import Plan

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOARD_PAGE_SIZE = 50


def log_export(request: HttpRequest, plan: Plan, kind: str) -> None:
    """Every export is a security event (DESIGN.md): who took which plan's file, never its content."""
    from tretho.accounts.choices import SecurityEventKind
    from tretho.accounts.signals import record_event

    record_event(SecurityEventKind.EXPORT, request, request.user, model="programmes.plan", object_pk=plan.pk,
                 format=kind)


def download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"  # the signer's name is personal data
    return response


def plain(value: Decimal) -> Decimal:
    """12.00 → 12, 2.50 → 2.5: a share written as people write it."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def error_messages(error: Exception) -> list[str]:
    return list(getattr(error, "messages", None) or [str(error)])


class PlanPageMixin(ScopedObjectMixin):
    """A page about one plan (routed with `.for_model(Plan)`), with the plan as `object` for the breadcrumbs."""

    def page(self, template: str, plan: Any, status: int = 200, **context: Any) -> HttpResponse:
        return render(self.request, f"programmes/work/{template}", self.base_context() | {
            "object": plan, "plan": plan} | context, status=status)


class PlanTreeView(PlanPageMixin, View):
    """Province → lower units: the plans implementing this one (and theirs), each with its status."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.get_object(VIEW)
        return self.page("plan_tree.html", plan, tree=cascade.plan_tree(plan, request.user),
                         can_create_lower=cascade.lower_units(plan, request.user).exists())


class CreateLowerPlanView(PlanPageMixin, View):
    """Make the draft of a lower unit from this plan (the unit chosen among those the user may plan for)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.get_object(VIEW)
        return self.page("create_lower.html", plan, form=LowerPlanForm(plan=plan, user=request.user))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.get_object(VIEW)
        form = LowerPlanForm(request.POST, plan=plan, user=request.user)
        if form.is_valid():
            try:
                lower = cascade.do_create_lower_plan(plan, form.cleaned_data["unit"], acting_user=request.user)
            except (ValidationError, PermissionDenied) as error:
                for message in error_messages(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("Đã tạo bản dự thảo kế hoạch của %(unit)s từ kế hoạch cấp trên.") % {
                    "unit": lower.unit})
                return HttpResponseRedirect(lower.get_absolute_url())
        return self.page("create_lower.html", plan, status=400, form=form)


class CopyNextYearView(PlanPageMixin, View):
    """Copy the plan, with every part, as the draft of the next year (or span) for the same unit."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.get_object(ADD)
        years = plan.end_year - plan.start_year + 1
        start, end = plan.start_year + years, plan.end_year + years
        # Years as text: a number in a template would be written 2.018.
        return self.page("copy_next_year.html", plan, next_span=str(start) if start == end else f"{start}–{end}")

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.get_object(ADD)
        try:
            copy = cascade.do_copy_as_next_year(plan, acting_user=request.user)
        except (ValidationError, PermissionDenied) as error:
            for message in error_messages(error):
                messages.error(request, message)
            return HttpResponseRedirect(plan.get_absolute_url())
        messages.success(request, _("Đã tạo bản dự thảo %(span)s từ kế hoạch này.") % {"span": copy.span_label})
        return HttpResponseRedirect(copy.get_absolute_url())


class DistributeTargetView(ScopedObjectMixin, View):
    """Split an upper target among the lower plans (routed with `.for_model(PlanTarget)`), with the warnings."""

    def context(self, target: Any, form: DistributeForm | None) -> dict[str, Any]:
        plan = target.plan
        return self.base_context() | {
            "object": target, "target": target, "plan": plan, "form": form,
            "share": cascade.is_share(target),
            "total": plain(sum((row["value"] for row in form.rows if row["value"] is not None), Decimal(0))
                           ) if form else 0,
            "warnings": cascade.distribution_warnings(plan),
        }

    def make_form(self, target: Any, data: Any = None) -> DistributeForm:
        rows = cascade.distribution_rows(target, self.request.user)
        return DistributeForm(data, target=target, rows=rows, user=self.request.user)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        target = self.get_object(VIEW)
        return render(request, "programmes/work/distribute.html", self.context(target, self.make_form(target)))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        target = self.get_object(VIEW)
        form = self.make_form(target, request.POST)
        if form.is_valid():
            try:
                cascade.distribute_target(target, form.shares(), acting_user=request.user)
            except (ValidationError, PermissionDenied) as error:
                for message in error_messages(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("Đã lưu phân bổ chỉ tiêu."))
                return HttpResponseRedirect(request.path)
        return render(request, "programmes/work/distribute.html", self.context(target, form), status=400)


class TaskBoardView(ScopedObjectMixin, View):
    """What an agency owes, by when (routed with `.for_model(PlanTask)`): tasks it leads or cooperates in."""

    def get(self, request: HttpRequest) -> HttpResponse:
        data = request.GET.copy()
        mine = board.user_agencies(request.user)
        if "agency" not in data and mine:
            data["agency"] = str(mine[0].pk)  # "my agency" by default
        form = BoardFilterForm(data, user=request.user)
        agency, when = None, board.ALL
        if form.is_valid():
            agency, when = form.cleaned_data["agency"], form.cleaned_data["when"] or board.ALL
        tasks = board.board_tasks(request.user, agency, when)
        page = Paginator(tasks, BOARD_PAGE_SIZE).get_page(request.GET.get("page"))
        query = data.copy()
        query.pop("page", None)
        return render(request, "programmes/work/task_board.html", self.base_context() | {
            "form": form, "agency": agency, "when": when, "page": page, "query": query.urlencode(),
            "rows": board.board_rows(page.object_list, agency), "list_url": None,
        })


class PlanDocxView(PlanPageMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.get_object(EXPORT)
        data = plan_docx(plan)
        log_export(request, plan, "docx")
        return download(data, DOCX_TYPE, document_filename(plan, "docx"))


class PlanPdfView(PlanPageMixin, View):
    """The PDF made from the Word file by LibreOffice; without it, back to the plan page saying so."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.get_object(EXPORT)
        try:
            data = docx_to_pdf(plan_docx(plan))
        except PdfUnavailable as error:
            messages.warning(request, str(error))
            return HttpResponseRedirect(plan.get_absolute_url())
        log_export(request, plan, "pdf")
        return download(data, "application/pdf", document_filename(plan, "pdf"))


class PlanExcelExportView(PlanPageMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.get_object(EXPORT)
        data = spreadsheets.export_workbook(plan)
        log_export(request, plan, "xlsx")
        return download(data, XLSX_TYPE, document_filename(plan, "xlsx").replace(".xlsx", "-chi-tieu-nhiem-vu.xlsx"))


class PlanExcelTemplateView(PlanPageMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.get_object(VIEW)
        return download(spreadsheets.template_workbook(plan), XLSX_TYPE, "mau-nhap-chi-tieu-nhiem-vu.xlsx")


class PlanExcelImportView(PlanPageMixin, View):
    """Upload the filled template: a dry run or the real import, all or nothing, errors listed by row."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.get_object(CHANGE)
        return self.page("excel_import.html", plan, form=ImportForm(), status=409 if plan.is_locked else 200)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.get_object(CHANGE)
        form = ImportForm(request.POST, request.FILES)
        if plan.is_locked or not form.is_valid():
            return self.page("excel_import.html", plan, form=form, status=409 if plan.is_locked else 400)
        report = spreadsheets.import_workbook(plan, form.cleaned_data["file"].read(), acting_user=request.user,
                                              dry_run=form.cleaned_data["dry_run"])
        if report.ok and not report.dry_run:
            messages.success(request, report.message)
        return self.page("excel_import.html", plan, form=ImportForm() if report.ok else form, report=report,
                         status=200 if report.ok else 400)


def plan_actions(user: Any, plan: Plan) -> dict[str, Any]:
    """What the plan page offers from here (programmes/work/_plan_actions.html), for this user and plan."""
    pk = plan.pk
    can_export = user_can(user, EXPORT, plan)
    can_change = plan.is_draft and user_can(user, CHANGE, plan)
    return {
        "plan": plan,
        "tree_url": reverse("programmes:plan_tree", args=[pk]),
        "lower_url": reverse("programmes:plan_create_lower", args=[pk])
        if cascade.lower_units(plan, user).exists() else None,
        "copy_url": reverse("programmes:plan_copy_next_year", args=[pk]) if user_can(user, ADD, plan) else None,
        "docx_url": reverse("programmes:plan_docx", args=[pk]) if can_export else None,
        "pdf_url": reverse("programmes:plan_pdf", args=[pk]) if can_export and libreoffice_path() else None,
        "pdf_unavailable": can_export and libreoffice_path() is None,
        "excel_url": reverse("programmes:plan_excel", args=[pk]) if can_export else None,
        "template_url": reverse("programmes:plan_excel_template", args=[pk]) if can_change else None,
        "import_url": reverse("programmes:plan_excel_import", args=[pk]) if can_change else None,
        "board_url": reverse("programmes:task_board"),
        "distribute_targets": _distributable(user, plan),
        "warnings": cascade.distribution_warnings(plan),
    }


def _distributable(user: Any, plan: Plan) -> list[tuple[Any, str]]:
    """(target, distribute URL) for the plan's count targets, when the user may plan for some lower unit."""
    if not cascade.lower_units(plan, user).exists() and not Plan.objects.restrict(user, CHANGE).filter(
            implements=plan).exists():
        return []
    targets = plan.targets.filter(part_of=None).exclude(value=None).select_related("indicator", "area")
    return [(target_text(target), reverse("programmes:target_distribute", args=[target.pk]))
            for target in targets if not cascade.is_share(target)]
