"""Demo records of the registry: the 20 childcare groups of the Đồng Nai plan of 2017 (reference plan 000: "hỗ trợ
kiện toàn và phát triển mới 20 nhóm trẻ, mỗi nhóm từ 15 đến 50 cháu tại xã Hóa An và phường Long Bình (Tp Biên
Hòa)", at least 80% consolidated and 20% new: 16 and 4), with their staff, enrolment snapshots, health checks,
facility and Nghị định 105 support, supervision visits against the shipped checklist (with findings and follow-ups),
and enterprises of the nearby industrial zones with their contributions.

Every name, phone number, tax code and figure here is invented for the demo; the units, zones and the plan are those
of `tretho demo`. The groups sit in the communes of 2017 (before the 2025 reform), like the plan that supported
them: the 2017 metrics of thành phố Biên Hòa count them, and the officer of the new phường Long Bình reads them
through its predecessor.

Called by `tretho demo` (tretho/demo/load.py) inside its transaction, after the zones, agencies and plans:

    from tretho.registry.demo import load_registry_demo
    load_registry_demo(report)

Idempotent: each record is found by its natural key (group: commune + code; staff: group + name + birth year;
enrolment: group + date; visit: group + date; result: visit + criterion; enterprise: tax code …) and saved only
when a value differs, so a second run writes nothing and adds no history rows.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models, transaction

from tretho.geo.choices import UnitLevel
from tretho.geo.models import AdministrativeUnit, IndustrialZone

from .choices import (
    ContributionKind,
    CriterionResult,
    FollowUpStatus,
    FundingSource,
    GroupKind,
    GroupStatus,
    PaymentKind,
    ProgrammeSupportKind,
    Qualification,
    StaffRole,
)
from .models import (
    ChecklistCriterion,
    ChecklistTemplate,
    ChildcareGroup,
    Enrolment,
    Enterprise,
    EnterpriseContribution,
    FacilitySupport,
    HealthCheck,
    ProgrammeSupport,
    Staff,
    SupervisionVisit,
    SupportPayment,
    VisitResult,
)

CHANGE_REASON = "tretho demo"
D = dt.date
PLAN_DATE = D(2017, 3, 1)  # the units of the plan (tretho.demo.data.DONG_NAI_PLAN_DATE)
LONG_BINH, HOA_AN, AN_BINH, LONG_BINH_TAN = "26020", "26068", "26050", "26056"
# Commune positions (official unit data), used to place the groups that have coordinates around them.
CENTRES = {LONG_BINH: (10.93909, 106.884488), HOA_AN: (10.933595, 106.79719)}
ZONE_UNITS = {"KCN Amata": LONG_BINH, "KCX Long Bình (Loteco)": LONG_BINH, "KCN Biên Hòa 1": AN_BINH,
              "KCN Biên Hòa 2": LONG_BINH_TAN}
LICENCE_AUTHORITY = {LONG_BINH: "Chủ tịch UBND phường Long Bình", HOA_AN: "Chủ tịch UBND xã Hóa An"}
HEALTH_STATION = {LONG_BINH: "Trạm Y tế phường Long Bình", HOA_AN: "Trạm Y tế xã Hóa An"}
ADDRESS = {LONG_BINH: "Khu phố {n}, phường Long Bình, thành phố Biên Hòa",
           HOA_AN: "Ấp Đồng Nai {n}, xã Hóa An, thành phố Biên Hòa"}
SNAPSHOT_DAYS = (D(2017, 9, 5), D(2023, 9, 5), D(2024, 9, 5))


@dataclass(frozen=True)
class GroupSpec:
    code: str
    name: str
    commune: str
    zone: str
    children: int  # at the latest snapshot
    new: bool = False  # thành lập mới in 2017 (else kiện toàn)
    kind: str = GroupKind.CHILDCARE_GROUP
    licensed: bool = True
    placed: bool = True  # has its own coordinates (else the map uses the commune's position)
    status: str = GroupStatus.OPERATING
    status_since: dt.date | None = None
    meals: bool = True
    kitchen: bool = True
    fence: bool = True
    play_area: bool = True
    area_per_child: Decimal = Decimal("1.8")
    workers_share: int = 75  # % of the children whose parents work in the zones
    health_checked: bool = True  # a health check in 2024
    # A caregiver who joined in 2023 (with no qualification). Who was trained is no staff field: the activities
    # demo (tretho.activities.demo) records the 2017 trainings with the demo staff as participants.
    new_caregiver: bool = False


GROUPS: list[GroupSpec] = [
    GroupSpec("LB01", "Nhóm trẻ Hoa Mai", LONG_BINH, "KCN Amata", 32, workers_share=85),
    GroupSpec("LB02", "Nhóm trẻ Sơn Ca", LONG_BINH, "KCN Amata", 18, kitchen=False),
    GroupSpec("LB03", "Nhóm trẻ Họa Mi", LONG_BINH, "KCX Long Bình (Loteco)", 45, new_caregiver=True),
    GroupSpec("LB04", "Nhóm trẻ Thiên Thần", LONG_BINH, "KCX Long Bình (Loteco)", 27),
    GroupSpec("LB05", "Nhóm trẻ Bé Ngoan", LONG_BINH, "KCN Amata", 50, area_per_child=Decimal("1.6")),
    GroupSpec("LB06", "Nhóm trẻ Ánh Dương", LONG_BINH, "KCN Amata", 22, health_checked=False),
    GroupSpec("LB07", "Nhóm trẻ Tuổi Thơ", LONG_BINH, "KCX Long Bình (Loteco)", 38, placed=False),
    GroupSpec("LB08", "Lớp mẫu giáo Hướng Dương", LONG_BINH, "KCN Amata", 41, kind=GroupKind.KINDERGARTEN_CLASS),
    GroupSpec("LB09", "Nhóm trẻ Vành Khuyên", LONG_BINH, "KCX Long Bình (Loteco)", 15, licensed=False,
              status=GroupStatus.CLOSED, status_since=D(2023, 6, 30)),
    GroupSpec("LB10", "Nhóm trẻ Bông Sen", LONG_BINH, "KCN Amata", 24, new=True),
    GroupSpec("LB11", "Nhóm trẻ Sao Mai", LONG_BINH, "KCX Long Bình (Loteco)", 19, new=True),
    GroupSpec("LB12", "Nhóm trẻ Hoa Hồng", LONG_BINH, "KCN Amata", 35, placed=False),
    GroupSpec("HA01", "Nhóm trẻ Hoa Cúc", HOA_AN, "KCN Biên Hòa 1", 29, workers_share=60),
    GroupSpec("HA02", "Nhóm trẻ Thỏ Ngọc", HOA_AN, "KCN Biên Hòa 1", 47, fence=False, workers_share=55,
              new_caregiver=True),
    GroupSpec("HA03", "Nhóm trẻ Mầm Xanh", HOA_AN, "KCN Biên Hòa 1", 36, area_per_child=Decimal("1.3")),
    GroupSpec("HA04", "Nhóm trẻ Búp Bê", HOA_AN, "KCN Biên Hòa 1", 21, licensed=False, placed=False, meals=False,
              kitchen=False),
    GroupSpec("HA05", "Lớp mẫu giáo Hoa Lan", HOA_AN, "KCN Biên Hòa 1", 26, kind=GroupKind.KINDERGARTEN_CLASS),
    GroupSpec("HA06", "Nhóm trẻ Bé Yêu", HOA_AN, "KCN Biên Hòa 1", 33, status=GroupStatus.SUSPENDED,
              status_since=D(2024, 8, 1), health_checked=False),
    GroupSpec("HA07", "Nhóm trẻ Hoa Sữa", HOA_AN, "KCN Biên Hòa 1", 17, new=True, play_area=False),
    GroupSpec("HA08", "Nhóm trẻ Ngôi Sao", HOA_AN, "KCN Biên Hòa 1", 16, new=True, licensed=False, placed=False),
]

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ")
GIVEN = ("Lan", "Hương", "Mai", "Thu", "Hạnh", "Ngọc", "Trang", "Yến", "Hồng", "Nga", "Phượng", "Loan", "Thảo",
         "Tuyết", "Dung", "Hoa", "Diệu", "Kim")
QUALIFICATIONS = (Qualification.INTERMEDIATE, Qualification.CERTIFICATE, Qualification.COLLEGE,
                  Qualification.CERTIFICATE, Qualification.NONE)


@dataclass(frozen=True)
class VisitSpec:
    group: str
    date: dt.date
    agencies: tuple[str, ...]  # names of the demo agencies taking part
    members: str
    fails: tuple[str, ...] = ()  # criteria without an automatic check that the team found not met
    follow_up: str = FollowUpStatus.OPEN
    done_on: dt.date | None = None


LB_TEAM = ("Hội Liên hiệp Phụ nữ phường Long Bình", "Trạm Y tế phường Long Bình", "Ủy ban nhân dân phường Long Bình")
HA_TEAM = ("Hội Liên hiệp Phụ nữ xã Hóa An", "Trạm Y tế xã Hóa An", "Ủy ban nhân dân xã Hóa An")
LB_MEMBERS = ("Bà Trương Thị Ngọc Ánh (Hội LHPN phường); Ông Lâm Văn Tài (Trạm Y tế phường); "
              "Bà Phan Thị Xuân (UBND phường)")
HA_MEMBERS = "Bà Mai Thị Kiều (Hội LHPN xã); Bà Quách Thị Liên (Trạm Y tế xã)"

VISITS: list[VisitSpec] = [
    VisitSpec("LB01", D(2024, 11, 12), LB_TEAM, LB_MEMBERS),
    VisitSpec("LB02", D(2024, 11, 12), LB_TEAM, LB_MEMBERS, follow_up=FollowUpStatus.DONE, done_on=D(2025, 1, 20)),
    VisitSpec("LB03", D(2024, 11, 13), LB_TEAM, LB_MEMBERS, follow_up=FollowUpStatus.IN_PROGRESS),
    VisitSpec("LB04", D(2024, 11, 12), LB_TEAM, LB_MEMBERS),
    VisitSpec("LB05", D(2024, 11, 13), LB_TEAM, LB_MEMBERS),
    VisitSpec("LB06", D(2024, 11, 14), LB_TEAM, LB_MEMBERS),
    VisitSpec("LB10", D(2024, 11, 14), LB_TEAM, LB_MEMBERS),
    VisitSpec("HA01", D(2024, 11, 19), HA_TEAM, HA_MEMBERS),
    VisitSpec("HA02", D(2024, 11, 19), HA_TEAM, HA_MEMBERS, fails=("CS6",)),
    VisitSpec("HA03", D(2024, 11, 20), HA_TEAM, HA_MEMBERS, follow_up=FollowUpStatus.DONE, done_on=D(2025, 2, 28)),
    VisitSpec("HA05", D(2024, 11, 20), HA_TEAM, HA_MEMBERS),
    VisitSpec("HA07", D(2024, 11, 20), HA_TEAM, HA_MEMBERS),
]
FOLLOW_UP_DAYS = 60


@dataclass(frozen=True)
class EnterpriseSpec:
    tax_code: str
    name: str
    zone: str
    employees: int
    female: int
    mothers: int
    # (date, kind, value, description, recipient group code)
    contributions: tuple[tuple[dt.date, str, int, str, str], ...] = ()


ENTERPRISES: list[EnterpriseSpec] = [
    EnterpriseSpec("3603904101", "Công ty TNHH Sản xuất Giày An Phú", "KCN Amata", 3200, 2400, 510, (
        (D(2018, 5, 10), ContributionKind.MONEY, 30_000_000, "Hỗ trợ sửa chữa phòng nuôi dưỡng trẻ", "LB01"),
        (D(2024, 5, 28), ContributionKind.IN_KIND, 12_000_000, "Tặng 20 bộ bàn ghế, đồ chơi cho trẻ", "LB05"),
    )),
    EnterpriseSpec("3603904102", "Công ty TNHH Điện tử Việt Tân", "KCN Amata", 1800, 1150, 240, (
        (D(2024, 6, 1), ContributionKind.IN_KIND, 8_000_000, "Tặng tủ lạnh và máy lọc nước", "LB10"),
    )),
    EnterpriseSpec("3603904103", "Công ty TNHH May xuất khẩu Long Bình", "KCX Long Bình (Loteco)", 2500, 2100, 430, (
        (D(2019, 9, 5), ContributionKind.IN_KIND, 15_000_000, "Tặng đồ chơi, học liệu đầu năm học", "LB04"),
    )),
    EnterpriseSpec("3603904104", "Công ty TNHH Linh kiện Nhựa Đông Nam", "KCX Long Bình (Loteco)", 650, 380, 70),
    EnterpriseSpec("3603904105", "Công ty Cổ phần Thực phẩm Đồng Xanh", "KCN Biên Hòa 1", 900, 520, 95, (
        (D(2023, 6, 1), ContributionKind.MONEY, 10_000_000, "Hỗ trợ tiền ăn cho con công nhân", "HA01"),
    )),
    EnterpriseSpec("3603904106", "Công ty TNHH Dệt may Phước Thịnh", "KCN Biên Hòa 2", 1400, 1100, 210),
]


class _Counter:
    """Stands in for tretho.demo.load.LoadReport when the demo runs on its own."""

    def record(self, model: type[models.Model], created: bool, changed: bool) -> None:
        pass


def ensure(model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any], report: Any) -> Any:
    """get_or_create by natural key, then save only the fields whose value differs (no empty history rows)."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj._change_reason = CHANGE_REASON  # type: ignore[attr-defined]
        obj.save()
        report.record(model, created=True, changed=True)
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj._change_reason = CHANGE_REASON  # type: ignore[attr-defined]
        obj.save(update_fields=[*changed, "updated_at"])
    report.record(model, created=False, changed=bool(changed))
    return obj


