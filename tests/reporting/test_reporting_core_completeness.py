"""Completeness and timeliness against each level's deadline (first sending, in Vietnam's local date), the page
listing who is missing, the reminder e-mails with their log, and trends across the 2025 reform."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from tests.reporting.reporting_core_factories import make_deadlines, make_submission, setup_cycle
from tretho.core.testing.suites import login
from tretho.geo.models import AdministrativeUnit, UnitSuccession
from tretho.metrics.models import RollupValue
from tretho.reporting import completeness, reform
from tretho.reporting.choices import SubmissionStatus
from tretho.reporting.management.commands.send_report_reminders import send_reminders
from tretho.reporting.models import ReminderLog, SubmissionEvent

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def sent(submission, *moments):
    """Record the submission's sendings (first a submit, then resubmits) at local times."""
    for index, moment in enumerate(moments):
        SubmissionEvent.objects.create(submission=submission, action="submit" if index == 0 else "resubmit",
                                       at=moment.replace(tzinfo=VN))
    submission.submitted_at = moments[-1].replace(tzinfo=VN)
    submission.save()


def scenario(world):
    """2024: communes due 20/11, districts 10/11. A1a sent on 19/11 (returned, resent 25/11: still on time);
    A1b sent at 00:30 on 21/11 local time (still 20/11 in UTC: late all the same); B1 returned; nothing else."""
    period, form, (total, _girls) = setup_cycle(world)
    make_deadlines(period, commune=dt.date(2024, 11, 20), district=dt.date(2024, 11, 10))
    a1a = make_submission(world.commune_a1a, period, form, {total: 5}, status=SubmissionStatus.ACCEPTED)
    sent(a1a, dt.datetime(2024, 11, 19, 10, 0), dt.datetime(2024, 11, 25, 9, 0))
    a1b = make_submission(world.commune_a1b, period, form, {total: 6}, status=SubmissionStatus.SUBMITTED)
    sent(a1b, dt.datetime(2024, 11, 21, 0, 30))
    b1 = make_submission(world.commune_b1, period, form, {total: 7}, status=SubmissionStatus.RETURNED)
    sent(b1, dt.datetime(2024, 11, 15, 8, 0))
    return period, form


def test_timeliness_counts_the_first_sending_against_the_levels_deadline(world):
    period, _form = scenario(world)
    communes = completeness.level_completeness(period, 3)
    states = {row.unit.pk: row.state for row in communes.rows}
    assert states == {world.commune_a1a.pk: "on_time", world.commune_a1b.pk: "late",
                      world.commune_b1.pk: "returned"}
    assert (communes.expected, communes.on_time, communes.late, communes.returned, communes.missing,
            communes.accepted) == (3, 1, 1, 1, 0, 1)
    assert communes.deadline == dt.date(2024, 11, 20)
    assert communes.completeness_pct == 66.7
    districts = completeness.level_completeness(period, 2)
    assert [(row.unit.pk, row.state) for row in districts.rows] == [(world.district_a1.pk, "missing")]
    assert districts.deadline == dt.date(2024, 11, 10)
    # Within a province only its units.
    within = completeness.level_completeness(period, 3, within=world.province_a)
    assert {row.unit.pk for row in within.rows} == {world.commune_a1a.pk, world.commune_a1b.pk}
    assert [each.level for each in completeness.period_completeness(period)] == [3, 2, 1]


def test_completeness_page_lists_who_is_missing_in_the_users_scope(world, client):
    period, _form = scenario(world)
    url = reverse("reporting:completeness")
    login(client, world.manager_a)
    page = client.get(url, {"period": period.pk}).content.decode()
    assert world.commune_a1b.name in page  # late
    assert f"<td>{world.district_a1.full_name}</td>" in page  # missing
    assert world.commune_a1a.name not in page  # on time: not in the default list
    assert world.commune_b1.name not in page  # another province
    page = client.get(url, {"period": period.pk, "state": "all", "level": 3}).content.decode()
    assert world.commune_a1a.name in page
    assert f"<td>{world.district_a1.full_name}</td>" not in page  # level 3 only
    assert 'data-state="on_time"' in page and 'data-state="late"' in page
    # A commune officer sees their own commune only; without login: to the login page.
    login(client, world.officer_b1)
    page = client.get(url, {"period": period.pk, "state": "all"}).content.decode()
    assert world.commune_b1.name in page and world.commune_a1b.name not in page
    client.logout()
    assert client.get(url).status_code == 302


