"""The records' rules hold through the forms and the API alike: girls + boys = children by age, a licensed group
has its decision number, a group and an enterprise belong to a commune, choices stay within the scope."""

from __future__ import annotations

from django.urls import reverse

from tests.registry.records_factories import make_enterprise, make_group, make_zone
from tretho.registry.models import ChildcareGroup, Enrolment

BACKEND = "django.contrib.auth.backends.ModelBackend"


def test_enrolment_sexes_must_add_up_in_the_form_and_the_api(client, api_client, world):
    group = make_group(world.commune_a1a)
    client.force_login(world.officer_a1a, backend=BACKEND)
    data = {"group": group.pk, "as_of": "05/09/2025", "children_13_24": "6", "children_25_36": "4", "girls": "5",
            "boys": "4", "workers_children": "0"}
    response = client.post(reverse("registry:enrolment_add"), data)
    assert response.status_code == 400
    assert "phải bằng tổng số trẻ theo độ tuổi (10)" in str(response.context["form"].errors["boys"])
    api_client.force_authenticate(world.officer_a1a)
    body = {"group": group.pk, "as_of": "2025-09-05", "children_13_24": 6, "girls": 2, "boys": 2,
            "workers_children": 7}
    response = api_client.post(reverse("api:group-enrolments-list"), body, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"boys", "workers_children"}
    assert not Enrolment.objects.exists()
    response = api_client.post(reverse("api:group-enrolments-list"), body | {"boys": 4, "workers_children": 3},
                               format="json")
    assert response.status_code == 201, response.content
    assert (response.json()["total"], response.json()["under_36_months"]) == (6, 6)


def test_a_partial_api_update_is_checked_against_the_stored_record(api_client, world):
    group = make_group(world.commune_a1a, is_licensed=True, licence_number="05/GP-UBND")
    api_client.force_authenticate(world.officer_a1a)
    url = reverse("api:childcare-groups-detail", args=[group.pk])
    response = api_client.patch(url, {"licence_number": ""}, format="json")
    assert response.status_code == 400
    assert "licence_number" in response.json()
    group.refresh_from_db()
    assert group.licence_number == "05/GP-UBND"
    assert api_client.patch(url, {"capacity": 40}, format="json").status_code == 200


def test_group_belongs_to_a_commune(client, world):
    client.force_login(world.manager_a, backend=BACKEND)
    data = {"name": "Nhóm trẻ Tuổi Thơ", "kind": "nhom_tre", "unit": world.district_a1.pk, "status": "operating",
            "age_from_months": "6", "age_to_months": "36"}
    response = client.post(reverse("registry:childcaregroup_add"), data)
    assert response.status_code == 400 and "unit" in response.context["form"].errors
    response = client.post(reverse("registry:childcaregroup_add"), data | {"unit": world.commune_a1b.pk})
    assert response.status_code == 302
    assert ChildcareGroup.objects.get(name="Nhóm trẻ Tuổi Thơ").unit == world.commune_a1b


def test_group_form_offers_communes_in_scope_and_zones_of_the_province(client, world):
    """A commune officer names a zone recorded at the district (not in their scope), not one of another
    province."""
    mine, foreign = make_zone(world.district_a1, "KCN Amata"), make_zone(world.province_b, "KCN Núi Bạc")
    client.force_login(world.officer_a1a, backend=BACKEND)
    form = client.get(reverse("registry:childcaregroup_add")).context["form"]
    assert list(form.fields["unit"].queryset) == [world.commune_a1a]
    assert mine in form.fields["zone"].queryset and foreign not in form.fields["zone"].queryset
    data = {"name": "Nhóm trẻ Hướng Dương", "kind": "nhom_tre", "unit": world.commune_a1a.pk, "zone": foreign.pk,
            "status": "operating", "age_from_months": "6", "age_to_months": "36"}
    response = client.post(reverse("registry:childcaregroup_add"), data)
    assert response.status_code == 400 and "zone" in response.context["form"].errors


def test_contribution_recipient_must_be_a_group_the_user_sees(client, world):
    enterprise = make_enterprise(world.commune_a1a)
    foreign_group = make_group(world.commune_b1)
    client.force_login(world.officer_a1a, backend=BACKEND)
    data = {"enterprise": enterprise.pk, "date": "01/06/2025", "kind": "money", "value": "1.000.000",
            "recipient_group": foreign_group.pk}
    response = client.post(reverse("registry:enterprisecontribution_add"), data)
    assert response.status_code == 400 and "recipient_group" in response.context["form"].errors
    assert not enterprise.contributions.exists()


def test_zone_choices_of_the_filter_and_api_follow_the_same_rule(client, api_client, world):
    mine, foreign = make_zone(world.province_a, "KCN Sông Mây"), make_zone(world.commune_b1, "KCN Bình Minh")
    client.force_login(world.officer_a1a, backend=BACKEND)
    zones = client.get(reverse("registry:childcaregroup_list")).context["filterset"].form.fields["zone"].queryset
    assert set(zones) == {mine}
    api_client.force_authenticate(world.officer_a1a)
    body = {"name": "Nhóm trẻ Chim Non", "unit": world.commune_a1a.pk, "zone": foreign.pk}
    assert api_client.post(reverse("api:childcare-groups-list"), body, format="json").status_code == 400
    response = api_client.post(reverse("api:childcare-groups-list"), body | {"zone": mine.pk}, format="json")
    assert response.status_code == 201, response.content
