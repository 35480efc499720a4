"""A training's participants from Excel: the template to fill in and the import page (a dry run to check, then the
import; all or nothing; errors listed by row, column, value and reason, or downloaded as a workbook). Only users
who may change the training: out of their scope it does not exist (404); in it but read-only, refused (403)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from tretho.core.scoping import CHANGE, VIEW, sees_personal_data, user_can
from tretho.core.views import SCOPE_RESTRICT, get_in_scope_or_404
from tretho.documents.xlsx import errors_workbook
from tretho.registry.views_import import SHOWN_ERRORS, RegistryImportForm, download

from . import spreadsheets
from .models import Training

ImportForm = RegistryImportForm  # the same upload: an Excel file and "only check"


def importable_training(request: HttpRequest, pk: int) -> Training:
    """The training, when the user may change it; 404 out of scope (as missing), 403 when only viewing."""
    user = request.user
    training = get_in_scope_or_404(request, Training.objects.restrict(user, VIEW).select_related("unit"), pk)
    if not user_can(user, CHANGE, training) or not sees_personal_data(user):
        raise PermissionDenied(_("Bạn không có quyền nhập danh sách người tham dự của lớp tập huấn này."))
    return training


class _ParticipantImportPage(LoginRequiredMixin, View):
    scoped_by = SCOPE_RESTRICT  # the training through Training.objects.restrict(); people through Staff's


class ParticipantTemplateView(_ParticipantImportPage):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        training = importable_training(request, pk)
        return download(spreadsheets.template_workbook(training), "mau-danh-sach-nguoi-tham-du-tap-huan.xlsx")


class ParticipantImportView(_ParticipantImportPage):
    template_name = "activities/import_participants.html"

    def page(self, training: Training, form: Any, report: Any = None, status: int = 200) -> HttpResponse:
        return render(self.request, self.template_name, {
            "training": training, "training_names": Training._meta.verbose_name_plural, "form": form,
            "report": report,
            "shown_errors": report.errors[:SHOWN_ERRORS] if report else [],
            "hidden_errors": max(len(report.errors) - SHOWN_ERRORS, 0) if report else 0,
            "template_url": reverse("activities:participant_template", args=[training.pk]),
        }, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.page(importable_training(request, pk), ImportForm())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        training = importable_training(request, pk)
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.page(training, form, status=400)
        wants_error_file = "errors_file" in request.POST
        report = spreadsheets.import_participants(
            training, form.cleaned_data["file"].read(), acting_user=request.user,
            dry_run=form.cleaned_data["dry_run"] or wants_error_file)
        if wants_error_file and not report.ok:
            return download(errors_workbook(report.errors, _("Lỗi khi nhập danh sách người tham dự tập huấn")),
                            "loi-nhap-nguoi-tham-du.xlsx")
        if report.ok and not report.dry_run:
            messages.success(request, report.message)
            return HttpResponseRedirect(training.get_absolute_url())
        return self.page(training, ImportForm() if report.ok else form, report, status=200 if report.ok else 400)
