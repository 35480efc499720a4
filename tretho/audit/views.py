"""The administrators' page "Ai đã xem hoặc sửa bản ghi nào", and its Excel export (itself logged)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from tretho.core import signals
from tretho.core.forms import DayField
from tretho.core.views import SCOPE_ADMIN, XLSX_TYPE
from tretho.documents.xlsx import Column, Sheet, write_workbook

from .models import RecordAccess
from .report import AccessRow, access_rows, overseen_users, tracked_models


class AccessFilterForm(forms.Form):
    user: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None, required=False, label=gettext_lazy("Người dùng"), empty_label=gettext_lazy("Tất cả"))
    start = DayField(required=False, label=gettext_lazy("Từ ngày"))
    end = DayField(required=False, label=gettext_lazy("Đến ngày"))
    model = forms.ChoiceField(required=False, label=gettext_lazy("Loại bản ghi"))

    def __init__(self, *args: Any, viewer: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.models = {m._meta.label_lower: m for m in tracked_models()}
        self.fields["user"].queryset = overseen_users(viewer).order_by("username")  # type: ignore[attr-defined]
        self.fields["user"].label_from_instance = lambda user: user.get_username()  # type: ignore[attr-defined]
        model_choices = [(label, str(m._meta.verbose_name).capitalize()) for label, m in self.models.items()]
        self.fields["model"].choices = [("", _("Tất cả")), *model_choices]  # type: ignore[attr-defined]
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control form-control-sm"
            field.widget.attrs.setdefault("class", css)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("Ngày bắt đầu phải trước ngày kết thúc."))
        return data


class AccessReportView(LoginRequiredMixin, View):
    scoped_by = SCOPE_ADMIN
    template_name = "audit/access_report.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_admin():  # type: ignore[union-attr]
            raise PermissionDenied
        form = AccessFilterForm(request.GET or None, viewer=request.user)
        rows: list[AccessRow] = []
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            rows = access_rows(request.user, user=data["user"], start=data["start"], end=data["end"],
                               model=form.models.get(data["model"]))
            if request.GET.get("xlsx"):
                return self.export(request, form, rows)
        return render(request, self.template_name, {"form": form, "rows": rows})

    def export(self, request: HttpRequest, form: AccessFilterForm, rows: list[AccessRow]) -> HttpResponse:
        data = form.cleaned_data
        filters = {"user": data["user"].pk if data["user"] else None, "model": data["model"] or None,
                   "start": data["start"].isoformat() if data["start"] else None,
                   "end": data["end"].isoformat() if data["end"] else None}
        signals.export_done.send(sender=RecordAccess, request=request, format="xlsx",
                                 filters={k: v for k, v in filters.items() if v is not None}, rows=len(rows))
        columns = [Column("at", _("Thời điểm"), width=20), Column("username", _("Người dùng")),
                   Column("ip_address", _("Địa chỉ IP")), Column("action", _("Thao tác")),
                   Column("model_label", _("Loại bản ghi")), Column("object_id", _("Mã bản ghi")),
                   Column("path", _("Đường dẫn"), width=40)]
        sheet_rows = [{"at": timezone.localtime(row.at).strftime("%d/%m/%Y %H:%M:%S"), "username": row.username,
                       "ip_address": row.ip_address, "action": row.action, "model_label": row.model_label,
                       "object_id": row.object_id, "path": row.path} for row in rows]
        title = _("Ai đã xem hoặc sửa bản ghi nào")
        workbook = write_workbook([Sheet(name=_("Truy cập"), columns=columns, rows=sheet_rows, title=title)])
        response = HttpResponse(workbook, content_type=XLSX_TYPE)
        response["Content-Disposition"] = 'attachment; filename="truy-cap-ban-ghi.xlsx"'
        response["Cache-Control"] = "no-store"
        return response