def commune(code: str) -> AdministrativeUnit:
    try:
        return AdministrativeUnit.objects.in_force_on(PLAN_DATE).get(code=code, level=UnitLevel.COMMUNE)
    except AdministrativeUnit.DoesNotExist:
        raise LookupError(f"commune {code} of 2017 is not loaded: run `tretho load_units` first") from None


@transaction.atomic
def load_registry_demo(report: Any = None, *, visits: bool = True) -> dict[str, ChildcareGroup]:
    """Create or refresh the registry's demo records; returns the groups by code. `tretho demo` passes
    visits=False and writes the visits with `load_registry_visits` once the activities demo has recorded the staff's
    trainings, which the visits' automatic checks read (else a second run would change their results)."""
    report = report or _Counter()
    units = {code: commune(code) for code in (LONG_BINH, HOA_AN)}
    zones = {name: IndustrialZone.objects.filter(name=name, unit__code=code).order_by("pk").first()
             for name, code in ZONE_UNITS.items()}
    plan = _dong_nai_plan()
    groups = {}
    for index, spec in enumerate(GROUPS):
        group = _group(spec, index, units[spec.commune], zones.get(spec.zone), report)
        groups[spec.code] = group
        _staff(spec, index, group, report)
        _enrolments(spec, group, report)
        _supports(spec, group, plan, report)
    if visits:
        _visits(groups, report)
    _enterprises(groups, zones, report)
    return groups


