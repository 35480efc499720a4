"""The reporting data the results, dashboard and export tests share, in the scope world (tretho.core.testing):

    Đề án 1437 (national), indicators TL_TIEP_CAN (% of children 0–8 reaching services, numerator by sex) and
    SO_NHOM (groups, a count); yearly periods 2019 and 2020 (deadlines: communes 20/11, districts 30/11);
    form bc-1437 for districts and communes; the province plan of Tỉnh Sông Hồng (2019–2025, issued) with
    targets 75% in 2020 and 14 groups by 2025.

    2020, accepted:  Xã Hòa An (A1a)  reached 60 (girls 30) of 100 children, 3 groups
                     Xã Tân Phú (A1b) reached 90 (girls 40) of 100 children, 2 groups
    2019, accepted:  Xã Hòa An        reached 50 of 100 children, 1 group

So Huyện Đông Hòa and Tỉnh Sông Hồng have 150 / 200 = 75,0% in 2020 (target 75%: on track) and 5 groups (due by
2020: 14 × 2/7 = 4, so 125%); no plan gives the communes a target.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tretho.metrics.models import Breakdown, BreakdownOption, DataElement, Metric
from tretho.orgs.models import SteeringCommittee
from tretho.programmes.actions import do_issue_plan
from tretho.programmes.models import Indicator, Plan, PlanTarget, Programme
from tretho.reporting import actions
from tretho.reporting.models import FormField, PeriodDeadline, ReportForm, ReportingPeriod, Submission


@dataclass
class ResultsData:
    world: Any
    programme: Programme
    rate: Indicator  # TL_TIEP_CAN
    groups: Indicator  # SO_NHOM
    period_2019: ReportingPeriod
    period_2020: ReportingPeriod
    form: ReportForm
    fields: dict[str, FormField]
    plan: Plan
    rate_target: PlanTarget
    groups_target: PlanTarget
    submissions: dict[str, Submission]


def _element(world: Any, code: str, name: str, unit_of_measure: str, breakdowns: list[Breakdown] = ()) -> Metric:
    element = DataElement.objects.create(code=code, name=name, unit_of_measure=unit_of_measure, unit=world.country)
    if breakdowns:
        element.breakdowns.set(breakdowns)
    return Metric.objects.get(data_element=element)


def report(data: ResultsData, unit: Any, period: ReportingPeriod, values: dict[str, Any], *, by: Any,
           accept: bool = True, narratives: dict[str, str] | None = None) -> Submission:
    """A unit's report filled, sent and (by the district approver) accepted through the workflow actions."""
    world = data.world
    submission = actions.do_start_submission(unit, period, data.form, acting_user=by)
    actions.do_save_values(submission, acting_user=by, values={data.fields[k].pk: v for k, v in values.items()},
                           narratives=narratives)
    submission = actions.do_submit(submission, acting_user=by)
    if accept:
        submission = actions.do_accept(submission, acting_user=world.approver_a1)
    return submission


