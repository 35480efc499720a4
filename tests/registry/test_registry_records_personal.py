"""Personal data of the registry (owner name and phone; staff name, birth year and phone) only for roles that need
it: a viewer sees counts, not names, on lists, the group page, detail and history pages, in the API, and cannot
export; roles with the need see and export them."""

from __future__ import annotations

import io

import pytest
import python_calamine
from django.urls import reverse
from django.utils.html import escape

from tests.registry.records_factories import make_group, make_staff
from tretho.registry.choices import StaffRole

BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture
def records(world):
    group = make_group(world.commune_a1a, "Nhóm trẻ Sơn Ca", owner_name="Hoàng Thị Xuân Chủ",
                       owner_phone="0911222333")
    staff = make_staff(group, full_name="Lý Thị Bảo Mẫu", birth_year=1987, phone="0944555666",
                       role=StaffRole.CAREGIVER)
    return group, staff


def secrets(group, staff):
    return ["Hoàng Thị Xuân Chủ", "0911222333", "Lý Thị Bảo Mẫu", "0944555666", "1987"]


def pages(group, staff):
    return [reverse("registry:childcaregroup_list"), group.get_absolute_url(),
            reverse("registry:childcaregroup_history", args=[group.pk]), reverse("registry:staff_list"),
            staff.get_absolute_url(), reverse("registry:staff_history", args=[staff.pk])]


def test_viewer_pages_show_no_personal_value(client, world, records):
    group, staff = records
    client.force_login(world.viewer_a, backend=BACKEND)
    for url in pages(group, staff):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        leaked = [value for value in secrets(group, staff) if escape(value) in html]
        assert not leaked, f"{url} shows {leaked} to a viewer"
    # The staff list still shows the record, linked by its role.
    html = client.get(reverse("registry:staff_list")).content.decode()
    assert staff.get_absolute_url() in html and escape("Bảo mẫu, người chăm sóc trẻ") in html


@pytest.mark.parametrize("user_key", ["officer_a1a", "approver_a1", "manager_a"])
def test_roles_with_the_need_see_the_names(client, world, records, user_key):
    group, staff = records
    client.force_login(world.user(user_key), backend=BACKEND)
    html = client.get(group.get_absolute_url()).content.decode()
    assert escape("Hoàng Thị Xuân Chủ") in html and "0911222333" in html and escape("Lý Thị Bảo Mẫu") in html
    html = client.get(reverse("registry:staff_list")).content.decode()
    assert escape("Lý Thị Bảo Mẫu") in html and "0944555666" in html


def test_search_does_not_find_groups_by_their_owner(client, world, records):
    """Names are not in the search key: nobody can probe for a person through the list."""
    client.force_login(world.viewer_a, backend=BACKEND)
    response = client.get(reverse("registry:childcaregroup_list"), {"q": "Xuân Chủ"})
    assert response.context["table"].paginator.count == 0
    response = client.get(reverse("registry:childcaregroup_list"), {"q": "son ca"})
    assert response.context["table"].paginator.count == 1


def read(content: bytes) -> str:
    sheet = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()
    return "\n".join(" | ".join(str(cell) for cell in row) for row in sheet)


def test_export_is_not_for_viewers_and_carries_names_for_officers(client, world, records):
    group, staff = records
    client.force_login(world.viewer_a, backend=BACKEND)
    for name in ("childcaregroup", "staff"):
        assert client.post(reverse(f"registry:{name}_export")).status_code == 404
    client.force_login(world.officer_a1a, backend=BACKEND)
    groups = read(client.post(reverse("registry:childcaregroup_export")).content)
    assert "Nhóm trẻ Sơn Ca" in groups and "Hoàng Thị Xuân Chủ" in groups and "0911222333" in groups
    people = read(client.post(reverse("registry:staff_export"), {"q": "son ca"}).content)
    assert "Lý Thị Bảo Mẫu" in people and "1987" in people and "1.987" not in people


def test_api_withholds_personal_fields_from_viewers(api_client, world, records):
    group, staff = records
    api_client.force_authenticate(world.viewer_a)
    rows = api_client.get(reverse("api:childcare-groups-list")).json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    assert [row["name"] for row in rows] == ["Nhóm trẻ Sơn Ca"]
    assert not {"owner_name", "owner_phone"} & set(rows[0])
    body = api_client.get(reverse("api:group-staff-detail", args=[staff.pk])).json()
    assert body["role"] == StaffRole.CAREGIVER
    assert not {"full_name", "birth_year", "phone"} & set(body)
    assert not [value for value in secrets(group, staff)
                if value in api_client.get(reverse("api:group-staff-list")).content.decode()]
    api_client.force_authenticate(world.officer_a1a)
    body = api_client.get(reverse("api:group-staff-detail", args=[staff.pk])).json()
    assert (body["full_name"], body["birth_year"], body["phone"]) == ("Lý Thị Bảo Mẫu", 1987, "0944555666")


def test_viewer_cannot_write_personal_fields_through_the_api(api_client, world, records):
    _group, staff = records
    api_client.force_authenticate(world.viewer_a)
    response = api_client.patch(reverse("api:group-staff-detail", args=[staff.pk]), {"full_name": "X"},
                                format="json")
    assert response.status_code == 404
    staff.refresh_from_db()
    assert staff.full_name == "Lý Thị Bảo Mẫu"
