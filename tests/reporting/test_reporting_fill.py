"""Filling a report: pre-fill from computed metrics (both values kept, override needs a reason, refresh keeps
overrides), field-level errors before submitting, submit refused with the list, the decisions of the level above
through the page, the list of reports to make and decide, and scoping (404 outside, 403 for a wrong decider)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.reporting.reporting_core_factories import add_field, make_deadlines, setup_cycle
from tretho.core.testing.world import build_world
from tretho.metrics import registry
from tretho.metrics.choices import MetricKind
from tretho.metrics.models import Metric, RollupValue
from tretho.metrics.sync import sync_computed_metrics
from tretho.reporting import actions, prefill
from tretho.reporting.choices import SubmissionAction, SubmissionStatus
from tretho.reporting.models import Submission, SubmissionValue

pytestmark = pytest.mark.django_db

METRIC = "test_fill_groups_operating"
BROKEN = "test_fill_broken_metric"
# What the records say, per unit path prefix; tests change it to simulate new records.
RECORDS: dict[str, int] = {}


def groups_operating(unit_path: str, start: dt.date, end: dt.date) -> int:
    return sum(count for path, count in RECORDS.items() if path.startswith(unit_path))


def broken(unit_path: str, start: dt.date, end: dt.date) -> int:
    raise RuntimeError("the registry is down")


@pytest.fixture
def cycle():
    """World, a period (2024, deadlines), a form: total (required, ≤ 100000), girls (part of total), groups
    (pre-filled from a computed metric), broken (pre-filled from a metric that fails)."""
    registry.register_computed(METRIC, "Nhóm trẻ đang hoạt động (kiểm thử)", groups_operating, unit_of_measure="nhóm")
    registry.register_computed(BROKEN, "Số liệu lỗi (kiểm thử)", broken, unit_of_measure="nhóm")
    world = build_world()
    sync_computed_metrics()
    period, form, (total, girls) = setup_cycle(world)
    make_deadlines(period, commune=dt.date(2024, 11, 20), district=dt.date(2024, 11, 30))
    groups = add_field(form, label="Số nhóm trẻ đang hoạt động", prefill_metric=Metric.objects.get(code=METRIC),
                       section="I. Nhóm trẻ")
    failing = add_field(form, label="Số liệu lỗi", prefill_metric=Metric.objects.get(code=BROKEN))
    RECORDS.clear()
    RECORDS.update({world.commune_a1a.path: 7, world.commune_a1b.path: 4})
    yield world, period, form, {"total": total, "girls": girls, "groups": groups, "failing": failing}
    registry.unregister(METRIC)
    registry.unregister(BROKEN)
    RECORDS.clear()


def start(world, period, form, unit=None, user=None) -> Submission:
    submission, created = prefill.do_start_prefilled(unit or world.commune_a1a, period, form,
                                                     acting_user=user or world.officer_a1a)
    assert created
    return submission


def value_of(submission, field) -> SubmissionValue:
    return SubmissionValue.objects.get(submission=submission, field=field)


def post_fill(client, submission, action="save", **values):
    data = {"action": action}
    for name, value in values.items():
        data[name] = value
    return client.post(reverse("reporting:submission_fill", args=[submission.pk]), data)


def fill_data(fields, total="", girls="", groups="", groups_reason="", failing="", **extra) -> dict:
    data = {f"value_{fields['total'].pk}": total, f"value_{fields['girls'].pk}": girls,
            f"value_{fields['groups'].pk}": groups, f"reason_{fields['groups'].pk}": groups_reason,
            f"value_{fields['failing'].pk}": failing, f"reason_{fields['failing'].pk}": ""}
    return data | extra


# -- pre-fill ---------------------------------------------------------------------------------------------------

def test_a_new_report_is_prefilled_for_the_unit_subtree_and_keeps_both_values(cycle):
    world, period, form, fields = cycle
    commune = start(world, period, form)
    row = value_of(commune, fields["groups"])
    assert (row.value, row.prefilled_value, row.override_reason) == (Decimal(7), Decimal(7), "")
    # The failing metric leaves its field for the officer; fields without a metric are not touched.
    assert not SubmissionValue.objects.filter(submission=commune, field=fields["failing"]).exists()
    assert not SubmissionValue.objects.filter(submission=commune, field=fields["total"]).exists()
    # A district's report counts its whole subtree.
    district = start(world, period, form, unit=world.district_a1, user=world.admin_a)
    assert value_of(district, fields["groups"]).prefilled_value == Decimal(11)


def test_overriding_a_prefilled_value_needs_a_reason_and_both_values_stay(cycle, client):
    world, period, form, fields = cycle
    submission = start(world, period, form)
    client.force_login(world.officer_a1a)
    response = post_fill(client, submission, **fill_data(fields, total="120", girls="60", groups="9"))
    assert response.status_code == 400
    assert "Cần ghi lý do khi sửa giá trị tự động (7)" in response.content.decode()
    assert value_of(submission, fields["groups"]).value == Decimal(7)

    response = post_fill(client, submission, **fill_data(fields, total="1.200", girls="600", groups="9",
                                                       groups_reason="Hai nhóm mới chưa vào sổ"))
    assert response.status_code == 302
    row = value_of(submission, fields["groups"])
    assert (row.value, row.prefilled_value, row.override_reason) == (Decimal(9), Decimal(7),
                                                                     "Hai nhóm mới chưa vào sổ")
    assert value_of(submission, fields["total"]).value == Decimal(1200)  # 1.200 typed the Vietnamese way
    page = client.get(reverse("reporting:submission_fill", args=[submission.pk])).content.decode()
    assert "Hai nhóm mới chưa vào sổ" in page and "text-decoration-line-through" in page


def test_refresh_moves_values_that_follow_the_records_and_keeps_overrides(cycle, client):
    world, period, form, fields = cycle
    submission = start(world, period, form)
    other = start(world, period, form, unit=world.commune_a1b, user=world.admin_a)
    actions.do_save_values(other, acting_user=world.admin_a, values={fields["groups"].pk: 5},
                           reasons={fields["groups"].pk: "Một nhóm đóng cửa tháng 11"})
    RECORDS[world.commune_a1a.path] = 8
    RECORDS[world.commune_a1b.path] = 6
    client.force_login(world.officer_a1a)
    response = post_fill(client, submission, action="prefill")
    assert response.status_code == 302
    row = value_of(submission, fields["groups"])
    assert (row.value, row.prefilled_value) == (Decimal(8), Decimal(8))  # it followed the records
    prefill.do_prefill(other, acting_user=world.admin_a)
    row = value_of(other, fields["groups"])
    assert (row.value, row.prefilled_value, row.override_reason) == (Decimal(5), Decimal(6),
                                                                     "Một nhóm đóng cửa tháng 11")


def test_a_value_typed_before_any_prefill_is_kept_with_a_reason_saying_so(cycle):
    world, period, form, fields = cycle
    submission = start(world, period, form)
    SubmissionValue.objects.filter(submission=submission, field=fields["groups"]).delete()
    actions.do_save_values(submission, acting_user=world.officer_a1a, values={fields["groups"].pk: 3})
    prefill.do_prefill(submission, acting_user=world.officer_a1a)
    row = value_of(submission, fields["groups"])
    assert (row.value, row.prefilled_value) == (Decimal(3), Decimal(7))
    assert row.override_reason == str(prefill.TYPED_BEFORE)


def test_a_metric_returning_a_mapping_fills_each_breakdown_option(cycle):
    world, period, form, fields = cycle
    code = "test_fill_children_by_sex"
    registry.register_computed(code, "Trẻ em theo giới tính (kiểm thử)",
                               lambda path, s, e: {"": 30, "sex=f": 14}, unit_of_measure="trẻ")
    try:
        sync_computed_metrics()
        metric = Metric.objects.get(code=code, kind=MetricKind.COMPUTED)
        for name in ("total", "girls"):
            fields[name].prefill_metric = metric
            fields[name].save()
        submission = start(world, period, form)
        assert value_of(submission, fields["total"]).prefilled_value == Decimal(30)
        assert value_of(submission, fields["girls"]).prefilled_value == Decimal(14)
    finally:
        registry.unregister(code)


def test_a_plain_number_does_not_prefill_a_breakdown_option(cycle):
    world, period, form, fields = cycle
    fields["girls"].prefill_metric = Metric.objects.get(code=METRIC)
    fields["girls"].save()
    submission = start(world, period, form)
    assert not SubmissionValue.objects.filter(submission=submission, field=fields["girls"]).exists()


def test_a_metric_no_longer_registered_prefills_nothing(cycle):
    world, period, form, fields = cycle
    registry.unregister(METRIC)
    submission = start(world, period, form)
    assert not SubmissionValue.objects.filter(submission=submission, field=fields["groups"]).exists()
    assert prefill.prefill_field(fields["groups"], submission).note == str(prefill.NO_LONGER)


@pytest.mark.skipif(not registry.is_computed("so_nhom_tre_hoat_dong"),
                    reason="the registry's computed metrics are not registered")
def test_the_registry_metrics_prefill_a_form(cycle):
    """Whatever the childcare registry registers works as a pre-fill (here its 'groups operating', no groups)."""
    world, period, form, fields = cycle
    fields["groups"].prefill_metric = Metric.objects.get(code="so_nhom_tre_hoat_dong")
    fields["groups"].save()
    submission = start(world, period, form)
    assert value_of(submission, fields["groups"]).prefilled_value == Decimal(0)


# -- errors before submitting, submit ---------------------------------------------------------------------------

def test_field_errors_are_shown_beside_the_fields_and_nothing_is_saved(cycle, client):
    world, period, form, fields = cycle
    submission = start(world, period, form)
    client.force_login(world.officer_a1a)
    response = post_fill(client, submission, **fill_data(fields, total="10", girls="12", groups="7"))
    assert response.status_code == 400
    page = response.content.decode()
    row = page.split(f'data-field="{fields["girls"].pk}"')[1].split("field-row")[0]
    assert "không được lớn hơn tổng" in row
    assert not SubmissionValue.objects.filter(submission=submission, field=fields["total"]).exists()
    # Not a number.
    response = post_fill(client, submission, **fill_data(fields, total="mười", groups="7"))
    assert response.status_code == 400 and "Nhập một số" in response.content.decode()


def test_a_draft_may_be_incomplete_but_submitting_needs_the_required_fields(cycle, client):
    world, period, form, fields = cycle
    submission = start(world, period, form)
    client.force_login(world.officer_a1a)
    assert post_fill(client, submission, **fill_data(fields, groups="7")).status_code == 302
    response = post_fill(client, submission, action="submit", **fill_data(fields, groups="7"))
    assert response.status_code == 400
    assert "bắt buộc phải nhập" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT


def test_saved_values_breaking_a_rule_are_shown_on_the_page(cycle, client):
    world, period, form, fields = cycle
    submission = start(world, period, form)
    actions.do_save_values(submission, acting_user=world.officer_a1a,
                           values={fields["total"].pk: 5, fields["girls"].pk: 9})
    client.force_login(world.officer_a1a)
    page = client.get(reverse("reporting:submission_fill", args=[submission.pk])).content.decode()
    row = page.split(f'data-field="{fields["girls"].pk}"')[1].split("field-row")[0]
    assert "không được lớn hơn tổng" in row


def test_the_officer_submits_and_the_approver_accepts_through_the_pages(cycle, client):
    world, period, form, fields = cycle
    submission = start(world, period, form)
    client.force_login(world.officer_a1a)
    response = post_fill(client, submission, action="submit",
                         **fill_data(fields, total="40", girls="19", groups="7", results_text="Đã rà soát 7 nhóm."))
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED and submission.results_text == "Đã rà soát 7 nhóm."
    # Locked for the officer now: saving again is refused, the page says why.
    response = post_fill(client, submission, **fill_data(fields, total="41", groups="7"))
    assert response.status_code == 409 and "đang chờ cấp trên duyệt" in response.content.decode()
    # The officer may not decide their own report.
    response = client.post(reverse("reporting:submission_decide", args=[submission.pk]), {"decision": "accept"})
    assert response.status_code == 403

    client.force_login(world.approver_a1)
    listing = client.get(reverse("reporting:my_reports")).content.decode()
    assert reverse("reporting:submission_fill", args=[submission.pk]) in listing.split("reports-pending")[1]
    page = client.get(reverse("reporting:submission_fill", args=[submission.pk])).content.decode()
    assert 'value="accept"' in page and 'value="return"' in page
    # The approver is told what to do, not the officer's "waiting for the level above".
    assert "đang chờ bạn duyệt" in page and "đang chờ cấp trên duyệt" not in page
    response = client.post(reverse("reporting:submission_decide", args=[submission.pk]),
                           {"decision": "accept", "comment": "Số liệu khớp."})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.ACCEPTED
    province_total = RollupValue.objects.get(unit=world.province_a, period_id="2024",
                                             data_element=fields["total"].data_element, option_key="")
    assert province_total.value == Decimal(40)
    page = client.get(reverse("reporting:submission_fill", args=[submission.pk])).content.decode()
    history = page.split("workflow-history")[1]
    assert "Gửi báo cáo" in history and "Duyệt" in history and "Số liệu khớp." in history
    assert 'value="reopen"' in page


def test_return_needs_a_comment_then_the_officer_resubmits(cycle, client):
    world, period, form, fields = cycle
    submission = start(world, period, form)
    actions.do_save_values(submission, acting_user=world.officer_a1a,
                           values={fields["total"].pk: 40, fields["girls"].pk: 20})
    actions.do_submit(submission, acting_user=world.officer_a1a)
    client.force_login(world.approver_a1)
    url = reverse("reporting:submission_decide", args=[submission.pk])
    client.post(url, {"decision": "return", "comment": ""})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED  # refused: no comment
    client.post(url, {"decision": "return", "comment": "Số trẻ em gái chưa khớp sổ."})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED
    client.force_login(world.officer_a1a)
    page = client.get(reverse("reporting:submission_fill", args=[submission.pk])).content.decode()
    assert "Số trẻ em gái chưa khớp sổ." in page and "Gửi lại báo cáo" in page
    response = post_fill(client, submission, action="submit", **fill_data(fields, total="40", girls="18",
                                                                           groups="7"))
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert list(submission.events.values_list("action", flat=True)) == [
        SubmissionAction.SUBMIT, SubmissionAction.RETURN, SubmissionAction.RESUBMIT]


def test_reopen_through_the_page_subtracts_the_rollup(cycle, client):
    world, period, form, fields = cycle
    submission = start(world, period, form)
    actions.do_save_values(submission, acting_user=world.officer_a1a, values={fields["total"].pk: 40})
    actions.do_submit(submission, acting_user=world.officer_a1a)
    actions.do_accept(submission, acting_user=world.approver_a1)
    client.force_login(world.approver_a1)
    url = reverse("reporting:submission_decide", args=[submission.pk])
    client.post(url, {"decision": "reopen", "comment": "Sai số trẻ em, cần sửa."})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED
    row = RollupValue.objects.filter(unit=world.province_a, period_id="2024",
                                     data_element=fields["total"].data_element, option_key="").first()
    assert row is None or row.value == 0  # the accepted 40 left the province's total
    assert client.post(url, {"decision": "explode"}).status_code == 404


# -- the list, opening a report, scope -------------------------------------------------------------------------

def test_the_list_offers_the_officer_their_unit_and_opening_creates_a_prefilled_draft(cycle, client):
    world, period, form, fields = cycle
    client.force_login(world.officer_a1a)
    page = client.get(reverse("reporting:my_reports")).content.decode()
    to_make = page.split("reports-to-make")[1]
    assert world.commune_a1a.name in to_make and "20/11/2024" in to_make and "Lập báo cáo" in to_make
    assert world.commune_b1.name not in to_make
    response = client.post(reverse("reporting:submission_start"),
                           {"unit": world.commune_a1a.pk, "period": period.pk, "form": form.pk})
    submission = Submission.objects.get(unit=world.commune_a1a, period=period, form=form)
    assert response.status_code == 302 and response["Location"] == reverse("reporting:submission_fill",
                                                                           args=[submission.pk])
    assert value_of(submission, fields["groups"]).prefilled_value == Decimal(7)
    # Opening again leads to the same report.
    client.post(reverse("reporting:submission_start"), {"unit": world.commune_a1a.pk, "period": period.pk,
                                                        "form": form.pk})
    assert Submission.objects.filter(unit=world.commune_a1a).count() == 1
    # Another province's unit: not found, nothing made.
    response = client.post(reverse("reporting:submission_start"),
                           {"unit": world.commune_b1.pk, "period": period.pk, "form": form.pk})
    assert response.status_code == 404
    assert not Submission.objects.filter(unit=world.commune_b1).exists()


def test_out_of_scope_reports_are_not_found(cycle, client):
    world, period, form, fields = cycle
    submission = start(world, period, form)
    for user in (world.officer_b1, world.nobody):
        client.force_login(user)
        assert client.get(reverse("reporting:submission_fill", args=[submission.pk])).status_code == 404
        assert post_fill(client, submission, **fill_data(fields, total="1")).status_code == 404
        assert client.post(reverse("reporting:submission_decide", args=[submission.pk]),
                           {"decision": "accept"}).status_code == 404
    client.logout()
    assert client.get(reverse("reporting:submission_fill", args=[submission.pk])).status_code == 302  # to login


def test_viewers_read_but_cannot_change_and_see_no_names(cycle, client):
    world, period, form, fields = cycle
    submission = start(world, period, form)
    world.officer_a1a.full_name = "Lê Thị Mỹ Linh"
    world.officer_a1a.save()
    actions.do_save_values(submission, acting_user=world.officer_a1a,
                           values={fields["total"].pk: 40, fields["girls"].pk: 20})
    actions.do_submit(submission, acting_user=world.officer_a1a)
    client.force_login(world.viewer_a)
    page = client.get(reverse("reporting:submission_fill", args=[submission.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and 'name="action"' not in html and 'value="accept"' not in html
    assert "Lê Thị Mỹ Linh" not in html and "(đã ẩn)" in html.split("workflow-history")[1]
    client.force_login(world.approver_a1)
    assert "Lê Thị Mỹ Linh" in client.get(reverse("reporting:submission_fill", args=[submission.pk])).content.decode()
    client.force_login(world.viewer_a)
    assert post_fill(client, submission, **fill_data(fields, total="1")).status_code == 403


def test_a_stale_page_is_refused_and_the_first_save_survives(cycle, client):
    world, period, form, fields = cycle
    submission = start(world, period, form)
    client.force_login(world.officer_a1a)
    page = client.get(reverse("reporting:submission_fill", args=[submission.pk])).content.decode()
    version = submission.version
    assert f'name="version" value="{version}"' in page
    first = post_fill(client, submission, **fill_data(fields, total="40", groups="7", version=version))
    assert first.status_code == 302
    second = post_fill(client, submission, **fill_data(fields, total="55", groups="7", version=version))
    assert second.status_code == 400 and "vừa được người khác sửa" in second.content.decode()
    assert value_of(submission, fields["total"]).value == Decimal(40)


def test_typed_values_are_checked_beside_their_fields_before_anything_is_saved(cycle, client):
    world, period, form, fields = cycle
    submission = start(world, period, form)
    client.force_login(world.officer_a1a)
    url = reverse("reporting:submission_check", args=[submission.pk])
    response = client.post(url, fill_data(fields, total="10", girls="12", groups="9"))
    assert response.status_code == 200
    html = response.content.decode()
    girls = html.split(f'id="errors-{fields["girls"].pk}"')[1].split("</div>")[0]
    assert 'hx-swap-oob="true"' in girls and "không được lớn hơn tổng" in girls
    groups = html.split(f'id="errors-{fields["groups"].pk}"')[1].split("</div>")[0]
    assert "Cần ghi lý do khi sửa giá trị tự động (7)" in groups
    total = html.split(f'id="errors-{fields["total"].pk}"')[1].split("</div>")[0]
    assert "<li>" not in total  # a field without a problem has its old messages cleared
    assert not SubmissionValue.objects.filter(submission=submission, field=fields["total"]).exists()
    client.force_login(world.officer_b1)
    assert client.post(url, fill_data(fields, total="10")).status_code == 404
    client.force_login(world.viewer_a)
    assert client.post(url, fill_data(fields, total="10")).status_code == 403


def test_a_fresh_draft_shows_required_errors_only_after_a_save(cycle, client):
    world, period, form, fields = cycle
    submission = start(world, period, form)  # pre-filled rows stored, the required total still empty
    client.force_login(world.officer_a1a)
    url = reverse("reporting:submission_fill", args=[submission.pk])
    assert "bắt buộc phải nhập" not in client.get(url).content.decode()
    response = post_fill(client, submission, **fill_data(fields, groups="7"))
    assert response.status_code == 302 and response["Location"].endswith("?checked=1")
    assert "bắt buộc phải nhập" in client.get(response["Location"]).content.decode()


def test_the_list_heading_matches_the_menu(cycle, client):
    world, *_ = cycle
    client.force_login(world.officer_a1a)
    page = client.get(reverse("reporting:my_reports")).content.decode()
    assert "<h1>Báo cáo cần làm, cần duyệt</h1>" in page and page.count("Báo cáo cần làm, cần duyệt") >= 3


def test_saving_only_a_new_prefilled_value_is_kept(cycle):
    """The records moved but the officer's overriding value and reason did not: the new pre-filled value must
    still be stored (it was dropped when nothing else on the row changed)."""
    world, period, form, fields = cycle
    submission = start(world, period, form)
    key = fields["groups"].pk
    prefilled = value_of(submission, fields["groups"]).prefilled_value
    actions.do_save_values(submission, acting_user=world.officer_a1a, values={key: 5},
                           reasons={key: "Hai nhóm chưa hoạt động"})
    before = value_of(submission, fields["groups"])
    actions.do_save_values(submission, acting_user=world.officer_a1a, values={key: 5}, prefilled={key: prefilled + 2})
    stored = value_of(submission, fields["groups"])
    assert (stored.value, stored.prefilled_value) == (Decimal(5), prefilled + 2)
    assert stored.override_reason == "Hai nhóm chưa hoạt động" and stored.version == before.version + 1
