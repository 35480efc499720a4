"""Attachments of activities and of task completions: which files are accepted, who may attach, read or remove
them, and the stored file going with its row.

A file is accepted when its extension is one of ALLOWED_TYPES *and* its first bytes (or, for the zip-based office
formats, its internal parts) say it is that kind of file: an .exe renamed .pdf is refused. Files are kept through
Django's storage API under a random name (activities.models.base.attachment_path); nothing is served from a
/media/ URL — only views_attachments and the API send them, after the scope checks here.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext as _

from tretho.core.formats import format_number
from tretho.core.scoping import CHANGE, VIEW, sees_personal_data, user_can
from tretho.core.text import fold

from . import progress
from .choices import PERSONAL_ATTACHMENT_KINDS, AttachmentKind
from .models import ACTIVITY_MODELS, Attachment, TaskCompletion

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_COUNT = 30

JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class FileType:
    extension: str
    mime_type: str
    label: str

    @property
    def is_image(self) -> bool:
        return self.mime_type.startswith("image/")


_TYPES = (
    FileType("jpg", "image/jpeg", "JPEG"),
    FileType("jpeg", "image/jpeg", "JPEG"),
    FileType("png", "image/png", "PNG"),
    FileType("webp", "image/webp", "WebP"),
    FileType("pdf", "application/pdf", "PDF"),
    FileType("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
    FileType("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
    FileType("doc", "application/msword", "Word 97–2003"),
    FileType("xls", "application/vnd.ms-excel", "Excel 97–2003"),
    FileType("odt", "application/vnd.oasis.opendocument.text", "OpenDocument"),
    FileType("ods", "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument"),
)
ALLOWED_TYPES: dict[str, FileType] = {t.extension: t for t in _TYPES}
# For the file input's accept="…" (a hint to the phone's picker; the server checks again).
ACCEPT = ",".join(f".{extension}" for extension in ALLOWED_TYPES)
MIME_TYPES = sorted({t.mime_type for t in _TYPES})

# The part a zip-based office file must hold to be what its extension says.
_OOXML_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
# The stream an OLE2 (97–2003) file holds, as its directory stores the name (UTF-16LE).
_OLE2_STREAMS = {"doc": ("WordDocument",), "xls": ("Workbook", "Book")}


def max_bytes() -> int:
    return int(getattr(settings, "ACTIVITY_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


def max_count() -> int:
    return int(getattr(settings, "ACTIVITY_ATTACHMENT_MAX_COUNT", DEFAULT_MAX_COUNT))


def format_size(size: int) -> str:
    """1.234 byte → "1,2 KB"; sizes as Vietnamese write numbers."""
    if size < 1024:
        return f"{format_number(size)} byte"
    if size < 1024 * 1024:
        return f"{format_number(size / 1024, 1)} KB"
    return f"{format_number(size / (1024 * 1024), 1)} MB"


def allowed_list() -> str:
    return ", ".join(f".{extension}" for extension in ALLOWED_TYPES)


# -- the checks of a file --------------------------------------------------------------------------------------

def extension_of(name: str) -> str:
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def _zip_names(stream: IO[bytes]) -> set[str] | None:
    try:
        with zipfile.ZipFile(stream) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None


def _odf_mimetype(stream: IO[bytes]) -> str:
    try:
        with zipfile.ZipFile(stream) as archive, archive.open("mimetype") as part:
            return part.read(200).decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
        return ""


def content_matches(extension: str, stream: IO[bytes]) -> bool:
    """Whether the bytes of stream are a file of this extension's kind (the stream is left at its start)."""
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    try:
        if extension in ("jpg", "jpeg"):
            return head.startswith(JPEG_MAGIC)
        if extension == "png":
            return head.startswith(PNG_MAGIC)
        if extension == "webp":
            return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
        if extension == "pdf":
            return head.startswith(PDF_MAGIC)
        if extension in _OOXML_PARTS:
            if not head.startswith(ZIP_MAGIC):
                return False
            names = _zip_names(stream)
            return names is not None and {"[Content_Types].xml", _OOXML_PARTS[extension]} <= names
        if extension in ("odt", "ods"):
            return head.startswith(ZIP_MAGIC) and _odf_mimetype(stream) == ALLOWED_TYPES[extension].mime_type
        if extension in _OLE2_STREAMS:
            if not head.startswith(OLE2_MAGIC):
                return False
            data = stream.read(max_bytes() + 1)
            return any(name.encode("utf-16-le") in data for name in _OLE2_STREAMS[extension])
        return False
    finally:
        stream.seek(0)