@transaction.atomic
def load_registry_visits(report: Any = None) -> None:
    """The supervision visits alone, for the groups `load_registry_demo` wrote."""
    units = [commune(code) for code in (LONG_BINH, HOA_AN)]
    groups = {group.code: group for group in ChildcareGroup.objects.filter(unit__in=units)}
    _visits(groups, report or _Counter())


# -- 2017: supervision under Thông tư 13/2015 (Đồng Nai plan 2017, task 2) ---------------------------------------
# The shipped checklist (Thông tư 49/2021) is in force from 15/02/2022: the 2017 visits use a demo version of the
# rules then in force, with dates that do not overlap it (ChecklistTemplate.in_force_on picks by date).
TT13 = "Thông tư 13/2015/TT-BGDĐT"
TT13_TEMPLATE = {
    "code": "tt13-2015", "version_label": "2015", "name": "Giám sát nhóm trẻ độc lập tư thục (theo Thông tư 13/2015)",
    "legal_basis": f"{TT13} của Bộ Giáo dục và Đào tạo (bộ tiêu chí mẫu)",
    "effective_from": D(2015, 7, 1), "effective_to": D(2022, 2, 14),
}
TT13_CRITERIA = (
    ("TT1", "Có quyết định cho phép thành lập, hoạt động của cơ quan có thẩm quyền"),
    ("TT2", "Phòng nuôi dưỡng, chăm sóc trẻ đủ diện tích, thoáng mát, đủ ánh sáng"),
    ("TT3", "Có hàng rào, cổng bảo đảm an toàn cho trẻ"),
    ("TT4", "Có đủ đồ dùng, đồ chơi, thiết bị tối thiểu cho trẻ"),
    ("TT5", "Người chăm sóc trẻ có chứng chỉ bồi dưỡng chăm sóc, giáo dục trẻ"),
    ("TT6", "Bếp ăn bảo đảm vệ sinh an toàn thực phẩm, lưu mẫu thức ăn"),
    ("TT7", "Trẻ được khám sức khỏe định kỳ, theo dõi cân nặng, chiều cao"),
)
VISITS_2017 = (
    VisitSpec("LB01", D(2017, 9, 21), LB_TEAM, LB_MEMBERS),
    VisitSpec("LB02", D(2017, 9, 21), LB_TEAM, LB_MEMBERS, fails=("TT6",), follow_up=FollowUpStatus.DONE,
              done_on=D(2017, 11, 10)),
    VisitSpec("HA01", D(2017, 10, 26), HA_TEAM, HA_MEMBERS, fails=("TT5",), follow_up=FollowUpStatus.DONE,
              done_on=D(2017, 12, 20)),
)


