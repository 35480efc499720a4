"""`tretho import_participants TRAINING_ID FILE --user USERNAME`: a training's participants from Excel on the command
line. Same checks, same scope (the named user's), same all-or-nothing rule as the import page."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from tretho.activities.models import Training
from tretho.activities.spreadsheets import import_participants
from tretho.core.management.importing import acting_user, read_file, write_errors


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
            user = acting_user(options["user"])
            training = Training.objects.filter(pk=options["training"]).first()
            if training is None:
                raise CommandError(_("Không có lớp tập huấn số %(pk)s.") % {"pk": options["training"]})
            report = import_participants(training, read_file(options["file"]), acting_user=user,
                                         dry_run=options["dry_run"])
            write_errors(self.stdout, report.errors)
            if not report.ok:
                raise CommandError(report.message)
            self.stdout.write(self.style.SUCCESS(report.message))
