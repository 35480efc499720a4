"""The plan as data: its number, header defaults, sections in its own order, numbering, targets and deadlines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.programmes.factories import make_agency, make_plan, make_programme
from tretho.orgs.models import SteeringCommittee
from tretho.programmes.headers import initials
from tretho.programmes.models import Indicator, PlanTarget, PlanTask, ReportingRequirement
from tretho.programmes.selectors import document_sections, implemented_bases, numbered_tasks


def test_document_number_is_number_type_code_and_issuer_code(world):
    plan = make_plan(world.province_a, number="109", issuer_code="BCĐ")
    assert plan.document_number == "109/KH-BCĐ"
    assert str(plan).startswith("Kế hoạch số 109/KH-BCĐ: ")
    plan.number, plan.type_code, plan.issuer_code = "03", "BC", "SGDĐT"
    assert plan.document_number == "03/BC-SGDĐT"  # the leading zero is kept as written
    draft = make_plan(world.province_a, number="", issuer_code="UBND")
    assert draft.document_number == "/KH-UBND"
    assert str(draft).startswith("Kế hoạch (dự thảo): ")


def test_header_defaults_come_from_the_issuer_and_stay_editable(world):
    parent = make_agency(world.province_a, name="Trung ương Hội LHPN")
    agency = make_agency(world.province_a, name="Sở Giáo dục và Đào tạo", short_name="SGDĐT", kind="education",
                         parent=parent)
    plan = make_plan(world.province_a, agency=agency)
    assert (plan.parent_body, plan.issuing_body, plan.issuer_code) == ("TRUNG ƯƠNG HỘI LHPN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
                                                                       "SGDĐT")
    ward = make_agency(world.commune_a1a, name="Ủy ban nhân dân xã Hòa An", kind="peoples_committee")
    plan = make_plan(world.commune_a1a, agency=ward, parent_body="UBND HUYỆN ĐÔNG HÒA")
    assert (plan.parent_body, plan.issuing_body, plan.issuer_code) == ("UBND HUYỆN ĐÔNG HÒA", "XÃ HÒA AN", "UBND")
    committee = SteeringCommittee.objects.create(name="Ban Điều hành Đề án 404 tỉnh", unit=world.province_a)
    plan = make_plan(world.province_a, agency=None, committee=committee)
    assert (plan.parent_body, plan.issuer_code) == ("UBND TỈNH SÔNG HỒNG", "BĐH")
    assert initials("Ban Chỉ đạo Đề án 1437") == "BCĐ"


def test_a_plan_is_issued_by_an_agency_or_a_committee_not_both(world):
    plan = make_plan(world.province_a)
    plan.committee = SteeringCommittee.objects.create(name="Ban Chỉ đạo", unit=world.province_a)
    with pytest.raises(ValidationError) as raised:
        plan.full_clean()
    assert "committee" in raised.value.message_dict
    plan.agency = plan.committee = None
    with pytest.raises(ValidationError) as raised:
        plan.full_clean()
    assert "agency" in raised.value.message_dict


def test_section_order_must_name_known_sections_once(world):
    plan = make_plan(world.province_a)
    for order, message in ((["purpose", "budgets"], "Không có phần “budgets”"),
                           (["tasks", "purpose+tasks"], "Phần “tasks” lặp lại")):
        plan.section_order = order
        with pytest.raises(ValidationError, match=message):
            plan.full_clean()


def test_sections_follow_the_plans_order_grouped_and_renamed(world):
    plan = make_plan(world.province_a, purpose="- Xác định vai trò\n\n- Nâng cao năng lực",
                     target_groups="- Trẻ em đến 8 tuổi\n- Các cơ quan, tổ chức", timeframe="Từ năm 2019-2025",
                     budget_text="Theo Thông tư 143/2014/TT-BTC",
                     section_order=["objectives+target_groups", "purpose", "scope+timeframe", "tasks", "budget"],
                     section_headings={"objectives+target_groups": "MỤC TIÊU, ĐỐI TƯỢNG"})
    sections = document_sections(plan)
    # Empty parts (objectives, scope, tasks) are left out; numbering follows what is shown.
    assert [(s.number, s.heading) for s in sections] == [
        ("I", "MỤC TIÊU, ĐỐI TƯỢNG"), ("II", "MỤC ĐÍCH, YÊU CẦU"), ("III", "PHẠM VI THỰC HIỆN, THỜI GIAN THỰC HIỆN"),
        ("IV", "KINH PHÍ THỰC HIỆN")]
    assert [p.title for p in sections[0].parts] == ["Đối tượng"]
    assert sections[1].parts[0].lines == ["Xác định vai trò", "Nâng cao năng lực"]


def test_default_section_order_and_the_implemented_plans_line(world):
    upper = make_plan(world.country, number="09", issuer_code="UBND", issued_on=dt.date(2019, 1, 21),
                      summary="Thực hiện Đề án 1437 trên địa bàn tỉnh")
    plan = make_plan(world.province_a, legal_bases="Thực hiện Công văn số 1258/CV-ĐCT-BĐH ngày 16/1/2017")
    plan.implements.add(upper)
    assert plan.section_order[:3] == ["purpose", "objectives", "targets"]
    assert implemented_bases(plan) == [
        f"Thực hiện Kế hoạch số 09/KH-UBND ngày 21/01/2019 của {upper.agency} về thực hiện Đề án 1437 trên địa bàn "
        "tỉnh;", "Thực hiện Công văn số 1258/CV-ĐCT-BĐH ngày 16/1/2017"]


def test_tasks_are_numbered_with_their_sub_items(world):
    plan = make_plan(world.province_a)
    second = PlanTask.objects.create(plan=plan, title="Giám sát", order=5)
    first = PlanTask.objects.create(plan=plan, title="Phối hợp", order=2)
    sub_b = PlanTask.objects.create(plan=plan, title="Hóa An", parent=first, order=2)
    sub_a = PlanTask.objects.create(plan=plan, title="Long Bình", parent=first, order=1)
    rows = numbered_tasks(list(plan.tasks.all()))
    assert [(r.number, r.task.title) for r in rows] == [("1", "Phối hợp"), ("2", "Giám sát")]
    assert [(r.number, r.task.title) for r in rows[0].children] == [("1.1", "Long Bình"), ("1.2", "Hóa An")]
    assert (second.number, sub_a.number, sub_b.number) == ("2", "1.1", "1.2")
    third = PlanTask.objects.create(plan=plan, title="Sơ kết")  # order 0: placed last
    assert third.order == 6


def test_targets_read_as_officials_write_them(world):
    plan = make_plan(world.province_a)
    whole = PlanTarget.objects.create(plan=plan, text="nhóm trẻ", value=20, unit_of_measure="nhóm trẻ")
    part = PlanTarget.objects.create(plan=plan, part_of=whole, text="kiện toàn", value=80, unit_of_measure="%",
                                     comparison="at_least")
    big = PlanTarget.objects.create(plan=plan, text="trẻ", value=Decimal("1234.5"), unit_of_measure="trẻ",
                                    comparison="at_most")
    assert (whole.value_label, part.value_label, big.value_label) == ("20 nhóm trẻ", "ít nhất 80%",
                                                                      "không quá 1.234,5 trẻ")
    assert list(whole.parts.all()) == [part]


def test_target_rules(world):
    plan, other = make_plan(world.district_a1), make_plan(world.district_a1)
    foreign_whole = PlanTarget.objects.create(plan=other, text="x", value=1)
    for fields, field in (({}, "text"), ({"text": "x", "part_of": foreign_whole}, "part_of"),
                          ({"text": "x", "area": world.commune_b1}, "area")):
        with pytest.raises(ValidationError) as raised:
            PlanTarget(plan=plan, **fields).full_clean()
        assert field in raised.value.message_dict
    PlanTarget(plan=plan, text="x", area=world.commune_a1a, parent_target=foreign_whole).full_clean()


def test_reporting_deadlines(world):
    plan = make_plan(world.province_a)
    yearly = ReportingRequirement(plan=plan, subject="Kết quả", frequency="yearly", deadline_day=20, deadline_month=11)
    once = ReportingRequirement(plan=plan, subject="Sơ kết", frequency="once", deadline_date=dt.date(2020, 11, 10))
    half = ReportingRequirement(plan=plan, subject="6 tháng", frequency="half_yearly", deadline_day=14,
                                deadline_month=6)
    monthly = ReportingRequirement(plan=plan, subject="Tháng", frequency="monthly", deadline_day=31)
    assert yearly.deadline_label == "trước ngày 20/11 hằng năm"
    assert once.deadline_label == "trước ngày 10/11/2020"
    assert half.deadline_label == "trước các ngày 14/06, 14/12 hằng năm"
    assert monthly.deadline_label == "trước ngày 31 hằng tháng"
    assert half.deadlines_in_year(2024) == [dt.date(2024, 6, 14), dt.date(2024, 12, 14)]
    assert monthly.deadlines_in_year(2023)[1] == dt.date(2023, 2, 28)
    assert once.deadlines_in_year(2020) == [dt.date(2020, 11, 10)] and once.deadlines_in_year(2021) == []
    for bad, field in ((ReportingRequirement(plan=plan, subject="x", frequency="once"), "deadline_date"),
                       (ReportingRequirement(plan=plan, subject="x", frequency="yearly", deadline_day=20),
                        "deadline_month"),
                       (ReportingRequirement(plan=plan, subject="x", frequency="yearly", deadline_day=31,
                                             deadline_month=2), "deadline_day")):
        with pytest.raises(ValidationError) as raised:
            bad.full_clean()
        assert field in raised.value.message_dict


def test_indicator_formula(world):
    from tretho.metrics.models import DataElement

    programme = make_programme(world.country)
    reached = DataElement.objects.create(code="tre_tiep_can", name="Trẻ tiếp cận", unit=world.country).metric
    children = DataElement.objects.create(code="tre_8", name="Trẻ đến 8 tuổi", unit=world.country).metric
    share = Indicator(programme=programme, code="C1", name="Tỷ lệ", unit_of_measure="percent", numerator=reached,
                      denominator=children, factor=100, decimals=1)
    share.full_clean()
    assert share.value(2, 3) == Decimal("66.7")
    assert share.value(2, 0) is None and share.value(None, 3) is None
    share.denominator = None
    with pytest.raises(ValidationError, match="Chỉ số tỷ lệ cần có mẫu số"):
        share.full_clean()
    count = Indicator(programme=programme, code="C2", name="Số nhóm", unit_of_measure="count", numerator=reached)
    assert count.value(20) == 20