def ensure_tt13_checklist(report: Any = None) -> ChecklistTemplate:
    """The demo's checklist version of Thông tư 13/2015 (01/07/2015 – 14/02/2022) with its yes/no criteria."""
    from tretho.metrics.sync import national_root

    report = report or _Counter()
    fields = {k: v for k, v in TT13_TEMPLATE.items() if k not in ("code", "version_label")}
    template = ensure(ChecklistTemplate, {"code": TT13_TEMPLATE["code"], "version_label": TT13_TEMPLATE[
        "version_label"]}, fields | {"unit": national_root()}, report)
    for order, (code, text) in enumerate(TT13_CRITERIA, start=1):
        ensure(ChecklistCriterion, {"template": template, "code": code},
               {"order": order, "text": text, "legal_basis": TT13}, report)
    return template


def load_registry_visits_2017(task: Any, report: Any = None) -> None:
    """The 2017 visits in Long Bình and Hóa An against the Thông tư 13/2015 version, each carrying out task (the
    Đồng Nai 2017 plan's "tổ chức giám sát" task). Needs the groups of `load_registry_demo`."""
    from tretho.orgs.models import Agency

    from .supervision.checks import derive_outcome

    report = report or _Counter()
    template = ensure_tt13_checklist(report)
    criteria = list(template.criteria.order_by("order", "id"))
    units = [commune(code) for code in (LONG_BINH, HOA_AN)]
    groups = {group.code: group for group in ChildcareGroup.objects.filter(unit__in=units)}
    for spec in VISITS_2017:
        results = [(criterion, CriterionResult.FAIL if criterion.code in spec.fails else CriterionResult.PASS)
                   for criterion in criteria]
        failed = [criterion for criterion, result in results if result == CriterionResult.FAIL]
        findings = "Nhóm trẻ hoạt động theo Quy chế, trẻ được chăm sóc chu đáo."
        if failed:
            findings += " Chưa đạt: " + "; ".join(f"{c.code} – {c.text}" for c in failed) + "."
        values = {
            "template": template, "team_members": spec.members,
            "outcome": derive_outcome([result for _criterion, result in results]), "findings": findings,
            "recommendations": "Khắc phục các tiêu chí chưa đạt và báo cáo UBND phường, xã." if failed else "",
            "follow_up_deadline": spec.date + dt.timedelta(days=FOLLOW_UP_DAYS) if failed else None,
            "follow_up_status": spec.follow_up if failed else FollowUpStatus.NONE,
            "follow_up_done_on": spec.done_on if failed and spec.follow_up == FollowUpStatus.DONE else None,
        }
        visit = ensure(SupervisionVisit, {"group": groups[spec.group], "date": spec.date}, values, report)
        agencies = set(Agency.objects.filter(name__in=spec.agencies).values_list("pk", flat=True))
        if set(visit.team_agencies.values_list("pk", flat=True)) != agencies:
            visit.team_agencies.set(agencies)
        if set(visit.tasks.values_list("pk", flat=True)) != {task.pk}:
            visit.tasks.set([task.pk])
        for criterion, result in results:
            ensure(VisitResult, {"visit": visit, "criterion": criterion}, {"result": result}, report)