def build_results(world: Any) -> ResultsData:
    programme = Programme.objects.create(
        code="1437", title="Chăm sóc, giáo dục và phát triển toàn diện trẻ em trong những năm đầu đời tại gia đình "
        "và cộng đồng", short_name="Đề án 1437", decision_number="1437/QĐ-TTg", start_year=2018, end_year=2025,
        unit=world.country)
    sex = Breakdown.objects.create(code="gioitinh", name="Giới tính", unit=world.country)
    BreakdownOption.objects.create(breakdown=sex, code="nu", name="Nữ", order=1)
    BreakdownOption.objects.create(breakdown=sex, code="nam", name="Nam", order=2)
    reached = _element(world, "tre_tiep_can", "Số trẻ em từ 0 đến 8 tuổi được tiếp cận dịch vụ", "trẻ", [sex])
    children = _element(world, "tre_0_8", "Số trẻ em từ 0 đến 8 tuổi", "trẻ")
    groups_metric = _element(world, "nhom_tre", "Số nhóm trẻ được kiện toàn, thành lập mới", "nhóm")
    rate = Indicator.objects.create(
        programme=programme, code="TL_TIEP_CAN", name="Tỷ lệ trẻ em đến 8 tuổi được tiếp cận dịch vụ",
        unit_of_measure="percent", numerator=reached, denominator=children, factor=100, decimals=1)
    groups = Indicator.objects.create(programme=programme, code="SO_NHOM", name="Số nhóm trẻ được kiện toàn, thành "
                                      "lập mới", unit_of_measure="count", numerator=groups_metric)

    periods = {}
    for year in (2019, 2020):
        period = ReportingPeriod.objects.create(programme=programme, period_id=str(year), start=dt.date(year, 1, 1),
                                                end=dt.date(year, 12, 31))
        PeriodDeadline.objects.create(period=period, level=3, deadline=dt.date(year, 11, 20))
        PeriodDeadline.objects.create(period=period, level=2, deadline=dt.date(year, 11, 30))
        periods[year] = period
    form = ReportForm.objects.create(programme=programme, code="bc-1437", name="Báo cáo kết quả Đề án 1437",
                                     levels="23", unit=world.country)
    fields = {
        "reached": FormField.objects.create(form=form, order=1, data_element=reached.data_element,
                                            label="Trẻ được tiếp cận dịch vụ", min_value=0),
        "children": FormField.objects.create(form=form, order=3, data_element=children.data_element,
                                             label="Trẻ từ 0 đến 8 tuổi", min_value=0),
        "groups": FormField.objects.create(form=form, order=4, data_element=groups_metric.data_element,
                                           label="Nhóm trẻ", min_value=0),
    }
    fields["girls"] = FormField.objects.create(form=form, order=2, data_element=reached.data_element,
                                               option_key="gioitinh=nu", label="trong đó: trẻ gái",
                                               part_of=fields["reached"])

    committee = SteeringCommittee.objects.create(name="Ban Chỉ đạo Đề án 1437 tỉnh Sông Hồng", unit=world.province_a)
    plan = Plan.objects.create(
        programme=programme, unit=world.province_a, committee=committee, start_year=2019, end_year=2025,
        place="Sông Hồng", issuer_code="BCĐ", summary="Thực hiện Đề án 1437 trên địa bàn tỉnh giai đoạn 2019-2025",
        signer_authority="TM.", signer_body="BAN CHỈ ĐẠO", signer_title="TRƯỞNG BAN", signer_name="Nguyễn Văn Bình")
    rate_target = PlanTarget.objects.create(plan=plan, indicator=rate, value=75, unit_of_measure="%", year=2020)
    groups_target = PlanTarget.objects.create(plan=plan, indicator=groups, value=14, unit_of_measure="nhóm",
                                              year=2025)
    plan = do_issue_plan(plan, acting_user=world.manager_a, number="12", date=dt.date(2019, 3, 1))

    data = ResultsData(world, programme, rate, groups, periods[2019], periods[2020], form, fields, plan, rate_target,
                       groups_target, {})
    data.submissions["a1a"] = report(
        data, world.commune_a1a, periods[2020], {"reached": 60, "girls": 30, "children": 100, "groups": 3},
        by=world.officer_a1a, narratives={"results_text": "Tổ chức 2 lớp tập huấn cho cha mẹ.",
                                          "difficulties_text": "Thiếu kinh phí cho nhóm trẻ.",
                                          "proposals_text": "Đề nghị bổ sung kinh phí.",
                                          "next_tasks_text": "Kiện toàn thêm 2 nhóm trẻ."})
    data.submissions["a1b"] = report(
        data, world.commune_a1b, periods[2020], {"reached": 90, "girls": 40, "children": 100, "groups": 2},
        by=world.superuser, narratives={"results_text": "Khám sức khỏe cho 90 trẻ."})
    data.submissions["a1a_2019"] = report(
        data, world.commune_a1a, periods[2019], {"reached": 50, "children": 100, "groups": 1}, by=world.officer_a1a)
    return data


def expected_province_rate() -> Decimal:
    return Decimal("75.0")


def test_the_shared_data_rolls_up_as_described(world):
    """The data this file builds is what its docstring says (the other files rely on it)."""
    from tretho.metrics.models import RollupValue

    data = build_results(world)
    reached = data.fields["reached"].data_element
    province = RollupValue.objects.get(unit=world.province_a, period_id="2020", data_element=reached, option_key="")
    assert province.value == 150 and province.submissions == 2
    girls = RollupValue.objects.get(unit=world.district_a1, period_id="2020", data_element=reached,
                                    option_key="gioitinh=nu")
    assert girls.value == 70
