"""`tretho send_report_reminders` (for cron, once a day): e-mail the units that have not sent a period's report
N days before their level's deadline and on the day after it; each e-mail sent is logged (ReminderLog), so running
twice on one day sends nothing twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tretho.accounts.models import RoleAssignment
from tretho.reporting import completeness
from tretho.reporting.choices import ReminderKind
from tretho.reporting.models import PeriodDeadline, ReminderLog

# Roles that fill and send a unit's report.
SENDING_ROLES = ("officer", "programme_manager", "admin")


@dataclass
class ReminderRun:
    sent: list[ReminderLog] = field(default_factory=list)
    skipped: int = 0  # already sent earlier (logged)
    failed: list[str] = field(default_factory=list)
    without_recipient: list[str] = field(default_factory=list)


def recipients(unit: Any) -> list[Any]:
    """Active users with an e-mail who fill this unit's reports (assigned at the unit itself)."""
    users = {}
    for assignment in (RoleAssignment.objects.filter(unit=unit, role__code__in=SENDING_ROLES, user__is_active=True)
                       .exclude(user__email="").select_related("user")):
        users[assignment.user.pk] = assignment.user
    return sorted(users.values(), key=lambda user: user.pk)


def _message(kind: str, row: completeness.Row, period: Any) -> tuple[str, str]:
    values = {"form": row.form.name, "period": period.label, "programme": str(period.programme),
              "unit": row.unit.name, "deadline": row.deadline.strftime("%d/%m/%Y") if row.deadline else ""}
    if kind == ReminderKind.BEFORE:
        subject = _("Nhắc nộp báo cáo %(form)s — %(period)s (hạn %(deadline)s)") % values
        body = _("Kính gửi %(unit)s,\n\nĐơn vị chưa gửi báo cáo «%(form)s» kỳ %(period)s (%(programme)s). "
                 "Hạn nộp là ngày %(deadline)s. Đề nghị đơn vị hoàn thành và gửi báo cáo đúng hạn.\n\n"
                 "Thư này được gửi tự động từ hệ thống Tretho.") % values
    else:
        subject = _("Quá hạn nộp báo cáo %(form)s — %(period)s") % values
        body = _("Kính gửi %(unit)s,\n\nĐã quá hạn nộp báo cáo «%(form)s» kỳ %(period)s (%(programme)s), hạn "
                 "ngày %(deadline)s, nhưng đơn vị chưa gửi. Đề nghị đơn vị gửi báo cáo ngay.\n\n"
                 "Thư này được gửi tự động từ hệ thống Tretho.") % values
    return subject, body


def send_reminders(today: dt.date | None = None, days_before: int = 3) -> ReminderRun:
    """Send today's reminders: for each open period's level deadline that is days_before days away (or was
    yesterday), to each unit of that level that has not sent (missing or returned)."""
    today = today or timezone.localdate()
    run = ReminderRun()
    due = {today + dt.timedelta(days=days_before): ReminderKind.BEFORE,
           today - dt.timedelta(days=1): ReminderKind.OVERDUE}
    deadlines = (PeriodDeadline.objects.filter(deadline__in=list(due), period__is_closed=False)
                 .select_related("period__programme").order_by("deadline", "period_id", "level"))
    for deadline in deadlines:
        kind = due[deadline.deadline]
        level = completeness.level_completeness(deadline.period, deadline.level)
        for row in level.in_state(completeness.MISSING, completeness.RETURNED):
            people = recipients(row.unit)
            if not people:
                run.without_recipient.append(row.unit.name)
                continue
            subject, body = _message(kind, row, deadline.period)
            for user in people:
                if ReminderLog.objects.filter(period=deadline.period, form=row.form, unit=row.unit, kind=kind,
                                              deadline=deadline.deadline, email=user.email).exists():
                    run.skipped += 1
                    continue
                try:
                    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
                except Exception as error:  # noqa: BLE001 - one bad address must not stop the others
                    run.failed.append(f"{row.unit.name}: {type(error).__name__}")
                    continue
                try:
                    with transaction.atomic():
                        run.sent.append(ReminderLog.objects.create(
                            period=deadline.period, form=row.form, unit=row.unit, kind=kind,
                            deadline=deadline.deadline, recipient=user, email=user.email))
                except IntegrityError:  # another run logged it meanwhile
                    run.skipped += 1
    return run


class Command(BaseCommand):
    help = ("Gửi thư nhắc các đơn vị chưa nộp báo cáo: trước hạn N ngày và vào ngày sau hạn. Mỗi thư đã gửi được "
            "ghi lại, chạy lại trong ngày không gửi trùng. Dùng cho cron, chạy mỗi ngày một lần.")

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--days", type=int, default=3, help="Nhắc trước hạn bao nhiêu ngày (mặc định 3).")
        parser.add_argument("--today", help="Coi hôm nay là ngày này (dd/mm/yyyy), để chạy bù.")

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["today"]:
            try:
                today = dt.datetime.strptime(options["today"], "%d/%m/%Y").date()
            except ValueError:
                raise CommandError(_("Ngày không đúng dạng dd/mm/yyyy.")) from None
        with translation.override("vi"):
            run = send_reminders(today, options["days"])
            self.stdout.write(_("Đã gửi %(sent)s thư nhắc; %(skipped)s thư đã gửi trước đó; %(failed)s thư lỗi.") % {
                "sent": len(run.sent), "skipped": run.skipped, "failed": len(run.failed)})
            for line in run.failed:
                self.stderr.write(line)
            if run.without_recipient:
                self.stdout.write(_("Đơn vị chưa có người nhận thư: %(units)s.") % {
                    "units": ", ".join(sorted(set(run.without_recipient)))})