def _dong_nai_plan() -> Any:
    from tretho.programmes.models import Plan

    return (Plan.objects.filter(unit__code="75", unit__level=UnitLevel.PROVINCE, programme__code="404",
                                start_year=2017, amends__isnull=True).order_by("pk").first())


def _position(spec: GroupSpec, index: int) -> tuple[float | None, float | None]:
    if not spec.placed:
        return None, None
    lat, lon = CENTRES[spec.commune]
    angle, distance = index * 2.4, 0.004 + 0.0015 * (index % 4)  # a few hundred metres around the centre
    return round(lat + distance * math.sin(angle), 6), round(lon + distance * math.cos(angle), 6)


def _group(spec: GroupSpec, index: int, unit: AdministrativeUnit, zone: Any, report: Any) -> ChildcareGroup:
    kindergarten = spec.kind == GroupKind.KINDERGARTEN_CLASS
    lat, lon = _position(spec, index)
    opened = D(2017, 8, 1) if spec.new else D(2011 + index % 6, 9, 1)
    licence_date = D(2018, 3, 15) if spec.new else D(2016, 6, 1 + index)
    values = {
        "name": spec.name, "kind": spec.kind, "zone": zone,
        "address": ADDRESS[spec.commune].format(n=1 + index % 9),
        "owner_name": _person(index, 0), "owner_phone": f"0908 {index + 11:03d} {index * 37 % 1000:03d}",
        "latitude": lat, "longitude": lon,
        "is_licensed": spec.licensed,
        "licence_number": f"{index + 101}/QĐ-UBND" if spec.licensed else "",
        "licence_date": licence_date if spec.licensed else None,
        "licence_authority": LICENCE_AUTHORITY[spec.commune] if spec.licensed else "",
        "capacity": spec.children + 10 - spec.children % 5,
        "age_from_months": 18 if kindergarten else 6, "age_to_months": 72 if kindergarten else 36,
        "care_room_area": (spec.area_per_child * spec.children).quantize(Decimal("0.1")),
        "has_play_area": spec.play_area, "has_fence_gate": spec.fence,
        "serves_meals": spec.meals, "has_separate_kitchen": spec.kitchen,
        "status": spec.status, "opened_on": opened, "status_since": spec.status_since,
        "closed_on": spec.status_since if spec.status == GroupStatus.CLOSED else None,
        "note": "Nhóm trẻ được hỗ trợ thành lập mới năm 2017 (Đề án 404)." if spec.new
                else "Nhóm trẻ được hỗ trợ kiện toàn năm 2017 (Đề án 404).",
    }
    return ensure(ChildcareGroup, {"unit": unit, "code": spec.code}, values, report)


