"""What a walkthrough by a commune officer on a phone and a province officer on a laptop tripped over: the plan
tasks as checkboxes grouped by plan, the participant's category following the staff member's role and the sex
asked for, the activity page's fields in reading order, the accent-insensitive search of commendations and
proposals, and the API's ?task=<id> filter."""

from __future__ import annotations

import importlib
import re

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils.html import escape

from tests.activities.activities_crud_factories import (
    make_commendation,
    make_participant,
    make_proposal,
    make_training,
)
from tests.programmes.factories import make_plan
from tests.registry.records_factories import make_group, make_staff
from tretho.activities.choices import AudienceCategory, Sex
from tretho.activities.models import Commendation, Proposal, TrainingParticipant
from tretho.core.testing.suites import form_post_data, login
from tretho.programmes.models import PlanTask
from tretho.registry.choices import StaffRole

pytestmark = pytest.mark.django_db


def _labels(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", label).strip() for label in re.findall(r'class="form-check-label"[^>]*>([^<]*)<',
                                                                        html)]


def test_tasks_are_checkboxes_grouped_by_plan_numbered_as_in_the_plan(client, world):
    province_plan = make_plan(world.province_a, number="12", summary="Thực hiện Đề án một câu trích yếu rất dài "
                              "của tỉnh về chăm sóc trẻ em trong các nhóm trẻ độc lập giai đoạn 2019–2025")
    first = PlanTask.objects.create(plan=province_plan, title="Truyền thông nâng cao nhận thức", order=1)
    second = PlanTask.objects.create(plan=province_plan, title="Tập huấn cho bảo mẫu", order=2)
    sub = PlanTask.objects.create(plan=province_plan, parent=second, title="Tập huấn kỹ năng sơ cứu", order=3)
    own = PlanTask.objects.create(plan=make_plan(world.commune_a1a), title="Tập huấn tại xã Hòa An")
    sibling = PlanTask.objects.create(plan=make_plan(world.commune_a1b), title="Tập huấn tại xã Tân Phú")
    login(client, world.manager_a)  # sees the draft plans of the whole province

    for name in ("training", "meeting", "commendation", "proposal"):
        page = client.get(reverse(f"activities:{name}_add") + f"?unit={world.commune_a1a.pk}")
        html = page.content.decode()
        assert '<select name="tasks"' not in html, name
        assert html.count('type="checkbox" name="tasks"') == 4, name
        labels = _labels(html)
        assert "1. Truyền thông nâng cao nhận thức" in labels
        assert {"2. Tập huấn cho bảo mẫu", "2.1. Tập huấn kỹ năng sơ cứu", "1. Tập huấn tại xã Hòa An"} <= set(labels)
        assert escape(str(sibling)) not in html  # a plan of another commune is no choice
        # The plan is the group's heading, short (number, years, unit), not its whole summary after every task.
        assert f"Kế hoạch số {province_plan.document_number} (2019–2025) – {world.province_a}" in html
        assert "trích yếu rất dài" not in html
        assert "activities/forms.css" in html and 'class="task-picker' in html
        assert "có thể chọn nhiều nhiệm vụ" in html

    # The commune's own plan comes first (the officer's own tasks at the top), then the plans above.
    assert html.index("Tập huấn tại xã Hòa An") < html.index("Truyền thông nâng cao nhận thức")

    form = client.get(reverse("activities:training_add") + f"?unit={world.commune_a1a.pk}").context["form"]
    data = form_post_data(form) | {"title": "Tập huấn bảo mẫu", "unit": world.commune_a1a.pk,
                                   "start_date": "15/05/2019", "tasks": [str(sub.pk), str(own.pk)]}
    response = client.post(reverse("activities:training_add"), data)
    assert response.status_code == 302, response.context["form"].errors
    training = world.commune_a1a.training_set.get(title="Tập huấn bảo mẫu")
    assert set(training.tasks.all()) == {sub, own}
    edit = client.get(reverse("activities:training_edit", args=[training.pk])).content.decode()
    assert re.search(rf'value="{sub.pk}" id="[^"]+" class="form-check-input" checked', edit)
    assert not re.search(rf'value="{first.pk}" id="[^"]+" class="form-check-input" checked', edit)

    # A task of another commune's plan is still refused (posted by hand), and the form shows it checked.
    response = client.post(reverse("activities:training_edit", args=[training.pk]),
                           data | {"tasks": [str(sibling.pk)], "version": str(training.version)})
    assert response.status_code == 400 and "thuộc kế hoạch của địa bàn khác" in response.content.decode()
    assert set(training.tasks.all()) == {sub, own}


