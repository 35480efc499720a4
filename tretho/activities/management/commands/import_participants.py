"""`tretho import_participants TRAINING_ID FILE --user USERNAME`: a training's participants from Excel on the command
line. Same checks, same scope (the named user's), same all-or-nothing rule as the import page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from tretho.activities.models import Training
from tretho.activities.spreadsheets import import_participants


class Command(BaseCommand):
    help = ("Nhập danh sách người tham dự một lớp tập huấn từ tệp Excel theo mẫu, với quyền của một người dùng: "
            "có lỗi thì không lưu dòng nào.")

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("training", type=int, help="Số hiệu (id) của lớp tập huấn.")
        parser.add_argument("file", help="Tệp Excel theo mẫu (.xlsx, .xls, .ods).")
        parser.add_argument("--user", required=True, help="Tên đăng nhập của người nhập (phạm vi của người này).")
        parser.add_argument("--dry-run", action="store_true", help="Chạy thử: kiểm tra lỗi, không lưu.")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override("vi"):
            try:
                user = get_user_model().objects.get(username=options["user"], is_active=True)
            except get_user_model().DoesNotExist:
                raise CommandError(_("Không có người dùng đang hoạt động tên %(name)s.") % {
                    "name": options["user"]}) from None
            training = Training.objects.filter(pk=options["training"]).first()
            if training is None:
                raise CommandError(_("Không có lớp tập huấn số %(pk)s.") % {"pk": options["training"]})
            try:
                data = Path(options["file"]).read_bytes()
            except OSError as problem:
                raise CommandError(_("Không đọc được tệp: %(error)s") % {"error": problem}) from None
            report = import_participants(training, data, acting_user=user, dry_run=options["dry_run"])
            for error in report.errors:
                row = _("dòng %(row)s") % {"row": error.row} if error.row else ""
                self.stdout.write(" | ".join(part for part in (row, error.column, error.value, error.reason) if part))
            if not report.ok:
                raise CommandError(report.message)
            self.stdout.write(self.style.SUCCESS(report.message))
