"""Records for the programmes tests: a national programme, an agency, a draft plan and its parts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tretho.core.testing.suites import unique
from tretho.orgs.models import Agency
from tretho.programmes.models import Plan, Programme


def code(prefix: str) -> str:
    return unique(prefix).replace(" ", "_")


def make_programme(unit: Any, **fields: Any) -> Programme:
    values = {"code": code("DA"), "title": unique("Hỗ trợ, phát triển nhóm trẻ độc lập tư thục"),
              "short_name": unique("Đề án"), "start_year": 2014, "end_year": 2025, "unit": unit}
    return Programme.objects.create(**values | fields)


def make_agency(unit: Any, **fields: Any) -> Agency:
    values = {"name": unique(f"Hội Liên hiệp Phụ nữ {unit.name}"), "short_name": "HLHPN", "kind": "womens_union",
              "unit": unit}
    return Agency.objects.create(**values | fields)


def make_plan(unit: Any, programme: Programme | None = None, **fields: Any) -> Plan:
    values = {"programme": programme or make_programme(unit.parent or unit), "unit": unit,
              "agency": make_agency(unit), "start_year": 2019, "end_year": 2025,
              "summary": unique("Thực hiện Đề án chăm sóc vì sự phát triển toàn diện trẻ em"),
              "signer_title": "CHỦ TỊCH", "signer_name": unique("Lê Thị Ngọc Loan")}
    return Plan.objects.create(**values | fields)


def ready_to_issue(plan: Plan) -> Plan:
    """Fill what issuing needs (number, date, place, signer) on a draft."""
    plan.number = plan.number or "109"
    plan.issuer_code = plan.issuer_code or "BCĐ"
    plan.issued_on = plan.issued_on or dt.date(plan.start_year, 2, 26)
    plan.place = plan.place or "Hương An"
    plan.save()
    return plan