def _person(index: int, position: int) -> str:
    return f"{FAMILY[(index * 3 + position) % len(FAMILY)]} Thị {GIVEN[(index * 5 + position * 7) % len(GIVEN)]}"


def _staff(spec: GroupSpec, index: int, group: ChildcareGroup, report: Any) -> None:
    caregivers = max(1, math.ceil(spec.children / 10))  # besides the owner, who also looks after children
    roles = [StaffRole.OWNER_MANAGER] + [StaffRole.TEACHER if spec.kind == GroupKind.KINDERGARTEN_CLASS
                                         else StaffRole.CAREGIVER] * caregivers
    if spec.meals:
        roles.append(StaffRole.COOK)
    for position, role in enumerate(roles):
        joined_late = spec.new_caregiver and position == caregivers  # the last caregiver
        start = D(2023, 8, 1) if joined_late else (D(2017, 8, 1) if spec.new else D(2012 + position % 5, 9, 1))
        qualification = Qualification.NONE if joined_late or role == StaffRole.COOK \
            else QUALIFICATIONS[(index + position) % len(QUALIFICATIONS)]
        values = {
            "phone": f"0913 {index + 20:03d} {position * 111 + index:03d}", "role": role,
            "qualification": qualification, "start_date": start,
            "end_date": spec.status_since if spec.status == GroupStatus.CLOSED else None,
        }
        lookup = {"group": group, "full_name": _person(index, position),
                  "birth_year": 1972 + (index * 7 + position * 5) % 26}
        ensure(Staff, lookup, values, report)


