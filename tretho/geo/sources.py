"""Reading the official unit lists from the MIT-licensed `vietnamadminunits` package into plain records.

The package ships a SQLite file with two tables — `admin_units_legacy` (province / district / ward before
1/7/2025) and `admin_units` (province / ward from 1/7/2025) — and `converter_2025.json`, the old → new mapping.
Nothing here touches Django's database: the loader (`tretho.geo.loader`) turns these records into rows.

A unit is identified by (code, level, valid_from), never by its code alone: codes were reused by the reform.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import NamedTuple

from .choices import SuccessionKind, UnitLevel, UnitType

PACKAGE = "vietnamadminunits"
REFORM_DATE = dt.date(2025, 7, 1)
LAST_DAY_BEFORE_REFORM = REFORM_DATE - dt.timedelta(days=1)
COUNTRY_CODE = "VN"
COUNTRY_NAME = "Việt Nam"

# The type is the first word(s) of the official name; the package spells it out for districts and wards.
PROVINCE_TYPES = {"Thành phố": UnitType.CITY, "Tỉnh": UnitType.PROVINCE}
DISTRICT_TYPES = {
    "Huyện": UnitType.RURAL_DISTRICT,
    "Quận": UnitType.URBAN_DISTRICT,
    "Thị xã": UnitType.TOWN,
    "Thành phố": UnitType.PROVINCIAL_CITY,
}
COMMUNE_TYPES = {
    "Xã": UnitType.COMMUNE,
    "Phường": UnitType.WARD,
    "Thị trấn": UnitType.TOWNSHIP,
    "Đặc khu": UnitType.SPECIAL_ZONE,
}


class UnitKey(NamedTuple):
    """What identifies a unit across loads: its official code, its level and the day it came into force."""

    code: str
    level: int
    valid_from: dt.date | None


COUNTRY_KEY = UnitKey(COUNTRY_CODE, UnitLevel.COUNTRY, None)


@dataclass(frozen=True)
class UnitRecord:
    key: UnitKey
    parent: UnitKey | None
    name: str
    short_name: str
    unit_type: str
    valid_to: dt.date | None
    latitude: float | None = None
    longitude: float | None = None

    @property
    def level(self) -> int:
        return self.key.level


@dataclass(frozen=True)
class SuccessionRecord:
    predecessor: UnitKey
    successor: UnitKey
    kind: str


@dataclass
class UnitSource:
    """Both lists and the mapping, as records, in parent-before-child order."""

    version: str
    units: list[UnitRecord] = field(default_factory=list)
    successions: list[SuccessionRecord] = field(default_factory=list)


def data_dir() -> Path:
    return Path(str(resources.files(PACKAGE) / "data"))


def package_version() -> str:
    return metadata.version(PACKAGE)


def province_type(name: str) -> str:
    return _type_from_name(name, PROVINCE_TYPES)


def _type_from_name(name: str, types: Mapping[str, str]) -> str:
    for prefix, unit_type in types.items():
        if name.startswith(prefix + " "):
            return unit_type
    raise ValueError(f"Không nhận ra loại đơn vị của {name!r}")


def _type_from_label(label: str | None, name: str, types: Mapping[str, str]) -> str:
    return types[label] if label is not None and label in types else _type_from_name(name, types)


def read_source(directory: Path | None = None) -> UnitSource:
    directory = directory or data_dir()
    with closing(sqlite3.connect(f"file:{directory / 'dataset.db'}?mode=ro", uri=True)) as connection:
        connection.row_factory = sqlite3.Row
        legacy_rows = connection.execute(
            "SELECT * FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode"
        ).fetchall()
        new_rows = connection.execute("SELECT * FROM admin_units ORDER BY provinceCode, wardCode").fetchall()
    mapping = json.loads((directory / "converter_2025.json").read_text(encoding="utf-8"))

    source = UnitSource(version=package_version())
    source.units.append(
        UnitRecord(COUNTRY_KEY, None, COUNTRY_NAME, COUNTRY_NAME, UnitType.COUNTRY, valid_to=None)
    )
    old = _LegacyIndex(legacy_rows)
    new = _NewIndex(new_rows)
    source.units.extend(old.records())
    source.units.extend(new.records())
    source.successions.extend(_successions(mapping, old, new))
    return source


class _LegacyIndex:
    """Units in force until 30/6/2025: province → district → ward. A few island districts have no ward."""

    def __init__(self, rows: list[sqlite3.Row]) -> None:
        self.rows = rows
        self.province_by_key: dict[str, UnitKey] = {}
        self.district_by_key: dict[str, UnitKey] = {}
        # "provinceKey_districtKey_wardKey" (ward key empty for a district without wards) → the unit it names.
        self.unit_by_mapping_key: dict[str, UnitKey] = {}

    def records(self) -> Iterator[UnitRecord]:
        for row in self.rows:
            province = UnitKey(row["provinceCode"], UnitLevel.PROVINCE, None)
            if row["provinceKey"] not in self.province_by_key:
                self.province_by_key[row["provinceKey"]] = province
                yield UnitRecord(
                    province, COUNTRY_KEY, row["province"], row["provinceShort"], province_type(row["province"]),
                    LAST_DAY_BEFORE_REFORM, row["provinceLat"], row["provinceLon"],
                )
            district = UnitKey(row["districtCode"], UnitLevel.DISTRICT, None)
            district_mapping_key = f"{row['provinceKey']}_{row['districtKey']}"
            if district_mapping_key not in self.district_by_key:
                self.district_by_key[district_mapping_key] = district
                yield UnitRecord(
                    district, province, row["district"], row["districtShort"],
                    _type_from_label(row["districtType"], row["district"], DISTRICT_TYPES),
                    LAST_DAY_BEFORE_REFORM, row["districtLat"], row["districtLon"],
                )
            if not row["wardCode"]:
                self.unit_by_mapping_key[f"{district_mapping_key}_"] = district
                continue
            ward = UnitKey(row["wardCode"], UnitLevel.COMMUNE, None)
            self.unit_by_mapping_key[f"{district_mapping_key}_{row['wardKey']}"] = ward
            yield UnitRecord(
                ward, district, row["ward"], row["wardShort"],
                _type_from_label(row["wardType"], row["ward"], COMMUNE_TYPES),
                LAST_DAY_BEFORE_REFORM, row["wardLat"], row["wardLon"],
            )


class _NewIndex:
    """Units in force from 1/7/2025: province → commune (xã, phường, đặc khu), no districts."""

    def __init__(self, rows: list[sqlite3.Row]) -> None:
        self.rows = rows
        self.province_by_key: dict[str, UnitKey] = {}
        self.ward_by_key: dict[tuple[str, str], UnitKey] = {}

    def records(self) -> Iterator[UnitRecord]:
        for row in self.rows:
            province = UnitKey(row["provinceCode"], UnitLevel.PROVINCE, REFORM_DATE)
            if row["provinceKey"] not in self.province_by_key:
                self.province_by_key[row["provinceKey"]] = province
                yield UnitRecord(
                    province, COUNTRY_KEY, row["province"], row["provinceShort"], province_type(row["province"]),
                    None, row["provinceLat"], row["provinceLon"],
                )
            ward = UnitKey(row["wardCode"], UnitLevel.COMMUNE, REFORM_DATE)
            self.ward_by_key[(row["provinceKey"], row["wardKey"])] = ward
            yield UnitRecord(
                ward, province, row["ward"], row["wardShort"],
                _type_from_label(row["wardType"], row["ward"], COMMUNE_TYPES),
                None, row["wardLat"], row["wardLon"],
            )


def _successions(mapping: dict, old: _LegacyIndex, new: _NewIndex) -> Iterator[SuccessionRecord]:
    """Old province → new province (full); old district → new province (full); old commune → new commune
    (full when merged whole, partial when split across several); an island district without communes → the
    special zone (đặc khu) that replaced it (full)."""
    full, partial = SuccessionKind.FULL, SuccessionKind.PARTIAL
    for new_province_key, old_province_keys in mapping["DICT_PROVINCE"].items():
        new_province = new.province_by_key[new_province_key]
        for old_province_key in old_province_keys:
            yield SuccessionRecord(old.province_by_key[old_province_key], new_province, full)
        for district_mapping_key, district in old.district_by_key.items():
            if district_mapping_key.split("_", 1)[0] in old_province_keys:
                yield SuccessionRecord(district, new_province, full)
    for new_province_key, wards in mapping["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward_key, old_keys in wards.items():
            successor = new.ward_by_key[(new_province_key, new_ward_key)]
            for old_key in old_keys:
                yield SuccessionRecord(old.unit_by_mapping_key[old_key], successor, full)
    for new_province_key, old_wards in mapping["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, parts in old_wards.items():
            predecessor = old.unit_by_mapping_key[old_key]
            for part in parts:
                yield SuccessionRecord(predecessor, new.ward_by_key[(new_province_key, part["newWardKey"])], partial)
