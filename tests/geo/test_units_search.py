"""Accent-insensitive search and Vietnamese sort order of administrative units."""

from __future__ import annotations

import datetime as dt

import pytest

from tretho.core.text import collation_key
from tretho.geo.choices import UnitLevel, UnitType
from tretho.geo.models import AdministrativeUnit

Units = AdministrativeUnit.objects
AFTER = dt.date(2026, 1, 1)
LAST_OLD_DAY = dt.date(2025, 6, 30)


@pytest.fixture
def places(db):
    vn = Units.create(code="VN", name="Việt Nam", level=0, unit_type=UnitType.COUNTRY)

    def add(code, name, short, level=UnitLevel.COMMUNE, unit_type=UnitType.COMMUNE, parent=None):
        return Units.create(code=code, name=name, short_name=short, level=level, unit_type=unit_type,
                            parent=parent or vn)

    dong_nai = add("75", "Tỉnh Đồng Nai", "Đồng Nai", UnitLevel.PROVINCE, UnitType.PROVINCE)
    return {
        "dong_nai": dong_nai,
        "duong": add("74", "Tỉnh Dương", "Dương", UnitLevel.PROVINCE, UnitType.PROVINCE),
        "hoa_an": add("26068", "Phường Hóa An", "Hóa An", unit_type=UnitType.WARD, parent=dong_nai),
        "hoa_an_2": add("26069", "Xã Hòa An", "Hòa An", parent=dong_nai),
        "thuy_old": add("1001", "Xã Thủy An", "Thủy An"),  # tone mark placed the old way…
        "thuy_new": add("1002", "Xã Thuỷ Bình", "Thuỷ Bình"),  # …and the new way
        "thanh": add("1003", "Xã Thanh An", "Thanh An"),
        "long_binh": add("26020", "Phường Long Bình", "Long Bình", unit_type=UnitType.WARD, parent=dong_nai),
    }


@pytest.mark.parametrize("query", ["dong nai", "Đồng Nai", "ĐỒNG NAI", "Dong Nai", "  dong   NAI "])
def test_dong_nai_is_found_however_it_is_typed(places, query):
    results = list(Units.ranked_search(query))
    assert results[0] == places["dong_nai"]
    assert places["long_binh"] in results  # its wards match through their full names


def test_thuy_finds_both_tone_placements(places):
    assert set(Units.search("thuy")) == {places["thuy_old"], places["thuy_new"]}
    assert set(Units.search("Thuỷ")) == set(Units.search("Thủy"))


def test_hoa_an_finds_hoa_an_and_words_must_start_a_word(places):
    results = list(Units.ranked_search("hoa an"))
    assert places["hoa_an"] in results and places["hoa_an_2"] in results
    assert places["thanh"] not in results  # "an" is not the start of a word in "Thanh"… but "An" is:
    assert places["thanh"] in Units.search("an")  # "Thanh An"
    assert places["thanh"] not in Units.search("hanh")  # never the middle of a word


def test_typed_accents_rank_the_exact_name_first(places):
    assert list(Units.ranked_search("Hóa An"))[0] == places["hoa_an"]
    assert list(Units.ranked_search("Hòa An"))[0] == places["hoa_an_2"]


def test_a_ward_is_found_by_its_name_and_its_province(places):
    assert list(Units.search("long binh dong nai")) == [places["long_binh"]]
    assert list(Units.search("26020")) == [places["long_binh"]]


def test_tones_sort_in_vietnamese_order():
    names = ["Hạ", "Há", "Hã", "Hả", "Hà", "Ha"]
    assert sorted(names, key=collation_key) == ["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"]


def test_d_with_stroke_sorts_after_d(places):
    provinces = list(Units.filter(level=UnitLevel.PROVINCE).order_by("sort_key").values_list("name", flat=True))
    assert provinces == ["Tỉnh Dương", "Tỉnh Đồng Nai"]


def test_units_sort_by_name_without_the_type_word(places):
    # "Phường Hóa An" sorts under H, not P; "Xã Hòa An" just before it (huyền before sắc).
    names = list(places["dong_nai"].children.order_by("sort_key").values_list("name", flat=True))
    assert names == ["Xã Hòa An", "Phường Hóa An", "Phường Long Bình"]


def test_a_unit_without_short_name_sorts_by_its_name(db):
    unit = Units.create(code="X1", name="Đồng Xoài", level=UnitLevel.COMMUNE, unit_type=UnitType.COMMUNE)
    assert unit.sort_key == collation_key("Đồng Xoài")


def test_real_provinces_in_vietnamese_order(real_units):
    names = list(Units.in_force_on(AFTER).provinces().order_by("sort_key").values_list("short_name", flat=True))
    assert names[:3] == ["An Giang", "Bắc Ninh", "Cà Mau"]
    assert names.index("Cần Thơ") < names.index("Đà Nẵng") < names.index("Đồng Nai") < names.index("Gia Lai")
    assert names.index("Hà Nội") < names.index("Hà Tĩnh") < names.index("Hải Phòng") < names.index("Hồ Chí Minh")


def test_real_search_finds_the_new_dong_nai_first(real_units):
    for query in ("dong nai", "ĐỒNG NAI"):
        results = Units.in_force_on(AFTER).ranked_search(query)
        assert results[0].name == "Tỉnh Đồng Nai" and results[0].valid_from == dt.date(2025, 7, 1)
    hoa_an = Units.in_force_on(LAST_OLD_DAY).ranked_search("hoa an")
    assert "Phường Hóa An, Thành phố Biên Hòa, Tỉnh Đồng Nai" in {u.full_name for u in hoa_an[:20]}
