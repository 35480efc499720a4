"""`tretho rebuild_rollups`: recompute the roll-up rows from the accepted submissions (all periods, or some)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from tretho.reporting.rollups import rebuild


class Command(BaseCommand):
    help = ("Tính lại toàn bộ số liệu tổng hợp (mọi cấp) từ các báo cáo đã duyệt. Kết quả phải trùng khớp với số "
            "liệu đang cộng dồn; lệnh cho biết có bao nhiêu dòng thiếu, thừa hoặc khác.")

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--period", action="append", dest="periods", metavar="MA_KY",
                            help="Chỉ tính lại kỳ này (ví dụ 2020, 2020Q3); có thể lặp lại.")
        parser.add_argument("--check", action="store_true",
                            help="Chỉ kiểm tra: không ghi, trả mã lỗi khi số liệu không khớp.")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override("vi"):
            result = rebuild(options["periods"], write=not options["check"])
            self.stdout.write(_("%(rows)s dòng tổng hợp; thiếu %(missing)s, thừa %(extra)s, khác %(different)s.") % {
                "rows": result.rows, "missing": len(result.missing), "extra": len(result.extra),
                "different": len(result.different)})
            if result.agreed:
                self.stdout.write(self.style.SUCCESS(_("Số liệu tổng hợp khớp với các báo cáo đã duyệt.")))
            elif options["check"]:
                raise CommandError(_("Số liệu tổng hợp không khớp với các báo cáo đã duyệt."))
            else:
                self.stdout.write(self.style.SUCCESS(_("Đã tính lại số liệu tổng hợp.")))
