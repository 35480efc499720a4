"""`tretho load_units` against the real package data (vietnamadminunits), loaded once per session."""

from __future__ import annotations

import dataclasses
import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from tretho.core.text import collation_key, fold
from tretho.geo.choices import SuccessionKind, UnitLevel, UnitType
from tretho.geo.loader import load_units
from tretho.geo.models import AdministrativeUnit, UnitSuccession
from tretho.geo.sources import UnitKey, read_source

AFTER = dt.date(2026, 1, 1)
LAST_OLD_DAY = dt.date(2025, 6, 30)
REFORM = dt.date(2025, 7, 1)
Units = AdministrativeUnit.objects


def test_34_provinces_and_3321_communes_in_force_on_2026_01_01(real_units):
    in_force = Units.in_force_on(AFTER)
    assert in_force.provinces().count() == 34
    assert in_force.communes().count() == 3321
    assert in_force.filter(level=UnitLevel.DISTRICT).count() == 0  # two-tier government: no districts
    # Communes hang directly under their province.
    assert not in_force.communes().exclude(parent__level=UnitLevel.PROVINCE).exists()


def test_63_provinces_696_districts_and_10035_communes_on_2025_06_30(real_units):
    in_force = Units.in_force_on(LAST_OLD_DAY)
    assert in_force.provinces().count() == 63
    assert in_force.filter(level=UnitLevel.DISTRICT).count() == 696
    assert in_force.communes().count() == 10_035
    assert not in_force.communes().exclude(parent__level=UnitLevel.DISTRICT).exists()


def test_one_country_root_above_both_lists(real_units):
    root = Units.get(code="VN", level=UnitLevel.COUNTRY)
    assert (root.name, root.unit_type, root.valid_from, root.valid_to, root.path) == (
        "Việt Nam", UnitType.COUNTRY, None, None, f"/{root.pk}/"
    )
    assert Units.provinces().count() == 97
    assert not Units.provinces().exclude(parent=root).exists()
    # The root is in force on any date, so both hierarchies hang from it.
    assert Units.in_force_on(dt.date(2000, 1, 1)).filter(pk=root.pk).exists()


def test_code_00004_is_truc_bach_before_the_reform_and_ba_dinh_after(real_units):
    before = real_units.unit("00004", on=LAST_OLD_DAY)
    after = real_units.unit("00004", on=REFORM)
    assert before.pk != after.pk
    assert before.full_name == "Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội"
    assert after.full_name == "Phường Ba Đình, Thành phố Hà Nội"
    assert (before.valid_from, before.valid_to) == (None, LAST_OLD_DAY)
    assert (after.valid_from, after.valid_to) == (REFORM, None)
    assert Units.filter(code="00004").count() == 2


@pytest.mark.parametrize(
    ("name", "on", "unit_type"),
    [
        ("Thành phố Hà Nội", AFTER, UnitType.CITY),
        ("Tỉnh Đồng Nai", AFTER, UnitType.PROVINCE),
        ("Thành phố Biên Hòa", LAST_OLD_DAY, UnitType.PROVINCIAL_CITY),
        ("Quận Ba Đình", LAST_OLD_DAY, UnitType.URBAN_DISTRICT),
        ("Thị xã Hương Trà", LAST_OLD_DAY, UnitType.TOWN),
        ("Huyện Văn Quan", LAST_OLD_DAY, UnitType.RURAL_DISTRICT),
        ("Thị trấn A Lưới", LAST_OLD_DAY, UnitType.TOWNSHIP),
        ("Phường Hóa An", LAST_OLD_DAY, UnitType.WARD),
        ("Đặc khu Phú Quốc", AFTER, UnitType.SPECIAL_ZONE),
        ("Xã Long Hưng", AFTER, UnitType.COMMUNE),
    ],
)
def test_unit_types_follow_the_official_names(real_units, name, on, unit_type):
    assert Units.in_force_on(on).filter(name=name).first().unit_type == unit_type


def test_island_districts_without_communes_are_loaded_and_succeeded_by_special_zones(real_units):
    hoang_sa = Units.in_force_on(LAST_OLD_DAY).get(name="Huyện Hoàng Sa")
    assert hoang_sa.level == UnitLevel.DISTRICT and not hoang_sa.children.exists()
    successors = {link.successor.name: link.kind for link in hoang_sa.successor_links.select_related("successor")}
    assert successors == {"Đặc khu Hoàng Sa": SuccessionKind.FULL, "Thành phố Đà Nẵng": SuccessionKind.FULL}


def test_paths_full_names_and_keys_are_what_save_would_compute(real_units):
    parent_path = dict(Units.values_list("pk", "path"))
    for pk, parent_id, path in Units.values_list("pk", "parent_id", "path"):
        assert path == (parent_path[parent_id] if parent_id else "/") + f"{pk}/"
    ward = real_units.unit("26068", on=LAST_OLD_DAY)  # phường Hóa An
    assert ward.full_name == "Phường Hóa An, Thành phố Biên Hòa, Tỉnh Đồng Nai"
    assert ward.search_key == fold("Phường Hóa An, Thành phố Biên Hòa, Tỉnh Đồng Nai, 26068")
    assert ward.short_name == "Hóa An" and ward.sort_key == collation_key("Hóa An")
    stored = (ward.full_name, ward.search_key, ward.sort_key, ward.path)
    ward.save()
    ward.refresh_from_db()
    assert (ward.full_name, ward.search_key, ward.sort_key, ward.path) == stored


