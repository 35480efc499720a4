"""Indicator results (tretho.reporting.results): values from the live roll-ups against the plan's targets, status,
breakdowns, values as of a past time, sums of predecessors before the 2025 reform, the trend, and scope."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.reporting.test_reporting_results_data import build_results
from tretho.geo.models import AdministrativeUnit, UnitSuccession
from tretho.programmes.models import Indicator
from tretho.reporting import actions, results


@pytest.fixture
def data(world):
    return build_results(world)


def by_code(items):
    return {result.indicator.code: result for result in items}


def test_province_results_against_the_plan_targets(data):
    world = data.world
    own = by_code(results.unit_results(data.period_2020, world.province_a))
    rate, groups = own["TL_TIEP_CAN"], own["SO_NHOM"]
    assert rate.value == Decimal("75.0") and rate.value_text == "75"
    assert rate.numerator.value == 150 and rate.denominator.value == 200
    assert rate.numerator.source == "rollup" and rate.numerator.submissions == 2
    assert rate.target == data.rate_target and rate.due == 75
    assert rate.achieved == Decimal("100.0") and rate.status == results.ON_TRACK
    assert rate.status_label == "Đạt tiến độ" and rate.colour == "success"
    # 14 groups by 2025 from a 2019 plan: 2 of 7 years are due by 2020, i.e. 4; 5 groups is 125%.
    assert groups.value == 5 and groups.due == 4
    assert groups.achieved == Decimal("125.0") and groups.status == results.ON_TRACK
    assert groups.achieved_text == "125,0%"


def test_a_commune_without_a_target_of_its_own(data):
    own = by_code(results.unit_results(data.period_2020, data.world.commune_a1a))
    assert own["TL_TIEP_CAN"].value == Decimal("60.0")
    assert own["TL_TIEP_CAN"].target is None and own["TL_TIEP_CAN"].status == results.NO_TARGET
    other = by_code(results.unit_results(data.period_2020, data.world.commune_b1))
    assert other["TL_TIEP_CAN"].value is None and other["TL_TIEP_CAN"].status == results.NO_DATA


def test_a_target_distributed_to_the_unit_comes_first(data):
    """A target of the province plan with area = Huyện Đông Hòa is the district's target."""
    from tretho.programmes.models import Plan, PlanTarget

    world = data.world
    plan = Plan.objects.create(programme=data.programme, unit=world.province_a, committee=data.plan.committee,
                               start_year=2020, end_year=2020, place="Sông Hồng", issuer_code="BCĐ",
                               summary="Kế hoạch năm 2020", signer_title="TRƯỞNG BAN", signer_name="Nguyễn Văn Bình")
    PlanTarget.objects.create(plan=plan, indicator=data.rate, value=80, unit_of_measure="%", year=2020,
                              area=world.district_a1)
    from tretho.programmes.actions import do_issue_plan

    do_issue_plan(plan, acting_user=world.manager_a, number="30", date=dt.date(2020, 1, 10))
    district = by_code(results.unit_results(data.period_2020, world.district_a1))["TL_TIEP_CAN"]
    assert district.target_value == 80
    assert district.achieved == Decimal("93.8") and district.status == results.AT_RISK


def test_status_thresholds_and_lower_is_better():
    higher = Indicator(direction="higher")
    assert results.assess(higher, Decimal(75), Decimal(75)) == (Decimal("100.0"), results.ON_TRACK)
    assert results.assess(higher, Decimal(68), Decimal(75)) == (Decimal("90.7"), results.AT_RISK)
    assert results.assess(higher, Decimal(67), Decimal(75)) == (Decimal("89.3"), results.OFF_TRACK)
    assert results.assess(higher, None, Decimal(75)) == (None, results.NO_DATA)
    assert results.assess(higher, Decimal(5), None) == (None, results.NO_TARGET)
    lower = Indicator(direction="lower")
    assert results.assess(lower, Decimal(4), Decimal(5)) == (Decimal("100.0"), results.ON_TRACK)
    assert results.assess(lower, Decimal(10), Decimal(5)) == (Decimal("50.0"), results.OFF_TRACK)


def test_a_breakdown_splits_the_numerator_where_the_metric_has_it(data):
    """Girls reached (30 + 40) over all children (the denominator has no sex breakdown): 35%."""
    rate = by_code(results.unit_results(data.period_2020, data.world.province_a, "gioitinh=nu"))["TL_TIEP_CAN"]
    assert rate.numerator.value == 70 and rate.numerator.option_key == "gioitinh=nu"
    assert rate.denominator.value == 200 and rate.denominator.option_key == ""
    assert rate.value == Decimal("35.0") and rate.status == results.OFF_TRACK


def test_values_as_of_a_past_time_come_from_history(data):
    """Xã Tân Phú's 2019 report is accepted after `before`: as of `before` the province has Xã Hòa An's only."""
    from tests.reporting.test_reporting_results_data import report

    world = data.world
    before = timezone.now()
    report(data, world.commune_a1b, data.period_2019, {"reached": 70, "girls": 30, "children": 100, "groups": 2},
           by=world.superuser)
    live = by_code(results.unit_results(data.period_2019, world.province_a))["TL_TIEP_CAN"]
    assert live.value == Decimal("60.0") and live.numerator.submissions == 2
    then = by_code(results.unit_results(data.period_2019, world.province_a, as_of=before))["TL_TIEP_CAN"]
    assert then.value == Decimal("50.0") and then.numerator.submissions == 1
    girls_now = results.unit_results(data.period_2019, world.province_a, "gioitinh=nu")
    girls_then = results.unit_results(data.period_2019, world.province_a, "gioitinh=nu", as_of=before)
    assert by_code(girls_now)["TL_TIEP_CAN"].numerator.value == 30
    assert by_code(girls_then)["TL_TIEP_CAN"].numerator.value is None
    long_ago = timezone.make_aware(dt.datetime(2020, 1, 1))
    assert by_code(results.unit_results(data.period_2020, world.province_a, as_of=long_ago))[
        "TL_TIEP_CAN"].status == results.NO_DATA


