"""The registry's computed metrics: counted over the unit's subtree and the period, with the rules of
tretho/registry/metrics.py, checked against hand-counted expectations (run on SQLite and on PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.registry.records_factories import make_training
from tretho.metrics import registry
from tretho.metrics.choices import MetricKind, ValueType
from tretho.metrics.models import Metric
from tretho.metrics.sync import sync_computed_metrics
from tretho.registry import metrics
from tretho.registry.choices import (
    CriterionResult,
    GroupStatus,
    ProgrammeSupportKind,
    StaffRole,
    VisitOutcome,
)
from tretho.registry.models import (
    ChecklistCriterion,
    ChecklistTemplate,
    ChildcareGroup,
    Enrolment,
    ProgrammeSupport,
    Staff,
    SupervisionVisit,
    VisitResult,
)

pytestmark = pytest.mark.django_db

D = dt.date
YEAR_2024 = (D(2024, 1, 1), D(2024, 12, 31))


def compute(code: str, unit, start: dt.date, end: dt.date):
    return registry.compute(code, unit.path, start, end)


def group(unit, name: str, **values) -> ChildcareGroup:
    return ChildcareGroup.objects.create(unit=unit, name=name, **values)


def snapshot(grp, day, *, c3=0, c13=0, c25=0, over=0, workers=0) -> Enrolment:
    total = c3 + c13 + c25 + over
    return Enrolment.objects.create(group=grp, as_of=day, children_3_12=c3, children_13_24=c13, children_25_36=c25,
                                    children_over_36=over, girls=total // 2, boys=total - total // 2,
                                    workers_children=workers)


@pytest.fixture
def checklist(world):
    template = ChecklistTemplate.objects.create(code="tt49", name="Tiêu chí TT 49", version_label="2021",
                                                effective_from=D(2021, 1, 1), unit=world.country)
    criteria = [ChecklistCriterion.objects.create(template=template, code=f"C{i}", order=i, text=f"Tiêu chí {i}")
                for i in (1, 2)]
    return template, criteria


def visit(grp, day, template, outcome="", results=()) -> SupervisionVisit:
    made = SupervisionVisit.objects.create(group=grp, date=day, template=template, outcome=outcome)
    for criterion, result in results:
        VisitResult.objects.create(visit=made, criterion=criterion, result=result)
    return made


def test_every_metric_is_registered_and_synced_as_a_computed_metric(world):
    sync_computed_metrics()
    for code, name, func, unit_of_measure, value_type in metrics.METRICS:
        assert registry.get_computed(code).func is func
        row = Metric.objects.get(code=code)
        assert (row.kind, row.name, row.unit_of_measure, row.value_type, row.is_active) == (
            MetricKind.COMPUTED, name, unit_of_measure, value_type, True)
    assert Metric.objects.get(code="ty_le_nhom_tre_dat_tat_ca_tieu_chi").value_type == ValueType.PERCENT


def test_groups_operating_and_licensed_follow_dates_and_status(world):
    a1a, a1b, b1 = world.commune_a1a, world.commune_a1b, world.commune_b1
    group(a1a, "Nhóm Hoa Sen", opened_on=D(2020, 5, 1), is_licensed=True, licence_number="12/QĐ",
          licence_date=D(2023, 3, 1))
    group(a1a, "Nhóm Sơn Ca")  # no dates: counted whenever
    group(a1b, "Nhóm Họa Mi", opened_on=D(2024, 6, 1), is_licensed=True, licence_number="7/QĐ",
          licence_date=D(2025, 2, 1))  # licensed after 2024
    group(a1b, "Nhóm mở năm 2025", opened_on=D(2025, 1, 10))
    group(a1b, "Nhóm giải thể 2023", status=GroupStatus.CLOSED, opened_on=D(2019, 1, 1), closed_on=D(2023, 12, 31))
    group(a1b, "Nhóm giải thể giữa 2024", status=GroupStatus.CLOSED, closed_on=D(2024, 7, 1),
          is_licensed=True, licence_number="3/QĐ")
    group(a1a, "Nhóm tạm dừng từ 2023", status=GroupStatus.SUSPENDED, status_since=D(2023, 9, 1))
    group(a1a, "Nhóm tạm dừng từ tháng 3/2024", status=GroupStatus.SUSPENDED, status_since=D(2024, 3, 1))
    group(b1, "Nhóm tỉnh B", is_licensed=True, licence_number="1/QĐ")

    # 2024 in district A1: Hoa Sen, Sơn Ca, Họa Mi, closed mid-2024, suspended from March 2024.
    assert compute("so_nhom_tre_hoat_dong", world.district_a1, *YEAR_2024) == 5
    assert compute("so_nhom_tre_hoat_dong", world.commune_a1a, *YEAR_2024) == 3
    assert compute("so_nhom_tre_hoat_dong", world.country, *YEAR_2024) == 6
    assert compute("so_nhom_tre_hoat_dong", world.commune_a1b, D(2025, 1, 1), D(2025, 3, 31)) == 2
    assert compute("so_nhom_tre_hoat_dong", world.commune_a1b, D(2023, 1, 1), D(2023, 12, 31)) == 2
    # Licensed in 2024: Hoa Sen (2023 licence) and the group closed mid-2024 (undated licence); not Họa Mi (2025).
    assert compute("so_nhom_tre_duoc_cap_phep", world.district_a1, *YEAR_2024) == 2
    assert compute("so_nhom_tre_duoc_cap_phep", world.district_a1, D(2025, 1, 1), D(2025, 12, 31)) == 2
    assert compute("so_nhom_tre_duoc_cap_phep", world.province_b, *YEAR_2024) == 1


def test_consolidated_and_new_count_distinct_groups_by_year(world):
    one, two = group(world.commune_a1a, "Nhóm 1"), group(world.commune_a1b, "Nhóm 2")
    other = group(world.commune_b1, "Nhóm B")
    ProgrammeSupport.objects.create(group=one, kind=ProgrammeSupportKind.CONSOLIDATED, year=2017)
    ProgrammeSupport.objects.create(group=one, kind=ProgrammeSupportKind.CONSOLIDATED, year=2017, note="đợt 2")
    ProgrammeSupport.objects.create(group=two, kind=ProgrammeSupportKind.NEWLY_ESTABLISHED, year=2017)
    ProgrammeSupport.objects.create(group=two, kind=ProgrammeSupportKind.CONSOLIDATED, year=2018)
    ProgrammeSupport.objects.create(group=other, kind=ProgrammeSupportKind.CONSOLIDATED, year=2017)

    year_2017 = (D(2017, 1, 1), D(2017, 12, 31))
    assert compute("so_nhom_tre_kien_toan", world.district_a1, *year_2017) == 1  # one group, two supports
    assert compute("so_nhom_tre_thanh_lap_moi", world.district_a1, *year_2017) == 1
    assert compute("so_nhom_tre_kien_toan", world.district_a1, D(2017, 1, 1), D(2018, 12, 31)) == 2
    assert compute("so_nhom_tre_kien_toan", world.district_a1, D(2017, 7, 1), D(2017, 9, 30)) == 1  # its year
    assert compute("so_nhom_tre_kien_toan", world.country, *year_2017) == 2
    assert compute("so_nhom_tre_thanh_lap_moi", world.district_a1, D(2019, 1, 1), D(2019, 12, 31)) == 0


def test_children_come_from_each_groups_latest_snapshot_in_the_period(world):
    one, two = group(world.commune_a1a, "Nhóm 1"), group(world.commune_a1b, "Nhóm 2")
    snapshot(one, D(2024, 2, 1), c3=2, c13=5, c25=6, over=1, workers=9)
    snapshot(one, D(2024, 9, 1), c3=3, c13=6, c25=8, over=2, workers=12)  # latest of 2024 for Nhóm 1
    snapshot(one, D(2025, 2, 1), c3=9, c13=9, c25=9, over=9, workers=30)  # after the period
    snapshot(two, D(2024, 5, 15), c13=4, c25=10, over=3, workers=7)
    snapshot(group(world.commune_b1, "Nhóm B"), D(2024, 5, 15), c25=20, workers=20)

    assert compute("so_tre_duoi_36_thang_theo_hoc", world.district_a1, *YEAR_2024) == (3 + 6 + 8) + (4 + 10)
    assert compute("so_tre_con_cong_nhan_theo_hoc", world.district_a1, *YEAR_2024) == 12 + 7
    assert compute("so_tre_duoi_36_thang_theo_hoc", world.commune_a1a, D(2024, 1, 1), D(2024, 6, 30)) == 13
    assert compute("so_tre_duoi_36_thang_theo_hoc", world.country, *YEAR_2024) == 31 + 20
    assert compute("so_tre_duoi_36_thang_theo_hoc", world.district_a1, D(2023, 1, 1), D(2023, 12, 31)) == 0


def test_latest_snapshot_tie_on_the_same_group_is_never_counted_twice(world):
    one = group(world.commune_a1a, "Nhóm 1")
    snapshot(one, D(2024, 3, 1), c25=10)
    snapshot(one, D(2024, 3, 2), c25=11)
    assert metrics.latest_enrolments(world.country.path, *YEAR_2024).count() == 1
    assert compute("so_tre_duoi_36_thang_theo_hoc", world.country, *YEAR_2024) == 11


def test_staff_and_staff_trained_in_the_period(world):
    """Trained is no staff field: a person counts once they completed a training begun by the period's end, once
    however many trainings they attended."""
    one, other = group(world.commune_a1a, "Nhóm 1"), group(world.commune_b1, "Nhóm B")

    def person(grp, role, **values):
        return Staff.objects.create(group=grp, full_name="Nguyễn Thị Lan", role=role, **values)

    owner = person(one, StaffRole.OWNER_MANAGER)
    teacher = person(one, StaffRole.TEACHER)
    late = person(one, StaffRole.CAREGIVER, start_date=D(2024, 2, 1))
    left = person(one, StaffRole.CAREGIVER, start_date=D(2022, 1, 1), end_date=D(2023, 12, 31))  # left before 2024
    person(one, StaffRole.CAREGIVER, start_date=D(2025, 1, 1))  # starts after 2024
    cook = person(one, StaffRole.COOK)  # cooks are not counted
    outsider = person(other, StaffRole.TEACHER)
    dropped_out = person(one, StaffRole.CAREGIVER)

    make_training(world.district_a1, D(2023, 5, 1), owner, teacher, left, cook)
    make_training(world.commune_a1a, D(2024, 3, 1), owner)  # trained twice: one person
    make_training(world.commune_a1a, D(2024, 8, 1), late)
    make_training(world.commune_a1a, D(2024, 4, 1), dropped_out, completed=False)
    make_training(world.commune_b1, D(2024, 4, 1), outsider)  # outside District A1

    assert compute("so_nguoi_cham_soc_tre", world.district_a1, *YEAR_2024) == 4
    assert compute("so_nguoi_cham_soc_tre_tap_huan", world.district_a1, *YEAR_2024) == 3
    first_half = (D(2024, 1, 1), D(2024, 6, 30))  # the caregiver trained in August is not yet trained
    assert compute("so_nguoi_cham_soc_tre_tap_huan", world.district_a1, *first_half) == 2
    assert compute("so_nguoi_cham_soc_tre_tap_huan", world.district_a1, D(2022, 1, 1), D(2022, 12, 31)) == 0
    assert compute("so_nguoi_cham_soc_tre_tap_huan", world.country, *YEAR_2024) == 4
    assert compute("so_nguoi_cham_soc_tre", world.district_a1, D(2023, 1, 1), D(2023, 12, 31)) == 4
    assert compute("so_nguoi_cham_soc_tre", world.country, *YEAR_2024) == 5


def test_supervised_groups_and_the_share_meeting_all_criteria(world, checklist):
    template, (c1, c2) = checklist
    groups = [group(world.commune_a1a, f"Nhóm {i}") for i in range(1, 6)]
    other = group(world.commune_b1, "Nhóm B")
    PASS, FAIL = CriterionResult.PASS, CriterionResult.FAIL
    # 1: failed in March, met all in October → its latest visit counts: meets all.
    visit(groups[0], D(2024, 3, 1), template, VisitOutcome.DOES_NOT_MEET)
    visit(groups[0], D(2024, 10, 1), template, VisitOutcome.MEETS_ALL)
    # 2: met partly.
    visit(groups[1], D(2024, 4, 1), template, VisitOutcome.MEETS_PARTLY, [(c1, PASS), (c2, FAIL)])
    # 3: no outcome recorded, every result passes (n.a. allowed) → meets all.
    visit(groups[2], D(2024, 5, 1), template, "", [(c1, PASS), (c2, CriterionResult.NOT_APPLICABLE)])
    # 4: no outcome recorded, one failure → does not.
    visit(groups[3], D(2024, 6, 1), template, "", [(c1, FAIL), (c2, PASS)])
    # 5: visited only in 2023.
    visit(groups[4], D(2023, 6, 1), template, VisitOutcome.MEETS_ALL)
    visit(other, D(2024, 6, 1), template, VisitOutcome.MEETS_ALL)

    assert compute("so_nhom_tre_duoc_giam_sat", world.district_a1, *YEAR_2024) == 4
    assert compute("so_nhom_tre_dat_tat_ca_tieu_chi", world.district_a1, *YEAR_2024) == 2
    assert compute("ty_le_nhom_tre_dat_tat_ca_tieu_chi", world.district_a1, *YEAR_2024) == Decimal("50.0")
    assert compute("ty_le_nhom_tre_dat_tat_ca_tieu_chi", world.country, *YEAR_2024) == Decimal("60.0")
    # The first half of 2024: group 1's latest visit then is March's failure.
    first_half = (D(2024, 1, 1), D(2024, 6, 30))
    assert compute("so_nhom_tre_dat_tat_ca_tieu_chi", world.district_a1, *first_half) == 1
    assert compute("ty_le_nhom_tre_dat_tat_ca_tieu_chi", world.district_a1, *first_half) == Decimal("25.0")
    assert compute("ty_le_nhom_tre_dat_tat_ca_tieu_chi", world.commune_a1b, *YEAR_2024) is None  # none visited
    assert compute("so_nhom_tre_duoc_giam_sat", world.commune_a1a, D(2023, 1, 1), D(2023, 12, 31)) == 1


def test_share_is_rounded_to_one_decimal(world, checklist):
    template, _ = checklist
    for i, outcome in enumerate((VisitOutcome.MEETS_ALL, VisitOutcome.MEETS_PARTLY, VisitOutcome.DOES_NOT_MEET)):
        visit(group(world.commune_a1a, f"Nhóm {i}"), D(2024, 5, 1), template, outcome)
    assert compute("ty_le_nhom_tre_dat_tat_ca_tieu_chi", world.commune_a1a, *YEAR_2024) == Decimal("33.3")


def test_a_sibling_path_prefix_is_not_a_subtree(world):
    """Paths end with '/': unit /1/2/ must not pick up /1/23/ (a plain string prefix would)."""
    group(world.commune_a1a, "Nhóm 1")
    assert world.commune_a1a.path.endswith("/")
    assert compute("so_nhom_tre_hoat_dong", world.commune_a1a, *YEAR_2024) == 1
    assert compute("so_nhom_tre_hoat_dong", world.commune_a1b, *YEAR_2024) == 0
