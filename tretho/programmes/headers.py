"""Defaults for a plan's header from its issuing agency or committee (editable afterwards): the two header
lines of Nghị định 30/2020 (cơ quan chủ quản over cơ quan ban hành), the issuer code of the number and the place."""

from __future__ import annotations

from typing import Any

from tretho.core.text import fold

PEOPLES_COMMITTEE = "peoples_committee"  # orgs.choices.AgencyKind.PEOPLES_COMMITTEE
WOMENS_UNION = "womens_union"  # orgs.choices.AgencyKind.WOMENS_UNION
LABOUR_FEDERATION = "labour_federation"  # orgs.choices.AgencyKind.LABOUR_FEDERATION

# A mass organisation is headed by its own upper level, not by the People's Committee: (its name at the national
# level, its name at a province or district, put before the unit's name). "HỘI LHPN VIỆT NAM" over a province's
# Union, "HỘI LHPN TỈNH ĐỒNG NAI" over a district's; "TỔNG LĐLĐ VIỆT NAM", "LĐLĐ TỈNH …"; the Đoàn's executive
# committee ("BCH ĐOÀN TỈNH …") over a district's Đoàn.
YOUTH_UNION = "youth_union"  # no AgencyKind of its own: known by its name (`is_youth_union`)
UPPER_LEVELS = {
    WOMENS_UNION: ("HỘI LHPN VIỆT NAM", "HỘI LHPN"),
    LABOUR_FEDERATION: ("TỔNG LĐLĐ VIỆT NAM", "LĐLĐ"),
    YOUTH_UNION: ("TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH", "BCH ĐOÀN"),
}
_YOUTH_UNION_WORDS = ("doan thanh nien", "doan tncs")  # anywhere in the folded name
_YOUTH_UNION_STARTS = ("tinh doan", "thanh doan", "huyen doan", "quan doan", "thi doan")


def upper(text: str) -> str:
    return " ".join(text.split()).upper()


_STOP_WORDS = {"đề", "án", "tỉnh", "thành", "huyện", "quận", "thị", "xã", "phường", "trung", "thực", "của"}


def initials(name: str) -> str:
    """"Ban Chỉ đạo" → "BCĐ", "Ban Điều hành Đề án 404 tỉnh" → "BĐH": initials of the body's own name (at most
    three words, up to the programme or the place)."""
    letters: list[str] = []
    for word in name.split():
        if word.lower() in _STOP_WORDS or word[:1].isdigit() or len(letters) == 3:
            break
        letters.append(word[0])
    return "".join(letters).upper()


def unit_place(unit: Any) -> str:
    return (getattr(unit, "short_name", "") or getattr(unit, "name", "")) if unit is not None else ""


def is_youth_union(name: str) -> bool:
    """"Đoàn TNCS Hồ Chí Minh tỉnh …", "Tỉnh đoàn …", "Huyện đoàn …" (not "Liên đoàn Lao động")."""
    folded = fold(name)
    return folded.startswith(_YOUTH_UNION_STARTS) or any(f" {words}" in f" {folded}" for words in _YOUTH_UNION_WORDS)


def organisation_kind(agency: Any) -> str:
    """The key of UPPER_LEVELS for a mass organisation, else ""."""
    if agency.kind in UPPER_LEVELS:
        return str(agency.kind)
    return YOUTH_UNION if is_youth_union(agency.name) else ""


def upper_level(agency: Any) -> str:
    """The line above a mass organisation with no parent agency recorded: its own organisation one level up."""
    national, prefix = UPPER_LEVELS[organisation_kind(agency)]
    above = agency.unit.parent if agency.unit.parent_id else None
    if above is None or above.level == 0:
        return national
    return upper(f"{prefix} {above.name}")


def header_defaults(plan: Any) -> dict[str, str]:
    """{parent_body, issuing_body, issuer_code, place} suggested for plan (only empty fields are filled)."""
    unit = plan.unit if plan.unit_id else None
    values = {"place": unit_place(unit)}
    if plan.agency_id:
        agency = plan.agency
        if agency.kind == PEOPLES_COMMITTEE:
            # "ỦY BAN NHÂN DÂN / PHƯỜNG HƯƠNG AN": the committee's name over its place.
            values |= {"parent_body": "ỦY BAN NHÂN DÂN", "issuing_body": upper(agency.unit.name),
                       "issuer_code": "UBND"}
        else:
            if agency.parent_id:
                above = agency.parent.name
            elif organisation_kind(agency):
                above = upper_level(agency)  # "HỘI LHPN VIỆT NAM", never "UBND TỈNH …"
            else:
                above = f"UBND {agency.unit.name}"
            values |= {"parent_body": upper(above), "issuing_body": upper(agency.name),
                       "issuer_code": agency.short_name if " " not in agency.short_name else ""}
    elif plan.committee_id:
        committee = plan.committee
        values |= {"parent_body": upper(f"UBND {committee.unit.name}"), "issuing_body": upper(committee.name),
                   "issuer_code": initials(committee.name)}
    return {name: value for name, value in values.items() if value}
