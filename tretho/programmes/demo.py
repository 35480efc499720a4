"""Demo data of the programmes module: Đề án 404 and Đề án 1437 with their phases, national indicators (over
reported data elements) and the national decisions approving them, held as issued root-level plans carrying the
national objectives and targets of DOMAIN.md — the top of every plan tree. Idempotent: a second run changes nothing.

Called by `tretho demo` (owned by the demo module) once the administrative units are loaded:

    from tretho.programmes.demo import load_programmes
    load_programmes()
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from tretho.metrics.models import Breakdown, DataElement
from tretho.metrics.standard import ensure_standard_breakdowns
from tretho.metrics.sync import national_root
from tretho.orgs.models import Agency

from .choices import Comparison, ObjectiveKind, PlanStatus, UnitOfMeasure
from .models import Indicator, Phase, Plan, PlanObjective, PlanTarget, Programme


@dataclass
class IndicatorSpec:
    code: str
    name: str
    unit_of_measure: str
    numerator: tuple[str, str, str, tuple[str, ...]]  # data element code, name, unit of measure, breakdowns
    denominator: tuple[str, str, str, tuple[str, ...]] | None = None
    # (year, value, comparison, milestone of the phase ending that year rather than "by that year")
    targets: list[tuple[int, Decimal, str, bool]] = field(default_factory=list)
    definition: str = ""


@dataclass
class ProgrammeSpec:
    code: str
    short_name: str
    title: str
    decision_number: str
    decision_date: dt.date
    start_year: int
    end_year: int
    phases: list[tuple[str, int, int]]
    general_objective: str
    indicators: list[IndicatorSpec]
    summary: str


PROGRAMMES = [
    ProgrammeSpec(
        code="404", short_name="Đề án 404",
        title="Hỗ trợ, phát triển nhóm trẻ độc lập tư thục ở khu vực khu công nghiệp, khu chế xuất đến năm 2020",
        decision_number="404/QĐ-TTg", decision_date=dt.date(2014, 3, 20), start_year=2014, end_year=2020,
        phases=[("Giai đoạn I", 2014, 2017), ("Giai đoạn II", 2018, 2020)],
        general_objective=(
            "Hỗ trợ, phát triển nhóm trẻ độc lập tư thục ở khu vực khu công nghiệp, khu chế xuất bảo đảm an toàn, "
            "chất lượng, đáp ứng nhu cầu chăm sóc, giáo dục con công nhân dưới 36 tháng tuổi."),
        summary=("Phê duyệt Đề án “Hỗ trợ, phát triển nhóm trẻ độc lập tư thục ở khu vực khu công nghiệp, khu chế "
                 "xuất đến năm 2020”"),
        indicators=[
            IndicatorSpec(
                "nhom_tre_ho_tro", "Số nhóm trẻ độc lập tư thục được hỗ trợ kiện toàn, phát triển mới",
                UnitOfMeasure.COUNT,
                ("nhom_tre_duoc_ho_tro", "Số nhóm trẻ độc lập tư thục được hỗ trợ", "nhóm", ()),
                targets=[(2020, Decimal(500), Comparison.AT_LEAST, False)]),
            IndicatorSpec(
                "ty_le_nguoi_cham_soc_tap_huan",
                "Tỷ lệ người quản lý, giáo viên, bảo mẫu nhóm trẻ được bồi dưỡng kỹ năng, đạo đức nghề nghiệp",
                UnitOfMeasure.PERCENT,
                ("nguoi_cham_soc_duoc_boi_duong", "Số người quản lý, giáo viên, bảo mẫu được bồi dưỡng", "người",
                 ("doi_tuong",)),
                ("nguoi_cham_soc_nhom_tre", "Số người quản lý, giáo viên, bảo mẫu của nhóm trẻ", "người",
                 ("doi_tuong",)),
                targets=[(2020, Decimal(80), Comparison.EXACT, False)]),
            IndicatorSpec(
                "ty_le_tre_nhom_duoc_quan_ly",
                "Tỷ lệ trẻ dưới 36 tháng tuổi ở vùng Đề án được gửi ở nhóm trẻ được quản lý, bảo đảm chất lượng",
                UnitOfMeasure.PERCENT,
                ("tre_duoi_36_thang_o_nhom_duoc_quan_ly", "Số trẻ dưới 36 tháng ở nhóm trẻ được quản lý", "trẻ",
                 ("gioi_tinh",)),
                ("tre_duoi_36_thang_dia_ban", "Số trẻ dưới 36 tháng trên địa bàn Đề án", "trẻ", ("gioi_tinh",)),
                targets=[(2020, Decimal(70), Comparison.EXACT, False)]),
            IndicatorSpec(
                "ty_le_ba_me_truyen_thong",
                "Tỷ lệ bà mẹ ở khu vực KCN, KCX được tiếp cận thông tin truyền thông về chăm sóc, giáo dục trẻ",
                UnitOfMeasure.PERCENT,
                ("ba_me_kcn_duoc_truyen_thong", "Số bà mẹ ở KCN, KCX được truyền thông", "người", ()),
                ("ba_me_kcn", "Số bà mẹ ở KCN, KCX có con dưới 36 tháng", "người", ()),
                targets=[(2020, Decimal(95), Comparison.EXACT, False)]),
        ],
    ),
    ProgrammeSpec(
        code="1437", short_name="Đề án 1437",
        title=("Chăm sóc vì sự phát triển toàn diện trẻ em trong những năm đầu đời tại gia đình và cộng đồng "
               "giai đoạn 2018 - 2025"),
        decision_number="1437/QĐ-TTg", decision_date=dt.date(2018, 10, 29), start_year=2018, end_year=2025,
        phases=[("Giai đoạn I", 2018, 2020), ("Giai đoạn II", 2021, 2025)],
        general_objective=(
            "Bảo đảm cho trẻ em đến 8 tuổi được phát triển toàn diện về thể chất, trí tuệ, tinh thần; được bình đẳng "
            "tiếp cận với các dịch vụ hỗ trợ chăm sóc phát triển toàn diện theo độ tuổi nhằm thực hiện các quyền của "
            "trẻ em, góp phần phát triển nguồn nhân lực quốc gia."),
        summary=("Phê duyệt Đề án “Chăm sóc vì sự phát triển toàn diện trẻ em trong những năm đầu đời tại gia đình "
                 "và cộng đồng giai đoạn 2018 - 2025”"),
        indicators=[
            IndicatorSpec(
                "ty_le_tre_tiep_can_dich_vu",
                "Tỷ lệ trẻ em đến 8 tuổi được tiếp cận các dịch vụ hỗ trợ chăm sóc phát triển toàn diện",
                UnitOfMeasure.PERCENT,
                ("tre_8_tuoi_tiep_can_dich_vu", "Số trẻ em đến 8 tuổi được tiếp cận dịch vụ", "trẻ",
                 ("gioi_tinh", "nhom_tuoi")),
                ("tre_den_8_tuoi", "Số trẻ em đến 8 tuổi", "trẻ", ("gioi_tinh", "nhom_tuoi")),
                targets=[(2020, Decimal(70), Comparison.EXACT, False), (2025, Decimal(90), Comparison.EXACT, True)]),
            IndicatorSpec(
                "ty_le_duoc_cung_cap_kien_thuc",
                "Tỷ lệ cán bộ làm công tác liên quan đến trẻ em, cha mẹ, người chăm sóc trẻ em được cung cấp "
                "kiến thức, kỹ năng chăm sóc phát triển toàn diện trẻ em", UnitOfMeasure.PERCENT,
                ("nguoi_duoc_cung_cap_kien_thuc", "Số cán bộ, cha mẹ, người chăm sóc được cung cấp kiến thức",
                 "người", ("doi_tuong",)),
                ("can_bo_cha_me_nguoi_cham_soc", "Số cán bộ, cha mẹ, người chăm sóc trẻ em", "người",
                 ("doi_tuong",)),
                targets=[(2020, Decimal(70), Comparison.EXACT, False)]),
            IndicatorSpec(
                "ty_le_tinh_mang_luoi",
                "Tỷ lệ tỉnh, thành phố xây dựng được mạng lưới kết nối và chuyển tuyến các dịch vụ chăm sóc "
                "phát triển toàn diện trẻ em", UnitOfMeasure.PERCENT,
                ("tinh_co_mang_luoi_chuyen_tuyen", "Số tỉnh có mạng lưới kết nối, chuyển tuyến", "tỉnh", ()),
                ("so_tinh", "Số tỉnh, thành phố trực thuộc trung ương", "tỉnh", ()),
                targets=[(2020, Decimal(50), Comparison.EXACT, False)]),
        ],
    ),
]

GOVERNMENT = "Thủ tướng Chính phủ"
DECISION_SIGNER = ("KT.", "THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Vũ Đức Đam")


@transaction.atomic
def load_programmes() -> dict[str, Programme]:
    """Create (or find) both programmes with their phases, indicators and national decisions."""
    root = national_root()
    if root is None:
        raise LookupError("load the administrative units first: the Việt Nam root unit (level 0) is missing")
    ensure_standard_breakdowns()
    government, _ = Agency.objects.get_or_create(unit=root, name=GOVERNMENT, defaults={"kind": "other",
                                                                                      "short_name": "TTg"})
    return {spec.code: _load(spec, root, government) for spec in PROGRAMMES}


def _load(spec: ProgrammeSpec, root: Any, government: Agency) -> Programme:
    programme, _ = Programme.objects.get_or_create(code=spec.code, defaults={
        "short_name": spec.short_name, "title": spec.title, "decision_number": spec.decision_number,
        "decision_date": spec.decision_date, "decision_issuer": GOVERNMENT, "start_year": spec.start_year,
        "end_year": spec.end_year, "general_objective": spec.general_objective, "unit": root})
    phases = {}
    for name, start, end in spec.phases:
        phases[(start, end)], _ = Phase.objects.get_or_create(programme=programme, name=name,
                                                              defaults={"start_year": start, "end_year": end})
    indicators = [(_indicator(programme, item, root), item) for item in spec.indicators]
    _decision(spec, programme, phases, indicators, root, government)
    return programme


def _element(definition: tuple[str, str, str, tuple[str, ...]] | None, root: Any) -> Any:
    if definition is None:
        return None
    code, name, unit_of_measure, breakdowns = definition
    element, created = DataElement.objects.get_or_create(code=code, defaults={
        "name": name, "unit_of_measure": unit_of_measure, "unit": root})
    if created and breakdowns:
        element.breakdowns.set(Breakdown.objects.filter(code__in=breakdowns))
    return element.metric


def _indicator(programme: Programme, spec: IndicatorSpec, root: Any) -> Indicator:
    percent = spec.unit_of_measure == UnitOfMeasure.PERCENT
    formula = {"numerator": _element(spec.numerator, root), "denominator": _element(spec.denominator, root),
               "factor": Decimal(100) if percent else Decimal(1), "decimals": 1 if percent else 0}
    indicator, created = Indicator.objects.get_or_create(programme=programme, code=spec.code, defaults={
        "name": spec.name, "definition": spec.definition, "unit_of_measure": spec.unit_of_measure} | formula)
    if not created and indicator.numerator_id is None and indicator.unit_of_measure == spec.unit_of_measure:
        # Loaded earlier without its metrics (e.g. by the reference plans' demo): add the formula, keep the rest.
        for name, value in formula.items():
            setattr(indicator, name, value)
        indicator.version += 1
        indicator.save(update_fields=[*formula, "version", "updated_at"])
    return indicator


def _decision(spec: ProgrammeSpec, programme: Programme, phases: dict, indicators: list, root: Any,
              government: Agency) -> Plan:
    """The approving decision as an issued national plan: general objective, milestone objectives, targets."""
    number = spec.decision_number.split("/")[0]
    existing = Plan.objects.filter(programme=programme, unit=root, type_code="QĐ", number=number).first()
    if existing is not None:
        return existing
    authority, body, title, name = DECISION_SIGNER
    plan = Plan.objects.create(
        programme=programme, unit=root, agency=government, parent_body="", issuing_body="THỦ TƯỚNG CHÍNH PHỦ",
        start_year=spec.start_year, end_year=spec.end_year, number=number, type_code="QĐ", issuer_code="TTg",
        place="Hà Nội", issued_on=spec.decision_date, type_name="QUYẾT ĐỊNH", summary=spec.summary,
        section_order=["objectives", "targets"], signer_authority=authority, signer_body=body,
        signer_title=title, signer_name=name)
    PlanObjective.objects.create(plan=plan, kind=ObjectiveKind.GENERAL, text=spec.general_objective)
    for indicator, item in indicators:
        for year, value, comparison, by_phase in item.targets:
            label = "%" if indicator.unit_of_measure == UnitOfMeasure.PERCENT else item.numerator[2]
            target = PlanTarget.objects.create(plan=plan, indicator=indicator, comparison=comparison, value=value,
                                               unit_of_measure=label, year=year)
            # "2021–2025: 90%" is a phase milestone; "by 2020" a year.
            phase = next((p for (_start, end), p in phases.items() if end == year), None) if by_phase else None
            PlanObjective.objects.create(
                plan=plan, kind=ObjectiveKind.SPECIFIC, indicator=indicator, milestone_value=value,
                milestone_year=None if phase else year, milestone_phase=phase,
                text=f"{indicator.name} đạt {target.value_label}.")
    plan.status = PlanStatus.ISSUED
    plan.issued_at = timezone.now()
    plan.save()
    return plan