def check_upload(upload: Any) -> FileType:
    """The type of an uploaded file, or a ValidationError saying in Vietnamese what is wrong with it."""
    extension = extension_of(getattr(upload, "name", ""))
    file_type = ALLOWED_TYPES.get(extension)
    if file_type is None:
        raise ValidationError(
            _("Không nhận loại tệp này. Chỉ nhận ảnh, PDF, Word, Excel, OpenDocument (%(types)s).")
            % {"types": allowed_list()}, code="type")
    size = upload.size or 0
    if size <= 0:
        raise ValidationError(_("Tệp rỗng, không có nội dung."), code="empty")
    if size > max_bytes():
        raise ValidationError(
            _("Tệp quá lớn (%(size)s): mỗi tệp tối đa %(limit)s.")
            % {"size": format_size(size), "limit": format_size(max_bytes())}, code="size")
    if not content_matches(extension, upload):
        raise ValidationError(
            _("Nội dung tệp không phải là tệp .%(extension)s (tệp hỏng hoặc bị đổi đuôi), không nhận.")
            % {"extension": extension}, code="content")
    return file_type


# -- owners ----------------------------------------------------------------------------------------------------

def owner_models() -> tuple[type[models.Model], ...]:
    return (*ACTIVITY_MODELS, TaskCompletion)


def owner_model(owner_type: str) -> type[models.Model] | None:
    """The owner model for its model name ("training", "taskcompletion"); None for anything else."""
    return next((model for model in owner_models() if model._meta.model_name == owner_type), None)


def owner_type_choices() -> list[tuple[str, str]]:
    return [(str(model._meta.model_name), str(model._meta.verbose_name)) for model in owner_models()]


def owner_unit_id(owner: models.Model) -> int:
    if isinstance(owner, TaskCompletion):
        return owner.task.plan.unit_id  # type: ignore[attr-defined]  # PlanTask.plan (programmes)
    return owner.unit_id  # type: ignore[attr-defined]  # every activity has its unit


def attachments_of(owner: models.Model) -> models.QuerySet[Attachment]:
    return Attachment.objects.filter(content_type=ContentType.objects.get_for_model(type(owner)),
                                     object_id=owner.pk)


def find_owner(user: Any, owner_type: str, owner_id: Any, action: str = VIEW) -> models.Model | None:
    """The owner the user may do action on, or None (missing, out of scope, or not an owner kind; for CHANGE, one
    whose files the user may not change: may_change_owner)."""
    model = owner_model(owner_type)
    if model is None:
        return None
    try:
        owner = model.objects.restrict(user, action).filter(pk=int(owner_id)).first()  # type: ignore[attr-defined]
    except (TypeError, ValueError, OverflowError):
        return None
    if owner is not None and action == CHANGE and not may_change_owner(user, owner):
        return None
    return owner


# -- who sees what ---------------------------------------------------------------------------------------------

def is_personal(attachment: Attachment) -> bool:
    return attachment.kind in PERSONAL_ATTACHMENT_KINDS


def visible_attachments(user: Any, action: str = VIEW) -> models.QuerySet[Attachment]:
    """Attachments the user may see (or change): in scope, and attendance sheets (names of people) only for
    roles that see personal data."""
    rows = Attachment.objects.restrict(user, action)  # type: ignore[attr-defined]
    if not sees_personal_data(user):
        rows = rows.exclude(kind__in=PERSONAL_ATTACHMENT_KINDS)
    return rows


