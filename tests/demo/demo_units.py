"""A small set of administrative units shaped like `tretho load_units` output, for the demo and browser tests.

Same codes, levels, names and validity as the official lists (package vietnamadminunits): the root "VN"; units
before the reform valid until 30/06/2025; units after it valid from 01/07/2025; old → new successions. Only
the units the demo data names, their parents, and a few neighbours the scope tests need.
"""

from __future__ import annotations

import datetime as dt

from tretho.geo.choices import SuccessionKind, UnitLevel, UnitType
from tretho.geo.models import AdministrativeUnit, UnitSuccession

LAST_OLD_DAY = dt.date(2025, 6, 30)
REFORM = dt.date(2025, 7, 1)

P, D, C = UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE
T = UnitType

# (code, level, name, type, parent code) — parents listed before their children.
OLD_UNITS = [
    ("75", P, "Tỉnh Đồng Nai", T.PROVINCE, None),
    ("731", D, "Thành phố Biên Hòa", T.PROVINCIAL_CITY, "75"),
    ("25999", C, "Phường Tân Biên", T.WARD, "731"),
    ("26002", C, "Phường Hố Nai", T.WARD, "731"),
    ("26020", C, "Phường Long Bình", T.WARD, "731"),
    ("26050", C, "Phường An Bình", T.WARD, "731"),
    ("26056", C, "Phường Long Bình Tân", T.WARD, "731"),
    ("26068", C, "Phường Hóa An", T.WARD, "731"),
    ("26374", C, "Phường Tam Phước", T.WARD, "731"),
    ("737", D, "Huyện Trảng Bom", T.RURAL_DISTRICT, "75"),
    ("26272", C, "Xã Hố Nai 3", T.COMMUNE, "737"),
    # The other districts of 2017, where the activities demo holds the plan's trainings (activity 3).
    ("732", D, "Thành phố Long Khánh", T.PROVINCIAL_CITY, "75"),
    ("734", D, "Huyện Tân Phú", T.RURAL_DISTRICT, "75"),
    ("735", D, "Huyện Vĩnh Cửu", T.RURAL_DISTRICT, "75"),
    ("736", D, "Huyện Định Quán", T.RURAL_DISTRICT, "75"),
    ("738", D, "Huyện Thống Nhất", T.RURAL_DISTRICT, "75"),
    ("739", D, "Huyện Cẩm Mỹ", T.RURAL_DISTRICT, "75"),
    ("740", D, "Huyện Long Thành", T.RURAL_DISTRICT, "75"),
    ("741", D, "Huyện Xuân Lộc", T.RURAL_DISTRICT, "75"),
    ("742", D, "Huyện Nhơn Trạch", T.RURAL_DISTRICT, "75"),
    ("46", P, "Thành phố Huế", T.CITY, None),
    ("475", D, "Quận Phú Xuân", T.URBAN_DISTRICT, "46"),
    ("20023", C, "Phường Hương An", T.WARD, "475"),
    ("19804", C, "Phường Hương Sơ", T.WARD, "475"),
    ("476", D, "Thị xã Phong Điền", T.TOWN, "46"),
    ("479", D, "Thị xã Hương Thủy", T.TOWN, "46"),
    ("19960", C, "Phường Phú Bài", T.WARD, "479"),
    ("480", D, "Thị xã Hương Trà", T.TOWN, "46"),
    ("19996", C, "Phường Tứ Hạ", T.WARD, "480"),
    ("37", P, "Tỉnh Ninh Bình", T.PROVINCE, None),
    ("370", D, "Thành phố Tam Điệp", T.PROVINCIAL_CITY, "37"),
    ("373", D, "Huyện Gia Viễn", T.RURAL_DISTRICT, "37"),
    ("374", D, "Thành phố Hoa Lư", T.PROVINCIAL_CITY, "37"),
    ("14320", C, "Phường Đông Thành", T.WARD, "374"),
    ("14353", C, "Phường Ninh Phúc", T.WARD, "374"),
    ("375", D, "Huyện Yên Khánh", T.RURAL_DISTRICT, "37"),
    ("14566", C, "Xã Khánh Phú", T.COMMUNE, "375"),
]
NEW_UNITS = [
    ("75", P, "Tỉnh Đồng Nai", T.PROVINCE, None),
    ("26020", C, "Phường Long Bình", T.WARD, "75"),
    ("26068", C, "Phường Biên Hòa", T.WARD, "75"),  # the code of old phường Hóa An, reused
    ("46", P, "Thành phố Huế", T.CITY, None),
    ("19804", C, "Phường Hương An", T.WARD, "46"),  # the code of old phường Hương Sơ, reused
    ("37", P, "Tỉnh Ninh Bình", T.PROVINCE, None),
]
# (old code, old level, new code, new level)
SUCCESSIONS = [
    ("75", P, "75", P),
    ("731", D, "75", P),
    ("737", D, "75", P),
    ("25999", C, "26020", C),
    ("26002", C, "26020", C),
    ("26020", C, "26020", C),
    ("26068", C, "26068", C),
    ("46", P, "46", P),
    ("475", D, "46", P),
    ("20023", C, "19804", C),
    ("19804", C, "19804", C),
    ("37", P, "37", P),
]


def build_demo_units() -> dict[tuple[str, int, bool], AdministrativeUnit]:
    """Create the units; returns them by (code, level, after_reform)."""
    root = AdministrativeUnit.objects.create(code="VN", level=UnitLevel.COUNTRY, name="Việt Nam", unit_type=T.COUNTRY)
    units: dict[tuple[str, int, bool], AdministrativeUnit] = {}
    for rows, after in ((OLD_UNITS, False), (NEW_UNITS, True)):
        for code, level, name, unit_type, parent_code in rows:
            parent_level = P if level == C and after else level - 1
            parent = units[(parent_code, parent_level, after)] if parent_code else root
            units[(code, level, after)] = AdministrativeUnit.objects.create(
                code=code, level=level, name=name, short_name=_short(name), unit_type=unit_type,
                parent=parent, valid_from=REFORM if after else None, valid_to=None if after else LAST_OLD_DAY,
            )
    for old_code, old_level, new_code, new_level in SUCCESSIONS:
        UnitSuccession.objects.create(
            predecessor=units[(old_code, old_level, False)], successor=units[(new_code, new_level, True)],
            kind=SuccessionKind.FULL, effective_date=REFORM,
        )
    return units


def _short(name: str) -> str:
    for prefix in ("Thành phố ", "Thị xã ", "Tỉnh ", "Huyện ", "Quận ", "Phường ", "Xã "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name
