"""Tree queries on a small hand-made tree: subtree, ancestors, hierarchy in force on a date, successions,
codes resolved by date, paths kept right by save(), the loader on a tiny source, and index use."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from tretho.geo.choices import SuccessionKind, UnitLevel, UnitType
from tretho.geo.loader import load_units
from tretho.geo.models import AdministrativeUnit, UnitSuccession
from tretho.geo.sources import COUNTRY_KEY, SuccessionRecord, UnitKey, UnitRecord, UnitSource

OLD_END, REFORM = dt.date(2025, 6, 30), dt.date(2025, 7, 1)
Units = AdministrativeUnit.objects


def unit(code, name, level, unit_type, parent=None, valid_from=None, valid_to=None):
    return Units.create(code=code, name=name, level=level, unit_type=unit_type, parent=parent,
                        valid_from=valid_from, valid_to=valid_to)


@pytest.fixture
def tree(db):
    """Việt Nam → old Tỉnh A (→ Huyện A1 → Xã A1a, Xã A1b) and new Tỉnh A (→ Xã Mới), Xã A1a split."""
    vn = unit("VN", "Việt Nam", UnitLevel.COUNTRY, UnitType.COUNTRY)
    old_a = unit("01", "Tỉnh A", UnitLevel.PROVINCE, UnitType.PROVINCE, vn, valid_to=OLD_END)
    a1 = unit("001", "Huyện A1", UnitLevel.DISTRICT, UnitType.RURAL_DISTRICT, old_a, valid_to=OLD_END)
    a1a = unit("00001", "Xã A1a", UnitLevel.COMMUNE, UnitType.COMMUNE, a1, valid_to=OLD_END)
    a1b = unit("00004", "Xã A1b", UnitLevel.COMMUNE, UnitType.COMMUNE, a1, valid_to=OLD_END)
    new_a = unit("01", "Tỉnh A", UnitLevel.PROVINCE, UnitType.PROVINCE, vn, valid_from=REFORM)
    new_x = unit("00004", "Xã Mới", UnitLevel.COMMUNE, UnitType.COMMUNE, new_a, valid_from=REFORM)
    new_y = unit("00007", "Xã Khác", UnitLevel.COMMUNE, UnitType.COMMUNE, new_a, valid_from=REFORM)
    links = [(old_a, new_a, "full"), (a1b, new_x, "full"), (a1a, new_x, "partial"), (a1a, new_y, "partial")]
    for predecessor, successor, kind in links:
        UnitSuccession.objects.create(predecessor=predecessor, successor=successor, kind=kind)
    return locals()


def test_paths_are_primary_keys_from_the_root(tree):
    vn, old_a, a1, a1a = tree["vn"], tree["old_a"], tree["a1"], tree["a1a"]
    assert a1a.path == f"/{vn.pk}/{old_a.pk}/{a1.pk}/{a1a.pk}/"
    assert a1a.full_name == "Xã A1a, Huyện A1, Tỉnh A"  # the country is left out


def test_subtree_and_ancestors(tree):
    old_a, a1, a1a, a1b = tree["old_a"], tree["a1"], tree["a1a"], tree["a1b"]
    assert set(Units.subtree_of(old_a)) == {old_a, a1, a1a, a1b}
    assert set(Units.subtree_of(old_a, include_self=False)) == {a1, a1a, a1b}
    assert set(a1.descendants()) == {a1a, a1b}
    assert list(a1a.ancestors()) == [tree["vn"], old_a, a1]
    assert a1a.breadcrumb_units() == [old_a, a1]


def test_subtree_prefix_does_not_catch_a_sibling_whose_id_starts_alike(tree):
    vn = tree["vn"]
    # Give a sibling an id that extends the old province's ("/1/2/" must not match "/1/23/").
    sibling = Units.create(pk=int(f"{tree['old_a'].pk}9"), code="99", name="Tỉnh Z", level=UnitLevel.PROVINCE,
                           unit_type=UnitType.PROVINCE, parent=vn, valid_to=OLD_END)
    assert sibling.path.startswith(tree["old_a"].path[:-1])
    assert sibling not in Units.subtree_of(tree["old_a"])


def test_hierarchy_in_force_on_a_date(tree):
    before = set(Units.in_force_on(OLD_END).values_list("name", flat=True))
    after = set(Units.hierarchy_on(REFORM).values_list("name", flat=True))
    assert before == {"Việt Nam", "Tỉnh A", "Huyện A1", "Xã A1a", "Xã A1b"}
    assert after == {"Việt Nam", "Tỉnh A", "Xã Mới", "Xã Khác"}
    assert list(tree["old_a"].children_on(OLD_END)) == [tree["a1"]]
    assert list(tree["old_a"].children_on(REFORM)) == []


def test_a_code_resolves_to_a_different_unit_on_each_side_of_the_reform(tree):
    assert Units.resolve("00004", on=OLD_END) == tree["a1b"]
    assert Units.resolve("00004", on=REFORM) == tree["new_x"]
    assert Units.resolve("01", on=OLD_END, level=UnitLevel.PROVINCE) == tree["old_a"]
    with pytest.raises(AdministrativeUnit.DoesNotExist):
        Units.resolve("00001", on=REFORM)


def test_successors_and_predecessors(tree):
    a1a, new_x, new_y = tree["a1a"], tree["new_x"], tree["new_y"]
    assert set(a1a.successors()) == {new_x, new_y}
    assert set(new_x.predecessors()) == {a1a, tree["a1b"]}
    assert {link.kind for link in a1a.successor_links.all()} == {SuccessionKind.PARTIAL}
    assert a1a.successors_in_force_on(REFORM) == [new_y, new_x]  # Vietnamese order: "Khác" before "Mới"
    assert tree["old_a"].successors_in_force_on(REFORM) == [tree["new_a"]]


def test_reference_date_is_a_day_the_unit_exists(tree):
    today = dt.date(2026, 3, 1)
    assert tree["a1"].reference_date(today) == OLD_END
    assert tree["new_x"].reference_date(today) == today
    assert tree["new_x"].reference_date(dt.date(2024, 1, 1)) == REFORM


def test_moving_a_unit_moves_its_subtree(tree):
    a1, a1a, new_a = tree["a1"], tree["a1a"], tree["new_a"]
    a1.parent = new_a
    a1.save()
    a1a.refresh_from_db()
    assert a1.path == f"{new_a.path}{a1.pk}/"
    assert a1a.path == f"{new_a.path}{a1.pk}/{a1a.pk}/"
    assert set(Units.subtree_of(new_a)) >= {a1, a1a}


def test_restrict_keeps_a_subtree_through_the_path_prefix(tree, django_user_model):
    from tretho.accounts.models import Role, RoleAssignment

    user = django_user_model.objects.create_user("officer_a1", password="mat-khau-dai-qua-di")
    RoleAssignment.objects.create(user=user, role=Role.objects.get_or_create(code="officer")[0], unit=tree["a1"])
    assert set(Units.restrict(user)) == {tree["a1"], tree["a1a"], tree["a1b"]}


# -- the database uses the path index for subtree filters -------------------------------------------------------
def test_subtree_filter_uses_the_path_index(tree):
    queryset = Units.subtree_of(tree["old_a"]).values("pk")
    if connection.vendor == "sqlite":
        sql, _ = queryset.query.sql_with_params()
        assert "LIKE" not in sql and ">=" in sql  # a range, which SQLite answers from the index
        assert "USING COVERING INDEX geo_administrativeunit_path" in queryset.explain() or \
            "USING INDEX geo_administrativeunit_path" in queryset.explain()
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table: make the planner show its options
        plan = queryset.explain()
        assert "_path_" in plan and "_like" in plan  # the varchar_pattern_ops index Django adds
    else:  # pragma: no cover
        pytest.skip(f"no plan check for {connection.vendor}")


def test_subtree_filter_through_a_relation_uses_the_range_too(tree):
    from tretho.geo.models import IndustrialZone

    zone = IndustrialZone.objects.create(name="KCN A", unit=tree["a1a"])
    assert list(IndustrialZone.objects.filter(unit__path__startswith=tree["old_a"].path)) == [zone]
    assert not IndustrialZone.objects.filter(unit__path__startswith=tree["new_a"].path).exists()


# -- the loader on a tiny source: history, idempotency ------------------------------------------------------------
def tiny_source() -> UnitSource:
    province = UnitKey("01", UnitLevel.PROVINCE, None)
    new_province = UnitKey("01", UnitLevel.PROVINCE, REFORM)
    ward = UnitKey("00004", UnitLevel.COMMUNE, None)
    district = UnitKey("001", UnitLevel.DISTRICT, None)
    new_ward = UnitKey("00004", UnitLevel.COMMUNE, REFORM)
    return UnitSource(
        version="test",
        units=[
            UnitRecord(COUNTRY_KEY, None, "Việt Nam", "Việt Nam", UnitType.COUNTRY, None),
            UnitRecord(province, COUNTRY_KEY, "Thành phố Hà Nội", "Hà Nội", UnitType.CITY, OLD_END),
            UnitRecord(district, province, "Quận Ba Đình", "Ba Đình", UnitType.URBAN_DISTRICT, OLD_END),
            UnitRecord(ward, district, "Phường Trúc Bạch", "Trúc Bạch", UnitType.WARD, OLD_END, 21.04, 105.84),
            UnitRecord(new_province, COUNTRY_KEY, "Thành phố Hà Nội", "Hà Nội", UnitType.CITY, None),
            UnitRecord(new_ward, new_province, "Phường Ba Đình", "Ba Đình", UnitType.WARD, None),
        ],
        successions=[
            SuccessionRecord(province, new_province, SuccessionKind.FULL),
            SuccessionRecord(ward, new_ward, SuccessionKind.PARTIAL),
        ],
    )


def test_the_loader_writes_paths_keys_and_history_and_is_idempotent(db):
    first = load_units(tiny_source())
    assert (first.units_created, first.successions_created) == (6, 2)
    ward = Units.resolve("00004", on=OLD_END)
    assert ward.path == f"{ward.parent.parent.path}{ward.parent.pk}/{ward.pk}/"
    assert ward.full_name == "Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội"
    assert (ward.latitude, ward.longitude) == (21.04, 105.84)
    record = ward.history.get()
    assert (record.history_type, record.path, record.history_change_reason) == ("+", ward.path, "tretho load_units")
    second = load_units(tiny_source())
    assert (second.units_created, second.units_updated, second.units_unchanged) == (0, 0, 6)
    assert (second.successions_created, second.successions_updated, second.successions_unchanged) == (0, 0, 2)
    assert Units.count() == 6 and UnitSuccession.objects.count() == 2
    assert ward.history.count() == 1


def test_the_loader_corrects_a_succession_kind(db):
    load_units(tiny_source())
    UnitSuccession.objects.filter(kind=SuccessionKind.PARTIAL).update(kind=SuccessionKind.FULL)
    summary = load_units(tiny_source())
    assert summary.successions_updated == 1
    assert UnitSuccession.objects.filter(kind=SuccessionKind.PARTIAL).count() == 1
