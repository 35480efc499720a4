"""What the API fuzzing found (server errors, answers the schema forbids), each kept as a plain regression test."""

from __future__ import annotations

import pytest

from tests.programmes.factories import make_agency, make_plan
from tretho.orgs.models import Agency
from tretho.programmes.models import Plan, PlanTask

pytestmark = pytest.mark.django_db


def test_deleting_a_record_others_point_to_answers_409_and_keeps_it(world, api_client):
    agency = make_agency(world.commune_a1a)
    PlanTask.objects.create(plan=make_plan(world.commune_a1a), title="Kiện toàn nhóm trẻ", lead_agency=agency)
    api_client.force_authenticate(world.admin_a)

    response = api_client.delete(f"/api/v1/agencies/{agency.pk}/")

    assert response.status_code == 409
    assert "còn dữ liệu khác tham chiếu đến" in response.json()["detail"]
    assert Agency.objects.filter(pk=agency.pk).exists()


@pytest.mark.parametrize("action", ["issue", "amend"])
def test_plan_actions_answer_404_for_an_id_that_is_not_a_number(world, api_client, action):
    make_plan(world.commune_a1a)
    api_client.force_authenticate(world.admin_a)

    response = api_client.post(f"/api/v1/plans/true/{action}/", {}, format="json")

    assert response.status_code == 404


def test_copying_a_plan_past_the_last_allowed_year_is_refused(world, api_client):
    plan = make_plan(world.commune_a1a, start_year=2095, end_year=2100)
    api_client.force_authenticate(world.admin_a)

    response = api_client.post(f"/api/v1/plans/{plan.pk}/copy-next-year/", format="json")

    assert response.status_code == 400, response.content
    assert "2100" in str(response.json())
    assert not Plan.objects.filter(start_year=2101).exists()
