"""The childcare group page: latest enrolment snapshot, staff in post, last health check, supervision history and
the recommendations still open (overdue ones marked), "Thêm …" buttons for those who may add, scoped."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.registry.records_factories import (
    make_enrolment,
    make_group,
    make_health_check,
    make_staff,
    make_training,
    make_visit,
)
from tretho.registry.choices import FollowUpStatus, Qualification, StaffRole, VisitOutcome
from tretho.registry.selectors import group_page

BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture
def group(world):
    group = make_group(world.commune_a1a, "Nhóm trẻ Họa Mi", care_room_area=30)
    make_enrolment(group, as_of=dt.date(2024, 9, 5), bands=(1, 1, 1, 0), workers=1)
    make_enrolment(group, as_of=dt.date(2025, 9, 5), bands=(2, 5, 6, 2), workers=9)  # 15 children
    owner = make_staff(group, role=StaffRole.OWNER_MANAGER, qualification=Qualification.COLLEGE)
    make_staff(group, role=StaffRole.CAREGIVER, qualification=Qualification.NONE)
    cook = make_staff(group, role=StaffRole.COOK, qualification=Qualification.NONE)
    # Trained: from the trainings they completed (no staff field). One at the district, one in the commune.
    make_training(world.district_a1, dt.date(2017, 8, 15), owner, cook, title="Tập huấn Đề án 404 huyện")
    make_training(world.commune_a1a, dt.date(2024, 8, 15), owner, title="Tập huấn sơ cứu của phường")
    make_staff(group, role=StaffRole.TEACHER, end_date=dt.date(2023, 6, 30))  # left
    make_health_check(group, date=dt.date(2024, 10, 1))
    make_health_check(group, date=dt.date(2025, 10, 2))
    return group


def test_selector_summarises_the_group(world, group):
    today = dt.date(2025, 11, 1)
    make_visit(world, group, dt.date(2025, 3, 1), outcome=VisitOutcome.MEETS_PARTLY,
               recommendations="Làm cổng rào", follow_up_status=FollowUpStatus.OPEN,
               follow_up_deadline=dt.date(2025, 6, 1))
    make_visit(world, group, dt.date(2025, 8, 1), outcome=VisitOutcome.MEETS_PARTLY,
               recommendations="Tập huấn bảo mẫu", follow_up_status=FollowUpStatus.IN_PROGRESS,
               follow_up_deadline=dt.date(2025, 12, 31))
    make_visit(world, group, dt.date(2024, 8, 1), follow_up_status=FollowUpStatus.DONE,
               follow_up_deadline=dt.date(2024, 9, 1), follow_up_done_on=dt.date(2024, 8, 20))
    page = group_page(group, world.officer_a1a, today=today)
    assert page.enrolment.as_of == dt.date(2025, 9, 5) and page.enrolment.total == 15
    assert page.enrolment_count == 2
    assert (page.staff.in_post, page.staff.caring, page.staff.qualified, page.staff.trained) == (3, 2, 1, 2)
    assert str(page.children_per_caregiver) == "7.5"  # 15 children, owner and caregiver look after them
    assert str(page.area_per_child) == "2.0"  # 30 m² for 15
    assert page.last_health_check.date == dt.date(2025, 10, 2)
    assert [row.visit.date for row in page.visits] == [dt.date(2025, 8, 1), dt.date(2025, 3, 1), dt.date(2024, 8, 1)]
    assert [(row.visit.date, row.overdue) for row in page.open_recommendations] == [
        (dt.date(2025, 3, 1), True), (dt.date(2025, 8, 1), False)]
    # Out of scope, nothing: the selector reads through restrict().
    empty = group_page(group, world.officer_b1, today=today)
    assert empty.enrolment is None and empty.visits == [] and empty.last_health_check is None


def test_group_page_shows_snapshot_staff_health_visits_and_open_recommendations(client, world, group):
    make_visit(world, group, dt.date(2025, 3, 1), outcome=VisitOutcome.MEETS_PARTLY,
               findings="Chưa có cổng rào", recommendations="Làm cổng rào trước 01/6/2025",
               follow_up_status=FollowUpStatus.OPEN, follow_up_deadline=dt.date(2025, 6, 1))
    client.force_login(world.officer_a1a, backend=BACKEND)
    response = client.get(group.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "05/09/2025" in html and 'class="display-6 mb-1">15<' in html
    assert "02/10/2025" in html  # last health check
    assert escape("Làm cổng rào trước 01/6/2025") in html and "Quá hạn" in html
    assert "01/03/2025" in html and "Chưa có cổng rào" in html  # visit history
    assert escape("Đạt một phần") in html
    # Staff names are there for an officer (the staff table), with the "Thêm …" buttons.
    for staff in group.staff.all():
        assert escape(staff.full_name) in html
    assert f'{reverse("registry:staff_add")}?group={group.pk}' in html
    assert "Người chăm sóc trẻ</h2>" in html and "Hỗ trợ cơ sở vật chất</h2>" not in html
    assert f'{reverse("registry:enrolment_add")}?group={group.pk}' in html


def test_add_button_opens_the_form_with_the_group_chosen(client, world, group):
    client.force_login(world.officer_a1a, backend=BACKEND)
    response = client.get(reverse("registry:healthcheck_add"), {"group": group.pk})
    assert response.status_code == 200
    assert str(response.context["form"]["group"].value()) == str(group.pk)
    data = {"group": group.pk, "date": "03/11/2025", "provider": "Trạm Y tế xã Hòa An", "children_examined": "14"}
    assert client.post(reverse("registry:healthcheck_add"), data).status_code == 302
    assert group.health_checks.latest("date").date == dt.date(2025, 11, 3)


def test_viewer_sees_counts_not_names_and_no_add_buttons(client, world, group):
    client.force_login(world.viewer_a, backend=BACKEND)
    response = client.get(group.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="display-6 mb-1">3<' in html  # staff in post, counted
    for staff in group.staff.all():
        assert escape(staff.full_name) not in html and staff.phone not in html
    assert escape(group.owner_name) not in html and group.owner_phone not in html
    assert reverse("registry:staff_add") not in html


def test_group_page_out_of_scope_is_404(client, world, group):
    client.force_login(world.officer_b1, backend=BACKEND)
    assert client.get(group.get_absolute_url()).status_code == 404


def test_group_never_visited_says_so(client, world):
    group = make_group(world.commune_a1a)
    client.force_login(world.officer_a1a, backend=BACKEND)
    html = client.get(group.get_absolute_url()).content.decode()
    assert "Chưa được giám sát lần nào." in html and "Chưa cập nhật số trẻ." in html
    assert "Người chăm sóc trẻ</h2>" not in html  # no empty tables: the "Thêm …" buttons add records


def test_tables_on_the_group_page_do_not_repeat_the_group(client, world, group):
    client.force_login(world.officer_a1a, backend=BACKEND)
    tables = dict(client.get(group.get_absolute_url()).context["related_tables"])
    staff, enrolments = tables["Người chăm sóc trẻ"], tables["Số trẻ theo các lần cập nhật"]
    for table in (staff, enrolments):
        assert "group" not in [column.name for column in table.columns if column.visible]
    assert [row.get_cell("record") for row in enrolments.rows][0].endswith(">05/09/2025</a>")
    # The list of all snapshots still names each one's group.
    response = client.get("/registry/enrolments/")
    assert "group" in [column.name for column in response.context["table"].columns if column.visible]
    assert escape(f"05/09/2025 – {group.name}") in response.content.decode()


def test_group_page_says_who_was_trained_and_when_last_linking_trainings_the_reader_may_see(client, world, group):
    """Per staff member: trained or not and the last training's date, from the trainings they completed. The date
    links to the training only for readers who may open it (a commune officer does not see district trainings)."""
    owner, caregiver, cook = (group.staff.get(role=role) for role in (StaffRole.OWNER_MANAGER,
                                                                        StaffRole.CAREGIVER, StaffRole.COOK))
    make_training(world.commune_a1a, dt.date(2025, 1, 10), caregiver, completed=False)  # did not finish
    commune_training = owner.training_participations.get(training__unit=world.commune_a1a).training
    district_training = cook.training_participations.get().training

    client.force_login(world.officer_a1a, backend=BACKEND)
    table = dict(client.get(group.get_absolute_url()).context["related_tables"])["Người chăm sóc trẻ"]
    cells = {row.record.pk: (row.get_cell("trained"), row.get_cell("last_trained_on")) for row in table.rows}
    assert "✔" in cells[owner.pk][0] and "✘" in cells[caregiver.pk][0] and "✔" in cells[cook.pk][0]
    assert cells[owner.pk][1] == f'<a href="{commune_training.get_absolute_url()}">15/08/2024</a>'
    assert cells[cook.pk][1] == "15/08/2017"  # a district training: no link for the commune officer
    assert cells[caregiver.pk][1] == "—"

    client.force_login(world.manager_a, backend=BACKEND)
    html = client.get(group.get_absolute_url()).content.decode()
    assert f'<a href="{district_training.get_absolute_url()}">15/08/2017</a>' in html


def test_staff_page_lists_the_trainings_attended(client, world, group):
    """Latest first, completed or not; title and link only for trainings the reader may see."""
    owner = group.staff.get(role=StaffRole.OWNER_MANAGER)
    make_training(world.commune_a1a, dt.date(2025, 2, 1), owner, completed=False, title="Tập huấn dinh dưỡng")
    commune_training = owner.training_participations.get(training__start_date=dt.date(2024, 8, 15)).training
    client.force_login(world.officer_a1a, backend=BACKEND)
    html = client.get(owner.get_absolute_url()).content.decode()
    section = html[html.index('id="staff-trainings"'):]
    assert section.index("01/02/2025") < section.index("15/08/2024") < section.index("15/08/2017")
    assert f'<a href="{commune_training.get_absolute_url()}">Tập huấn sơ cứu của phường</a>' in section
    assert "Tập huấn Đề án 404 huyện" not in html  # a district training: out of the commune officer's scope
    assert escape(f"lớp tập huấn của {world.district_a1}") in section
    assert "Không hoàn thành" in section and "Hoàn thành" in section
    caregiver = group.staff.get(role=StaffRole.CAREGIVER)
    assert "Chưa tham dự lớp tập huấn nào." in client.get(caregiver.get_absolute_url()).content.decode()
