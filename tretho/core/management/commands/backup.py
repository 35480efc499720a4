"""`tretho backup [--output FOLDER]`: a consistent copy of the database and a manifest (row counts and a
checksum per table). See docs/operations.md for the daily routine."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from tretho.core.backups import BackupError, backup


class Command(BaseCommand):
    help = _lazy("Sao lưu cơ sở dữ liệu (SQLite: sao lưu trực tuyến; PostgreSQL: pg_dump) kèm bản kê số dòng "  # type: ignore[assignment]
                 "và mã kiểm tra từng bảng.")

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path,
                            help=_("Thư mục ghi bản sao lưu (mặc định var/backups/<thời điểm>)."))
        parser.add_argument("--database", default="default", help=_("Bí danh cơ sở dữ liệu trong cấu hình."))

    def handle(self, *args, **options):
        output = options["output"] or Path(settings.VAR_DIR) / "backups" / dt.datetime.now().strftime(
            "tretho-%Y%m%d-%H%M%S")
        if output.exists() and any(output.iterdir()):
            raise CommandError(_("Thư mục %(folder)s đã có tệp; chọn một thư mục mới.") % {"folder": output})
        try:
            manifest = backup(output, using=options["database"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(_("Đã sao lưu %(tables)s bảng, %(rows)s dòng vào %(folder)s") % {
            "tables": len(manifest["tables"]), "rows": rows, "folder": output})
