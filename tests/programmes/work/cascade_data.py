"""The province plan the cascade tests start from, shaped like reference plan 000 (Hội LHPN Đồng Nai, Đề án 404,
2017) but placed in the scope world: Ban Chỉ đạo of Tỉnh Sông Hồng issues Kế hoạch 109/KH-BCĐ on 01/03/2017.

    targets  1. 20 nhóm trẻ (count, to distribute), of which ≥ 80% kiện toàn and 20% thành lập mới
             2. 70% trẻ dưới 36 tháng … (share, indicator TL_TRE)
             3. 5 lớp tập huấn at Xã Tân Phú (A1b only)
    tasks    1 (A1a, A1b) with 1.1 (A1a) and 1.2 (A1b) · 2 (nobody: everyone) · 3 (A1b)
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

import xlsxwriter

from tretho.orgs.models import Agency, SteeringCommittee
from tretho.programmes.actions import do_issue_plan
from tretho.programmes.models import (
    AgencyDuty,
    Indicator,
    Phase,
    Plan,
    PlanObjective,
    PlanRecipient,
    PlanTarget,
    PlanTask,
    Programme,
    ReportingRequirement,
)
from tretho.programmes.spreadsheets import TARGETS_SHEET, TASKS_SHEET, target_columns, task_columns

ISSUED_ON = dt.date(2017, 3, 1)
SUMMARY = ("Triển khai thực hiện Đề án “Hỗ trợ, phát triển nhóm trẻ độc lập tư thục ở khu vực khu công nghiệp, "
           "khu chế xuất đến năm 2020” trên địa bàn tỉnh Sông Hồng năm 2017")


@dataclass
class Cascade:
    world: Any
    programme: Programme
    phase: Phase
    share_indicator: Indicator
    committee: SteeringCommittee
    education: Agency
    commune_committee: Agency  # Ủy ban nhân dân xã Hòa An (A1a)
    plan: Plan
    groups: PlanTarget  # 20 nhóm trẻ
    consolidated: PlanTarget  # of which ≥ 80%
    share: PlanTarget  # 70%
    at_a1b: PlanTarget  # 5 lớp, area A1b
    task_both: PlanTask
    task_a1a: PlanTask
    task_a1b: PlanTask
    task_everyone: PlanTask
    task_only_a1b: PlanTask


def build_cascade(world: Any, *, issue: bool = True) -> Cascade:
    programme = Programme.objects.create(
        code="404", title="Hỗ trợ, phát triển nhóm trẻ độc lập tư thục ở khu vực khu công nghiệp, khu chế xuất",
        short_name="Đề án 404", decision_number="404/QĐ-TTg", decision_date=dt.date(2014, 3, 20),
        decision_issuer="Thủ tướng Chính phủ", start_year=2014, end_year=2020, unit=world.country)
    phase = Phase.objects.create(programme=programme, name="Giai đoạn I", start_year=2014, end_year=2017)
    share_indicator = Indicator.objects.create(
        programme=programme, code="TL_TRE", name="Tỷ lệ trẻ dưới 36 tháng tuổi được gửi tại nhóm trẻ bảo đảm chất "
        "lượng", unit_of_measure="percent", factor=100)
    Indicator.objects.create(programme=programme, code="SO_NHOM", name="Số nhóm trẻ được hỗ trợ",
                             unit_of_measure="count")
    committee = SteeringCommittee.objects.create(name="Ban Chỉ đạo Đề án 404 tỉnh Sông Hồng", unit=world.province_a)
    education = Agency.objects.create(name="Sở Giáo dục và Đào tạo tỉnh Sông Hồng", short_name="Sở GD&ĐT",
                                      kind="education", unit=world.province_a)
    union = Agency.objects.create(name="Hội Liên hiệp Phụ nữ tỉnh Sông Hồng", short_name="Hội LHPN tỉnh",
                                  kind="womens_union", unit=world.province_a)
    commune_committee = Agency.objects.create(name="Ủy ban nhân dân xã Hòa An", short_name="UBND xã Hòa An",
                                              kind="peoples_committee", unit=world.commune_a1a)
    Agency.objects.create(name="Ủy ban nhân dân xã Tân Phú", kind="peoples_committee", unit=world.commune_a1b)

    plan = Plan.objects.create(
        programme=programme, phase=phase, unit=world.province_a, committee=committee, start_year=2017,
        end_year=2017, place="Sông Hồng", issuer_code="BCĐ", summary=SUMMARY,
        legal_bases="Thực hiện Công văn số 1258/CV-ĐCT-BĐH ngày 16/1/2017 của Ban Điều hành Đề án 404 Trung ương",
        preamble="Ban Chỉ đạo Đề án 404 tỉnh xây dựng kế hoạch triển khai thực hiện Đề án trong năm 2017 với những "
                 "nội dung như sau:",
        purpose="- Xác định vai trò, trách nhiệm của các cấp trong phối hợp triển khai Đề án;\n"
                "- Lồng ghép hoạt động của Đề án với nhiệm vụ phát triển kinh tế - xã hội ở địa phương;",
        target_groups="- Trẻ em dưới 36 tháng tuổi là con công nhân\n- Người quản lý, bảo mẫu của nhóm trẻ",
        scope="Các xã, phường có khu công nghiệp.", timeframe="Năm 2017.",
        budget_text="Thực hiện theo Thông tư số 143/2014/TT-BTC ngày 30/9/2014 của Bộ Tài chính.",
        closing_text="Trên đây là kế hoạch triển khai thực hiện Đề án năm 2017, đề nghị các đơn vị triển khai "
                     "thực hiện có hiệu quả.",
        signer_authority="TM.", signer_body="BAN CHỈ ĐẠO", signer_title="TRƯỞNG BAN",
        signer_name="Lê Thị Ngọc Loan",
        section_order=["purpose", "objectives", "targets", "target_groups+scope+timeframe", "tasks", "budget",
                       "organisation", "reporting"],
        section_headings={"tasks": "NỘI DUNG HOẠT ĐỘNG"},
    )
    PlanObjective.objects.create(plan=plan, kind="general", text="Hỗ trợ, phát triển nhóm trẻ độc lập tư thục "
                                 "bảo đảm an toàn, chất lượng.")
    PlanObjective.objects.create(plan=plan, kind="specific", milestone_year=2017,
                                 text="80% người quản lý, bảo mẫu được tập huấn kỹ năng chăm sóc trẻ.")
    groups = PlanTarget.objects.create(plan=plan, text="nhóm trẻ được hỗ trợ kiện toàn và phát triển mới, mỗi nhóm "
                                       "từ 15 đến 50 cháu", value=20, unit_of_measure="nhóm trẻ", year=2017)
    consolidated = PlanTarget.objects.create(plan=plan, part_of=groups, text="số nhóm trẻ được hỗ trợ kiện toàn",
                                             comparison="at_least", value=80, unit_of_measure="%")
    PlanTarget.objects.create(plan=plan, part_of=groups, text="số nhóm trẻ xây dựng mới", value=20,
                              unit_of_measure="%")
    share = PlanTarget.objects.create(plan=plan, indicator=share_indicator, value=70, unit_of_measure="%",
                                      year=2017)
    at_a1b = PlanTarget.objects.create(plan=plan, text="lớp tập huấn cho cha mẹ", value=5, unit_of_measure="lớp",
                                       area=world.commune_a1b)
    task_both = PlanTask.objects.create(
        plan=plan, title="Phối hợp Sở Giáo dục và Đào tạo hoàn thành chỉ tiêu hỗ trợ kiện toàn và phát triển mới "
        "20 nhóm trẻ", lead_agency=education, start=dt.date(2017, 3, 1), deadline=dt.date(2017, 11, 30),
        budget_amount=30_000_000, budget_source="local")
    task_both.cooperating_agencies.set([union])
    task_both.assigned_units.set([world.commune_a1a, world.commune_a1b])
    task_a1a = PlanTask.objects.create(plan=plan, parent=task_both, title="Kiện toàn nhóm trẻ tại xã Hòa An")
    task_a1a.assigned_units.set([world.commune_a1a])
    task_a1b = PlanTask.objects.create(plan=plan, parent=task_both, title="Kiện toàn nhóm trẻ tại xã Tân Phú")
    task_a1b.assigned_units.set([world.commune_a1b])
    task_everyone = PlanTask.objects.create(plan=plan, title="Tổ chức tập huấn cho cán bộ Hội cơ sở, tuyên truyền "
                                            "viên làm công tác trẻ em", lead_agency=union,
                                            deadline=dt.date(2017, 6, 30))
    task_only_a1b = PlanTask.objects.create(plan=plan, title="Giám sát hoạt động của các nhóm trẻ tại xã Tân Phú")
    task_only_a1b.assigned_units.set([world.commune_a1b])
    AgencyDuty.objects.create(plan=plan, agency=education, intro="chủ trì hướng dẫn chuyên môn cho các nhóm trẻ.",
                              duties="- Hướng dẫn điều kiện thành lập nhóm trẻ\n- Giám sát chất lượng chăm sóc")
    AgencyDuty.objects.create(plan=plan, body_name="Hội LHPN các huyện, thị, thành phố",
                              duties="- Xây dựng kế hoạch và lập dự toán kinh phí trình UBND cùng cấp")
    ReportingRequirement.objects.create(plan=plan, subject="Kết quả thực hiện Kế hoạch",
                                        reporter_text="Hội LHPN các huyện, thị, thành phố",
                                        recipient_text="Ban Chỉ đạo Đề án 404 tỉnh", frequency="yearly",
                                        deadline_day=20, deadline_month=11)
    PlanRecipient.objects.create(plan=plan, text="Ban Điều hành Đề án TW")
    PlanRecipient.objects.create(plan=plan, text="Lưu: VT, Ban GĐXH")
    if issue:
        plan = do_issue_plan(plan, acting_user=world.manager_a, number="109", date=ISSUED_ON)
    return Cascade(world, programme, phase, share_indicator, committee, education, commune_committee, plan, groups,
                   consolidated, share, at_a1b, task_both, task_a1a, task_a1b, task_everyone, task_only_a1b)


def empty_draft(cascade) -> Plan:
    """A second draft of the same province, to import into."""
    return Plan.objects.create(programme=cascade.programme, unit=cascade.world.province_a,
                               committee=cascade.committee, start_year=2017, end_year=2017,
                               summary="Kế hoạch nhập từ Excel")


def workbook(targets: list[list] | None = None, tasks: list[list] | None = None) -> bytes:
    """A file as a user fills the template: the headers, then the rows as typed."""
    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"strings_to_numbers": False})
    for name, columns, rows in ((TARGETS_SHEET, target_columns(), targets or []),
                                (TASKS_SHEET, task_columns(), tasks or [])):
        sheet = book.add_worksheet(name)
        for index, column in enumerate(columns):
            sheet.write_string(0, index, column.label)
        for number, values in enumerate(rows, start=1):
            for index, value in enumerate(values):
                if isinstance(value, dt.date):
                    sheet.write_datetime(number, index, dt.datetime.combine(value, dt.time()),
                                         book.add_format({"num_format": "dd/mm/yyyy"}))
                elif value is not None:
                    sheet.write(number, index, value)
    book.close()
    return output.getvalue()
