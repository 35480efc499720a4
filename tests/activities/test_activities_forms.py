"""What the activities' pages offer beyond the generic parts: the plan tasks an activity may carry out, picking a
training's participants from the registry's staff, the activity page (tasks, audience totals by sex, parts,
quick-add links), the list filters, the meeting's follow-ups and answering a proposal."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.activities.activities_crud_factories import (
    make_follow_up,
    make_meeting,
    make_participant,
    make_proposal,
    make_training,
    make_training_audience,
)
from tests.programmes.factories import make_agency, make_plan
from tests.registry.records_factories import make_group, make_staff
from tretho.activities.choices import AudienceCategory, FollowUpState, ProposalStatus, Sex
from tretho.activities.models import Proposal, Training, TrainingParticipant
from tretho.core.testing.suites import form_post_data, login
from tretho.programmes.models import PlanTask

pytestmark = pytest.mark.django_db


def _task(unit, title):
    return PlanTask.objects.create(plan=make_plan(unit), title=title)


def test_tasks_offered_are_those_of_the_units_plans_and_above_and_others_are_refused(client, world):
    province = _task(world.province_a, "Tập huấn cán bộ xã")
    district = _task(world.district_a1, "Tập huấn bảo mẫu huyện")
    own = _task(world.commune_a1a, "Tập huấn tại xã Hòa An")
    sibling = _task(world.commune_a1b, "Tập huấn tại xã Tân Phú")
    other_province = _task(world.commune_b1, "Tập huấn phường Bình Minh")
    training = make_training(world.commune_a1a)
    login(client, world.manager_a)

    form = client.get(reverse("activities:training_edit", args=[training.pk])).context["form"]
    offered = set(form.fields["tasks"].queryset)
    assert {province, district, own} <= offered
    assert sibling not in offered and other_province not in offered

    data = form_post_data(form) | {"tasks": [str(own.pk), str(sibling.pk)]}
    response = client.post(reverse("activities:training_edit", args=[training.pk]), data)
    assert response.status_code == 400
    assert "tasks" in response.context["form"].errors
    assert "thuộc kế hoạch của địa bàn khác" in str(response.context["form"].errors["tasks"])
    assert not training.tasks.exists()

    response = client.post(reverse("activities:training_edit", args=[training.pk]),
                           data | {"tasks": [str(own.pk), str(province.pk)], "version": str(training.version)})
    assert response.status_code == 302
    assert set(training.tasks.all()) == {own, province}

    # A task of a plan the user may not see is no choice at all.
    login(client, world.officer_a1a)
    form = client.get(reverse("activities:training_add") + f"?unit={world.commune_a1a.pk}").context["form"]
    assert other_province not in set(form.fields["tasks"].queryset)


def test_activity_page_shows_tasks_audience_totals_participants_and_quick_add_links(client, world):
    task = _task(world.commune_a1a, "Tập huấn kỹ năng cho bảo mẫu")
    training = make_training(world.commune_a1a)
    training.tasks.add(task)
    make_training_audience(training, category=AudienceCategory.CAREGIVERS, male=2, female=18)
    make_training_audience(training, category=AudienceCategory.GROUP_OWNERS, male=1, female=4)
    participant = make_participant(training)

    login(client, world.officer_a1a)
    response = client.get(training.get_absolute_url())
    html = response.content.decode()
    assert response.context["audience"]["male"] == 3
    assert response.context["audience"]["female"] == 22
    assert response.context["audience"]["total"] == 25
    assert escape(str(task)) in html and task.plan.get_absolute_url() in html
    assert escape(participant.full_name) in html
    add_participant = reverse("activities:trainingparticipant_add") + f"?training={training.pk}"
    assert escape(add_participant) in html
    assert "Thêm người tham dự" in html

    # A viewer sees the counts, not the names, and no add links.
    login(client, world.viewer_a)
    html = client.get(training.get_absolute_url()).content.decode()
    assert escape(participant.full_name) not in html
    assert str(participant.birth_year) not in html
    assert escape(add_participant) not in html
    assert ">25<" in html.replace(" ", "")


def test_participant_picked_from_staff_of_the_trainings_area(client, world):
    training = make_training(world.commune_a1a)
    inside = make_staff(make_group(world.commune_a1a), birth_year=1985)
    elsewhere = make_staff(make_group(world.commune_a1b))
    login(client, world.manager_a)
    add = reverse("activities:trainingparticipant_add")

    page = client.get(f"{add}?training={training.pk}")
    form = page.context["form"]
    assert str(form["training"].value()) == str(training.pk)
    staff = list(form.fields["staff"].queryset)
    assert inside in staff and elsewhere not in staff
    assert escape(inside.full_name) in page.content.decode()  # named for an officer or a manager

    data = {"training": training.pk, "staff": inside.pk, "sex": Sex.FEMALE,
            "category": AudienceCategory.CAREGIVERS, "completed": "on"}
    response = client.post(add, data | {"add_another": "1"})
    assert response.status_code == 302, response.context["form"].errors
    assert response["Location"] == f"{add}?training={training.pk}"  # "Lưu và thêm người khác"
    participant = TrainingParticipant.objects.get(training=training)
    assert (participant.full_name, participant.birth_year) == (inside.full_name, 1985)

    # The same person twice, or someone working outside the training's area, is refused beside the field.
    response = client.post(add, data)
    assert response.status_code == 400 and "staff" in response.context["form"].errors
    response = client.post(add, data | {"staff": elsewhere.pk})
    assert response.status_code == 400 and "staff" in response.context["form"].errors
    # Nobody picked and no name typed: the name is asked for.
    response = client.post(add, data | {"staff": ""})
    assert response.status_code == 400 and "full_name" in response.context["form"].errors
    assert TrainingParticipant.objects.filter(training=training).count() == 1


def test_list_filters_period_task_organiser_unit_and_people_reached(client, world):
    agency = make_agency(world.province_a)
    task = _task(world.commune_a1a, "Tập huấn")
    may = make_training(world.commune_a1a, start_date=dt.date(2017, 5, 15), organiser=agency)
    may.tasks.add(task)
    make_training_audience(may, male=3, female=17)
    june = make_training(world.commune_a1b, start_date=dt.date(2017, 6, 20))
    login(client, world.manager_a)
    url = reverse("activities:training_list")

    def titles(params):
        response = client.get(url, params)
        assert response.status_code == 200
        return {row.record.title for row in response.context["table"].page.object_list}

    assert titles({}) == {may.title, june.title}
    assert titles({"date_from": "01/06/2017", "date_to": "30/06/2017"}) == {june.title}
    assert titles({"date_to": "31/05/2017"}) == {may.title}
    assert titles({"task": task.pk}) == {may.title}
    assert titles({"organiser": agency.pk}) == {may.title}
    assert titles({"within": world.district_a1.pk}) == {may.title, june.title}
    rows = {row.record.title: row.record.reached for row in client.get(url).context["table"].rows}
    assert rows == {may.title: 20, june.title: 0}
    assert "15/05/2017" in client.get(url).content.decode()


def test_meeting_page_marks_overdue_follow_ups(client, world):
    meeting = make_meeting(world.commune_a1a)
    late = make_follow_up(meeting, deadline=dt.date(2018, 1, 31))
    make_follow_up(meeting, deadline=dt.date(2018, 1, 31), state=FollowUpState.DONE, done_on=dt.date(2018, 1, 20))
    make_follow_up(meeting, deadline=dt.date(2099, 1, 31))
    login(client, world.officer_a1a)
    response = client.get(meeting.get_absolute_url())
    assert response.context["follow_up_counts"] == {"total": 3, "open": 2, "overdue": 1}
    html = response.content.decode()
    assert "Quá hạn" in html and escape(str(late)) in html
    assert escape(reverse("activities:meetingfollowup_add") + f"?meeting={meeting.pk}") in html


def test_the_level_above_answers_a_proposal(client, world):
    proposal = make_proposal(world.commune_a1a)
    login(client, world.viewer_a)
    assert "proposal-answer" not in client.get(proposal.get_absolute_url()).content.decode()
    login(client, world.manager_a)  # the province the proposal is addressed to
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "proposal-answer" in page and "Trả lời" in page
    edit = reverse("activities:proposal_edit", args=[proposal.pk])
    data = form_post_data(client.get(edit).context["form"])
    response = client.post(edit, data | {"status": ProposalStatus.ANSWERED})
    assert response.status_code == 400 and "answer" in response.context["form"].errors
    response = client.post(edit, data | {"status": ProposalStatus.ANSWERED, "answer": "Đã bố trí kinh phí",
                                         "answered_on": "01/09/2017"})
    assert response.status_code == 302
    proposal = Proposal.objects.get(pk=proposal.pk)
    assert proposal.status == ProposalStatus.ANSWERED and proposal.answered_on == dt.date(2017, 9, 1)


def test_api_refuses_a_task_of_another_units_plan(api_client, world):
    sibling = _task(world.commune_a1b, "Tập huấn xã Tân Phú")
    api_client.force_authenticate(world.manager_a)
    response = api_client.post(reverse("api:trainings-list"), {
        "title": "Tập huấn", "unit": world.commune_a1a.pk, "start_date": "2017-05-15", "tasks": [sibling.pk]},
        format="json")
    assert response.status_code == 400 and "tasks" in response.json()
    assert not Training.objects.exists()


def test_audience_counts_typed_on_the_activitys_form_and_a_stale_save_changes_nothing(client, world):
    login(client, world.officer_a1a)
    add = reverse("activities:training_add")
    page = client.get(add)
    assert 'id="audience-grid"' in page.content.decode()
    data = form_post_data(page.context["form"]) | {
        "title": "Tập huấn bảo mẫu", "unit": world.commune_a1a.pk, "start_date": "15/05/2017",
        "kind": "tap_huan", "audience_bao_mau_male": "2", "audience_bao_mau_female": "18",
        "audience_chu_nhom_female": "5"}
    data.pop("tasks")  # none chosen: a browser posts nothing for an empty multiple select
    response = client.post(add, data)
    assert response.status_code == 302, response.context["form"].errors
    training = Training.objects.get(title="Tập huấn bảo mẫu")
    counts = {row.category: (row.male, row.female) for row in training.audience.all()}
    assert counts == {AudienceCategory.CAREGIVERS: (2, 18), AudienceCategory.GROUP_OWNERS: (0, 5)}

    edit = reverse("activities:training_edit", args=[training.pk])
    opened = form_post_data(client.get(edit).context["form"])
    assert opened["audience_bao_mau_female"] == "18"
    response = client.post(edit, opened | {"audience_bao_mau_female": "20", "audience_chu_nhom_female": ""})
    assert response.status_code == 302
    counts = {row.category: (row.male, row.female) for row in training.audience.all()}
    assert counts == {AudienceCategory.CAREGIVERS: (2, 20)}

    # Someone else's save came first: the stale form is refused and no count of it is written.
    response = client.post(edit, opened | {"audience_bao_mau_female": "99", "audience_me_female": "7"})
    assert response.status_code == 400
    counts = {row.category: (row.male, row.female) for row in training.audience.all()}
    assert counts == {AudienceCategory.CAREGIVERS: (2, 20)}
    # A negative count is refused beside the field.
    fresh = form_post_data(client.get(edit).context["form"])
    response = client.post(edit, fresh | {"audience_me_female": "-3"})
    assert response.status_code == 400 and "audience_me_female" in response.context["form"].errors
