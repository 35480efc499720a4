"""The nine registry records (groups and their supports, enrolment, health checks, staff; enterprises and their
contributions) through the shared model suites."""

from __future__ import annotations

import datetime as dt
import itertools

from tests.registry.records_factories import (
    make_contribution,
    make_enrolment,
    make_enterprise,
    make_facility_support,
    make_group,
    make_health_check,
    make_payment,
    make_programme_support,
    make_staff,
)
from tretho.core.testing.suites import ModelSuite, unique
from tretho.registry.choices import (
    ContributionKind,
    FundingSource,
    GroupKind,
    GroupStatus,
    PaymentKind,
    ProgrammeSupportKind,
    Qualification,
    StaffRole,
)
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

_dates = iter(dt.date(2020, 1, 1) + dt.timedelta(days=i) for i in range(100_000))


_workers = itertools.cycle(range(1, 8))


def next_day() -> dt.date:
    return next(_dates)


class TestChildcareGroup(ModelSuite):
    model = ChildcareGroup

    def make(self, world, unit):
        return make_group(unit)

    def form_data(self, world, unit):
        return {"name": unique("Nhóm trẻ Sơn Ca"), "kind": GroupKind.CHILDCARE_GROUP, "unit": unit.pk,
                "owner_name": "Lê Thị Hồng", "owner_phone": "0912345678", "address": "Tổ 5, khu phố 3",
                "status": GroupStatus.OPERATING, "age_from_months": "6", "age_to_months": "36", "capacity": "25",
                "care_room_area": "40,5", "has_play_area": "on", "latitude": "10,95", "longitude": "106,88"}

    def api_data(self, world, unit):
        return {"name": unique("Nhóm trẻ Vành Khuyên"), "unit": unit.pk, "owner_name": "Phạm Thị Lan",
                "status": GroupStatus.OPERATING}


class _GroupPartSuite(ModelSuite):
    def group(self, unit):
        return make_group(unit)


class TestProgrammeSupport(_GroupPartSuite):
    model = ProgrammeSupport

    def make(self, world, unit):
        return make_programme_support(self.group(unit))

    def form_data(self, world, unit):
        return {"group": self.group(unit).pk, "kind": ProgrammeSupportKind.NEWLY_ESTABLISHED, "year": "2025",
                "amount": "30.000.000"}

    def api_data(self, world, unit):
        return {"group": self.group(unit).pk, "kind": ProgrammeSupportKind.CONSOLIDATED, "year": 2024}

    def edit_changes(self, world, obj):
        return {"note": unique("Kiện toàn theo Kế hoạch 109")}


class TestFacilitySupport(_GroupPartSuite):
    model = FacilitySupport

    def make(self, world, unit):
        return make_facility_support(self.group(unit))

    def form_data(self, world, unit):
        return {"group": self.group(unit).pk, "date": "15/08/2024", "items": "Máy lọc nước, đồ chơi",
                "value": "8.000.000", "source": FundingSource.ENTERPRISE, "source_name": "Công ty Changshin"}

    def api_data(self, world, unit):
        return {"group": self.group(unit).pk, "date": "2024-08-15", "items": "Bàn ghế"}

    def edit_changes(self, world, obj):
        return {"source_name": unique("Công ty Pouchen")}


class TestSupportPayment(_GroupPartSuite):
    model = SupportPayment

    def make(self, world, unit):
        return make_payment(self.group(unit))

    def form_data(self, world, unit):
        return {"group": self.group(unit).pk, "kind": PaymentKind.ONE_OFF, "paid_on": "20/12/2024", "months": "1",
                "beneficiaries": "1", "amount": "20.000.000", "decision": "QĐ 123/QĐ-UBND"}

    def api_data(self, world, unit):
        return {"group": self.group(unit).pk, "kind": PaymentKind.PER_TEACHER_MONTH, "paid_on": "2024-12-20",
                "months": 3, "beneficiaries": 2, "amount": "4800000"}

    def edit_changes(self, world, obj):
        return {"decision": unique("Quyết định chi")}


