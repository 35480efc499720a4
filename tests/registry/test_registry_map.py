"""The map of childcare groups: scoped points, the commune's position when a group has none, colours by status
and by last visit outcome, the filters, and the page's own static files (no inline script for the CSP)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tretho.core.testing.suites import login
from tretho.registry import views_map
from tretho.registry.choices import GroupStatus, VisitOutcome
from tretho.registry.models import ChecklistTemplate, ChildcareGroup, SupervisionVisit

pytestmark = pytest.mark.django_db
MAP_URL = "registry:group_map"


def map_data(client, **params) -> dict:
    response = client.get(reverse(MAP_URL), params)
    assert response.status_code == 200
    html = response.content.decode()
    found = re.search(r'<script id="group-map-data" type="application/json">(.*?)</script>', html, re.S)
    assert found, "the map data is missing from the page"
    return json.loads(found.group(1))


def by_name(data: dict) -> dict[str, dict]:
    return {point["name"]: point for point in data["points"]}


@pytest.fixture
def groups(world):
    for unit, lat, lon in ((world.commune_a1a, 10.9391, 106.8845), (world.commune_a1b, 10.9336, 106.7972),
                           (world.commune_b1, 16.4637, 107.5909)):
        unit.latitude, unit.longitude = lat, lon
        unit.save(update_fields=["latitude", "longitude"])
    world.district_a1.latitude, world.district_a1.longitude = 10.95, 106.84
    world.district_a1.save(update_fields=["latitude", "longitude"])
    template = ChecklistTemplate.objects.create(code="tt49", name="Tiêu chí", version_label="2021",
                                                effective_from=dt.date(2021, 1, 1), unit=world.country)
    made = {
        "placed": ChildcareGroup.objects.create(unit=world.commune_a1a, name="Nhóm Hoa Sen", latitude=10.95,
                                                longitude=106.89),
        "commune_1": ChildcareGroup.objects.create(unit=world.commune_a1a, name="Nhóm Sơn Ca"),
        "commune_2": ChildcareGroup.objects.create(unit=world.commune_a1a, name="Nhóm Họa Mi",
                                                   status=GroupStatus.SUSPENDED),
        "other_commune": ChildcareGroup.objects.create(unit=world.commune_a1b, name="Nhóm Tân Phú",
                                                       status=GroupStatus.CLOSED, closed_on=dt.date(2024, 1, 1)),
        "province_b": ChildcareGroup.objects.create(unit=world.commune_b1, name="Nhóm Bình Minh"),
    }
    SupervisionVisit.objects.create(group=made["placed"], date=dt.date(2023, 5, 1), template=template,
                                    outcome=VisitOutcome.DOES_NOT_MEET)
    SupervisionVisit.objects.create(group=made["placed"], date=dt.date(2024, 5, 1), template=template,
                                    outcome=VisitOutcome.MEETS_ALL)
    SupervisionVisit.objects.create(group=made["commune_1"], date=dt.date(2024, 6, 1), template=template)
    return made


def test_signed_out_goes_to_login_and_no_assignment_sees_no_group(client, world, groups):
    assert client.get(reverse(MAP_URL)).status_code == 302
    login(client, world.nobody)
    assert map_data(client)["points"] == []


def test_officer_sees_the_groups_of_their_commune_only(client, world, groups):
    login(client, world.officer_a1a)
    points = by_name(map_data(client))
    assert set(points) == {"Nhóm Hoa Sen", "Nhóm Sơn Ca", "Nhóm Họa Mi"}
    # A unit filter outside the scope is refused by the form: never widened to another province.
    assert by_name(map_data(client, unit=world.commune_b1.pk)).keys() == points.keys()
    login(client, world.officer_b1)
    assert set(by_name(map_data(client))) == {"Nhóm Bình Minh"}


def test_points_use_the_groups_coordinates_else_the_communes(client, world, groups):
    login(client, world.viewer_a)
    points = by_name(map_data(client))
    assert set(points) == {"Nhóm Hoa Sen", "Nhóm Sơn Ca", "Nhóm Họa Mi", "Nhóm Tân Phú"}
    assert (points["Nhóm Hoa Sen"]["lat"], points["Nhóm Hoa Sen"]["lon"]) == (10.95, 106.89)
    assert points["Nhóm Hoa Sen"]["approximate"] is False
    head, tail = data_url = map_data(client)["groupUrl"]
    assert f"{head}{points['Nhóm Hoa Sen']['id']}{tail}" == groups["placed"].get_absolute_url(), data_url
    # Two groups without coordinates in one commune: the first at its position, the next spread ~300 m around.
    first, second = points["Nhóm Sơn Ca"], points["Nhóm Họa Mi"]
    assert first["approximate"] and second["approximate"]
    assert {(first["lat"], first["lon"]), (second["lat"], second["lon"])} != {(10.9391, 106.8845)}
    assert (10.9391, 106.8845) in {(first["lat"], first["lon"]), (second["lat"], second["lon"])}
    assert all(abs(p["lat"] - 10.9391) < 0.01 and abs(p["lon"] - 106.8845) < 0.01 for p in (first, second))
    assert (points["Nhóm Tân Phú"]["lat"], points["Nhóm Tân Phú"]["lon"]) == (10.9336, 106.7972)


def test_a_commune_without_coordinates_falls_back_to_its_parent_or_is_listed_apart(client, world, groups):
    world.commune_a1b.latitude = world.commune_a1b.longitude = None
    world.commune_a1b.save(update_fields=["latitude", "longitude"])
    login(client, world.viewer_a)
    assert (by_name(map_data(client))["Nhóm Tân Phú"]["lat"], by_name(map_data(client))["Nhóm Tân Phú"]["lon"]) == (
        10.95, 106.84)  # the district's position
    world.district_a1.latitude = world.district_a1.longitude = None
    world.district_a1.save(update_fields=["latitude", "longitude"])
    response = client.get(reverse(MAP_URL))
    assert "Nhóm Tân Phú" not in by_name(map_data(client))
    assert "1 nhóm trẻ không hiện trên bản đồ" in response.content.decode()
    assert "Nhóm Tân Phú" in response.content.decode()


def test_colours_by_status_and_by_last_visit_outcome(client, world, groups):
    login(client, world.viewer_a)
    data = map_data(client)
    assert data["colourBy"] == "status"
    points = by_name(data)
    assert [points[n]["status"] for n in ("Nhóm Hoa Sen", "Nhóm Họa Mi", "Nhóm Tân Phú")] == [
        "operating", "suspended", "closed"]
    # The latest visit wins (2024 met all, after a 2023 failure); a visit with no outcome; never visited.
    assert points["Nhóm Hoa Sen"]["visit"] == VisitOutcome.MEETS_ALL
    assert points["Nhóm Hoa Sen"]["visit_date"] == "01/05/2024"
    assert points["Nhóm Sơn Ca"]["visit"] == views_map.NO_OUTCOME
    assert points["Nhóm Họa Mi"]["visit"] == views_map.NOT_VISITED
    status_legend = {item["key"]: item["count"] for item in data["legends"]["status"]}
    assert status_legend == {"operating": 2, "suspended": 1, "closed": 1}
    visit_legend = {item["key"]: item["count"] for item in data["legends"]["visit"]}
    assert visit_legend == {"meets_all": 1, "meets_partly": 0, "does_not_meet": 0, "no_outcome": 1,
                            "not_visited": 2}
    assert map_data(client, colour="visit")["colourBy"] == "visit"
    assert map_data(client, colour="rainbow")["colourBy"] == "status"  # an unknown colouring falls back


def test_filters_by_unit_subtree_and_status(client, world, groups):
    login(client, world.viewer_a)
    assert set(by_name(map_data(client, unit=world.commune_a1b.pk))) == {"Nhóm Tân Phú"}
    assert len(map_data(client, unit=world.district_a1.pk)["points"]) == 4
    assert set(by_name(map_data(client, status="suspended"))) == {"Nhóm Họa Mi"}


def test_the_page_uses_only_its_own_static_files(client, world, groups):
    login(client, world.viewer_a)
    html = client.get(reverse(MAP_URL)).content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    for attributes, body in scripts:
        if "src=" not in attributes:  # no inline code: only the data, as JSON
            assert 'type="application/json"' in attributes and json.loads(body), attributes
        assert "src=" not in attributes or "http" not in attributes  # no CDN
    assert "registry/group_map.js" in html and "vendor/echarts/echarts.min.js" in html
    assert ' style="' not in html  # the policy refuses inline styles
    for path in ("registry/group_map.js", "registry/group_map.css"):
        assert finders.find(path), path
    # Personal data stays out of the map: no owner name in the points.
    groups["placed"].owner_name = "Trần Thị Bích"
    groups["placed"].save(update_fields=["owner_name"])
    assert "Trần Thị Bích" not in client.get(reverse(MAP_URL)).content.decode()


def test_queries_do_not_grow_with_the_number_of_groups(client, world, groups):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    login(client, world.viewer_a)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(MAP_URL)).status_code == 200
        return len(captured)

    before = queries()
    for number in range(15):
        ChildcareGroup.objects.create(unit=world.commune_a1b, name=f"Nhóm thêm {number}",
                                      latitude=None if number % 2 else 10.93, longitude=None if number % 2 else 106.8)
    assert len(map_data(client)["points"]) == 4 + 15
    assert queries() == before
