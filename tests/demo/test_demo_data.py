"""What the demo puts where: hierarchy by plan date, users per role, scopes, links to the new units."""

import datetime as dt

import pytest

from tretho.accounts.choices import RoleCode
from tretho.accounts.models import User
from tretho.core.scoping import VIEW, user_can
from tretho.demo import data
from tretho.geo.models import AdministrativeUnit, IndustrialZone
from tretho.orgs.models import Agency, Membership, SteeringCommittee

pytestmark = pytest.mark.django_db

OLD_LONG_BINH = ("26020", 3, False)
NEW_LONG_BINH = ("26020", 3, True)
OLD_HOA_AN = ("26068", 3, False)


def visible_units(username: str) -> set[str]:
    user = User.objects.get(username=username)
    return set(AdministrativeUnit.objects.restrict(user, VIEW).values_list("full_name", flat=True))


def visible_agencies(username: str) -> set[str]:
    user = User.objects.get(username=username)
    return {f"{a.name} @ {a.unit.name}" for a in Agency.objects.restrict(user, VIEW).select_related("unit")}


def test_agency_keys_are_unique_and_parents_come_first():
    seen: set[str] = set()
    for spec in data.AGENCIES:
        assert spec.key not in seen
        assert not spec.parent or spec.parent in seen, spec.key
        seen.add(spec.key)
    referenced = {c.standing_agency for c in data.COMMITTEES} | {m.agency for c in data.COMMITTEES for m in c.members}
    referenced |= {a.agency for u in data.USERS for a in u.assignments if a.agency}
    assert referenced <= seen


def test_every_role_has_a_demo_user(demo_loaded):
    roles = set(User.objects.filter(username__startswith="demo.").values_list("role_assignments__role__code",
                                                                                flat=True))
    assert roles == set(RoleCode.values)
    for user in User.objects.filter(username__startswith="demo."):
        assert user.full_name and user.is_active and not user.is_superuser


def test_records_sit_in_the_hierarchy_of_their_plan(demo_loaded):
    old_long_binh = demo_loaded[OLD_LONG_BINH]
    assert Agency.objects.get(name="Ủy ban nhân dân xã Hóa An").unit == demo_loaded[OLD_HOA_AN]
    assert IndustrialZone.objects.get(name="KCN Amata").unit == old_long_binh
    assert old_long_binh.valid_to == dt.date(2025, 6, 30)
    committee = SteeringCommittee.objects.get(name="Ban Điều hành Đề án 404 tỉnh Đồng Nai")
    assert committee.unit.code == "75" and committee.unit.valid_to == dt.date(2025, 6, 30)
    assert committee.standing_agency.name == "Hội Liên hiệp Phụ nữ tỉnh Đồng Nai"
    head = Membership.objects.get(committee=committee, role="head")
    assert (head.person_name, head.position) == ("Lê Thị Ngọc Loan", "Chủ tịch Hội LHPN tỉnh Đồng Nai")
    ninh_binh = SteeringCommittee.objects.get(name="Ban Chỉ đạo thực hiện Đề án 1437 tỉnh Ninh Bình")
    assert ninh_binh.memberships.filter(person_name="Phạm Thanh Toàn", agency__name__startswith="Sở Giáo dục").exists()
    # Hương An's 2019 ward (code 20023), not the new ward that took code 19804 on 1/7/2025.
    assert Agency.objects.get(name="Ủy ban nhân dân phường Hương An").unit.code == "20023"


def test_post_reform_records_use_the_new_units(demo_loaded):
    officer = User.objects.get(username="demo.longbinh2025.officer")
    assert officer.role_assignments.get().unit == demo_loaded[NEW_LONG_BINH]
    manager = User.objects.get(username="demo.dongnai.manager")
    assert manager.role_assignments.get().unit.valid_from == dt.date(2025, 7, 1)