class TestEnrolment(_GroupPartSuite):
    model = Enrolment

    def make(self, world, unit):
        return make_enrolment(self.group(unit), as_of=next_day())

    def form_data(self, world, unit):
        return {"group": self.group(unit).pk, "as_of": "05/09/2025", "children_3_12": "2", "children_13_24": "6",
                "children_25_36": "9", "children_over_36": "1", "girls": "10", "boys": "8",
                "workers_children": "12"}

    def api_data(self, world, unit):
        return {"group": self.group(unit).pk, "as_of": "2025-09-05", "children_13_24": 4, "girls": 2, "boys": 2}

    def edit_changes(self, world, obj):
        # Within the snapshot's 13 children, never the value it had (make() gives 8).
        return {"workers_children": str(next(_workers))}


class TestHealthCheck(_GroupPartSuite):
    model = HealthCheck

    def make(self, world, unit):
        return make_health_check(self.group(unit))

    def form_data(self, world, unit):
        return {"group": self.group(unit).pk, "date": "12/10/2025", "provider": "Trạm Y tế phường Long Bình",
                "children_examined": "18", "findings": "2 trẻ suy dinh dưỡng nhẹ"}

    def api_data(self, world, unit):
        return {"group": self.group(unit).pk, "date": "2025-10-12", "provider": "Trạm Y tế", "children_examined": 5}

    def edit_changes(self, world, obj):
        return {"provider": unique("Trạm Y tế phường Hóa An")}


_qualifications = itertools.cycle([Qualification.INTERMEDIATE, Qualification.COLLEGE, Qualification.UNIVERSITY])


class TestStaff(_GroupPartSuite):
    model = Staff

    def make(self, world, unit):
        return make_staff(self.group(unit))

    def form_data(self, world, unit):
        return {"group": self.group(unit).pk, "full_name": unique("Võ Thị Mai"), "birth_year": "1988",
                "phone": "0987654321", "role": StaffRole.TEACHER, "qualification": Qualification.INTERMEDIATE,
                "start_date": "01/09/2020"}

    def api_data(self, world, unit):
        return {"group": self.group(unit).pk, "full_name": "Đỗ Thị Ngọc", "role": StaffRole.COOK}

    def edit_changes(self, world, obj):
        # Training is no staff field any more (derived from participations): change the qualification, never
        # to make()'s "certificate".
        return {"qualification": next(_qualifications)}

    def list_text(self, obj):
        return obj.full_name


class TestEnterprise(ModelSuite):
    model = Enterprise

    def make(self, world, unit):
        return make_enterprise(unit)

    def form_data(self, world, unit):
        return {"name": unique("Công ty CP Dệt may Biên Hòa"), "tax_code": unique("3600").replace(" ", ""),
                "unit": unit.pk, "employees": "2500", "female_employees": "1800", "mothers_under_36m": "260",
                "as_of": "31/12/2024"}

    def api_data(self, world, unit):
        return {"name": unique("Công ty TNHH Giày Tân Phú"), "tax_code": unique("3700").replace(" ", ""),
                "unit": unit.pk, "employees": 100, "female_employees": 70}


class TestEnterpriseContribution(ModelSuite):
    model = EnterpriseContribution

    def make(self, world, unit):
        return make_contribution(make_enterprise(unit), make_group(unit))

    def form_data(self, world, unit):
        return {"enterprise": make_enterprise(unit).pk, "date": "01/06/2025", "kind": ContributionKind.IN_KIND,
                "value": "5.000.000", "description": "Đồ chơi ngày 1/6", "recipient_group": make_group(unit).pk}

    def api_data(self, world, unit):
        return {"enterprise": make_enterprise(unit).pk, "date": "2025-06-01", "value": "1000000"}

    def edit_changes(self, world, obj):
        return {"description": unique("Học bổng cho con công nhân")}
