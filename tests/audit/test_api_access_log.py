"""The API's share of the access log: a list of personal records is an export (one event, filters and row
count), a detail read or a write of one is a record access; other models and failed calls log nothing."""

from __future__ import annotations

from django.urls import reverse

from tretho.accounts.choices import SecurityEventKind
from tretho.accounts.models import SecurityEvent
from tretho.audit.models import RecordAccess
from tretho.core.exports import REDACTED
from tretho.orgs.models import Agency, Membership, SteeringCommittee


def make_membership(unit, name):
    agency = Agency.objects.create(name=f"Hội LHPN {unit.name}", kind="other", unit=unit)
    committee = SteeringCommittee.objects.create(name=f"Ban chỉ đạo {unit.name}", unit=unit)
    return Membership.objects.create(committee=committee, agency=agency, person_name=name, role="member")


def exports():
    return SecurityEvent.objects.filter(kind=SecurityEventKind.EXPORT)


def test_api_list_of_personal_records_is_logged_as_an_export(api_client, world):
    make_membership(world.commune_a1a, "Lê Thị Thu")
    make_membership(world.commune_a1b, "Lê Văn Tám")
    make_membership(world.commune_b1, "Phạm Văn Nam")
    api_client.force_authenticate(world.manager_a)
    response = api_client.get(reverse("api:committee-members-list"), {"limit": 1, "role": "member"})
    assert response.status_code == 200
    (event,) = exports()
    assert event.user == world.manager_a
    assert event.path == reverse("api:committee-members-list")
    assert event.detail == {"model": "orgs.Membership", "format": "api", "filters": {"role": "member"}, "rows": 1}

    api_client.get(reverse("api:committee-members-list"), {"q": "Lê Thị"})
    event = exports().latest("at")
    assert event.detail["filters"] == {"q": REDACTED} and event.detail["rows"] == 2  # in scope: A1a, A1b; not B1
    assert "Lê" not in str(event.detail)


def test_api_detail_and_change_of_a_personal_record_are_accesses(api_client, world):
    member = make_membership(world.commune_a1a, "Lê Thị Thu")
    api_client.force_authenticate(world.officer_a1a)
    url = reverse("api:committee-members-detail", args=[member.pk])
    assert api_client.get(url, REMOTE_ADDR="10.9.8.7").status_code == 200
    access = RecordAccess.objects.get()
    assert (access.user, access.action, access.object_id, access.ip_address, access.path) == (
        world.officer_a1a, "view", str(member.pk), "10.9.8.7", url)
    assert api_client.patch(url, {"position": "Ủy viên"}, format="json").status_code == 200
    assert RecordAccess.objects.latest("id").action == "change"
    assert not exports().exists()


def test_api_calls_that_fail_or_hold_no_personal_data_log_nothing(api_client, world):
    member = make_membership(world.commune_b1, "Phạm Văn Nam")
    api_client.force_authenticate(world.officer_a1a)
    assert api_client.get(reverse("api:committee-members-detail", args=[member.pk])).status_code == 404
    assert api_client.get(reverse("api:agencies-list")).status_code == 200
    assert not RecordAccess.objects.exists()
    assert not exports().exists()
