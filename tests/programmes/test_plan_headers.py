"""Default header lines of a plan from its issuer (tretho.programmes.headers): a mass organisation with no parent
agency is headed by its own upper level, never by the People's Committee."""

from __future__ import annotations

import pytest

from tests.programmes.factories import make_agency, make_plan
from tretho.programmes.headers import is_youth_union


def header(plan) -> tuple[str, str]:
    return plan.parent_body, plan.issuing_body


def test_a_province_womens_union_is_headed_by_the_national_union(world):
    union = make_agency(world.province_a, name="Hội Liên hiệp Phụ nữ tỉnh Sông Hồng", kind="womens_union")
    plan = make_plan(world.province_a, agency=union)
    assert header(plan) == ("HỘI LHPN VIỆT NAM", "HỘI LIÊN HIỆP PHỤ NỮ TỈNH SÔNG HỒNG")


def test_a_district_womens_union_is_headed_by_the_provinces(world):
    union = make_agency(world.district_a1, name="Hội Liên hiệp Phụ nữ huyện Đông Hòa", kind="womens_union")
    assert header(make_plan(world.district_a1, agency=union))[0] == "HỘI LHPN TỈNH SÔNG HỒNG"
    commune = make_agency(world.commune_a1a, name="Hội Liên hiệp Phụ nữ xã Hòa An", kind="womens_union")
    assert header(make_plan(world.commune_a1a, agency=commune))[0] == "HỘI LHPN HUYỆN ĐÔNG HÒA"
    # A commune directly under its province (two-level government from 2025): the province's Union.
    ward = make_agency(world.commune_b1, name="Hội Liên hiệp Phụ nữ phường Bình Minh", kind="womens_union")
    assert header(make_plan(world.commune_b1, agency=ward))[0] == "HỘI LHPN TỈNH NÚI BẠC"


def test_labour_federation_and_youth_union(world):
    federation = make_agency(world.province_a, name="Liên đoàn Lao động tỉnh Sông Hồng", kind="labour_federation")
    assert header(make_plan(world.province_a, agency=federation)) == ("TỔNG LĐLĐ VIỆT NAM",
                                                                      "LIÊN ĐOÀN LAO ĐỘNG TỈNH SÔNG HỒNG")
    district = make_agency(world.district_a1, name="Liên đoàn Lao động huyện Đông Hòa", kind="labour_federation")
    assert header(make_plan(world.district_a1, agency=district))[0] == "LĐLĐ TỈNH SÔNG HỒNG"
    youth = make_agency(world.province_a, name="Tỉnh đoàn Sông Hồng", kind="other")
    assert header(make_plan(world.province_a, agency=youth))[0] == "TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH"
    district_youth = make_agency(world.district_a1, name="Đoàn TNCS Hồ Chí Minh huyện Đông Hòa", kind="other")
    assert header(make_plan(world.district_a1, agency=district_youth))[0] == "BCH ĐOÀN TỈNH SÔNG HỒNG"


def test_a_recorded_parent_agency_still_wins_and_state_bodies_keep_the_committee(world):
    central = make_agency(world.province_a, name="Ban Gia đình - Xã hội Trung ương Hội", kind="womens_union")
    union = make_agency(world.province_a, name="Hội LHPN tỉnh Sông Hồng", kind="womens_union", parent=central)
    assert header(make_plan(world.province_a, agency=union))[0] == "BAN GIA ĐÌNH - XÃ HỘI TRUNG ƯƠNG HỘI"
    school_office = make_agency(world.district_a1, name="Phòng Giáo dục và Đào tạo", kind="education")
    assert header(make_plan(world.district_a1, agency=school_office))[0] == "UBND HUYỆN ĐÔNG HÒA"
    other = make_agency(world.province_a, name="Hội Khuyến học tỉnh Sông Hồng", kind="other")
    assert header(make_plan(world.province_a, agency=other))[0] == "UBND TỈNH SÔNG HỒNG"


@pytest.mark.parametrize(("name", "expected"), [
    ("Tỉnh đoàn Đồng Nai", True),
    ("Thành đoàn Hà Nội", True),
    ("Huyện đoàn Nhơn Trạch", True),
    ("Ban Chấp hành Đoàn TNCS Hồ Chí Minh tỉnh Ninh Bình", True),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh phường Hương An", True),
    ("Liên đoàn Lao động tỉnh Đồng Nai", False),
    ("Hội Liên hiệp Phụ nữ tỉnh Đồng Nai", False),
    ("Đoàn kiểm tra liên ngành", False),
])
def test_youth_union_is_known_by_its_name(name, expected):
    assert is_youth_union(name) is expected
