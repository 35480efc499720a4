"""`tretho load_units`: load (or bring up to date) the official administrative units and the 2025 mapping."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from tretho.geo.loader import load_units
from tretho.geo.signals import units_loaded


class Command(BaseCommand):
    help = (
        "Nạp danh mục đơn vị hành chính trước và sau 01/07/2025 cùng bảng chuyển đổi cũ → mới từ gói "
        "vietnamadminunits (giấy phép MIT). Chạy lại nhiều lần không tạo bản ghi trùng."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Chạy thử: báo cáo những gì sẽ thay đổi, không lưu.")
        parser.add_argument("--no-history", action="store_true", help="Không ghi lịch sử cho các bản ghi nạp.")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override("vi"):
            summary = load_units(dry_run=options["dry_run"], with_history=not options["no_history"])
            for line in summary.lines():
                self.stdout.write(line)
            if not summary.changed:
                self.stdout.write(self.style.SUCCESS(_("Danh mục đã cập nhật, không có gì thay đổi.")))
            elif not summary.dry_run:
                self.stdout.write(self.style.SUCCESS(_("Đã nạp xong danh mục đơn vị hành chính.")))
            if not summary.dry_run:
                units_loaded.send(sender=self.__class__)
