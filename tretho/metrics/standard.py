"""The breakdowns every programme uses (sex, age band, target group), created on demand — idempotent, so the
demo and a fresh installation can both call it once the Việt Nam root unit exists."""

from __future__ import annotations

from django.db import transaction

from .models import Breakdown, BreakdownOption
from .sync import national_root

STANDARD_BREAKDOWNS = {
    ("gioi_tinh", "Giới tính"): [("nam", "Nam"), ("nu", "Nữ")],
    ("nhom_tuoi", "Nhóm tuổi"): [
        ("duoi_36_thang", "Dưới 36 tháng"), ("3_5_tuoi", "Từ 3 đến 5 tuổi"), ("6_8_tuoi", "Từ 6 đến 8 tuổi"),
    ],
    ("doi_tuong", "Đối tượng"): [
        ("can_bo", "Cán bộ"), ("giao_vien", "Giáo viên"), ("bao_mau", "Bảo mẫu, người chăm sóc trẻ"),
        ("chu_nhom", "Chủ nhóm trẻ"), ("cha_me", "Cha mẹ"), ("tuyen_truyen_vien", "Tuyên truyền viên"),
        # Audiences of activities (tretho.activities.choices.AudienceCategory uses the same codes).
        ("me", "Bà mẹ"), ("bo", "Người cha"), ("phu_nu_mang_thai", "Phụ nữ mang thai"),
        ("cong_nhan", "Công nhân, người lao động"), ("khac", "Đối tượng khác"),
    ],
}


@transaction.atomic
def ensure_standard_breakdowns() -> list[Breakdown]:
    root = national_root()
    if root is None:
        raise LookupError("the Việt Nam root unit (level 0) is not loaded yet")
    made = []
    for (code, name), options in STANDARD_BREAKDOWNS.items():
        breakdown, _created = Breakdown.objects.get_or_create(code=code, defaults={"name": name, "unit": root})
        for order, (option_code, option_name) in enumerate(options, start=1):
            BreakdownOption.objects.get_or_create(breakdown=breakdown, code=option_code,
                                                  defaults={"name": option_name, "order": order})
        made.append(breakdown)
    return made
