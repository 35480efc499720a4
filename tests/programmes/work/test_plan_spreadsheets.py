"""Targets and tasks in Excel: export → import round trip, re-import updates instead of duplicating, row-by-row
errors in Vietnamese, all or nothing, dry run, and an issued plan refused."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import python_calamine

from tests.programmes.work.cascade_data import empty_draft, workbook
from tretho.documents.xlsx import read_sheet
from tretho.programmes import selectors
from tretho.programmes.models import Plan, PlanTarget, PlanTask
from tretho.programmes.spreadsheets import (
    TARGETS_SHEET,
    TASKS_SHEET,
    export_workbook,
    import_workbook,
    target_columns,
    task_columns,
    template_workbook,
)


def snapshot(plan: Plan) -> dict:
    targets = sorted(
        (t.indicator.code if t.indicator_id else "", t.text, t.comparison, Decimal(t.value) if t.value is not None
         else None, t.unit_of_measure, t.year, t.deadline, t.area_id, t.part_of.text if t.part_of_id else "")
        for t in PlanTarget.objects.filter(plan=plan).select_related("indicator", "part_of"))

    def walk(rows):
        for row in rows:
            task = row.task
            yield (row.number, task.title, task.lead_agency_id, task.lead_text, task.start, task.deadline,
                   task.budget_amount, task.budget_source, sorted(a.pk for a in task.cooperating_agencies.all()),
                   sorted(u.pk for u in task.assigned_units.all()))
            yield from walk(row.children)

    return {"targets": targets, "tasks": list(walk(selectors.numbered_tasks(list(plan.tasks.all()))))}


def test_export_then_import_gives_the_same_targets_and_tasks(cascade):
    data = export_workbook(cascade.plan)
    target = empty_draft(cascade)
    report = import_workbook(target, data, acting_user=cascade.world.manager_a)
    assert report.ok, report.errors
    assert (report.created, report.updated) == (10, 0)  # 5 targets (2 of them parts) and 5 tasks
    assert snapshot(target) == snapshot(cascade.plan)


def test_importing_the_same_file_again_updates_instead_of_duplicating(cascade):
    data = export_workbook(cascade.plan)
    target = empty_draft(cascade)
    import_workbook(target, data, acting_user=cascade.world.manager_a)
    counts = (target.targets.count(), target.tasks.count())

    again = import_workbook(target, data, acting_user=cascade.world.manager_a)
    assert again.ok and (again.created, again.updated) == (0, 0)
    assert (target.targets.count(), target.tasks.count()) == counts

    changed = workbook(
        targets=[["SO_NHOM", "", "Ít nhất", "25", "nhóm trẻ", 2017], ["TL_TRE", "", "", "75", "%", 2017]],
        tasks=[["1", "Phối hợp hoàn thành chỉ tiêu 25 nhóm trẻ"],
               ["1.1", "Kiện toàn nhóm trẻ tại xã Hòa An", "", "", "", "X91101"]],
    )
    report = import_workbook(target, changed, acting_user=cascade.world.manager_a)
    assert report.ok, report.errors
    assert (report.created, report.updated) == (1, 2)  # SO_NHOM is new; TL_TRE 2017 and task 1 change
    assert target.targets.get(indicator__code="TL_TRE").value == 75
    task = selectors.numbered_tasks(list(target.tasks.all()))[0].task
    assert task.lead_agency is None  # a blank cell empties the field: the file is the truth for its rows
    assert task.title == "Phối hợp hoàn thành chỉ tiêu 25 nhóm trẻ"
    assert task.version > 1 and task.history.count() >= 2
    assert target.tasks.count() == counts[1]


def test_errors_are_listed_by_row_and_nothing_is_saved(cascade):
    target = empty_draft(cascade)
    data = workbook(
        targets=[
            ["TL_TRE", "", "", "75", "%", 2017],  # fine on its own
            ["KHONG_CO", "", "", "10", "", 2017],
            ["", "", "", "10", "người"],
            ["", "Lớp tập huấn", "", "5", "lớp", "", "", "99999"],
            ["", "Phần lẻ", "", "50", "%", "", "", "", "Chỉ tiêu không có"],
            ["TL_TRE", "", "", "80", "%", 2017],
        ],
        tasks=[
            ["1", "Tập huấn cán bộ", "", "", "Sở Không Tồn Tại"],
            ["3", "Nhiệm vụ nhảy số"],
            ["2.1", "Nhiệm vụ con mồ côi"],
            ["x", "Số sai"],
            ["4", "", "", "", "", "", "31/02/2017"],
        ],
    )
    report = import_workbook(target, data, acting_user=cascade.world.manager_a)
    assert not report.ok
    assert (target.targets.count(), target.tasks.count()) == (0, 0)  # row 2 was fine, yet nothing is saved
    found = {(e.row, e.column, e.value, e.reason) for e in report.errors}
    assert (3, "Chỉ tiêu: Mã chỉ số", "KHONG_CO", "Không có chỉ số mã này trong đề án của kế hoạch.") in found
    assert (4, "Chỉ tiêu: Nội dung chỉ tiêu", "", "Ghi mã chỉ số hoặc nội dung chỉ tiêu.") in found
    assert (5, "Chỉ tiêu: Địa bàn áp dụng (mã)", "99999",
            "Không có đơn vị mã này trong địa bàn của kế hoạch.") in found
    assert (6, "Chỉ tiêu: Thuộc chỉ tiêu", "Chỉ tiêu không có",
            "Không có chỉ tiêu này trong tệp hay trong kế hoạch.") in found
    assert (7, "Chỉ tiêu: Mã chỉ số", "TL_TRE", "Trùng với dòng 2 (cùng chỉ tiêu, cùng năm).") in found
    assert (2, "Nhiệm vụ: Cơ quan phối hợp", "Sở Không Tồn Tại",
            "Không có cơ quan này trong danh mục (gần địa bàn của kế hoạch).") in found
    assert (3, "Nhiệm vụ: Số", "3", "Số nhiệm vụ phải liền nhau: chưa có nhiệm vụ 2.") in found
    assert (4, "Nhiệm vụ: Số", "2.1", "Chưa có nhiệm vụ 2 để chứa nhiệm vụ này.") in found
    assert (5, "Nhiệm vụ: Số", "x", "Số nhiệm vụ ghi dạng 1, 2 hoặc 1.1, 1.2.") in found
    assert (6, "Nhiệm vụ: Nhiệm vụ", "", "Chưa nhập (cột bắt buộc).") in found
    assert (6, "Nhiệm vụ: Bắt đầu", "31/02/2017", "Ngày không có thật trong lịch.") in found
    assert "Chưa nhập dòng nào" in report.message


def test_a_model_rule_broken_by_a_row_stops_the_whole_import(cascade):
    target = empty_draft(cascade)
    data = workbook(tasks=[
        ["1", "Tập huấn cán bộ", "", "Sở GD&ĐT", "", "", dt.date(2017, 3, 1), dt.date(2017, 6, 1)],
        ["2", "Giám sát nhóm trẻ", "", "", "", "", dt.date(2017, 9, 1), dt.date(2017, 8, 1)],
    ])
    report = import_workbook(target, data, acting_user=cascade.world.manager_a)
    assert [(e.row, e.column, e.reason) for e in report.errors] == [
        (3, "Nhiệm vụ: Thời hạn", "Thời hạn phải sau ngày bắt đầu.")]
    assert (report.created, report.updated) == (0, 0)
    assert not target.tasks.exists()


def test_names_codes_and_links_are_resolved(cascade):
    world = cascade.world
    target = empty_draft(cascade)
    data = workbook(
        targets=[["", "Nhóm trẻ phát triển mới", "", "20", "nhóm trẻ", 2017, "", "X91101"],
                 ["", "Nhóm được kiện toàn", "Ít nhất", "80", "%", "", "", "", "Nhóm trẻ phát triển mới"]],
        tasks=[["1", "Tập huấn", "Mô tả", "sở gd&đt", "Hội LHPN tỉnh; Sở Giáo dục và Đào tạo tỉnh Sông Hồng",
                "X91101; X91102", dt.date(2017, 3, 1), "30/11/2017", "Báo cáo", "30.000.000", "Ngân sách địa phương"],
               ["1.1", "Tập huấn tại xã Hòa An", "", "Ban tổ chức lớp"]],
    )
    report = import_workbook(target, data, acting_user=world.manager_a)
    assert report.ok, report.errors
    whole = target.targets.get(text="Nhóm trẻ phát triển mới")
    assert whole.area == world.commune_a1a and whole.value == 20
    part = target.targets.get(text="Nhóm được kiện toàn")
    assert (part.part_of, part.comparison, part.value) == (whole, "at_least", 80)
    task = target.tasks.get(title="Tập huấn")
    assert task.lead_agency == cascade.education  # by short name, accents and case ignored
    assert {a.name for a in task.cooperating_agencies.all()} == {"Hội Liên hiệp Phụ nữ tỉnh Sông Hồng",
                                                                 "Sở Giáo dục và Đào tạo tỉnh Sông Hồng"}
    assert set(task.assigned_units.all()) == {world.commune_a1a, world.commune_a1b}
    assert (task.deadline, task.budget_amount, task.budget_source) == (dt.date(2017, 11, 30), 30_000_000, "local")
    sub = target.tasks.get(title="Tập huấn tại xã Hòa An")
    assert sub.parent == task and sub.lead_agency is None and sub.lead_text == "Ban tổ chức lớp"


def test_dry_run_reports_and_saves_nothing(cascade):
    target = empty_draft(cascade)
    report = import_workbook(target, export_workbook(cascade.plan), acting_user=cascade.world.manager_a,
                             dry_run=True)
    assert report.ok and report.dry_run and report.created == 10
    assert "Thử nhập" in report.message and "Chưa lưu gì" in report.message
    assert (target.targets.count(), target.tasks.count()) == (0, 0)


def test_an_issued_plan_is_refused(cascade):
    before = snapshot(cascade.plan)
    report = import_workbook(cascade.plan, export_workbook(cascade.plan), acting_user=cascade.world.manager_a)
    assert not report.ok
    assert report.errors[0].reason == "Kế hoạch đã ban hành ngày 01/03/2017 — muốn thay đổi, hãy tạo bản sửa đổi."
    assert snapshot(cascade.plan) == before


def test_only_who_may_change_the_plan_imports(draft_cascade):
    report = import_workbook(draft_cascade.plan, workbook(), acting_user=draft_cascade.world.officer_a1a)
    assert report.errors[0].reason == "Bạn không có quyền sửa kế hoạch này."


def test_template_has_both_sheets_their_instructions_and_the_indicators(cascade):
    data = template_workbook(cascade.plan)
    names = [meta.name for meta in python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)).sheets_metadata]
    assert names[:2] == [TARGETS_SHEET, TASKS_SHEET]
    assert "Hướng dẫn - Chỉ tiêu" in names and "Hướng dẫn - Nhiệm vụ" in names and "Danh mục chỉ số" in names
    parsed = read_sheet(data, TASKS_SHEET, task_columns())
    assert parsed.ok and parsed.rows == []
    indicators = read_sheet(data, "Danh mục chỉ số", target_columns()[:1])
    assert [row["indicator"] for row in indicators.rows] == ["SO_NHOM", "TL_TRE"]
    report = import_workbook(empty_draft(cascade), data, acting_user=cascade.world.manager_a)
    assert report.ok and (report.created, report.updated) == (0, 0)


def test_export_writes_numbers_the_document_shows(cascade):
    tasks = read_sheet(export_workbook(cascade.plan), TASKS_SHEET, task_columns())
    assert [(row["number"], row["title"]) for row in tasks.rows] == [
        ("1", cascade.task_both.title), ("1.1", cascade.task_a1a.title), ("1.2", cascade.task_a1b.title),
        ("2", cascade.task_everyone.title), ("3", cascade.task_only_a1b.title)]
    first = tasks.rows[0]
    assert first["lead"] == "Sở Giáo dục và Đào tạo tỉnh Sông Hồng"
    assert first["units"] == "X91101; X91102"
    assert first["budget_amount"] == 30_000_000 and first["budget_source"] == "local"
    assert PlanTask.objects.filter(plan=cascade.plan).count() == 5