def _bands(spec: GroupSpec, total: int) -> dict[str, int]:
    if spec.kind == GroupKind.KINDERGARTEN_CLASS:
        c25 = total // 3
        return {"children_3_12": 0, "children_13_24": 0, "children_25_36": c25, "children_over_36": total - c25}
    c3 = max(1, total // 10)
    c13 = total * 3 // 8  # 50 children: 27 of 25–36 months, over the limit of 25 (a finding of the visit)
    return {"children_3_12": c3, "children_13_24": c13, "children_25_36": total - c3 - c13, "children_over_36": 0}


def _enrolments(spec: GroupSpec, group: ChildcareGroup, report: Any) -> None:
    for number, day in enumerate(SNAPSHOT_DAYS):
        if spec.status_since and day > spec.status_since:
            break  # closed or suspended: no snapshot after
        total = max(15, spec.children - 2 * (len(SNAPSHOT_DAYS) - 1 - number))  # growing a little each year
        if spec.new and day.year == 2017:
            total = max(15, spec.children - 6)
        bands = _bands(spec, total)
        girls = total // 2 + (1 if spec.code.endswith(("1", "5", "9")) else 0)
        values = bands | {"girls": girls, "boys": total - girls,
                          "workers_children": total * spec.workers_share // 100}
        ensure(Enrolment, {"group": group, "as_of": day}, values, report)
    station = HEALTH_STATION[spec.commune]
    checks = [D(2023, 10, 12)] + ([D(2024, 10, 15)] if spec.health_checked else [])
    for day in checks:
        if spec.status_since and day > spec.status_since:
            continue
        findings = "Sức khỏe trẻ bình thường; 2 trẻ suy dinh dưỡng thể nhẹ cân, đã hướng dẫn phụ huynh." \
            if spec.children > 30 else "Sức khỏe trẻ bình thường."
        ensure(HealthCheck, {"group": group, "date": day},
               {"provider": station, "children_examined": spec.children - 3, "findings": findings}, report)


def _supports(spec: GroupSpec, group: ChildcareGroup, plan: Any, report: Any) -> None:
    kind = ProgrammeSupportKind.NEWLY_ESTABLISHED if spec.new else ProgrammeSupportKind.CONSOLIDATED
    ensure(ProgrammeSupport, {"group": group, "kind": kind, "year": 2017},
           {"plan": plan, "amount": Decimal(30_000_000 if spec.new else 15_000_000),
            "note": "Theo Kế hoạch năm 2017 của Hội LHPN tỉnh Đồng Nai"}, report)
    ensure(FacilitySupport, {"group": group, "date": D(2017, 10, 20)},
           {"items": "Bàn ghế, giường ngủ, đồ chơi, tủ đựng đồ dùng cá nhân của trẻ",
            "value": Decimal(20_000_000 if spec.new else 12_000_000), "source": FundingSource.STATE_BUDGET,
            "source_name": "Hội LHPN tỉnh Đồng Nai (kinh phí Đề án 404)"}, report)
    if spec.licensed and spec.workers_share >= 30 and spec.status == GroupStatus.OPERATING:
        ensure(SupportPayment, {"group": group, "kind": PaymentKind.ONE_OFF, "paid_on": D(2021, 12, 15)},
               {"months": 1, "beneficiaries": 1, "amount": Decimal(20_000_000),
                "decision": "Quyết định hỗ trợ theo Nghị định 105/2020/NĐ-CP"}, report)
        teachers = max(1, math.ceil(spec.children / 10))
        ensure(SupportPayment, {"group": group, "kind": PaymentKind.PER_TEACHER_MONTH, "paid_on": D(2024, 12, 20)},
               {"months": 4, "beneficiaries": teachers, "amount": Decimal(800_000 * 4 * teachers),
                "decision": "Chi hỗ trợ giáo viên học kỳ I năm học 2024–2025"}, report)


def _visits(groups: dict[str, ChildcareGroup], report: Any) -> None:
    """Visits against the shipped checklist, results pre-computed from the group's records as the visit form does
    (the team's own findings for the criteria with no automatic check)."""
    from tretho.orgs.models import Agency

    from .supervision.checks import derive_outcome, precompute_all
    from .supervision.standard import ensure_standard_checklist

    template = ensure_standard_checklist()
    criteria = list(template.criteria.order_by("order", "id"))
    for spec in VISITS:
        group = groups[spec.group]
        suggestions = precompute_all(criteria, group, spec.date)
        results = []
        for criterion in criteria:
            suggestion = suggestions.get(criterion.pk)
            if suggestion is not None and suggestion.result:
                results.append((criterion, suggestion.result, suggestion.value, suggestion.explanation))
            elif criterion.code in spec.fails:
                results.append((criterion, CriterionResult.FAIL, None, "Đoàn giám sát ghi nhận chưa đạt."))
            else:
                results.append((criterion, CriterionResult.PASS, None, ""))
        failed = [criterion for criterion, result, _value, _note in results if result == CriterionResult.FAIL]
        outcome = derive_outcome([result for _criterion, result, _value, _note in results])
        findings = "Nhóm trẻ duy trì hoạt động ổn định, trẻ được chăm sóc chu đáo."
        if failed:
            findings += " Chưa đạt: " + "; ".join(f"{c.code} – {c.text}" for c in failed) + "."
        values = {
            "template": template, "team_members": spec.members, "outcome": outcome, "findings": findings,
            "recommendations": "Khắc phục các tiêu chí chưa đạt và báo cáo UBND phường, xã." if failed else "",
            "follow_up_deadline": spec.date + dt.timedelta(days=FOLLOW_UP_DAYS) if failed else None,
            "follow_up_status": spec.follow_up if failed else FollowUpStatus.NONE,
            "follow_up_done_on": spec.done_on if failed and spec.follow_up == FollowUpStatus.DONE else None,
        }
        visit = ensure(SupervisionVisit, {"group": group, "date": spec.date}, values, report)
        agencies = set(Agency.objects.filter(name__in=spec.agencies).values_list("pk", flat=True))
        if set(visit.team_agencies.values_list("pk", flat=True)) != agencies:
            visit.team_agencies.set(agencies)
        for criterion, result, value, note in results:
            ensure(VisitResult, {"visit": visit, "criterion": criterion},
                   {"result": result, "measured_value": value, "note": note[:500]}, report)


def _enterprises(groups: dict[str, ChildcareGroup], zones: dict[str, Any], report: Any) -> None:
    for spec in ENTERPRISES:
        zone = zones.get(spec.zone)
        unit = zone.unit if zone is not None else commune(ZONE_UNITS[spec.zone])
        enterprise = ensure(Enterprise, {"tax_code": spec.tax_code}, {
            "name": spec.name, "unit": unit, "zone": zone, "address": f"{spec.zone}, thành phố Biên Hòa",
            "employees": spec.employees, "female_employees": spec.female, "mothers_under_36m": spec.mothers,
            "as_of": D(2024, 12, 31)}, report)
        for day, kind, value, description, recipient in spec.contributions:
            ensure(EnterpriseContribution,
                   {"enterprise": enterprise, "date": day, "recipient_group": groups[recipient]},
                   {"kind": kind, "value": Decimal(value), "description": description}, report)
