"""Add forms preselect the unit when the user may write into only one: an officer of one commune finds it
selected; a manager of a province (many units) picks one; an edit form keeps the record's own unit."""

from __future__ import annotations

from django.urls import reverse

from tretho.core.testing.suites import login
from tretho.orgs.models import Agency


def unit_field(client, url):
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    return form, form["unit"]


def test_an_officer_of_one_commune_finds_it_selected(client, world):
    login(client, world.officer_a1a)
    form, bound = unit_field(client, reverse("orgs:agency_add"))
    assert bound.initial == world.commune_a1a.pk
    html = str(bound)
    assert f'value="{world.commune_a1a.pk}" selected' in html
    # Saving without touching the field files the record under that commune.
    response = client.post(reverse("orgs:agency_add"), {"name": "Hội Phụ nữ xã", "kind": "other",
                                                        "unit": world.commune_a1a.pk})
    assert response.status_code == 302
    assert Agency.objects.get(name="Hội Phụ nữ xã").unit == world.commune_a1a


def test_a_manager_of_many_units_picks_one(client, world):
    login(client, world.manager_a)
    form, bound = unit_field(client, reverse("orgs:agency_add"))
    assert bound.initial is None
    assert " selected" not in str(bound).replace('value="" selected', "")


def test_an_edit_form_keeps_the_record_unit(client, world):
    agency = Agency.objects.create(name="Hội cũ", kind="other", unit=world.commune_a1a)
    login(client, world.manager_a)
    form, bound = unit_field(client, reverse("orgs:agency_edit", args=[agency.pk]))
    assert bound.initial == world.commune_a1a.pk