def test_participant_category_follows_the_staff_role_and_sex_is_asked_for(client, world):
    training = make_training(world.commune_a1a)
    group = make_group(world.commune_a1a)
    teacher = make_staff(group, role=StaffRole.TEACHER)
    owner = make_staff(group, role=StaffRole.OWNER_MANAGER)
    cook = make_staff(group, role=StaffRole.COOK)
    login(client, world.manager_a)
    add = reverse("activities:trainingparticipant_add")

    page = client.get(f"{add}?training={training.pk}")
    html = page.content.decode()
    assert "activities/participant_form.js" in html and "<script>" not in html
    assert f"&quot;{teacher.pk}&quot;: &quot;giao_vien&quot;" in html  # what the script preselects

    base = {"training": training.pk, "category": "", "completed": "on"}
    for staff, category in ((teacher, AudienceCategory.TEACHERS), (owner, AudienceCategory.GROUP_OWNERS),
                            (cook, AudienceCategory.CAREGIVERS)):
        response = client.post(add, base | {"staff": staff.pk, "sex": Sex.FEMALE})
        assert response.status_code == 302, response.context["form"].errors
        assert TrainingParticipant.objects.get(training=training, staff=staff).category == category
    # A category chosen stays as chosen.
    other = make_staff(group, role=StaffRole.TEACHER)
    client.post(add, base | {"staff": other.pk, "sex": Sex.MALE, "category": AudienceCategory.OTHER})
    assert TrainingParticipant.objects.get(staff=other).category == AudienceCategory.OTHER

    # Typed in without a category, or without a sex: asked for beside the field, in Vietnamese.
    response = client.post(add, base | {"full_name": "Lê Văn Tư", "sex": Sex.MALE})
    assert response.status_code == 400 and "category" in response.context["form"].errors
    response = client.post(add, base | {"full_name": "Lê Văn Tư", "category": AudienceCategory.OTHER})
    assert response.status_code == 400
    assert response.context["form"].errors["sex"] == ["Chọn giới tính của người tham dự."]
    assert 'id="id_sex_errors"' in response.content.decode()

    # A participant carried over with unknown sex is edited without being made to guess it.
    carried = make_participant(training, sex="")
    form = client.get(reverse("activities:trainingparticipant_edit", args=[carried.pk])).context["form"]
    response = client.post(reverse("activities:trainingparticipant_edit", args=[carried.pk]),
                           form_post_data(form) | {"workplace": "Nhóm trẻ Hoa Sen"})
    assert response.status_code == 302, response.context["form"].errors
    carried.refresh_from_db()
    assert (carried.workplace, carried.sex) == ("Nhóm trẻ Hoa Sen", "")


def test_activity_page_fields_in_reading_order_without_the_title_again(client, world):
    training = make_training(world.commune_a1a, venue="Hội trường UBND xã", note="Ghi chú cuối trang")
    login(client, world.officer_a1a)
    labels = [str(label) for label, _value in client.get(training.get_absolute_url()).context["fields"]]
    assert "tên hoạt động" not in labels
    assert labels[:4] == ["địa bàn", "ngày bắt đầu", "ngày kết thúc", "địa điểm"]
    assert labels[-1] == "ghi chú"
    proposal = make_proposal(world.commune_a1a, note="Cuối cùng")
    labels = [str(label) for label, _value in client.get(proposal.get_absolute_url()).context["fields"]]
    assert "tóm tắt" not in labels and labels[-1] == "ghi chú"


def test_commendations_and_proposals_found_without_accents_never_by_the_recipients_name(client, world):
    found = make_commendation(world.commune_a1a, recipient_name="Nguyễn Thị Hoa", decision_number="15/QĐ-UBND",
                              reason="Xuất sắc trong chăm sóc trẻ ở nhóm trẻ độc lập")
    make_commendation(world.commune_a1a, recipient_name="Trần Văn Bình", reason="Tham mưu tốt")
    login(client, world.manager_a)
    url = reverse("activities:commendation_list")

    def listed(query: str, list_url: str = url) -> list:
        return list(client.get(list_url, {"q": query}).context["table"].data)

    assert listed("xuat sac doc lap") == [found]
    assert listed("15/qđ") == [found]
    assert listed("nguyen thi hoa") == [] and listed("Bình") == []

    proposal = make_proposal(world.commune_a1a, title="Thiếu kinh phí hỗ trợ", content="Đề nghị tỉnh bổ sung")
    make_proposal(world.commune_a1a, title="Khác", content="Không liên quan")
    assert listed("thieu kinh phi", reverse("activities:proposal_list")) == [proposal]
    assert listed("bo sung", reverse("activities:proposal_list")) == [proposal]

    # Rows recorded before the keys existed get them from migration 0003.
    Commendation.objects.update(search_key="", sort_key="")
    Proposal.objects.update(search_key="", sort_key="")
    importlib.import_module("tretho.activities.migrations.0003_search_keys").fill_keys(apps, None)
    found.refresh_from_db()
    proposal.refresh_from_db()
    assert "xuat sac" in found.search_key and "nguyen" not in found.search_key and found.sort_key
    assert proposal.search_key.startswith("thieu kinh phi")


def test_api_lists_activities_of_a_plan_task_and_refuses_a_bad_id(api_client, world):
    task = PlanTask.objects.create(plan=make_plan(world.commune_a1a), title="Tập huấn bảo mẫu")
    carried_out = make_training(world.commune_a1a)
    carried_out.tasks.add(task)
    make_training(world.commune_a1a)
    api_client.force_authenticate(world.manager_a)
    url = reverse("api:trainings-list")

    response = api_client.get(url, {"task": task.pk})
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [carried_out.pk]
    for bad in ("99999999999999999999999", "0", "-3", "1.5", "abc"):
        response = api_client.get(url, {"task": bad})
        assert response.status_code == 400 and "task" in response.json(), bad
    assert api_client.get(reverse("api:proposals-list"), {"task": task.pk}).json()["results"] == []
