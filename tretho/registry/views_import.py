"""The registry's Excel pages: the template to fill in and the import (a dry run or the real one, all or nothing,
errors listed by sheet, row, column, value and reason, or downloaded as a workbook). Open to users who may add or
change childcare groups somewhere; the import itself checks every row against the user's communes
(spreadsheets.import_workbook)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from tretho.core.scoping import ADD, CHANGE, scope_for
from tretho.core.views import SCOPE_RESTRICT
from tretho.documents.xlsx import errors_workbook

from . import spreadsheets
from .models import ChildcareGroup

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD_BYTES = 40 * 1024 * 1024  # 20,000 groups with 60,000 people make a 6 MB workbook
SHOWN_ERRORS = 500  # on the page; the downloaded list has them all


class RegistryImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp Excel"), widget=forms.ClearableFileInput(attrs={
        "class": "form-control", "accept": ".xlsx,.xls,.ods"}))
    dry_run = forms.BooleanField(label=gettext_lazy("Chỉ thử (kiểm tra lỗi, không lưu)"), required=False,
                                 widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Tệp lớn hơn %(size)s MB.") % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)})
        return upload


def may_import(user: Any) -> bool:
    return not (scope_for(user, ADD, ChildcareGroup).nothing and scope_for(user, CHANGE, ChildcareGroup).nothing)


def download(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"  # an error list repeats names and phones typed in the file
    return response


class _ImportPage(LoginRequiredMixin, View):
    scoped_by = SCOPE_RESTRICT  # the rows go through the user's ADD/CHANGE scope, commune by commune

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and not may_import(request.user):
            raise PermissionDenied(_("Bạn không có quyền nhập dữ liệu nhóm trẻ."))
        return super().dispatch(request, *args, **kwargs)


class ImportTemplateView(_ImportPage):
    def get(self, request: HttpRequest) -> HttpResponse:
        return download(spreadsheets.template_workbook(request.user), "mau-nhap-nhom-tre.xlsx")


class ImportView(_ImportPage):
    template_name = "registry/import.html"

    def page(self, form: RegistryImportForm, report: Any = None, status: int = 200) -> HttpResponse:
        return render(self.request, self.template_name, {
            "form": form, "report": report, "shown_errors": report.errors[:SHOWN_ERRORS] if report else [],
            "hidden_errors": max(len(report.errors) - SHOWN_ERRORS, 0) if report else 0,
            "sheets": list(spreadsheets.SHEETS),
        }, status=status)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.page(RegistryImportForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = RegistryImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.page(form, status=400)
        wants_error_file = "errors_file" in request.POST
        report = spreadsheets.import_workbook(form.cleaned_data["file"].read(), acting_user=request.user,
                                              dry_run=form.cleaned_data["dry_run"] or wants_error_file)
        if wants_error_file and not report.ok:
            return download(errors_workbook(report.errors, _("Lỗi khi nhập nhóm trẻ từ Excel")),
                            "loi-nhap-nhom-tre.xlsx")
        if report.ok and not report.dry_run:
            messages.success(request, report.message)
        return self.page(RegistryImportForm() if report.ok else form, report, status=200 if report.ok else 400)
