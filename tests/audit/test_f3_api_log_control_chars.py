"""A query string with NUL or other control characters in a filter's name or value is logged without them
(PostgreSQL refuses NUL in a JSON field: the API list would answer 500 instead of its rows)."""

from __future__ import annotations

from django.urls import reverse

from tretho.accounts.choices import SecurityEventKind
from tretho.accounts.models import SecurityEvent
from tretho.orgs.models import Agency, Membership, SteeringCommittee


def test_api_list_logs_filters_without_control_characters(api_client, world):
    unit = world.commune_a1a
    agency = Agency.objects.create(name="Hội LHPN", kind="other", unit=unit)
    committee = SteeringCommittee.objects.create(name="Ban chỉ đạo", unit=unit)
    Membership.objects.create(committee=committee, agency=agency, person_name="Lê Thị Thu", role="member")
    api_client.force_authenticate(world.manager_a)
    url = reverse("api:committee-members-list")
    response = api_client.get(url + "?ro%00le=mem%00ber&x%1By=1%0A2&%00=5&z=%00")
    assert response.status_code == 200
    event = SecurityEvent.objects.get(kind=SecurityEventKind.EXPORT)
    # Names and values keep their printable characters; a name or value of control characters only is dropped.
    assert event.detail["filters"] == {"role": "member", "xy": "12"}
    assert "\x00" not in str(event.detail)
