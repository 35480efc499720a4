"""The activities' demo (tretho/activities/demo.py, run by `tretho demo`): the activities of the three reference plans
linked to the tasks they carry out, valid records, the staff trained computed from the named participants, scope
for the demo logins, and a second run that writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from tests.demo.demo_units import build_demo_units
from tretho.accounts.models import User
from tretho.activities import demo, progress
from tretho.activities.choices import AudienceCategory, FollowUpState, MeetingKind, ProposalStatus, TaskProgress
from tretho.activities.models import (
    Commendation,
    CommunicationAudience,
    CommunicationEvent,
    Meeting,
    MeetingFollowUp,
    ParentingAudience,
    ParentingFamily,
    ParentingSession,
    Proposal,
    TaskCompletion,
    Training,
    TrainingAudience,
    TrainingParticipant,
)
from tretho.demo.load import DemoDataError
from tretho.demo.plans import REFERENCE_PLANS
from tretho.geo.models import AdministrativeUnit
from tretho.metrics import registry as metric_registry
from tretho.programmes.models import Plan
from tretho.registry.metrics import staff_working

pytestmark = pytest.mark.django_db
ACTIVITY_RECORDS = (Training, TrainingAudience, TrainingParticipant, CommunicationEvent, CommunicationAudience,
                    ParentingSession, ParentingAudience, ParentingFamily, Meeting, MeetingFollowUp, Commendation,
                    Proposal, TaskCompletion)
YEAR_2017 = (dt.date(2017, 1, 1), dt.date(2017, 12, 31))


@pytest.fixture
def loaded(db):
    build_demo_units()
    call_command("demo", verbosity=0)


def plan_of(key: str) -> Plan:
    spec = next(spec for spec in REFERENCE_PLANS if spec.key == key)
    return Plan.objects.get(programme__code=spec.programme, summary=spec.summary, amends__isnull=True)


def task(key: str, number: int):
    return plan_of(key).tasks.filter(parent__isnull=True).order_by("order", "pk")[number - 1]


def old_unit(code: str, level: int, on: dt.date = dt.date(2017, 3, 1)) -> AdministrativeUnit:
    return AdministrativeUnit.objects.in_force_on(on).get(code=code, level=level)


def test_dong_nai_activities_carry_out_the_plan_tasks(loaded):
    # Task 3: one training in each of the 11 districts of 2017, officials and communicators counted by sex.
    district_trainings = task("dong-nai-2017", 3).trainings.all()
    assert district_trainings.count() == 11
    assert {t.unit.code for t in district_trainings} == {code for code, _label in demo.DISTRICTS_2017}
    assert {t.unit.level for t in district_trainings} == {2}
    for training in district_trainings:
        assert set(training.audience.values_list("category", flat=True)) == {
            AudienceCategory.OFFICIALS, AudienceCategory.COMMUNICATORS}
        assert training.organiser.name == "Hội Liên hiệp Phụ nữ tỉnh Đồng Nai"
        assert training.cost and training.funding_source and training.start_date.year == 2017
    # Task 4: parents of children 0–36 months in Long Bình and Hóa An, and the groups' staff (named).
    long_binh, hoa_an = old_unit("26020", 3), old_unit("26068", 3)
    breastfeeding = task("dong-nai-2017", 4).trainings.all()
    assert {t.unit_id for t in breastfeeding} == {long_binh.pk, hoa_an.pk} and breastfeeding.count() == 4
    parents = TrainingAudience.objects.filter(training__in=breastfeeding, category=AudienceCategory.PARENTS)
    assert parents.count() == 2 and all(row.female > row.male > 0 for row in parents)
    staff_rows = TrainingParticipant.objects.filter(training__in=breastfeeding, staff__isnull=False)
    assert staff_rows.exists() and all(p.staff.group.unit_id == p.training.unit_id for p in staff_rows)
    # Communication reaching mothers, for task 1 (the groups supported).
    events = task("dong-nai-2017", 1).communicationevents.all()
    assert events.count() == 4
    assert CommunicationAudience.objects.filter(event__in=events, category=AudienceCategory.MOTHERS).count() == 3
    # Periodic steering meetings (task 7) and the preliminary review (task 6) with follow-ups, one overdue.
    assert task("dong-nai-2017", 7).meetings.filter(kind=MeetingKind.STEERING).count() == 2
    review = task("dong-nai-2017", 6).meetings.get()
    assert review.kind == MeetingKind.PRELIMINARY_REVIEW and review.committee is not None
    follow_ups = list(review.follow_ups.all())
    assert {f.state for f in follow_ups} == {FollowUpState.OPEN, FollowUpState.DONE}
    assert [f.is_overdue for f in follow_ups].count(True) == 1
    assert task("dong-nai-2017", 6).commendations.count() == 2
    answered = Proposal.objects.get(status=ProposalStatus.ANSWERED)
    assert answered.unit_id == hoa_an.pk and answered.answered_by.name == "Sở Giáo dục và Đào tạo tỉnh Đồng Nai"
    assert answered.tasks.get() == task("dong-nai-2017", 1)
    # Done: tasks 1 and 4 (evidence); activities: 3, 6, 7; supervision visits of Sep–Oct 2017 (Thông tư 13/2015
    # checklist): 2; nothing yet: 5.
    assert set(TaskCompletion.objects.values_list("task", flat=True)) == {
        task("dong-nai-2017", 1).pk, task("dong-nai-2017", 4).pk}
    assert all(c.evidence for c in TaskCompletion.objects.all())
    untouched = task("dong-nai-2017", 5)
    assert not any(getattr(untouched, name).exists() for name in (
        "trainings", "communicationevents", "parentingsessions", "meetings", "commendations", "proposals",
        "supervisionvisits"))
    supervision = task("dong-nai-2017", 2)
    assert supervision.supervisionvisits.count() == 3
    assert {v.group.unit_id for v in supervision.supervisionvisits.all()} == {long_binh.pk, hoa_an.pk}
    states = progress.task_progress([supervision, untouched], today=dt.date(2017, 12, 1))
    assert states[supervision.pk].state == TaskProgress.IN_PROGRESS
    assert states[untouched.pk].state != TaskProgress.IN_PROGRESS
    check_every_record_is_valid()


def check_every_record_is_valid():
    for model in ACTIVITY_RECORDS:
        rows = list(model.objects.all())
        assert rows, model
        for row in rows:
            row.full_clean()
        if hasattr(model, "tasks"):
            assert all(row.tasks.exists() for row in rows), model


def test_huong_an_and_ninh_binh_activities(loaded):
    huong_an = old_unit("20023", 3, dt.date(2019, 2, 26))
    assert task("huong-an-2019", 1).communicationevents.count() == 2
    assert task("huong-an-2019", 2).trainings.get().participants.count() == 3
    sessions = task("huong-an-2019", 3).parentingsessions.all()
    assert sessions.count() == 2 and {s.unit_id for s in sessions} == {huong_an.pk}
    assert ParentingFamily.objects.filter(session__in=sessions).count() == 9
    assert task("huong-an-2019", 6).meetings.get().committee.name == demo.HA_BOARD
    assert task("ninh-binh-2019", 2).trainings.get().audience.count() == 2
    assert task("ninh-binh-2019", 4).parentingsessions.get().families.count() == 3
    assert task("ninh-binh-2019", 7).meetings.get().kind == MeetingKind.PRELIMINARY_REVIEW
    # A task the data names wrongly stops the demo, whether the plan or the task is missing.
    finder = demo.TaskFinder({"huong-an-2019": plan_of("huong-an-2019")})
    assert finder(demo.HA_PARENTING) == task("huong-an-2019", 3)
    for wrong in (demo.TaskRef("huong-an-2019", 3, "không có trong kế hoạch"), demo.NB_PARENTING):
        with pytest.raises(DemoDataError):
            finder(wrong)
    years = {a.start_date.year for model in (Training, CommunicationEvent, ParentingSession, Meeting)
             for a in model.objects.filter(unit__path__startswith=huong_an.path)}
    assert years == {2019}


def test_staff_trained_is_computed_from_the_named_participants(loaded):
    long_binh = old_unit("26020", 3)
    working = staff_working(long_binh.path, *YEAR_2017)
    # Every caring person of Long Bình's groups working in 2017 took the August course, one did not complete it;
    # the owners also came to the May training, and count once.
    assert working.count() == 53
    trained = metric_registry.compute("so_nguoi_cham_soc_tre_tap_huan", long_binh.path, *YEAR_2017)
    assert trained == 52
    incomplete = TrainingParticipant.objects.get(completed=False)
    assert incomplete.staff.group.code == "LB07" and incomplete.staff.role == "caregiver"
    owners = TrainingParticipant.objects.filter(staff__role="owner_manager", training__unit=long_binh)
    assert owners.values("staff").distinct().count() < owners.count()
    # Before the August course only the owners who came in May were trained (the two new groups opened in August).
    spring = (dt.date(2017, 1, 1), dt.date(2017, 7, 31))
    owners_then = staff_working(long_binh.path, *spring).filter(role="owner_manager").count()
    assert metric_registry.compute("so_nguoi_cham_soc_tre_tap_huan", long_binh.path, *spring) == owners_then == 10
    # The audience rows of the staff course are the named participants counted.
    course = Training.objects.get(unit=long_binh, kind="boi_duong")
    assert sum(row.total for row in course.audience.all()) == course.participants.count() == 54
    # Scope: the Long Bình officer sees the trainings held in Long Bình, not the districts' or Hóa An's.
    officer = User.objects.get(username="demo.longbinh.officer")
    assert set(Training.objects.restrict(officer).values_list("unit", flat=True)) == {long_binh.pk}


def test_second_run_writes_nothing(loaded):
    def counts():
        return {model: (model.objects.count(), model.history.count()) for model in ACTIVITY_RECORDS}

    links = sum(model.tasks.through.objects.count() for model in (Training, CommunicationEvent, ParentingSession,
                                                                  Meeting, Commendation, Proposal))
    before = counts()
    call_command("demo", verbosity=0)
    assert counts() == before
    assert links == sum(model.tasks.through.objects.count() for model in (
        Training, CommunicationEvent, ParentingSession, Meeting, Commendation, Proposal))