def may_change_owner(user: Any, owner: models.Model) -> bool:
    """Whether user may add or remove the owner's files: whoever may change an activity; for a task completion
    (its lead agency's statement), only those who may mark the task done (progress.may_mark)."""
    if isinstance(owner, TaskCompletion):
        return progress.may_mark(user, owner.task)
    return user_can(user, CHANGE, owner)


def owner_of(attachment: Attachment) -> models.Model | None:
    model = attachment.content_type.model_class()
    if model is None:
        return None
    return model._default_manager.filter(pk=attachment.object_id).first()


def may_remove(user: Any, attachment: Attachment) -> bool:
    owner = owner_of(attachment)
    return owner is not None and may_change_owner(user, owner)


def download_name(attachment: Attachment) -> str:
    """A safe ASCII file name for the download: the title folded ("Biên bản họp" → "bien-ban-hop") and the
    stored extension. The stored name is random and the uploaded name is never kept."""
    stem = "".join(c if c.isascii() and c.isalnum() else "-" for c in fold(attachment.title))
    stem = "-".join(part for part in stem.split("-") if part)[:80].strip("-") or "tep-dinh-kem"
    extension = extension_of(attachment.file.name)
    return f"{stem}.{extension}" if extension in ALLOWED_TYPES else stem


# -- actions ---------------------------------------------------------------------------------------------------

def do_attach(owner: models.Model, *, acting_user: Any, upload: Any, title: str, kind: str) -> Attachment:
    """Attach an uploaded file to an activity or a task completion. The user must be allowed to change the owner;
    the file must pass check_upload and the owner must have room. Nothing is stored when anything is refused."""
    if not isinstance(owner, owner_models()):
        raise ValidationError(_("Chỉ đính kèm tệp vào hoạt động hoặc xác nhận hoàn thành nhiệm vụ."))
    if not may_change_owner(acting_user, owner):
        raise PermissionDenied(_("Bạn không có quyền sửa hoạt động này."))
    if kind not in AttachmentKind.values:
        raise ValidationError({"kind": _("Loại tệp không hợp lệ.")})
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Ghi tên hoặc mô tả của tệp.")})
    try:
        file_type = check_upload(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    with transaction.atomic():
        # Lock the owner's row so two uploads at once cannot both pass the count.
        type(owner)._default_manager.select_for_update().filter(pk=owner.pk).exists()
        if attachments_of(owner).count() >= max_count():
            raise ValidationError({"file": _("Mỗi hoạt động có tối đa %(count)s tệp đính kèm; hãy xóa bớt tệp cũ "
                                             "trước khi thêm.") % {"count": max_count()}})
        attachment = Attachment(
            unit_id=owner_unit_id(owner), content_type=ContentType.objects.get_for_model(type(owner)),
            object_id=owner.pk, kind=kind, title=title[:300], size=upload.size,
            mime_type=file_type.mime_type, created_by=acting_user,
        )
        upload.seek(0)
        # The name given to storage is only the extension: attachment_path makes the random stored name.
        attachment.file.save(f"upload.{file_type.extension}", File(upload), save=False)
        stored = attachment.file.name
        try:
            attachment.save()
        except Exception:
            attachment.file.storage.delete(stored)  # no row, no file
            raise
    return attachment


def do_remove(attachment: Attachment, *, acting_user: Any) -> None:
    """Remove an attachment (the user must be allowed to change its owner); its file goes after the commit."""
    if not may_remove(acting_user, attachment):
        raise PermissionDenied(_("Bạn không có quyền sửa hoạt động này."))
    with transaction.atomic():
        attachment.delete()


@receiver(post_delete, sender=Attachment, dispatch_uid="activities_attachment_file")
def delete_stored_file(sender: Any, instance: Attachment, **kwargs: Any) -> None:
    """A removed attachment (alone, or with its activity) takes its stored file along once the deletion commits;
    a rolled-back deletion keeps it."""
    name = instance.file.name
    if not name:
        return
    storage = instance.file.storage
    transaction.on_commit(lambda: storage.delete(name))