def test_old_units_of_the_demo_are_linked_to_their_successors(demo_loaded):
    assert list(demo_loaded[OLD_LONG_BINH].successors()) == [demo_loaded[NEW_LONG_BINH]]
    assert [u.name for u in demo_loaded[OLD_HOA_AN].successors()] == ["Phường Biên Hòa"]
    assert [u.name for u in demo_loaded[("20023", 3, False)].successors()] == ["Phường Hương An"]
    # Every old unit with a committee or a user reads on into the new hierarchy.
    refs = [c.unit for c in data.COMMITTEES] + [a.unit for u in data.USERS for a in u.assignments]
    for ref in refs:
        unit = AdministrativeUnit.objects.in_force_on(ref.on).get(code=ref.code, level=ref.level)
        if unit.valid_to is not None:
            assert unit.successors().exists(), ref


def test_commune_officer_sees_only_his_old_ward(demo_loaded):
    units = visible_units("demo.longbinh.officer")
    assert units == {"Phường Long Bình, Thành phố Biên Hòa, Tỉnh Đồng Nai"}
    agencies = visible_agencies("demo.longbinh.officer")
    assert "Ủy ban nhân dân phường Long Bình @ Phường Long Bình" in agencies
    assert not any("Hóa An" in a or "Ninh Bình" in a or "Hương An" in a for a in agencies)
    user = User.objects.get(username="demo.longbinh.officer")
    assert not user_can(user, VIEW, Agency.objects.get(name="Ủy ban nhân dân xã Hóa An"))
    assert not user_can(user, VIEW, demo_loaded[NEW_LONG_BINH])  # a successor is not his


def test_new_ward_officer_also_reads_the_wards_it_absorbed(demo_loaded):
    units = visible_units("demo.longbinh2025.officer")
    assert {"Phường Long Bình, Tỉnh Đồng Nai", "Phường Long Bình, Thành phố Biên Hòa, Tỉnh Đồng Nai",
            "Phường Tân Biên, Thành phố Biên Hòa, Tỉnh Đồng Nai"} <= units
    assert not any("Hóa An" in u or "Biên Hòa, Tỉnh" in u and u.startswith("Phường Biên Hòa") for u in units)
    agencies = visible_agencies("demo.longbinh2025.officer")
    assert "Ủy ban nhân dân phường Long Bình @ Phường Long Bình" in agencies
    assert "Ủy ban nhân dân xã Hóa An @ Phường Hóa An" not in agencies


def test_new_province_manager_reads_the_old_province(demo_loaded):
    agencies = visible_agencies("demo.dongnai.manager")
    assert "Ủy ban nhân dân xã Hóa An @ Phường Hóa An" in agencies
    assert "Sở Y tế tỉnh Đồng Nai @ Tỉnh Đồng Nai" in agencies
    assert not any("Ninh Bình" in a or "Hương An" in a for a in agencies)


def test_district_approver_sees_both_wards_of_the_plan_but_not_the_province(demo_loaded):
    agencies = visible_agencies("demo.bienhoa.approver")
    assert {"Ủy ban nhân dân phường Long Bình @ Phường Long Bình",
            "Ủy ban nhân dân xã Hóa An @ Phường Hóa An"} <= agencies
    assert "Ủy ban nhân dân tỉnh Đồng Nai @ Tỉnh Đồng Nai" not in agencies
    user = User.objects.get(username="demo.bienhoa.approver")
    assert not user_can(user, "change", Agency.objects.get(name="Ủy ban nhân dân xã Hóa An"))


def test_ninh_binh_viewer_reads_ninh_binh_only(demo_loaded):
    agencies = visible_agencies("demo.ninhbinh.viewer")
    assert "Sở Giáo dục và Đào tạo Ninh Bình @ Tỉnh Ninh Bình" in agencies
    assert not any("Đồng Nai" in a or "Hương An" in a for a in agencies)
    user = User.objects.get(username="demo.ninhbinh.viewer")
    assert not user_can(user, "change", Agency.objects.get(name="Sở Giáo dục và Đào tạo Ninh Bình"))


def test_admin_sees_all_demo_agencies(demo_loaded):
    admin = User.objects.get(username="demo.admin")
    assert Agency.objects.restrict(admin, VIEW).count() == Agency.objects.count() >= len(data.AGENCIES)