def test_old_binh_phuoc_merged_whole_into_the_new_dong_nai(real_units):
    binh_phuoc = Units.get(name="Tỉnh Bình Phước")
    new_dong_nai = real_units.unit("75", on=AFTER, level=UnitLevel.PROVINCE)
    link = UnitSuccession.objects.get(predecessor=binh_phuoc)
    assert (link.successor, link.kind, link.effective_date) == (new_dong_nai, SuccessionKind.FULL, REFORM)
    old_names = set(new_dong_nai.predecessors().provinces().values_list("name", flat=True))
    assert old_names == {"Tỉnh Bình Phước", "Tỉnh Đồng Nai"}
    # Old districts lead to the new province too (whole).
    bien_hoa = Units.get(name="Thành phố Biên Hòa")
    assert list(bien_hoa.successors()) == [new_dong_nai]


def test_a_divided_commune_has_several_partial_successors(real_units):
    cong_vi = real_units.unit("00007", on=LAST_OLD_DAY)  # phường Cống Vị, split in 2025
    links = list(cong_vi.successor_links.select_related("successor"))
    assert len(links) >= 2
    assert {link.kind for link in links} == {SuccessionKind.PARTIAL}
    assert {link.successor.name for link in links} == {"Phường Giảng Võ", "Phường Ngọc Hà"}
    assert all(link.successor.valid_from == REFORM for link in links)


def test_merged_communes_are_full_predecessors_of_the_new_one(real_units):
    long_binh = real_units.unit("26020", on=AFTER)
    links = long_binh.predecessor_links.select_related("predecessor")
    assert {(link.predecessor.name, link.kind) for link in links} == {
        ("Phường Long Bình", SuccessionKind.FULL),
        ("Phường Hố Nai", SuccessionKind.FULL),
        ("Phường Tân Biên", SuccessionKind.FULL),
    }
    assert long_binh.successors_in_force_on(AFTER) == []
    old_long_binh = real_units.unit("26020", on=LAST_OLD_DAY)
    assert old_long_binh.successors_in_force_on(AFTER) == [long_binh]


def test_every_old_unit_has_a_successor(real_units):
    old = Units.filter(valid_to=LAST_OLD_DAY)
    assert old.count() == 63 + 696 + 10_035
    assert not old.filter(successor_links__isnull=True).exists()
    assert UnitSuccession.objects.count() == 11_361
    assert UnitSuccession.objects.filter(kind=SuccessionKind.PARTIAL).count() == 1_033


def test_a_second_run_changes_nothing(real_units):
    before = (Units.count(), UnitSuccession.objects.count(), list(Units.order_by("pk").values_list("pk", "path")))
    summary = load_units(with_history=False)
    assert (summary.units_created, summary.units_updated, summary.units_unchanged) == (0, 0, 14_150)
    assert (summary.successions_created, summary.successions_updated) == (0, 0)
    assert not summary.changed
    after = (Units.count(), UnitSuccession.objects.count(), list(Units.order_by("pk").values_list("pk", "path")))
    assert after == before


def test_a_load_into_an_empty_database_creates_every_unit(real_units):
    # The time it takes (goal: under 30 s on SQLite) is measured by bench/load_units.py, not asserted here.
    if real_units.summary.units_created:  # this session loaded the lists into an empty database
        assert real_units.summary.units_created == 14_150


def test_a_changed_source_updates_the_unit_and_the_full_names_below_it(real_units):
    source = read_source()
    district_key = UnitKey("731", UnitLevel.DISTRICT, None)
    source.units = [
        dataclasses.replace(r, name="Thành phố Biên Hòa Mới") if r.key == district_key else r for r in source.units
    ]
    summary = load_units(source, with_history=True)
    communes = Units.filter(parent__code="731", parent__level=UnitLevel.DISTRICT)
    assert summary.units_created == 0
    assert summary.units_updated == 1 + communes.count()  # the district and every ward's full name
    ward = real_units.unit("26068", on=LAST_OLD_DAY)
    assert ward.full_name == "Phường Hóa An, Thành phố Biên Hòa Mới, Tỉnh Đồng Nai"
    assert "bien hoa moi" in ward.search_key
    assert ward.version == 2
    assert ward.history.latest().history_type == "~"


def test_dry_run_reports_but_keeps_nothing(real_units):
    source = read_source()
    source.units = [
        dataclasses.replace(r, name=r.name + " X") if r.level == UnitLevel.PROVINCE else r for r in source.units
    ]
    summary = load_units(source, dry_run=True, with_history=False)
    assert summary.units_updated > 97  # provinces and everything under them
    assert not Units.filter(name__endswith=" X").exists()


def test_the_command_prints_a_vietnamese_summary(real_units):
    out = StringIO()
    call_command("load_units", stdout=out)
    text = out.getvalue()
    assert "vietnamadminunits" in text and "MIT" in text
    assert "63 tỉnh, thành phố; 696 huyện" in text
    assert "10.035 xã" in text and "3.321 xã" in text
    assert "0 tạo mới, 0 cập nhật, 14.150 không đổi" in text
    assert "không có gì thay đổi" in text


def test_loading_units_ships_the_supervision_checklist_on_a_fresh_site(real_units):
    """On a fresh site migrate runs before the units exist; the checklist owned by the root follows the load."""
    from tretho.registry.models import ChecklistTemplate

    ChecklistTemplate.objects.all().delete()
    call_command("load_units", stdout=StringIO())
    template = ChecklistTemplate.objects.get()
    assert template.unit.level == 0 and template.criteria.count() >= 10
    call_command("load_units", stdout=StringIO())
    assert ChecklistTemplate.objects.count() == 1
