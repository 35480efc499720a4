"""Defaults for a plan's header from its issuing agency or committee (editable afterwards): the two header
lines of Nghị định 30/2020 (cơ quan chủ quản over cơ quan ban hành), the issuer code of the number and the place."""

from __future__ import annotations

from typing import Any

PEOPLES_COMMITTEE = "peoples_committee"  # orgs.choices.AgencyKind.PEOPLES_COMMITTEE


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
            above = agency.parent.name if agency.parent_id else f"UBND {agency.unit.name}"
            values |= {"parent_body": upper(above), "issuing_body": upper(agency.name),
                       "issuer_code": agency.short_name if " " not in agency.short_name else ""}
    elif plan.committee_id:
        committee = plan.committee
        values |= {"parent_body": upper(f"UBND {committee.unit.name}"), "issuing_body": upper(committee.name),
                   "issuer_code": initials(committee.name)}
    return {name: value for name, value in values.items() if value}
