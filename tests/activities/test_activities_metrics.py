"""The activities' computed metrics (tretho/activities/metrics.py) against hand-counted expectations: unit subtree,
period boundaries, distinct staff trained, audience rows preferred over named participants, breakdown mappings.
Run on SQLite and on PostgreSQL (DATABASE_URL=postgres://…): the numbers must be the same."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.registry.records_factories import make_group, make_staff
from tretho.activities import metrics
from tretho.activities.choices import AudienceCategory as Cat
from tretho.activities.choices import CommunicationChannel, MeetingKind, Sex
from tretho.activities.models import (
    CommunicationAudience,
    CommunicationEvent,
    Meeting,
    ParentingAudience,
    ParentingFamily,
    ParentingSession,
    Training,
    TrainingAudience,
    TrainingParticipant,
)
from tretho.metrics import registry
from tretho.metrics.choices import MetricKind, ValueType
from tretho.metrics.models import Metric
from tretho.metrics.sync import sync_computed_metrics
from tretho.registry.choices import StaffRole

pytestmark = pytest.mark.django_db

D = dt.date
YEAR_2024 = (D(2024, 1, 1), D(2024, 12, 31))
YEAR_2025 = (D(2025, 1, 1), D(2025, 12, 31))
NAM, NU = Sex.MALE, Sex.FEMALE


def compute(code: str, unit, period=YEAR_2024):
    return registry.compute(code, unit.path, *period)


def training(unit, day, audience=(), participants=()) -> Training:
    """audience: (category, male, female); participants: (category, sex, completed) or a Staff."""
    made = Training.objects.create(unit=unit, title=f"Lớp tập huấn {day:%d/%m/%Y}", start_date=day)
    for category, male, female in audience:
        TrainingAudience.objects.create(training=made, category=category, male=male, female=female)
    for item in participants:
        if isinstance(item, tuple):
            category, sex, completed = item
            TrainingParticipant.objects.create(training=made, full_name="Lê Thị Hoa", category=category, sex=sex,
                                               completed=completed)
        else:
            take_part(made, item)
    return made


def take_part(made: Training, staff, completed: bool = True) -> TrainingParticipant:
    return TrainingParticipant.objects.create(training=made, staff=staff, category=Cat.CAREGIVERS, sex=NU,
                                              completed=completed)


def event(unit, day, audience) -> CommunicationEvent:
    made = CommunicationEvent.objects.create(unit=unit, title="Nói chuyện chuyên đề nuôi con bằng sữa mẹ",
                                             start_date=day, channel=CommunicationChannel.MEETING)
    for category, male, female in audience:
        CommunicationAudience.objects.create(event=made, category=category, male=male, female=female)
    return made


def session(unit, day, audience=(), families=0, families_count=None) -> ParentingSession:
    made = ParentingSession.objects.create(unit=unit, title="Sinh hoạt nhóm cha mẹ", start_date=day,
                                           families_count=families_count)
    for category, male, female in audience:
        ParentingAudience.objects.create(session=made, category=category, male=male, female=female)
    for _ in range(families):
        ParentingFamily.objects.create(session=made, caregiver_name="Nguyễn Thị Mai", children_under_3=1)
    return made


def test_every_metric_is_registered_and_synced(world):
    sync_computed_metrics()
    for code, name, func, unit_of_measure, value_type, breakdowns in metrics.METRICS:
        computed = registry.get_computed(code)
        assert computed.func is func and computed.breakdowns == breakdowns
        row = Metric.objects.get(code=code)
        assert (row.kind, row.name, row.unit_of_measure, row.value_type, row.is_active) == (
            MetricKind.COMPUTED, name, unit_of_measure, value_type, True)
        assert row.breakdown_codes() == breakdowns
    assert registry.get_computed("so_nguoi_cham_soc_tre_tap_huan").func is metrics.staff_trained
    assert registry.get_computed("ty_le_nguoi_cham_soc_tre_tap_huan").value_type == ValueType.PERCENT
    assert registry.get_computed("so_luot_nguoi_duoc_tap_huan").breakdowns == ("doi_tuong", "gioi_tinh")


def test_trainings_held_by_subtree_and_period_boundaries(world):
    training(world.commune_a1a, D(2024, 1, 1))  # the period's first day
    training(world.commune_a1b, D(2024, 12, 31))  # its last day
    training(world.district_a1, D(2024, 6, 15))
    training(world.commune_b1, D(2024, 5, 10))  # another province
    training(world.commune_a1a, D(2025, 1, 1))  # the day after
    training(world.commune_a1a, D(2023, 12, 31))  # the day before

    assert compute("so_lop_tap_huan", world.province_a) == 3
    assert compute("so_lop_tap_huan", world.district_a1) == 3  # a commune's training counts for its district
    assert compute("so_lop_tap_huan", world.commune_a1a) == 1
    assert compute("so_lop_tap_huan", world.commune_a1b) == 1
    assert compute("so_lop_tap_huan", world.province_b) == 1
    assert compute("so_lop_tap_huan", world.country) == 4
    assert compute("so_lop_tap_huan", world.commune_a1a, (D(2024, 1, 1), D(2024, 1, 1))) == 1
    assert compute("so_lop_tap_huan", world.commune_a1a, YEAR_2025) == 1


def test_people_trained_prefers_audience_rows_and_counts_completed_participants(world):
    # Audience rows: they are counted, the two named participants of the same training are not added.
    training(world.commune_a1a, D(2024, 3, 1), audience=[(Cat.TEACHERS, 0, 10), (Cat.CAREGIVERS, 1, 5)],
             participants=[(Cat.TEACHERS, NU, True), (Cat.OFFICIALS, NAM, True)])
    # No audience rows: the named participants who completed it, by category and sex (not the one who did not).
    training(world.commune_a1b, D(2024, 4, 1), participants=[
        (Cat.CAREGIVERS, NU, True), (Cat.CAREGIVERS, NU, True), (Cat.OFFICIALS, NAM, True),
        (Cat.OFFICIALS, NU, False)])
    training(world.commune_b1, D(2024, 4, 1), audience=[(Cat.PARENTS, 2, 3)])  # another province
    training(world.commune_a1a, D(2025, 1, 1), audience=[(Cat.TEACHERS, 0, 99)])  # after the period

    people = compute("so_luot_nguoi_duoc_tap_huan", world.district_a1)
    expected_keys = {"", *(f"doi_tuong={c}" for c in Cat.values), "gioi_tinh=nam", "gioi_tinh=nu",
                     *(f"doi_tuong={c};gioi_tinh={s}" for c in Cat.values for s in ("nam", "nu"))}
    assert set(people) == expected_keys and len(people) == 36
    assert people[""] == 10 + 6 + 3
    assert people["doi_tuong=giao_vien"] == 10
    assert people["doi_tuong=bao_mau"] == 6 + 2
    assert people["doi_tuong=can_bo"] == 1
    assert people["doi_tuong=cha_me"] == 0
    assert people["gioi_tinh=nu"] == 10 + 5 + 2 and people["gioi_tinh=nam"] == 1 + 1
    assert people["doi_tuong=bao_mau;gioi_tinh=nu"] == 7
    assert people["doi_tuong=bao_mau;gioi_tinh=nam"] == 1
    assert people["doi_tuong=can_bo;gioi_tinh=nu"] == 0  # did not complete
    assert people["doi_tuong=can_bo;gioi_tinh=nam"] == 1
    assert compute("so_luot_nguoi_duoc_tap_huan", world.commune_a1b)[""] == 3
    assert compute("so_luot_nguoi_duoc_tap_huan", world.country)[""] == 19 + 5
    assert compute("so_luot_nguoi_duoc_tap_huan", world.province_b)["doi_tuong=cha_me;gioi_tinh=nu"] == 3
    assert compute("so_luot_nguoi_duoc_tap_huan", world.district_a1, YEAR_2025)["gioi_tinh=nu"] == 99
    nothing = compute("so_luot_nguoi_duoc_tap_huan", world.district_a1, (D(2020, 1, 1), D(2020, 12, 31)))
    assert set(nothing) == expected_keys and set(nothing.values()) == {0}


def test_staff_trained_are_distinct_working_people_with_a_completed_training(world):
    g1, g2 = make_group(world.commune_a1a), make_group(world.commune_a1b)
    g_b = make_group(world.commune_b1)
    s1 = make_staff(g1, role=StaffRole.CAREGIVER)
    s2 = make_staff(g1, role=StaffRole.TEACHER)
    s3 = make_staff(g2, role=StaffRole.CAREGIVER)
    s4 = make_staff(g1, role=StaffRole.CAREGIVER, end_date=D(2023, 12, 31))  # left before 2024
    make_staff(g2, role=StaffRole.OWNER_MANAGER)  # never trained
    s6 = make_staff(g1, role=StaffRole.CAREGIVER, start_date=D(2022, 1, 1))
    s7 = make_staff(g1, role=StaffRole.COOK)  # cooks are not caring staff
    s_b = make_staff(g_b, role=StaffRole.TEACHER)

    first = training(world.district_a1, D(2024, 3, 1), participants=[s1])
    training(world.district_a1, D(2024, 9, 1), participants=[s1, s7])  # s1 again: still one person
    take_part(first, s2, completed=False)  # did not complete: not trained
    training(world.district_a1, D(2023, 5, 1), participants=[s3, s4])  # earlier training: s3 still trained
    training(world.district_a1, D(2025, 1, 10), participants=[s6])  # after 2024
    training(world.commune_b1, D(2024, 4, 1), participants=[s_b])

    # Working in 2024 in Huyện Đông Hòa: s1, s2, s3, the owner, s6 (not s4, who left; not the cook).
    assert compute("so_nguoi_cham_soc_tre", world.district_a1) == 5
    assert compute("so_nguoi_cham_soc_tre_tap_huan", world.district_a1) == 2  # s1, s3
    assert compute("ty_le_nguoi_cham_soc_tre_tap_huan", world.district_a1) == Decimal("40.0")
    assert compute("so_nguoi_cham_soc_tre_tap_huan", world.commune_a1a) == 1  # s1 of s1, s2, s6
    assert compute("ty_le_nguoi_cham_soc_tre_tap_huan", world.commune_a1a) == Decimal("33.3")
    assert compute("so_nguoi_cham_soc_tre_tap_huan", world.province_b) == 1
    assert compute("ty_le_nguoi_cham_soc_tre_tap_huan", world.province_b) == Decimal("100.0")
    assert compute("so_nguoi_cham_soc_tre_tap_huan", world.country) == 3
    # 2025: s6 trained in January.
    assert compute("so_nguoi_cham_soc_tre_tap_huan", world.district_a1, YEAR_2025) == 3
    assert compute("ty_le_nguoi_cham_soc_tre_tap_huan", world.district_a1, YEAR_2025) == Decimal("60.0")
    # 2023: s4 worked then and was trained in May; s1 was not trained yet.
    assert compute("so_nguoi_cham_soc_tre_tap_huan", world.district_a1, (D(2023, 1, 1), D(2023, 12, 31))) == 2


def test_share_of_staff_trained_is_none_without_staff(world):
    training(world.commune_a1b, D(2024, 3, 1), audience=[(Cat.CAREGIVERS, 0, 10)])
    assert compute("so_nguoi_cham_soc_tre_tap_huan", world.commune_a1b) == 0
    assert compute("ty_le_nguoi_cham_soc_tre_tap_huan", world.commune_a1b) is None


def test_communication_events_people_and_mothers_reached(world):
    event(world.commune_a1a, D(2024, 2, 1), [(Cat.MOTHERS, 0, 20), (Cat.PARENTS, 5, 7), (Cat.FATHERS, 4, 0),
                                             (Cat.PREGNANT_WOMEN, 0, 3)])
    event(world.commune_a1b, D(2024, 12, 31), [(Cat.MOTHERS, 0, 10)])
    event(world.commune_b1, D(2024, 6, 1), [(Cat.MOTHERS, 0, 50)])
    event(world.commune_a1a, D(2025, 1, 1), [(Cat.MOTHERS, 0, 100)])

    assert compute("so_hoat_dong_truyen_thong", world.district_a1) == 2
    assert compute("so_hoat_dong_truyen_thong", world.country) == 3
    # Mothers: "bà mẹ" 20 + 10, and the 7 women of "cha mẹ" (not the pregnant women, not the fathers).
    assert compute("so_luot_ba_me_duoc_truyen_thong", world.district_a1) == 37
    assert compute("so_luot_ba_me_duoc_truyen_thong", world.province_a) == 37
    assert compute("so_luot_ba_me_duoc_truyen_thong", world.country) == 87
    assert compute("so_luot_ba_me_duoc_truyen_thong", world.commune_a1a, YEAR_2025) == 100
    reached = compute("so_luot_nguoi_duoc_truyen_thong", world.district_a1)
    assert reached[""] == 20 + 12 + 4 + 3 + 10
    assert reached["doi_tuong=me"] == 30 and reached["gioi_tinh=nam"] == 9 and reached["gioi_tinh=nu"] == 40
    assert reached["doi_tuong=cha_me;gioi_tinh=nu"] == 7 and reached["doi_tuong=bo;gioi_tinh=nam"] == 4
    assert reached["doi_tuong=giao_vien"] == 0
    assert compute("so_luot_nguoi_duoc_truyen_thong", world.province_b)[""] == 50


def test_parents_reached_by_parenting_education(world):
    # Audience rows: the parent categories only (15 + 5, not the 3 caregivers); its families and count ignored.
    session(world.commune_a1a, D(2024, 3, 1), audience=[(Cat.PARENTS, 3, 12), (Cat.MOTHERS, 0, 5),
                                                         (Cat.CAREGIVERS, 1, 2)], families=2, families_count=40)
    session(world.commune_a1a, D(2024, 5, 1), families=3, families_count=10)  # no rows: the 3 named families
    session(world.commune_a1b, D(2024, 7, 1), families_count=25)  # no rows, no list: the count
    session(world.commune_a1b, D(2024, 8, 1))  # nothing recorded
    session(world.commune_b1, D(2024, 8, 1), families_count=100)  # another province
    session(world.commune_a1a, D(2025, 1, 1), families_count=7)  # after the period

    assert compute("so_buoi_giao_duc_lam_cha_me", world.district_a1) == 4
    assert compute("so_buoi_giao_duc_lam_cha_me", world.country) == 5
    assert compute("so_luot_cha_me_duoc_giao_duc_lam_cha_me", world.district_a1) == 20 + 3 + 25
    assert compute("so_luot_cha_me_duoc_giao_duc_lam_cha_me", world.commune_a1a) == 23
    assert compute("so_luot_cha_me_duoc_giao_duc_lam_cha_me", world.country) == 148
    assert compute("so_luot_cha_me_duoc_giao_duc_lam_cha_me", world.district_a1, YEAR_2025) == 7


def test_meetings_held_steering_and_reviews(world):
    def meeting(unit, day, kind):
        return Meeting.objects.create(unit=unit, title="Họp Ban Chỉ đạo", start_date=day, kind=kind)

    meeting(world.commune_a1a, D(2024, 3, 1), MeetingKind.STEERING)
    meeting(world.district_a1, D(2024, 6, 30), MeetingKind.PRELIMINARY_REVIEW)
    meeting(world.district_a1, D(2024, 12, 20), MeetingKind.FINAL_REVIEW)
    meeting(world.province_a, D(2024, 1, 5), MeetingKind.STEERING)
    meeting(world.province_a, D(2024, 5, 5), MeetingKind.CONFERENCE)  # attended, not held
    meeting(world.province_a, D(2024, 9, 5), MeetingKind.OTHER)
    meeting(world.commune_b1, D(2024, 3, 1), MeetingKind.STEERING)
    meeting(world.province_a, D(2025, 1, 5), MeetingKind.STEERING)

    assert compute("so_cuoc_hop_hoi_nghi", world.province_a) == 5
    assert compute("so_cuoc_hop_ban_chi_dao", world.province_a) == 2
    assert compute("so_hoi_nghi_so_ket_tong_ket", world.province_a) == 2
    assert compute("so_cuoc_hop_hoi_nghi", world.district_a1) == 3
    assert compute("so_cuoc_hop_ban_chi_dao", world.district_a1) == 1
    assert compute("so_cuoc_hop_hoi_nghi", world.country) == 6
    assert compute("so_cuoc_hop_ban_chi_dao", world.country) == 3
    assert compute("so_cuoc_hop_ban_chi_dao", world.province_a, YEAR_2025) == 1


def test_a_sibling_path_prefix_is_not_a_subtree(world):
    training(world.commune_a1a, D(2024, 3, 1))
    assert world.commune_a1a.path.endswith("/")
    assert compute("so_lop_tap_huan", world.commune_a1b) == 0