def test_reminders_before_the_deadline_and_the_day_after_are_sent_once_and_logged(world):
    period, form = scenario(world)
    # B1 was returned: it has not sent. A1a and A1b have. Its officer gets the reminder; nobody else.
    run = send_reminders(dt.date(2024, 11, 17), days_before=3)
    assert [(log.unit_id, log.kind, log.email) for log in run.sent] == [
        (world.commune_b1.pk, "before", world.officer_b1.email)]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [world.officer_b1.email]
    assert "20/11/2024" in mail.outbox[0].body and form.name in mail.outbox[0].subject
    # Once only.
    again = send_reminders(dt.date(2024, 11, 17), days_before=3)
    assert (again.sent, again.skipped, len(mail.outbox)) == ([], 1, 1)
    # Not on other days; the day after the deadline an overdue reminder (through the command).
    assert send_reminders(dt.date(2024, 11, 18), days_before=3).sent == []
    out = StringIO()
    call_command("send_report_reminders", "--today", "21/11/2024", stdout=out)
    assert "Đã gửi 1 thư nhắc" in out.getvalue()
    assert ReminderLog.objects.filter(kind="overdue", unit=world.commune_b1).count() == 1
    # District A1 is missing on 11/11 but nobody is assigned there: reported, not sent.
    run = send_reminders(dt.date(2024, 11, 11))
    assert run.sent == [] and world.district_a1.name in run.without_recipient
    # A closed period sends nothing.
    period.is_closed = True
    period.save()
    assert send_reminders(dt.date(2024, 11, 17), days_before=3).sent == []
    assert send_reminders(dt.date(2024, 11, 21)).skipped == 0


def test_a_new_provinces_earlier_values_are_its_predecessors_sum(world):
    period, _form, (total, _girls) = setup_cycle(world)
    element = total.data_element
    old = [AdministrativeUnit.objects.create(code=f"C{n}", name=f"Tỉnh Cũ {n}", unit_type="tinh", level=1,
                                             parent=world.country, valid_to=dt.date(2025, 6, 30)) for n in (1, 2)]
    new = AdministrativeUnit.objects.create(code="M1", name="Tỉnh Mới", unit_type="tinh", level=1,
                                            parent=world.country, valid_from=dt.date(2025, 7, 1))
    for unit in old:
        UnitSuccession.objects.create(predecessor=unit, successor=new, kind="full")
    for unit, period_id, value in ((old[0], "2020", 10), (old[1], "2020", 5), (new, "2026", 20)):
        RollupValue.objects.create(unit=unit, level=1, period_id=period_id, data_element=element, value=value,
                                   submissions=1)
    points = reform.trend(new, element.pk, ["2020", "2021", "2026"])
    assert [(p.period_id, p.value, p.from_predecessors) for p in points] == [
        ("2020", Decimal(15), True), ("2021", None, True), ("2026", Decimal(20), False)]
    assert points[0].sources == ["Tỉnh Cũ 1", "Tỉnh Cũ 2"]
    assert "Tỉnh Cũ 1, Tỉnh Cũ 2" in points[0].note and "01/07/2025" in points[0].note
    assert points[2].note == ""
    # An old province's own series is its own.
    assert [p.value for p in reform.trend(old[0], element.pk, ["2020"])] == [Decimal(10)]


def test_completeness_api_is_scoped(world, api_client):
    period, _form = scenario(world)
    api_client.force_authenticate(world.manager_a)
    response = api_client.get("/api/v1/completeness/", {"period": period.pk, "level": 3})
    assert response.status_code == 200
    [communes] = response.json()
    assert (communes["level"], communes["expected"], communes["on_time"], communes["late"]) == (3, 2, 1, 1)
    assert {row["unit_name"] for row in communes["units"]} == {world.commune_a1a.name, world.commune_a1b.name}
    assert api_client.get("/api/v1/completeness/", {"period": 0}).status_code == 404
    api_client.force_authenticate(world.nobody)
    assert api_client.get("/api/v1/completeness/", {"period": period.pk}).status_code == 404
