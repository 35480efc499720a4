"""/api/v1/units/: the hierarchy on a date, accent-free search and subtrees, all inside the user's scope."""

from __future__ import annotations

import datetime as dt

import pytest

from tretho.geo.choices import UnitLevel

URL = "/api/v1/units/"
AFTER = dt.date(2026, 1, 1)


@pytest.fixture
def api(client, make_user):
    def login(user):
        client.force_login(user)
        return client

    return login


def test_as_of_gives_63_or_34_provinces(real_units, api, make_user):
    client = api(make_user("api_super", superuser=True))
    assert client.get(URL, {"level": 1, "as_of": "2025-06-30"}).json()["count"] == 63
    assert client.get(URL, {"level": 1, "as_of": "2026-01-01"}).json()["count"] == 34


def test_search_and_subtree(real_units, api, make_user):
    client = api(make_user("api_super", superuser=True))
    results = client.get(URL, {"q": "ĐỒNG NAI", "as_of": "2026-01-01"}).json()["results"]
    assert results[0]["name"] == "Tỉnh Đồng Nai" and results[0]["valid_from"] == "2025-07-01"
    province = real_units.unit("75", on=AFTER, level=UnitLevel.PROVINCE)
    assert client.get(URL, {"within": province.pk}).json()["count"] == 1 + 95


def test_a_commune_officer_reads_only_their_units(real_units, api, make_user):
    ward = real_units.unit("26020", on=AFTER)
    client = api(make_user("api_officer", role="officer", unit=ward))
    codes = {row["code"] for row in client.get(URL, {"limit": 100}).json()["results"]}
    assert codes == {"26020", "26002", "25999"}  # the new ward and the three old ones it absorbed
    province = real_units.unit("75", on=AFTER, level=UnitLevel.PROVINCE)
    assert client.get(f"{URL}{province.pk}/").status_code == 404
