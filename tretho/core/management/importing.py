"""What the Excel import commands share (`tretho import_groups`, `tretho import_participants`): the acting user
named by --user, the file's bytes, and the report's errors one per line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.utils.translation import gettext as _


def acting_user(username: str) -> Any:
    """The active user named username (whose scope the import takes); CommandError when there is none."""
    try:
        return get_user_model().objects.get(username=username, is_active=True)
    except get_user_model().DoesNotExist:
        raise CommandError(_("Không có người dùng đang hoạt động tên %(name)s.") % {"name": username}) from None


def read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as problem:
        raise CommandError(_("Không đọc được tệp: %(error)s") % {"error": problem}) from None


def write_errors(stdout: Any, errors: Iterable[Any]) -> None:
    """Each error as "dòng 7 | Cột | value | reason" (the parts it has)."""
    for error in errors:
        row = _("dòng %(row)s") % {"row": error.row} if error.row else ""
        stdout.write(" | ".join(part for part in (row, error.column, error.value, error.reason) if part))
