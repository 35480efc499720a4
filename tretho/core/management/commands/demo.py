"""`tretho demo`: load the demo agencies, steering committees, industrial zones and users (idempotent).

`tretho demo --list-logins` prints the demo accounts instead (the Makefile's `make run` shows them).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy


class Command(BaseCommand):
    # Lazy, so it is translated when printed.
    help = _lazy("Tạo dữ liệu dùng thử (cơ quan, ban chỉ đạo, KCN, tài khoản demo.*); chạy lại không đổi gì.")  # type: ignore[assignment]

    def add_arguments(self, parser):
        parser.add_argument("--list-logins", action="store_true", help=_("Chỉ in danh sách tài khoản dùng thử."))
        parser.add_argument(
            "--reset-passwords", action="store_true", help=_("Đặt lại mật khẩu dùng thử cho các tài khoản demo.*.")
        )

    def handle(self, *args, **options):
        # Imported here: core must not import domain apps at module level.
        from tretho.demo.load import DemoDataError, load_demo

        if options["list_logins"]:
            self.print_logins()
            return
        try:
            report = load_demo(reset_passwords=options["reset_passwords"])
        except DemoDataError as error:
            raise CommandError(str(error)) from None
        if not report.wrote_anything:
            self.stdout.write(_("Dữ liệu dùng thử đã có sẵn, không thay đổi gì."))
        for label in sorted({*report.created, *report.updated, *report.unchanged}):
            self.stdout.write(
                _("%(label)s: tạo mới %(created)d, cập nhật %(updated)d, giữ nguyên %(unchanged)d")
                % {"label": label, "created": report.created[label], "updated": report.updated[label],
                   "unchanged": report.unchanged[label]}
            )
        self.stdout.write(self.style.SUCCESS(_("Xong. Xem tài khoản dùng thử: tretho demo --list-logins")))

    def print_logins(self) -> None:
        from tretho.demo.load import demo_login_rows

        rows = demo_login_rows()
        if not rows:
            self.stdout.write(_("Chưa có tài khoản dùng thử. Hãy chạy `tretho demo`."))
            return
        headers = {"username": _("Tên đăng nhập"), "role": _("Vai trò"), "unit": _("Đơn vị"),
                   "password": _("Mật khẩu")}
        widths = {key: max(len(headers[key]), *(len(row[key]) for row in rows)) for key in headers}
        for row in [headers, *rows]:
            self.stdout.write("  ".join(row[key].ljust(widths[key]) for key in headers).rstrip())
