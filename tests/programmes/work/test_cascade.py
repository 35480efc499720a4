"""The cascade actions: a commune's plan made from the province plan, targets distributed with their warnings, and
next year's plan copied from this year's."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tretho.core.scoping import CHANGE, VIEW, user_can
from tretho.geo.models import AdministrativeUnit
from tretho.programmes import cascade as actions
from tretho.programmes import selectors
from tretho.programmes.actions import do_create_amendment, do_issue_plan
from tretho.programmes.choices import PlanStatus
from tretho.programmes.models import Plan, PlanTarget, PlanTask


def titles(plan):
    return [(row.number, row.task.title) for row in _flat(selectors.numbered_tasks(list(plan.tasks.all())))]


def _flat(rows):
    for row in rows:
        yield row
        yield from _flat(row.children)


# -- creating the commune's plan ----------------------------------------------------------------------------------

def test_lower_plan_copies_programme_targets_and_the_tasks_of_that_unit(cascade):
    world = cascade.world
    lower = actions.do_create_lower_plan(cascade.plan, world.commune_a1a, acting_user=world.officer_a1a)

    assert lower.status == PlanStatus.DRAFT
    assert (lower.programme, lower.phase, lower.unit) == (cascade.programme, cascade.phase, world.commune_a1a)
    assert (lower.start_year, lower.end_year) == (2017, 2017)
    assert list(lower.implements.all()) == [cascade.plan]
    assert lower.created_by == world.officer_a1a
    # Issued by the commune's People's Committee, with the header it implies.
    assert lower.agency == cascade.commune_committee
    assert (lower.parent_body, lower.issuing_body, lower.issuer_code) == ("ỦY BAN NHÂN DÂN", "XÃ HÒA AN", "UBND")
    assert lower.summary.endswith("trên địa bàn xã Hòa An năm 2017")
    assert lower.number == "" and lower.issued_on is None and lower.signer_name == ""

    # "Thực hiện Kế hoạch số … của …", from the link to the issued province plan.
    assert selectors.implemented_bases(lower)[0] == (
        "Thực hiện Kế hoạch số 109/KH-BCĐ ngày 01/03/2017 của Ban Chỉ đạo Đề án 404 tỉnh Sông Hồng về triển khai "
        "thực hiện Đề án “Hỗ trợ, phát triển nhóm trẻ độc lập tư thục ở khu vực khu công nghiệp, khu chế xuất đến "
        "năm 2020” trên địa bàn tỉnh Sông Hồng năm 2017;")

    targets = {t.parent_target_id: t for t in lower.targets.all()}
    assert set(targets) == {cascade.groups.pk, cascade.consolidated.pk, cascade.groups.parts.last().pk,
                            cascade.share.pk}  # not the target of Xã Tân Phú
    assert targets[cascade.groups.pk].value is None  # a count waits for its share
    assert targets[cascade.consolidated.pk].value == 80  # shares apply as they stand
    assert targets[cascade.consolidated.pk].part_of == targets[cascade.groups.pk]
    assert targets[cascade.share.pk].value == 70
    assert targets[cascade.share.pk].indicator == cascade.share_indicator

    assert titles(lower) == [
        ("1", cascade.task_both.title),
        ("1.1", "Kiện toàn nhóm trẻ tại xã Hòa An"),
        ("2", cascade.task_everyone.title),
    ]
    copied = lower.tasks.get(title=cascade.task_both.title)
    assert copied.lead_agency is None and copied.budget_amount is None  # the province's agency and money
    assert list(copied.assigned_units.all()) == []
    assert copied.deadline == dt.date(2017, 11, 30)
    assert [o.text for o in lower.objectives.order_by("order")] == [o.text for o in
                                                                     cascade.plan.objectives.order_by("order")]
    assert [r.text for r in lower.recipients.order_by("order")] == ["Ban Chỉ đạo Đề án 404 tỉnh Sông Hồng",
                                                                     "Lưu: VT"]
    assert lower.history.count() >= 1


def test_commune_officer_plans_for_their_own_commune_only(cascade):
    world = cascade.world
    officer = world.officer_a1a
    assert list(actions.lower_units(cascade.plan, officer)) == [world.commune_a1a]
    assert set(actions.lower_units(cascade.plan, world.manager_a)) == {world.district_a1, world.commune_a1a,
                                                                       world.commune_a1b}
    with pytest.raises(PermissionDenied):
        actions.do_create_lower_plan(cascade.plan, world.commune_a1b, acting_user=officer)
    with pytest.raises(PermissionDenied):  # province A's plan is not even visible in province B
        actions.do_create_lower_plan(cascade.plan, world.commune_a1a, acting_user=world.officer_b1)
    assert not Plan.objects.filter(unit__in=[world.commune_a1a, world.commune_a1b]).exists()


def test_commune_officer_reads_the_province_plan_read_only(cascade):
    officer = cascade.world.officer_a1a
    assert Plan.objects.restrict(officer, VIEW).filter(pk=cascade.plan.pk).exists()
    assert not Plan.objects.restrict(officer, CHANGE).filter(pk=cascade.plan.pk).exists()
    assert not user_can(officer, CHANGE, cascade.plan)
    lower = actions.do_create_lower_plan(cascade.plan, cascade.world.commune_a1a, acting_user=officer)
    assert user_can(officer, CHANGE, lower)


def test_a_unit_gets_one_lower_plan_and_only_below_and_in_force(cascade):
    world = cascade.world
    actions.do_create_lower_plan(cascade.plan, world.commune_a1a, acting_user=world.manager_a)
    with pytest.raises(ValidationError, match="đã có kế hoạch"):
        actions.do_create_lower_plan(cascade.plan, world.commune_a1a, acting_user=world.manager_a)
    with pytest.raises(ValidationError, match="không thuộc địa bàn"):
        actions.do_create_lower_plan(cascade.plan, world.commune_b1, acting_user=world.superuser)
    gone = AdministrativeUnit.objects.create(code="X91199", name="Xã Đã Nhập", unit_type="xa", level=3,
                                             parent=world.district_a1, valid_to=dt.date(2016, 12, 31))
    assert gone not in actions.lower_units(cascade.plan, world.manager_a)
    with pytest.raises(ValidationError, match="không còn hiệu lực vào ngày 01/03/2017"):
        actions.do_create_lower_plan(cascade.plan, gone, acting_user=world.manager_a)


def test_a_superseded_plan_is_not_cascaded(cascade):
    world = cascade.world
    amendment = do_create_amendment(cascade.plan, acting_user=world.manager_a)
    do_issue_plan(amendment, acting_user=world.manager_a, number="110", date=dt.date(2017, 5, 2))
    cascade.plan.refresh_from_db()
    with pytest.raises(ValidationError, match="đã được thay thế bằng bản sửa đổi"):
        actions.do_create_lower_plan(cascade.plan, world.commune_a1a, acting_user=world.officer_a1a)
    lower = actions.do_create_lower_plan(amendment, world.commune_a1a, acting_user=world.officer_a1a)
    assert lower.targets.get(parent_target__plan=amendment, text=cascade.groups.text).value is None


# -- distribution -------------------------------------------------------------------------------------------------

def test_distribution_creates_and_updates_the_lower_targets(cascade):
    world = cascade.world
    a1a = actions.do_create_lower_plan(cascade.plan, world.commune_a1a, acting_user=world.officer_a1a)
    before = a1a.targets.count()

    actions.distribute_target(cascade.groups, {world.commune_a1a: 12, world.commune_a1b: Decimal(8)},
                              acting_user=world.manager_a)

    assert a1a.targets.count() == before  # the copy waiting for its share got it
    assert a1a.targets.get(parent_target=cascade.groups).value == 12
    a1b = Plan.objects.get(unit=world.commune_a1b, implements=cascade.plan)  # made on the way
    assert a1b.is_draft and a1b.targets.get(parent_target=cascade.groups).value == 8
    assert actions.distribution_warnings(cascade.plan) == []

    actions.distribute_target(cascade.groups, {world.commune_a1a: 10, world.commune_a1b: None},
                              acting_user=world.manager_a)
    assert PlanTarget.objects.filter(parent_target=cascade.groups).count() == 2  # updated, not duplicated
    assert actions.distribution_warnings(cascade.plan) == [
        "Chỉ tiêu “nhóm trẻ được hỗ trợ kiện toàn và phát triển mới, mỗi nhóm từ 15 đến 50 cháu”: các kế hoạch cấp "
        "dưới cộng lại 18 nhóm trẻ, ít hơn 20 nhóm trẻ của kế hoạch này (còn thiếu 2 nhóm trẻ)."]

    actions.distribute_target(cascade.groups, {world.commune_a1a: 14}, acting_user=world.manager_a)
    assert "nhiều hơn 20 nhóm trẻ của kế hoạch này (thừa 2 nhóm trẻ)" in actions.distribution_warnings(
        cascade.plan)[0]


def test_targets_waiting_for_a_share_and_shares_below_the_upper_one_are_warned(cascade):
    world = cascade.world
    lower = actions.do_create_lower_plan(cascade.plan, world.commune_a1a, acting_user=world.officer_a1a)
    warnings = actions.distribution_warnings(cascade.plan)
    assert "chưa phân bổ cho Xã Hòa An" in warnings[0]

    share = lower.targets.get(parent_target=cascade.share)
    share.value = 60
    share.save()
    upper_view = actions.distribution_warnings(cascade.plan)
    assert any("Xã Hòa An đặt 60%, thấp hơn mức 70% của kế hoạch này" in warning for warning in upper_view)
    lower_view = actions.distribution_warnings(lower)
    assert any("60% thấp hơn mức 70% của kế hoạch cấp trên (Tỉnh Sông Hồng)" in warning for warning in lower_view)

    share.value = 75
    share.save()
    assert not any("thấp hơn" in warning for warning in actions.distribution_warnings(cascade.plan))


def test_distribution_is_all_or_nothing_and_scoped(cascade):
    world = cascade.world
    lower = actions.do_create_lower_plan(cascade.plan, world.commune_a1a, acting_user=world.officer_a1a)
    with pytest.raises(ValidationError) as raised:
        actions.distribute_target(cascade.groups, {world.commune_a1a: 5, world.commune_a1b: 15},
                                  acting_user=world.officer_a1a)
    assert "Bạn không có quyền lập kế hoạch cho Xã Tân Phú." in raised.value.messages
    assert lower.targets.get(parent_target=cascade.groups).value is None  # A1a's share rolled back too
    assert not Plan.objects.filter(unit=world.commune_a1b).exists()

    with pytest.raises(ValidationError, match="không được âm"):
        actions.distribute_target(cascade.groups, {world.commune_a1a: -1}, acting_user=world.manager_a)

    # Their own commune: allowed.
    actions.distribute_target(cascade.groups, {world.commune_a1a: 5}, acting_user=world.officer_a1a)
    assert lower.targets.get(parent_target=cascade.groups).value == 5


def test_distribution_refuses_an_issued_lower_plan(cascade):
    world = cascade.world
    lower = actions.do_create_lower_plan(cascade.plan, world.commune_a1a, acting_user=world.manager_a)
    lower.signer_title, lower.signer_name = "CHỦ TỊCH", "Nguyễn Văn An"
    lower.save()
    do_issue_plan(lower, acting_user=world.manager_a, number="12", date=dt.date(2017, 4, 1))
    with pytest.raises(ValidationError, match="Kế hoạch đã ban hành ngày 01/04/2017"):
        actions.distribute_target(cascade.groups, {world.commune_a1a: 12}, acting_user=world.manager_a)


# -- next year's plan ---------------------------------------------------------------------------------------------

def test_copy_as_next_year(cascade):
    world = cascade.world
    copy = actions.do_copy_as_next_year(cascade.plan, acting_user=world.manager_a)
    assert copy.pk != cascade.plan.pk and copy.status == PlanStatus.DRAFT
    assert (copy.unit, copy.start_year, copy.end_year) == (world.province_a, 2018, 2018)
    assert copy.summary.endswith("tỉnh Sông Hồng năm 2018") and copy.timeframe == "Năm 2018."
    assert copy.number == "" and copy.issued_on is None and copy.amends is None
    assert copy.targets.count() == cascade.plan.targets.count()
    assert copy.targets.get(text=cascade.groups.text).year == 2018
    assert copy.targets.get(text=cascade.consolidated.text).part_of.text == cascade.groups.text
    assert copy.tasks.get(title=cascade.task_both.title).deadline == dt.date(2018, 11, 30)
    assert copy.tasks.get(title=cascade.task_a1a.title).parent.title == cascade.task_both.title
    assert copy.objectives.get(kind="specific").milestone_year == 2018
    assert titles(copy) == titles(cascade.plan)
    cascade.plan.refresh_from_db()
    assert cascade.plan.status == PlanStatus.ISSUED  # the source is untouched

    with pytest.raises(PermissionDenied):
        actions.do_copy_as_next_year(cascade.plan, acting_user=world.officer_a1a)


def test_copy_keeps_only_the_upper_plans_that_cover_the_new_year(cascade):
    world = cascade.world
    lower = actions.do_create_lower_plan(cascade.plan, world.commune_a1a, acting_user=world.officer_a1a)
    copy = actions.do_copy_as_next_year(lower, acting_user=world.officer_a1a)
    assert list(copy.implements.all()) == []  # the 2017 province plan does not cover 2018
    assert not copy.targets.exclude(parent_target=None).exists()


def test_plan_tree_goes_up_to_the_readable_top_and_down_to_the_lower_plans(cascade):
    world = cascade.world
    lower = actions.do_create_lower_plan(cascade.plan, world.commune_a1a, acting_user=world.officer_a1a)
    tree = actions.plan_tree(lower, world.manager_a)
    assert tree.plan == cascade.plan
    assert [child.plan for child in tree.children] == [lower]
    assert tree.units_without_plan == []  # District A1 holds the commune's plan

    other = actions.do_create_lower_plan(cascade.plan, world.commune_a1b, acting_user=world.manager_a)
    officer_tree = actions.plan_tree(lower, world.officer_a1a)
    assert officer_tree.plan == cascade.plan  # issued: readable from below
    assert [child.plan for child in officer_tree.children] == [lower]  # not the draft of Xã Tân Phú
    assert other not in [child.plan for child in officer_tree.children]


def test_tasks_assigned_to_a_unit_above_apply_below_it(draft_cascade):
    world = draft_cascade.world
    district_task = PlanTask.objects.create(plan=draft_cascade.plan, title="Giám sát các nhóm trẻ của huyện")
    district_task.assigned_units.set([world.district_a1])
    assert actions.applies_to(district_task, world.commune_a1a)
    assert actions.applies_to(draft_cascade.task_everyone, world.commune_a1a)
    assert actions.applies_to(draft_cascade.task_a1a, world.commune_a1a)
    assert not actions.applies_to(draft_cascade.task_a1b, world.commune_a1a)
    assert not actions.applies_to(draft_cascade.task_only_a1b, world.district_a1)
    lower = actions.do_create_lower_plan(draft_cascade.plan, world.commune_a1a, acting_user=world.manager_a)
    assert lower.tasks.filter(title="Giám sát các nhóm trẻ của huyện").exists()
