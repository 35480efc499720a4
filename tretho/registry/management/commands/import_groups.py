"""`tretho import_groups FILE --user USERNAME`: the registry's Excel import from the command line, for a province's
whole file (tens of thousands of rows take longer than a web request should). Same checks, same scope (the named
user's), same all-or-nothing rule as the import page."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from tretho.core.management.importing import acting_user, read_file, write_errors
from tretho.registry.spreadsheets import import_workbook


class Command(BaseCommand):
    help = ("Nhập nhóm trẻ, người chăm sóc trẻ và số trẻ từ tệp Excel theo mẫu, với quyền của một người dùng: "
            "có lỗi thì không lưu dòng nào.")

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="Tệp Excel theo mẫu (.xlsx, .xls, .ods).")
        parser.add_argument("--user", required=True, help="Tên đăng nhập của người nhập (phạm vi của người này).")
        parser.add_argument("--dry-run", action="store_true", help="Chạy thử: kiểm tra lỗi, không lưu.")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override("vi"):
            user = acting_user(options["user"])
            report = import_workbook(read_file(options["file"]), acting_user=user, dry_run=options["dry_run"])
            write_errors(self.stdout, report.errors)
            for count in report.sheets:
                self.stdout.write(_("%(sheet)s: %(rows)s dòng, %(created)s mới, %(updated)s cập nhật, %(unchanged)s "
                                    "không đổi.") % vars(count))
            if not report.ok:
                raise CommandError(report.message)
            for note in report.notes:
                self.stdout.write(self.style.WARNING(note))
            self.stdout.write(self.style.SUCCESS(report.message))
