"""`tretho restore FOLDER [--database-url URL]`: restore a `tretho backup` folder into an EMPTY database, then
check every table's row count and checksum against the backup's manifest."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from tretho.core.backups import BackupError, database_settings, restore


class Command(BaseCommand):
    help = _lazy("Phục hồi một bản sao lưu vào cơ sở dữ liệu trống rồi đối chiếu từng bảng với bản kê.")  # type: ignore[assignment]

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help=_("Thư mục bản sao lưu (có manifest.json)."))
        parser.add_argument("--database-url", help=_("Cơ sở dữ liệu đích (mặc định: cơ sở dữ liệu trong cấu hình)."))

    def handle(self, *args, **options):
        try:
            manifest = restore(options["folder"], database_settings(options["database_url"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(_("Đã phục hồi %(tables)s bảng; số dòng và mã kiểm tra khớp bản kê (sao lưu lúc %(when)s).")
                          % {"tables": len(manifest["tables"]), "when": manifest["created_at"]})
