"""The unit browser on the real lists: the "as of" switch, search, counts, unit pages, and scope (404)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tretho.geo.choices import UnitLevel
from tretho.geo.models import AdministrativeUnit, IndustrialZone

AFTER = dt.date(2026, 1, 1)
LAST_OLD_DAY = dt.date(2025, 6, 30)
LIST_URL = reverse("geo:administrativeunit_list")
Units = AdministrativeUnit.objects


def detail_url(unit, **params):
    from urllib.parse import urlencode

    return reverse("geo:administrativeunit_detail", args=[unit.pk]) + (f"?{urlencode(params)}" if params else "")


@pytest.fixture
def superuser_client(client, make_user):
    client.force_login(make_user("geo_super", superuser=True))
    return client


@pytest.fixture
def long_binh_officer(real_units, make_user):
    """An officer of the new phường Long Bình (Đồng Nai), formed from three old wards of Biên Hòa."""
    return make_user("officer_long_binh", role="officer", unit=real_units.unit("26020", on=AFTER))


def test_the_list_needs_login(client, db):
    response = client.get(LIST_URL)
    assert response.status_code == 302 and "login" in response["Location"]


def test_as_of_switches_between_63_and_34_provinces(real_units, superuser_client):
    after = superuser_client.get(LIST_URL, {"as_of": "01/01/2026"})
    before = superuser_client.get(LIST_URL, {"as_of": "30/06/2025"})
    assert len(after.context["rows"]) == 34
    assert len(before.context["rows"]) == 63
    assert {row.unit.valid_from for row in after.context["rows"]} == {dt.date(2025, 7, 1)}
    assert {row.unit.valid_to for row in before.context["rows"]} == {LAST_OLD_DAY}
    assert "Tỉnh Bình Phước" in before.content.decode() and "Tỉnh Bình Phước" not in after.content.decode()
    assert after.context["total_communes"] == 3321 and before.context["total_communes"] == 10_035


def test_the_list_counts_children_and_communes_in_vietnamese_order(real_units, superuser_client):
    rows = superuser_client.get(LIST_URL, {"as_of": "30/06/2025"}).context["rows"]
    by_name = {row.unit.name: row for row in rows}
    dong_nai = by_name["Tỉnh Đồng Nai"]
    districts = Units.in_force_on(LAST_OLD_DAY).filter(parent=dong_nai.unit).count()
    assert dong_nai.children == districts == 11
    assert dong_nai.communes == Units.in_force_on(LAST_OLD_DAY).communes().subtree_of(dong_nai.unit).count()
    names = [row.unit.short_name for row in rows]
    assert names.index("Bình Dương") < names.index("Bình Phước") < names.index("Cà Mau") < names.index("Đà Nẵng")


def test_the_default_date_is_today(real_units, superuser_client):
    response = superuser_client.get(LIST_URL)
    today = timezone.localdate()  # Asia/Ho_Chi_Minh
    assert response.context["as_of"] == today
    assert f'value="{today:%d/%m/%Y}"' in response.content.decode()  # the date box shows the date in effect
    assert len(response.context["rows"]) == (34 if today >= dt.date(2025, 7, 1) else 63)


def test_a_bad_date_is_explained_beside_the_field_and_today_is_used(real_units, superuser_client):
    response = superuser_client.get(LIST_URL, {"as_of": "31/02/2025", "q": "dong nai"})
    assert response.status_code == 200
    assert "dd/mm/yyyy" in response.content.decode()
    assert response.context["form"].errors["as_of"]
    assert response.context["query"] == "dong nai"  # the search still runs


@pytest.mark.parametrize("query", ["dong nai", "ĐỒNG NAI", "Đồng Nai"])
def test_search_without_accents_finds_dong_nai_first(real_units, superuser_client, query):
    response = superuser_client.get(LIST_URL, {"q": query, "as_of": "01/01/2026"})
    results = list(response.context["page"].object_list)
    assert results[0].name == "Tỉnh Đồng Nai" and results[0].valid_from == dt.date(2025, 7, 1)
    assert response.context["page"].paginator.count == 1 + 95  # the province and its communes
    assert response.context["other_periods_count"] > 0  # the old Đồng Nai and its units, one click away


def test_search_of_all_periods_includes_dissolved_units(real_units, superuser_client):
    response = superuser_client.get(LIST_URL, {"q": "hoa an", "as_of": "01/01/2026", "all_periods": "on"})
    names = {unit.full_name for unit in response.context["page"].paginator.object_list}
    assert "Phường Hóa An, Thành phố Biên Hòa, Tỉnh Đồng Nai" in names


def test_a_commune_officer_sees_only_their_subtree(real_units, client, long_binh_officer):
    client.force_login(long_binh_officer)
    rows = client.get(LIST_URL, {"as_of": "01/01/2026"}).context["rows"]
    assert [row.unit.name for row in rows] == ["Phường Long Bình"]
    # Before the reform: the three old wards it was formed from (their records stay readable).
    rows = client.get(LIST_URL, {"as_of": "30/06/2025"}).context["rows"]
    assert {row.unit.name for row in rows} == {"Phường Hố Nai", "Phường Long Bình", "Phường Tân Biên"}
    results = client.get(LIST_URL, {"q": "dong nai", "all_periods": "on"}).context["page"].paginator.object_list
    assert {unit.code for unit in results} == {"26020", "26002", "25999"}
    assert all("Đồng Nai" in unit.full_name for unit in results)


def test_units_outside_the_officers_scope_answer_404(real_units, client, long_binh_officer):
    client.force_login(long_binh_officer)
    own = real_units.unit("26020", on=AFTER)
    assert client.get(detail_url(own)).status_code == 200
    province = real_units.unit("75", on=AFTER, level=UnitLevel.PROVINCE)
    ninh_binh = real_units.unit("37", on=AFTER, level=UnitLevel.PROVINCE)
    hoa_an = real_units.unit("26068", on=LAST_OLD_DAY)
    for unit in (province, ninh_binh, hoa_an):
        assert client.get(detail_url(unit)).status_code == 404
    assert client.get(reverse("geo:administrativeunit_detail", args=[10**9])).status_code == 404


def test_the_page_of_an_old_province_lists_its_districts_with_counts(real_units, superuser_client):
    old_dong_nai = real_units.unit("75", on=LAST_OLD_DAY, level=UnitLevel.PROVINCE)
    response = superuser_client.get(detail_url(old_dong_nai))
    assert response.context["as_of"] == LAST_OLD_DAY  # not in force today: shown as of its last day
    children = {row.unit.name: row for row in response.context["children"]}
    assert len(children) == 11
    assert children["Thành phố Biên Hòa"].children == 25  # Biên Hòa's wards and communes in 2025
    assert children["Thành phố Biên Hòa"].communes == 25
    html = response.content.decode()
    assert "30/06/2025" in html
    successors = response.context["successors"]
    assert [(row.unit.name, row.kind) for row in successors] == [("Tỉnh Đồng Nai", "full")]
    assert successors[0].url == detail_url(real_units.unit("75", on=AFTER, level=UnitLevel.PROVINCE))


def test_the_page_of_a_new_commune_shows_breadcrumbs_validity_and_predecessors(real_units, superuser_client):
    long_binh = real_units.unit("26020", on=AFTER)
    response = superuser_client.get(detail_url(long_binh))
    html = response.content.decode()
    assert "breadcrumb" in html and "Tỉnh Đồng Nai" in html
    assert "01/07/2025" in html  # in force from
    predecessors = {row.unit.name: row.kind for row in response.context["predecessors"]}
    assert predecessors == {"Phường Hố Nai": "full", "Phường Long Bình": "full", "Phường Tân Biên": "full"}
    assert "Sáp nhập toàn bộ" in html


def test_a_split_commune_shows_its_partial_successors(real_units, superuser_client):
    cong_vi = real_units.unit("00007", on=LAST_OLD_DAY)
    response = superuser_client.get(detail_url(cong_vi))
    assert {(row.unit.name, row.kind) for row in response.context["successors"]} == {
        ("Phường Giảng Võ", "partial"), ("Phường Ngọc Hà", "partial"),
    }
    assert "Sáp nhập một phần" in response.content.decode()


def test_the_unit_page_lists_industrial_zones_of_its_subtree(real_units, superuser_client):
    province = real_units.unit("75", on=AFTER, level=UnitLevel.PROVINCE)
    long_binh = real_units.unit("26020", on=AFTER)
    IndustrialZone.objects.create(name="Khu công nghiệp Amata", unit=long_binh)
    IndustrialZone.objects.create(name="Khu công nghiệp Tân Thuận", unit=real_units.unit("79", on=AFTER, level=1))
    response = superuser_client.get(detail_url(province))
    assert [zone.name for zone in response.context["zones"]] == ["Khu công nghiệp Amata"]
    assert "Khu công nghiệp Amata" in response.content.decode()


def test_the_detail_date_switch_shows_the_unit_as_of_another_day(real_units, superuser_client):
    old_bien_hoa = Units.in_force_on(LAST_OLD_DAY).get(name="Thành phố Biên Hòa")
    response = superuser_client.get(detail_url(old_bien_hoa, as_of="01/01/2020"))
    assert response.context["in_force"] is True and response.context["as_of"] == dt.date(2020, 1, 1)
    response = superuser_client.get(detail_url(old_bien_hoa, as_of="01/01/2026"))
    assert response.context["in_force"] is False and response.context["as_of"] == LAST_OLD_DAY
    assert "không có hiệu lực vào ngày 01/01/2026" in response.content.decode()


def test_a_dissolved_unit_found_by_search_opens_on_a_day_it_existed(real_units, superuser_client):
    response = superuser_client.get(LIST_URL, {"q": "hoa an bien hoa", "as_of": "01/01/2026", "all_periods": "on"})
    hoa_an = next(u for u in response.context["page"].object_list if u.name == "Phường Hóa An")
    assert hoa_an.browse_url == detail_url(hoa_an)  # no as_of: the page picks 30/06/2025
    page = superuser_client.get(hoa_an.browse_url)
    assert page.context["in_force"] is True and page.context["as_of"] == LAST_OLD_DAY
