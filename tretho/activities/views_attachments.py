"""Pages of attachments: add a file to an activity (or a task completion), see, download and remove one.

Hand-written rather than registered: an attachment is always reached from its owner's page, so there is no list
or add page of its own. Every read goes through attachments.visible_attachments (restrict() plus: attendance
sheets only for roles that see personal data); out of scope answers 404, as everywhere. Files are sent only
from here (there is no /media/ URL), as downloads under a safe name, never sniffed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from tretho.core import signals
from tretho.core.scoping import CHANGE, VIEW
from tretho.core.views import SCOPE_RESTRICT, get_in_scope_or_404

from . import attachments
from .choices import AttachmentKind
from .models import Attachment


class AttachmentForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Tên tệp, mô tả"), max_length=300, widget=forms.TextInput(
        attrs={"class": "form-control", "placeholder": gettext_lazy("Ví dụ: Biên bản hội nghị sơ kết")}))
    kind = forms.ChoiceField(label=gettext_lazy("Loại tệp"), choices=AttachmentKind.choices,
                             initial=AttachmentKind.PHOTO, widget=forms.Select(attrs={"class": "form-select"}))
    file = forms.FileField(label=gettext_lazy("Tệp"), widget=forms.ClearableFileInput(
        attrs={"class": "form-control", "accept": attachments.ACCEPT}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("Ảnh, PDF, Word, Excel, OpenDocument; mỗi tệp tối đa %(limit)s.") % {
            "limit": attachments.format_size(attachments.max_bytes())}

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        attachments.check_upload(upload)
        return upload


def owner_url(owner: models.Model | None) -> str | None:
    """The owner's page (written by the CRUD pages; None while it does not exist)."""
    if owner is None:
        return None
    try:
        return owner.get_absolute_url()  # type: ignore[attr-defined]
    except (AttributeError, NoReverseMatch):
        return None


def get_attachment(request: HttpRequest, pk: int, action: str = VIEW) -> Attachment:
    """The attachment if the user may see it (and, for CHANGE, change its owner); 404 otherwise."""
    found = get_in_scope_or_404(
        request, attachments.visible_attachments(request.user, VIEW).select_related("content_type"), pk)
    if action == CHANGE and not attachments.may_remove(request.user, found):
        signals.access_denied.send(sender=Attachment, request=request, object_pk=pk)
        raise Http404(_("Không tìm thấy."))
    return found


def note_personal_read(request: HttpRequest, attachment: Attachment, response: HttpResponseBase) -> None:
    """An attendance sheet lists people: log who opened it, as for every record holding personal data
    (core.views.note_access), and keep it out of caches."""
    if attachments.is_personal(attachment):
        signals.record_accessed.send(sender=Attachment, request=request, obj=attachment, action=VIEW)
        response["Cache-Control"] = "no-store"


# Room for the form's other fields and the multipart boundaries around the file.
FORM_OVERHEAD_BYTES = 64 * 1024


def request_too_large(request: HttpRequest) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > attachments.max_bytes() + FORM_OVERHEAD_BYTES


class AttachmentAddView(LoginRequiredMixin, View):
    """Add a file to an owner the user may change (reached from the owner's page)."""

    scoped_by = SCOPE_RESTRICT
    template_name = "activities/attachments/form.html"

    def get_owner(self) -> models.Model:
        owner = attachments.find_owner(self.request.user, self.kwargs["owner_type"], self.kwargs["owner_id"],
                                       CHANGE)
        if owner is None:
            raise Http404(_("Không tìm thấy."))
        return owner

    def page(self, owner: models.Model, form: AttachmentForm, status: int = 200, refused: str = "") -> HttpResponse:
        return render(self.request, self.template_name, {
            "owner": owner, "owner_url": owner_url(owner), "form": form, "refused": refused,
            "owner_verbose_name": owner._meta.verbose_name,
        }, status=status)

    def get(self, request: HttpRequest, owner_type: str, owner_id: int) -> HttpResponse:
        owner = self.get_owner()
        return self.page(owner, AttachmentForm(initial={"kind": request.GET.get("kind") or AttachmentKind.PHOTO}))

    def post(self, request: HttpRequest, owner_type: str, owner_id: int) -> HttpResponse:
        owner = self.get_owner()
        if request_too_large(request):
            # Far over the limit (by its Content-Length): refused at once, the file is not looked at.
            refused = _("Tệp quá lớn: mỗi tệp tối đa %(limit)s.") % {
                "limit": attachments.format_size(attachments.max_bytes())}
            return self.page(owner, AttachmentForm(), status=413, refused=refused)
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                attachment = attachments.do_attach(
                    owner, acting_user=request.user, upload=form.cleaned_data["file"],
                    title=form.cleaned_data["title"], kind=form.cleaned_data["kind"])
            except ValidationError as error:
                form.add_error(None, error)  # a dict names the fields (file: full, wrong type…)
            except PermissionDenied:
                raise Http404(_("Không tìm thấy.")) from None
            else:
                messages.success(request, _("Đã đính kèm tệp “%(title)s”.") % {"title": attachment.title})
                return HttpResponseRedirect(owner_url(owner) or attachment.get_absolute_url())
        return self.page(owner, form, status=400)


class AttachmentDetailView(LoginRequiredMixin, View):
    scoped_by = SCOPE_RESTRICT
    template_name = "activities/attachments/detail.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        attachment = get_attachment(request, pk)
        owner = attachments.owner_of(attachment)
        response = render(request, self.template_name, {
            "object": attachment, "owner": owner, "owner_url": owner_url(owner),
            "size": attachments.format_size(attachment.size),
            "download_url": reverse("activities:attachment_download", args=[attachment.pk]),
            "delete_url": (reverse("activities:attachment_delete", args=[attachment.pk])
                           if owner is not None and attachments.may_change_owner(request.user, owner) else None),
        })
        note_personal_read(request, attachment, response)
        return response


class AttachmentDownloadView(LoginRequiredMixin, View):
    """The file itself, always as a download (Content-Disposition: attachment, nosniff), under a name made from
    its title."""

    scoped_by = SCOPE_RESTRICT

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        return file_response(request, get_attachment(request, pk))


def file_response(request: HttpRequest, attachment: Attachment) -> FileResponse:
    """The stored file as a download under its safe name, never sniffed; an attendance sheet's read logged (the
    page and the API send files through this)."""
    try:
        stream = attachment.file.storage.open(attachment.file.name, "rb")
    except OSError:
        raise Http404(_("Tệp không còn trên máy chủ.")) from None
    response = FileResponse(stream, as_attachment=True, filename=attachments.download_name(attachment),
                            content_type=attachment.mime_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private"
    note_personal_read(request, attachment, response)
    return response


class AttachmentDeleteView(LoginRequiredMixin, View):
    """Remove an attachment: whoever may change its owner (an officer editing the activity's record)."""

    scoped_by = SCOPE_RESTRICT
    template_name = "activities/attachments/confirm_delete.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        attachment = get_attachment(request, pk, CHANGE)
        owner = attachments.owner_of(attachment)
        return render(request, self.template_name, {
            "object": attachment, "owner": owner, "owner_url": owner_url(owner)})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        attachment = get_attachment(request, pk, CHANGE)
        owner = attachments.owner_of(attachment)
        title = attachment.title
        try:
            attachments.do_remove(attachment, acting_user=request.user)
        except PermissionDenied:
            raise Http404(_("Không tìm thấy.")) from None
        messages.success(request, _("Đã xóa tệp “%(title)s”.") % {"title": title})
        return HttpResponseRedirect(owner_url(owner) or reverse("core:home"))
