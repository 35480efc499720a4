"""The reporting workflow through the API and the actions: submit → return → resubmit → accept, the province
total is the sum of its communes the moment a report is accepted, reopening subtracts; who may decide; children
first or a note listing the missing; field errors refuse a submit; deadlines from the plans."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.programmes.factories import make_agency, make_plan
from tests.reporting.reporting_core_factories import make_submission, setup_cycle
from tretho.accounts.models import Role, RoleAssignment
from tretho.metrics.models import RollupValue
from tretho.orgs.models import SteeringCommittee
from tretho.programmes.models import ReportingRequirement
from tretho.reporting import actions, rollups
from tretho.reporting.choices import SubmissionStatus
from tretho.reporting.models import Submission, SubmissionEvent

API = "/api/v1"


def total(unit, element, period_id="2024", key=""):
    row = RollupValue.objects.filter(unit=unit, data_element=element, period_id=period_id, option_key=key).first()
    return None if row is None else row.value


def post(client, user, url, data=None):
    client.force_authenticate(user)
    return client.post(url, data or {}, format="json")


def fill(client, user, unit, period, form, values):
    """Create the report through the API and fill its values; returns the submission id."""
    response = post(client, user, f"{API}/submissions/", {"unit": unit.pk, "period": period.pk, "form": form.pk,
                                                          "results_text": "Đã tổ chức 3 lớp tập huấn."})
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    for field, value in values.items():
        response = post(client, user, f"{API}/submission-values/", {"submission": pk, "field": field.pk,
                                                                   "value": str(value)})
        assert response.status_code == 201, response.content
    return pk


def test_submit_return_resubmit_accept_and_reopen_through_the_api(world, api_client):
    period, form, (total_field, girls_field) = setup_cycle(world)
    element = total_field.data_element
    a1a = fill(api_client, world.officer_a1a, world.commune_a1a, period, form, {total_field: 30, girls_field: 14})

    response = post(api_client, world.officer_a1a, f"{API}/submissions/{a1a}/submit/")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "submitted"
    # Submitted: the values are locked for the commune.
    value_id = Submission.objects.get(pk=a1a).values.get(field=total_field).pk
    api_client.force_authenticate(world.officer_a1a)
    assert api_client.patch(f"{API}/submission-values/{value_id}/", {"value": "31"}, format="json").status_code == 400

    # The commune cannot decide on its own report; a viewer neither.
    assert post(api_client, world.officer_a1a, f"{API}/submissions/{a1a}/accept/").status_code == 403
    assert post(api_client, world.viewer_a, f"{API}/submissions/{a1a}/accept/").status_code == 403
    # Out of scope: 404.
    assert post(api_client, world.officer_b1, f"{API}/submissions/{a1a}/accept/").status_code == 404

    # Returning needs a comment.
    assert post(api_client, world.approver_a1, f"{API}/submissions/{a1a}/return/").status_code == 400
    response = post(api_client, world.approver_a1, f"{API}/submissions/{a1a}/return/",
                    {"comment": "Số trẻ em chưa khớp sổ theo dõi."})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "returned"
    assert response.json()["return_comment"] == "Số trẻ em chưa khớp sổ theo dõi."
    assert total(world.province_a, element) is None  # nothing accepted yet

    api_client.force_authenticate(world.officer_a1a)
    assert api_client.patch(f"{API}/submission-values/{value_id}/", {"value": "40"}, format="json").status_code == 200
    assert post(api_client, world.officer_a1a, f"{API}/submissions/{a1a}/submit/").status_code == 200
    response = post(api_client, world.approver_a1, f"{API}/submissions/{a1a}/accept/")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "accepted"
    assert [e.action for e in SubmissionEvent.objects.filter(submission_id=a1a).order_by("at", "pk")] == [
        "submit", "return", "resubmit", "accept"]

    # Accepted: every level's total at once.
    for unit in (world.commune_a1a, world.district_a1, world.province_a, world.country):
        assert total(unit, element) == Decimal(40)
        assert total(unit, element, key="sex=f") == Decimal(14)

    # A second commune, filled by the province's programme manager, accepted by the district.
    a1b = fill(api_client, world.manager_a, world.commune_a1b, period, form, {total_field: 25, girls_field: 12})
    assert post(api_client, world.manager_a, f"{API}/submissions/{a1b}/submit/").status_code == 200
    assert post(api_client, world.approver_a1, f"{API}/submissions/{a1b}/accept/").status_code == 200
    communes = [total(u, element) for u in (world.commune_a1a, world.commune_a1b)]
    assert total(world.province_a, element) == sum(communes) == Decimal(65)
    assert total(world.district_a1, element) == Decimal(65)
    assert RollupValue.objects.get(unit=world.province_a, data_element=element, option_key="").submissions == 2

    # Reopen needs a reason; then the commune's values leave every total.
    assert post(api_client, world.approver_a1, f"{API}/submissions/{a1a}/reopen/").status_code == 400
    response = post(api_client, world.approver_a1, f"{API}/submissions/{a1a}/reopen/",
                    {"comment": "Xã báo cáo bổ sung số nhóm trẻ mới."})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "returned"
    assert total(world.province_a, element) == Decimal(25)
    assert total(world.commune_a1a, element) is None
    assert total(world.country, element, key="sex=f") == Decimal(12)
    # The rebuild finds exactly these rows.
    assert rollups.rebuild(write=False).agreed


def test_submit_with_errors_is_refused_with_the_list(world, api_client):
    period, form, (total_field, girls_field) = setup_cycle(world)
    pk = fill(api_client, world.officer_a1a, world.commune_a1a, period, form, {girls_field: 5})
    response = post(api_client, world.officer_a1a, f"{API}/submissions/{pk}/submit/")
    assert response.status_code == 400
    body = response.json()
    assert any("bắt buộc" in message for message in body["detail"])
    assert str(total_field.pk) in body["fields"]
    assert Submission.objects.get(pk=pk).status == SubmissionStatus.DRAFT

    submission = Submission.objects.get(pk=pk)
    submission.values.filter(field=girls_field).delete()
    make_values = {total_field: 10, girls_field: 12}  # a part larger than its total
    for field, value in make_values.items():
        submission.values.update_or_create(field=field, defaults={"value": Decimal(value)})
    with pytest.raises(ValidationError) as refused:
        actions.do_submit(submission, acting_user=world.officer_a1a)
    assert any("không được lớn hơn tổng" in m for m in refused.value.messages)
    assert refused.value.code == "invalid"


def test_a_district_submits_after_its_communes_or_with_the_missing_listed(world):
    period, form, (total_field, _girls) = setup_cycle(world)
    district = make_submission(world.district_a1, period, form, {total_field: 70})
    a1a = make_submission(world.commune_a1a, period, form, {total_field: 40}, status=SubmissionStatus.SUBMITTED)
    actions.do_accept(a1a, acting_user=world.approver_a1)

    assert [u.pk for u in actions.missing_children(district)] == [world.commune_a1b.pk]
    with pytest.raises(ValidationError) as refused:
        actions.do_submit(district, acting_user=world.manager_a)
    assert refused.value.code == "children_missing"
    assert world.commune_a1b.name in " ".join(refused.value.messages)

    actions.do_submit(district, acting_user=world.manager_a, missing_note="Xã Tân Phú đang kiện toàn cán bộ.")
    district.refresh_from_db()
    assert district.status == SubmissionStatus.SUBMITTED
    assert world.commune_a1b.name in district.missing_children_note
    assert "kiện toàn cán bộ" in district.missing_children_note

    # The district's report is decided by the province, not by the district's own approver.
    assert not actions.may_decide(world.approver_a1, district)
    with pytest.raises(PermissionDenied):
        actions.do_accept(district, acting_user=world.approver_a1)
    assert actions.may_decide(world.manager_a, district)
    actions.do_accept(district, acting_user=world.manager_a)
    # The district's own values add to the district and above (its communes' are there already).
    assert total(world.district_a1, total_field.data_element) == Decimal(110)
    assert total(world.province_a, total_field.data_element) == Decimal(110)


def test_the_standing_agency_named_in_the_plan_may_decide(world):
    period, form, (total_field, _girls) = setup_cycle(world)
    agency = make_agency(world.district_a1)
    committee = SteeringCommittee.objects.create(name="Ban Chỉ đạo huyện", unit=world.district_a1,
                                                 standing_agency=agency)
    make_plan(world.district_a1, programme=period.programme, agency=None, committee=committee, start_year=2024,
              end_year=2024)
    submission = make_submission(world.commune_a1a, period, form, {total_field: 5},
                                 status=SubmissionStatus.SUBMITTED)
    # An approver of the standing agency, assigned at the commune (their scope does not include the district).
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.create_user(username="thuong_truc", password="x-y-z-12345")
    RoleAssignment.objects.create(user=staff, role=Role.objects.get(code="approver"), unit=world.commune_a1a)
    assert not actions.may_decide(staff, submission)
    RoleAssignment.objects.create(user=staff, role=Role.objects.get(code="approver"), unit=world.commune_a1a,
                                  agency=agency)
    staff = get_user_model().objects.get(pk=staff.pk)
    assert actions.may_decide(staff, submission)
    actions.do_accept(submission, acting_user=staff)
    assert total(world.district_a1, total_field.data_element) == Decimal(5)


def test_a_commune_under_a_province_rolls_up_straight_to_it(world):
    """B1 sits directly under Province B (the post-2025 shape): no district level in between."""
    period, form, (total_field, _girls) = setup_cycle(world, "2026")
    submission = make_submission(world.commune_b1, period, form, {total_field: 9}, status=SubmissionStatus.SUBMITTED)
    assert not actions.may_decide(world.manager_a, submission)
    actions.do_accept(submission, acting_user=world.superuser)
    units = set(RollupValue.objects.filter(data_element=total_field.data_element).values_list("unit_id", flat=True))
    assert units == {world.commune_b1.pk, world.province_b.pk, world.country.pk}
    assert total(world.province_b, total_field.data_element, "2026") == Decimal(9)


def test_only_submitted_reports_are_decided_and_only_drafts_are_edited(world):
    period, form, (total_field, _girls) = setup_cycle(world)
    submission = make_submission(world.commune_a1a, period, form, {total_field: 3})
    with pytest.raises(ValidationError):
        actions.do_accept(submission, acting_user=world.approver_a1)
    actions.do_submit(submission, acting_user=world.officer_a1a)
    with pytest.raises(ValidationError):
        actions.do_submit(submission, acting_user=world.officer_a1a)
    with pytest.raises(ValidationError):
        actions.do_save_values(submission, acting_user=world.officer_a1a, values={total_field.pk: 4})
    with pytest.raises(ValidationError):
        actions.do_reopen(submission, acting_user=world.approver_a1, reason="Thử")
    with pytest.raises(Exception):  # noqa: B017 - ProtectedError: a submitted report is not deleted
        submission.delete()


def test_save_values_keeps_the_prefilled_value_and_needs_a_reason_to_override(world):
    period, form, (total_field, girls_field) = setup_cycle(world)
    submission = actions.do_start_submission(world.commune_a1a, period, form, acting_user=world.officer_a1a)
    assert actions.do_start_submission(world.commune_a1a, period, form, acting_user=world.officer_a1a) == submission
    with pytest.raises(ValidationError) as refused:
        actions.do_save_values(submission, acting_user=world.officer_a1a, values={total_field.pk: "12"},
                               prefilled={total_field.pk: 10})
    assert str(total_field.pk) in refused.value.message_dict
    actions.do_save_values(submission, acting_user=world.officer_a1a, values={total_field.pk: "12"},
                           prefilled={total_field.pk: 10}, reasons={total_field.pk: "Thêm 2 nhóm mới"},
                           narratives={"difficulties_text": "Thiếu cô nuôi dạy trẻ."})
    value = submission.values.get(field=total_field)
    assert (value.value, value.prefilled_value, value.override_reason) == (Decimal(12), Decimal(10),
                                                                            "Thêm 2 nhóm mới")
    assert value.is_overridden
    submission.refresh_from_db()
    assert submission.difficulties_text == "Thiếu cô nuôi dạy trẻ."
    # Taking the pre-filled value back clears the reason.
    actions.do_save_values(submission, acting_user=world.officer_a1a, values={total_field.pk: "10"})
    value.refresh_from_db()
    assert (value.value, value.override_reason) == (Decimal(10), "")
    # Someone outside the commune may not fill it.
    with pytest.raises(PermissionDenied):
        actions.do_save_values(submission, acting_user=world.officer_b1, values={total_field.pk: "1"})


def test_deadlines_are_filled_from_the_plans_reporting_requirements(world):
    period, _form, _fields = setup_cycle(world)
    plan = make_plan(world.province_a, programme=period.programme, start_year=2024, end_year=2024)
    ReportingRequirement.objects.create(plan=plan, subject="Kết quả thực hiện Kế hoạch", reporter_level=3,
                                        frequency="yearly", deadline_day=20, deadline_month=11)
    ReportingRequirement.objects.create(plan=plan, subject="Kết quả thực hiện Kế hoạch", reporter_level=2,
                                        frequency="once", deadline_date=dt.date(2024, 11, 10))
    with pytest.raises(PermissionDenied):
        actions.do_fill_deadlines(period, acting_user=world.officer_a1a)
    assert actions.do_fill_deadlines(period, acting_user=world.superuser) == {3: dt.date(2024, 11, 20),
                                                                             2: dt.date(2024, 11, 10)}
    assert period.deadline_for(3) == dt.date(2024, 11, 20)
    # Edited deadlines are kept unless asked to overwrite.
    deadline = period.deadlines.get(level=3)
    deadline.deadline = dt.date(2024, 11, 25)
    deadline.save()
    assert actions.do_fill_deadlines(period, acting_user=world.superuser) == {}
    assert period.deadlines.get(level=3).deadline == dt.date(2024, 11, 25)
    assert actions.do_fill_deadlines(period, acting_user=world.superuser, overwrite=True) == {
        3: dt.date(2024, 11, 20)}


def _plan_with_requirement(world, period):
    plan = make_plan(world.province_a, programme=period.programme, start_year=2024, end_year=2024)
    ReportingRequirement.objects.create(plan=plan, subject="Kết quả thực hiện Kế hoạch", reporter_level=3,
                                        frequency="yearly", deadline_day=20, deadline_month=11)


def test_fill_deadlines_through_the_api_and_the_period_page(world, api_client, client):
    from django.urls import reverse

    from tretho.core.testing.suites import login

    period, _form, _fields = setup_cycle(world)
    _plan_with_requirement(world, period)
    url = f"{API}/reporting-periods/{period.pk}/fill-deadlines/"
    assert post(api_client, world.officer_a1a, url).status_code == 403  # reads the period, may not change it
    response = post(api_client, world.superuser, url)
    assert response.status_code == 200
    assert response.json() == {"3": "2024-11-20"}
    assert post(api_client, world.nobody, url).status_code in (401, 403, 404)

    period.deadlines.all().delete()
    page_url = reverse("reporting:period_fill_deadlines", args=[period.pk])
    login(client, world.officer_a1a)
    assert client.post(page_url).status_code == 404
    assert not period.deadlines.exists()
    login(client, world.superuser)
    detail = client.get(period.get_absolute_url()).content.decode()
    assert page_url in detail
    response = client.post(page_url, follow=True)
    assert response.redirect_chain[-1][0] == period.get_absolute_url()
    assert "20/11/2024" in response.content.decode()
    assert period.deadline_for(3) == dt.date(2024, 11, 20)


def test_a_unit_reports_only_for_periods_it_exists_at_the_end_of(world, api_client):
    from tretho.geo.models import AdministrativeUnit

    period, form, _fields = setup_cycle(world, "2026")
    old = AdministrativeUnit.objects.create(code="X91199", name="Xã Cũ", unit_type="xa", level=3,
                                            parent=world.district_a1, valid_to=dt.date(2025, 6, 30))
    with pytest.raises(ValidationError) as refused:
        actions.do_start_submission(old, period, form, acting_user=world.manager_a)
    assert "30/06/2025" not in str(refused.value) and "31/12/2026" in str(refused.value)
    response = post(api_client, world.manager_a, f"{API}/submissions/",
                    {"unit": old.pk, "period": period.pk, "form": form.pk})
    assert response.status_code == 400 and "unit" in response.json()
    assert not Submission.objects.filter(unit=old).exists()
    # For a period it existed at the end of, it reports.
    earlier, _f, _x = setup_cycle(world, "2024")
    earlier_form = earlier.programme.report_forms.get()
    assert actions.do_start_submission(old, earlier, earlier_form, acting_user=world.manager_a).pk