def test_as_of_follows_a_reopened_report(data):
    """Reopening takes a report out of the totals from that moment; before it, it counted."""
    world = data.world
    before_reopen = timezone.now()
    actions.do_reopen(data.submissions["a1b"], acting_user=world.approver_a1, reason="Sai số trẻ")
    live = by_code(results.unit_results(data.period_2020, world.province_a))["TL_TIEP_CAN"]
    assert live.value == Decimal("60.0")
    then = by_code(results.unit_results(data.period_2020, world.province_a, as_of=before_reopen))["TL_TIEP_CAN"]
    assert then.value == Decimal("75.0")
    now = by_code(results.unit_results(data.period_2020, world.province_a, as_of=timezone.now()))["TL_TIEP_CAN"]
    assert now.value == Decimal("60.0")


def test_a_new_province_shows_its_predecessors_sum_before_the_reform(data):
    world = data.world
    world.province_a.valid_to = dt.date(2025, 6, 30)
    world.province_a.save()
    merged = AdministrativeUnit.objects.create(code="T95", name="Tỉnh Sông Hồng Mới", unit_type="tinh", level=1,
                                               parent=world.country, valid_from=dt.date(2025, 7, 1))
    UnitSuccession.objects.create(predecessor=world.province_a, successor=merged, kind="full")
    UnitSuccession.objects.create(predecessor=world.province_b, successor=merged, kind="full")
    assert results.units_behind(merged, data.period_2020) == sorted([world.province_a, world.province_b],
                                                                     key=lambda u: u.sort_key)
    rate = by_code(results.unit_results(data.period_2020, merged))["TL_TIEP_CAN"]
    assert rate.value == Decimal("75.0") and rate.via_predecessors
    assert rate.target is None  # two predecessors: no single plan's target applies
    UnitSuccession.objects.filter(predecessor=world.province_b).delete()
    rate = by_code(results.unit_results(data.period_2020, merged))["TL_TIEP_CAN"]
    assert rate.target == data.rate_target and rate.status == results.ON_TRACK  # its only predecessor's plan
    assert results.lower_units(merged, data.period_2020, world.superuser) == results.units_behind(
        merged, data.period_2020)
    UnitSuccession.objects.create(predecessor=world.province_b, successor=merged, kind="full")
    line = results.trend(merged, data.programme, [data.rate])
    assert [p.period_id for p in line["periods"]] == ["2019", "2020"]
    assert line["series"][0]["values"] == [Decimal("50.0"), Decimal("75.0")]
    assert line["reform_years"] == ["2019", "2020"]


def test_lower_units_follow_the_hierarchy_of_the_period_and_the_scope(data):
    world = data.world
    assert results.lower_units(world.province_a, data.period_2020, world.manager_a) == [world.district_a1]
    communes = results.lower_units(world.province_a, data.period_2020, world.manager_a, communes=True)
    assert set(communes) == {world.commune_a1a, world.commune_a1b}
    assert results.lower_units(world.district_a1, data.period_2020, world.officer_a1a) == [world.commune_a1a]


def test_roll_ups_are_read_through_the_users_scope(data):
    world = data.world
    table = results.results_table(data.period_2020, [world.province_a], [data.rate], user=world.officer_b1)
    assert table[(data.rate.pk, world.province_a.pk)].value is None
    table = results.results_table(data.period_2020, [world.province_a], [data.rate], user=world.viewer_a)
    assert table[(data.rate.pk, world.province_a.pk)].value == Decimal("75.0")


def test_a_predecessor_inside_another_predecessor_is_counted_once(data):
    """The 2025 data lists an old province AND its abolished districts as predecessors of the new province: the
    districts' reports are already in the old province's roll-up, so only the outermost units are added."""
    from tretho.reporting import reform

    world = data.world
    world.province_a.valid_to = dt.date(2025, 6, 30)
    world.province_a.save()
    merged = AdministrativeUnit.objects.create(code="T96", name="Tỉnh Sông Hồng Mới", unit_type="tinh", level=1,
                                               parent=world.country, valid_from=dt.date(2025, 7, 1))
    for predecessor in (world.province_a, world.district_a1, world.province_b):
        UnitSuccession.objects.create(predecessor=predecessor, successor=merged, kind="full")
    expected = sorted([world.province_a, world.province_b], key=lambda u: u.sort_key)
    assert results.units_behind(merged, data.period_2020) == expected
    assert sorted(reform.predecessors_for(merged, data.period_2020.end), key=lambda u: u.sort_key) == expected
    groups = by_code(results.unit_results(data.period_2020, merged))["SO_NHOM"]
    a = by_code(results.unit_results(data.period_2020, world.province_a))["SO_NHOM"].value
    b = by_code(results.unit_results(data.period_2020, world.province_b))["SO_NHOM"].value
    assert a and groups.value == a + (b or 0)
    line = results.trend(merged, data.programme, [data.groups])
    assert line["series"][0]["values"][-1] == groups.value
    # the lower units are the old provinces (never a province beside its own district), or their communes
    assert results.lower_units(merged, data.period_2020, world.superuser) == expected
    communes = results.lower_units(merged, data.period_2020, world.superuser, communes=True)
    assert {world.commune_a1a, world.commune_a1b} <= set(communes)
    assert all(u.level == 3 for u in communes)
    point = reform.trend(merged, data.groups.numerator.data_element_id, ["2020"])[0]
    assert point.from_predecessors and point.value == groups.value
