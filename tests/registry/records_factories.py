"""Factories of the registry's records for the R1 (records) tests. Not a test module: no suite classes here."""

from __future__ import annotations

import datetime as dt

from tretho.geo.models import IndustrialZone
from tretho.registry.choices import GroupStatus, PaymentKind, ProgrammeSupportKind, Qualification, StaffRole
from tretho.registry.models import (
    ChildcareGroup,
    Enrolment,
    Enterprise,
    EnterpriseContribution,
    FacilitySupport,
    HealthCheck,
    ProgrammeSupport,
    Staff,
    SupportPayment,
)

_counter = iter(range(1, 10**6))


def n() -> int:
    return next(_counter)


def make_group(unit, name: str | None = None, **fields) -> ChildcareGroup:
    number = n()
    defaults = {"name": name or f"Nhóm trẻ Hoa Sen {number:04d}", "unit": unit,
                "owner_name": f"Nguyễn Thị Chủ {number:04d}", "owner_phone": f"09{number:08d}",
                "status": GroupStatus.OPERATING, "capacity": 30, "care_room_area": 45}
    return ChildcareGroup.objects.create(**(defaults | fields))


def make_zone(unit, name: str | None = None) -> IndustrialZone:
    return IndustrialZone.objects.create(name=name or f"KCN Phước Tân {n():04d}", unit=unit)


def make_staff(group, **fields) -> Staff:
    number = n()
    defaults = {"group": group, "full_name": f"Trần Thị Bảo Mẫu {number:04d}", "birth_year": 1990,
                "phone": f"08{number:08d}", "role": StaffRole.CAREGIVER, "qualification": Qualification.CERTIFICATE}
    return Staff.objects.create(**(defaults | fields))


def make_training(unit, day: dt.date, *people: Staff, completed: bool = True, title: str | None = None):
    """A training held in unit on day, the people its (completed, or not) participants: how staff become trained."""
    from tretho.activities.choices import AudienceCategory, Sex
    from tretho.activities.models import Training, TrainingParticipant

    training = Training.objects.create(unit=unit, title=title or f"Tập huấn chăm sóc trẻ {n():04d}", start_date=day)
    for person in people:
        TrainingParticipant.objects.create(training=training, staff=person, sex=Sex.FEMALE,
                                           category=AudienceCategory.CAREGIVERS, completed=completed)
    return training


def make_enrolment(group, as_of=dt.date(2025, 9, 5), bands=(2, 5, 6, 0), workers=8) -> Enrolment:
    total = sum(bands)
    girls = total // 2
    return Enrolment.objects.create(group=group, as_of=as_of, children_3_12=bands[0], children_13_24=bands[1],
                                    children_25_36=bands[2], children_over_36=bands[3], girls=girls,
                                    boys=total - girls, workers_children=workers)


def make_health_check(group, date=dt.date(2025, 10, 1)) -> HealthCheck:
    return HealthCheck.objects.create(group=group, date=date, provider=f"Trạm y tế {n():04d}", children_examined=12)


def make_programme_support(group, kind=ProgrammeSupportKind.CONSOLIDATED, year=2024) -> ProgrammeSupport:
    return ProgrammeSupport.objects.create(group=group, kind=kind, year=year, amount=20_000_000)


def make_facility_support(group) -> FacilitySupport:
    return FacilitySupport.objects.create(group=group, date=dt.date(2024, 6, 1), items=f"Tủ lạnh, nệm {n():04d}",
                                          value=12_500_000)


def make_payment(group, kind=PaymentKind.PER_CHILD_MONTH) -> SupportPayment:
    return SupportPayment.objects.create(group=group, kind=kind, paid_on=dt.date(2024, 12, 20), months=9,
                                         beneficiaries=15, amount=21_600_000)


def make_enterprise(unit, **fields) -> Enterprise:
    number = n()
    defaults = {"name": f"Công ty TNHH May Đồng Tiến {number:04d}", "tax_code": f"36{number:08d}", "unit": unit,
                "employees": 1200, "female_employees": 900, "mothers_under_36m": 140}
    return Enterprise.objects.create(**(defaults | fields))


def make_contribution(enterprise, group=None) -> EnterpriseContribution:
    return EnterpriseContribution.objects.create(enterprise=enterprise, date=dt.date(2025, 3, 8),
                                                 value=15_000_000, description=f"Quà 8/3 {n():04d}",
                                                 recipient_group=group)





def make_template(world):
    from tretho.registry.models import ChecklistTemplate

    return ChecklistTemplate.objects.get_or_create(
        code="r1-test", version_label="2022",
        defaults={"name": "Bộ tiêu chí thử nghiệm", "effective_from": dt.date(2020, 1, 1), "unit": world.country})[0]


def make_visit(world, group, date, **fields):
    from tretho.registry.models import SupervisionVisit

    return SupervisionVisit.objects.create(group=group, date=date, template=make_template(world), **fields)
