"""The administrators' page "Ai đã xem hoặc sửa bản ghi nào": accesses and changes of personal records by the
users an administrator oversees, filtered by user, dates (dd/mm/yyyy) and model, exportable (and logged)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import python_calamine
from django.urls import reverse
from django.utils import timezone

from tretho.accounts.choices import SecurityEventKind
from tretho.accounts.models import SecurityEvent
from tretho.audit.models import RecordAccess
from tretho.orgs.models import Agency, Membership, SteeringCommittee

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
URL = reverse("audit:access_report")


def login(client, user):
    client.force_login(user, backend=MODEL_BACKEND)
    return user


def make_membership(unit, name):
    agency = Agency.objects.create(name=f"Hội LHPN {unit.name}", kind="other", unit=unit)
    committee = SteeringCommittee.objects.create(name=f"Ban chỉ đạo {unit.name}", unit=unit)
    return Membership.objects.create(committee=committee, agency=agency, person_name=name, role="member")


def day(text):
    return dt.datetime.strptime(text, "%d/%m/%Y").date()


def at(text, hour=10):
    return timezone.make_aware(dt.datetime.combine(day(text), dt.time(hour)))


@pytest.fixture
def accesses(client, world):
    """officer_a1a opens a member's page and changes it; officer_b1 (another province) opens one in B1."""
    in_a = make_membership(world.commune_a1a, "Lê Thị Thu")
    in_b = make_membership(world.commune_b1, "Phạm Văn Nam")
    login(client, world.officer_a1a)
    assert client.get(reverse("orgs:membership_detail", args=[in_a.pk])).status_code == 200
    page = client.get(reverse("orgs:membership_edit", args=[in_a.pk]))
    data = {name: page.context["form"][name].value() or "" for name in page.context["form"].fields}
    assert client.post(reverse("orgs:membership_edit", args=[in_a.pk]), data | {"position": "Ủy viên"}).status_code \
        == 302
    login(client, world.officer_b1)
    assert client.get(reverse("orgs:membership_detail", args=[in_b.pk])).status_code == 200
    client.logout()
    return in_a, in_b


def test_report_answers_who_saw_or_changed_what_between_two_dates(client, world, accesses):
    in_a, in_b = accesses
    today = timezone.localdate().strftime("%d/%m/%Y")
    login(client, world.admin_a)
    response = client.get(URL, {"start": today, "end": today})
    assert response.status_code == 200
    rows = response.context["rows"]
    seen = {(row.username, row.action, row.object_id) for row in rows}
    # The officer's view of the detail and edit pages, the change (page log and history), all for in_a.
    assert ("officer_a1a", "Xem", str(in_a.pk)) in seen
    assert ("officer_a1a", "Sửa", str(in_a.pk)) in seen
    assert [row.path for row in rows if row.action == "Xem"][:2] == [
        reverse("orgs:membership_edit", args=[in_a.pk]), reverse("orgs:membership_detail", args=[in_a.pk])]
    # officer_b1 works in another province: not a user admin_a oversees.
    assert not [row for row in rows if row.username == "officer_b1"]
    html = response.content.decode()
    assert "officer_a1a" in html and reverse("orgs:membership_detail", args=[in_a.pk]) in html
    assert "Lê Thị Thu" not in html, "the report names records by id, not by their people"

    # The superuser oversees everyone.
    login(client, world.superuser)
    rows = client.get(URL, {"start": today, "end": today}).context["rows"]
    assert ("officer_b1", "Xem", str(in_b.pk)) in {(row.username, row.action, row.object_id) for row in rows}


def test_report_filters_by_user_dates_and_model(client, world, accesses):
    in_a, _in_b = accesses
    RecordAccess.objects.filter(user=world.officer_a1a).update(at=at("15/03/2026"))
    login(client, world.admin_a)
    rows = client.get(URL, {"start": "15/03/2026", "end": "15/03/2026", "user": world.officer_a1a.pk,
                            "model": "orgs.membership"}).context["rows"]
    assert {row.action for row in rows} == {"Xem", "Sửa"}  # the page accesses moved to 15/03
    assert all(row.at.date() == day("15/03/2026") for row in rows)
    assert not client.get(URL, {"start": "16/03/2026", "end": "16/03/2026"}).context["rows"]
    # Another model: none of these rows.
    rows = client.get(URL, {"start": "15/03/2026", "end": "15/03/2026", "model": "accounts.user"}).context["rows"]
    assert not rows
    # Dates are read dd/mm/yyyy; an inverted range is refused with a message.
    response = client.get(URL, {"start": "16/03/2026", "end": "15/03/2026"})
    assert response.context["form"].errors and not response.context["rows"]
    response = client.get(URL, {"start": "2026-03-15"})
    assert "start" in response.context["form"].errors


def test_report_is_for_administrators_only(client, world):
    for user in (world.manager_a, world.officer_a1a, world.viewer_a):
        login(client, user)
        assert client.get(URL).status_code == 403
    client.logout()
    assert client.get(URL).status_code == 302


def test_report_exports_to_excel_and_the_export_is_logged(client, world, accesses):
    in_a, _in_b = accesses
    today = timezone.localdate().strftime("%d/%m/%Y")
    login(client, world.admin_a)
    response = client.get(URL, {"start": today, "end": today, "xlsx": "1"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0)
    cells = [[str(cell) for cell in row] for row in sheet.to_python()]
    header = cells.index(next(row for row in cells if row[:2] == ["Thời điểm", "Người dùng"]))
    body = cells[header + 1:]
    assert any(row[1] == "officer_a1a" and row[3] == "Xem" and row[5] == str(in_a.pk) for row in body)
    assert all(row[1] != "officer_b1" for row in body)
    event = SecurityEvent.objects.filter(kind=SecurityEventKind.EXPORT, user=world.admin_a).latest("at")
    assert event.detail == {"model": "audit.RecordAccess", "format": "xlsx", "rows": len(body),
                            "filters": {"start": timezone.localdate().isoformat(),
                                        "end": timezone.localdate().isoformat()}}
