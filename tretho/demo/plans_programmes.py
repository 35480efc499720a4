"""Indicators the reference plans' targets need beyond the national ones of `tretho.programmes.demo`.

The programmes, their phases and national indicators come from `tretho.programmes.demo.load_programmes()`.
Đồng Nai's target "20 nhóm trẻ, trong đó ít nhất 80% … kiện toàn và 20% xây dựng mới" splits the groups
supported into consolidated and new ones, and Ninh Bình's objective c) counts education and nurture facilities
with a referral network (the national indicator counts provinces). Created when missing, never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IndicatorSpec:
    programme: str  # Programme.code
    code: str
    name: str
    unit_of_measure: str = "percent"  # programmes.choices.UnitOfMeasure
    definition: str = ""


EXTRA_INDICATORS = [
    IndicatorSpec("404", "ty_le_kien_toan", "Tỷ lệ nhóm trẻ được hỗ trợ kiện toàn trong số nhóm trẻ được hỗ trợ",
                  definition="Nhóm trẻ đang hoạt động được hỗ trợ kiện toàn / nhóm trẻ được hỗ trợ × 100."),
    IndicatorSpec("404", "ty_le_phat_trien_moi", "Tỷ lệ nhóm trẻ được thành lập mới trong số nhóm trẻ được hỗ trợ",
                  definition="Nhóm trẻ được hỗ trợ thành lập mới / nhóm trẻ được hỗ trợ × 100."),
    IndicatorSpec("1437", "ty_le_co_so_mang_luoi",
                  "Tỷ lệ cơ sở giáo dục, cơ sở nuôi dưỡng trẻ em xây dựng được mạng lưới kết nối và chuyển tuyến các "
                  "dịch vụ chăm sóc phát triển toàn diện trẻ em"),
]
