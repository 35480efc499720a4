"""Records the supervision tests build: groups with enrolment, staff and health checks, visits with results."""

from __future__ import annotations

import datetime as dt

from tretho.core.testing.suites import unique
from tretho.registry.choices import CriterionResult, Qualification, StaffRole
from tretho.registry.models import ChildcareGroup, Enrolment, HealthCheck, Staff, SupervisionVisit, VisitResult
from tretho.registry.supervision.standard import ensure_standard_checklist

VISIT_DAY = dt.date(2025, 6, 10)


def make_group(unit, **fields) -> ChildcareGroup:
    values = {"name": unique("Nhóm trẻ Hoa Sen"), "unit": unit, "is_licensed": True, "licence_number": "12/QĐ-UBND",
              "licence_date": dt.date(2023, 3, 1), "care_room_area": 30, "has_play_area": True,
              "has_fence_gate": True, "serves_meals": True, "has_separate_kitchen": True,
              "owner_name": "Lê Thị Hoa", "owner_phone": "0912345678"}
    return ChildcareGroup.objects.create(**(values | fields))


def enrol(group, as_of=dt.date(2025, 5, 1), c3_12=0, c13_24=0, c25_36=0, over_36=0) -> Enrolment:
    total = c3_12 + c13_24 + c25_36 + over_36
    return Enrolment.objects.create(group=group, as_of=as_of, children_3_12=c3_12, children_13_24=c13_24,
                                    children_25_36=c25_36, children_over_36=over_36, girls=total // 2,
                                    boys=total - total // 2)


def hire(group, role=StaffRole.CAREGIVER, qualification=Qualification.CERTIFICATE, **fields) -> Staff:
    return Staff.objects.create(group=group, full_name=unique("Phạm Thị Lan"), role=role,
                                qualification=qualification, **fields)


def examine(group, day=dt.date(2025, 3, 1), children=10) -> HealthCheck:
    return HealthCheck.objects.create(group=group, date=day, provider="Trạm y tế xã", children_examined=children)


def make_visit(unit, day=VISIT_DAY, results=True, **fields) -> SupervisionVisit:
    template = ensure_standard_checklist()
    values = {"group": make_group(unit), "date": day, "template": template,
              "team_members": "Nguyễn Văn An, Trần Thị Bình"}
    visit = SupervisionVisit.objects.create(**(values | fields))
    if results:
        for criterion in template.criteria.all():
            VisitResult.objects.create(visit=visit, criterion=criterion, result=CriterionResult.PASS)
    return visit
