"""The checklist tretho ships: Thông tư 49/2021/TT-BGDĐT (Quy chế tổ chức và hoạt động nhóm trẻ độc lập, lớp mẫu
giáo độc lập, lớp mầm non độc lập loại hình dân lập và tư thục; in force from 15/02/2022) and the premises rules
of DOMAIN.md "Childcare groups". The rules change, so this is data: one template version with its effective date,
owned by the national root unit. A new rule is a new version (new row), never an edit of this one.

`ensure_standard_checklist()` is idempotent and needs the Việt Nam root unit (level 0): the data migration calls it
when the units are already loaded, and `tretho demo` / a fresh installation after `load_units` call it again.
It takes an app registry so the migration can pass its historical one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.apps import apps as django_apps
from django.db import transaction

STANDARD_CODE = "tt49-2021"
TT49 = "Thông tư 49/2021/TT-BGDĐT"

STANDARD_TEMPLATE = {
    "code": STANDARD_CODE,
    "version_label": "2022",
    "name": "Giám sát nhóm trẻ độc lập tư thục",
    "legal_basis": f"{TT49} ngày 31/12/2021 của Bộ Giáo dục và Đào tạo ban hành Quy chế tổ chức và hoạt động nhóm "
                   "trẻ độc lập, lớp mẫu giáo độc lập, lớp mầm non độc lập loại hình dân lập và tư thục",
    "effective_from": dt.date(2022, 2, 15),
}

# (code, text, legal basis, kind, limit, auto_check); kinds and auto checks as in registry.choices.
STANDARD_CRITERIA: list[tuple[str, str, str, str, Decimal | None, str]] = [
    ("GP", "Có quyết định cho phép hoạt động (từ 01/7/2025 do Chủ tịch UBND cấp xã cấp)",
     f"{TT49}; Nghị định 142/2025/NĐ-CP", "yes_no", None, "licensed"),
    ("QM1", "Nhóm có không quá 7 trẻ: mỗi người chăm sóc phụ trách tối đa 2 trẻ 3–12 tháng hoặc 3 trẻ 13–36 tháng "
            "(số trẻ trên một người, một trẻ 3–12 tháng tính bằng 1,5 trẻ)",
     TT49, "number_max", Decimal("3"), "children_per_caregiver"),
    ("QM2", "Nhóm trên 7 trẻ: không quá 12 trẻ 3–12 tháng tuổi", TT49, "number_max", Decimal("12"), "children_3_12"),
    ("QM3", "Nhóm trên 7 trẻ: không quá 20 trẻ 13–24 tháng tuổi", TT49, "number_max", Decimal("20"), "children_13_24"),
    ("QM4", "Nhóm trên 7 trẻ: không quá 25 trẻ 25–36 tháng tuổi", TT49, "number_max", Decimal("25"), "children_25_36"),
    ("CS1", "Phòng nuôi dưỡng, chăm sóc, giáo dục trẻ bảo đảm ít nhất 1,5 m² cho mỗi trẻ",
     TT49, "number_min", Decimal("1.5"), "area_per_child"),
    ("CS2", "Có sân chơi, hiên chơi an toàn cho trẻ", TT49, "yes_no", None, "play_area"),
    ("CS3", "Có tường rào, cổng bảo vệ an toàn", TT49, "yes_no", None, "fence_gate"),
    ("CS4", "Có bếp riêng, bảo đảm an toàn, vệ sinh (nếu tổ chức ăn cho trẻ)", TT49, "yes_no", None,
     "separate_kitchen"),
    ("CS5", "Có nước sạch, nhà vệ sinh phù hợp với trẻ", TT49, "yes_no", None, ""),
    ("CS6", "Đồ dùng, đồ chơi, thiết bị bảo đảm an toàn, phù hợp độ tuổi", TT49, "yes_no", None, ""),
    ("NS1", "Người nuôi dưỡng, chăm sóc trẻ có trình độ chuyên môn hoặc chứng chỉ bồi dưỡng chăm sóc, giáo dục trẻ",
     TT49, "yes_no", None, "staff_qualified"),
    ("YT1", "Trẻ được khám sức khỏe định kỳ (trong 12 tháng qua)", TT49, "yes_no", None, "health_check_recent"),
    ("HS1", "Có hồ sơ quản lý nhóm trẻ, sổ theo dõi trẻ", TT49, "yes_no", None, ""),
]


def national_root(registry: Any = django_apps) -> Any:
    unit_model = registry.get_model("geo", "AdministrativeUnit")
    return unit_model.objects.filter(level=0, parent__isnull=True).order_by("pk").first()


def ensure_standard_checklist(registry: Any = django_apps) -> Any:
    """The shipped template version with its criteria, created when missing (criteria added when missing; an
    existing row is never changed: visits point at it). Returns the template. LookupError without the root unit."""
    template_model = registry.get_model("registry", "ChecklistTemplate")
    criterion_model = registry.get_model("registry", "ChecklistCriterion")
    root = national_root(registry)
    if root is None:
        raise LookupError("the Việt Nam root unit (level 0) is not loaded yet")
    with transaction.atomic():
        fields = {k: v for k, v in STANDARD_TEMPLATE.items() if k not in ("code", "version_label")}
        template, _created = template_model.objects.get_or_create(
            code=STANDARD_TEMPLATE["code"], version_label=STANDARD_TEMPLATE["version_label"],
            defaults=fields | {"unit": root})
        for order, (code, text, basis, kind, limit, auto_check) in enumerate(STANDARD_CRITERIA, start=1):
            criterion_model.objects.get_or_create(template=template, code=code, defaults={
                "order": order, "text": text, "legal_basis": basis, "kind": kind, "limit": limit,
                "auto_check": auto_check})
    return template
