"""A plan's targets and tasks in Excel: export, an empty template to fill in, and import.

The workbook has two sheets, "Chỉ tiêu" and "Nhiệm vụ", read and written through tretho.documents.xlsx. Import is
all or nothing (one transaction; any error and nothing is saved), can be a dry run, and reports every problem
by sheet, row, column, value and reason, in Vietnamese. Rows are matched to what the plan already holds by their
natural keys, so importing the same file twice updates instead of duplicating:

- a target by its indicator code (or, without one, its text) and its year;
- a task by its number ("2", "2.1": the number the document shows).

Rows the file does not mention are left as they are. An issued plan is refused (change it by amendment).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from tretho.core.scoping import CHANGE, VIEW, user_can
from tretho.core.text import match_key
from tretho.documents.xlsx import Column, ImportReport, RowError, Sheet, instructions_sheet, read_sheet, write_workbook
from tretho.geo.models import AdministrativeUnit

from . import selectors
from .cascade import plan_date
from .choices import BudgetSource, Comparison
from .models import Indicator, Plan, PlanTarget, PlanTask
from .models.plan import ancestor_paths

TARGETS_SHEET = "Chỉ tiêu"
TASKS_SHEET = "Nhiệm vụ"
INDICATORS_SHEET = "Danh mục chỉ số"
TASK_NUMBER = re.compile(r"\d+(\.\d+)*")
LIST_SEPARATOR = re.compile(r"\s*[;\n]\s*")


def target_columns() -> list[Column]:
    return [
        Column("indicator", _("Mã chỉ số"), width=14,
               help=_("Mã trong trang “Danh mục chỉ số”; để trống khi ghi nội dung chỉ tiêu.")),
        Column("text", _("Nội dung chỉ tiêu"), width=50),
        Column("comparison", _("So sánh"), kind="choice", width=14,
               choices=[(value, str(label)) for value, label in Comparison.choices if value]),
        Column("value", _("Giá trị"), kind="decimal", decimals=2, minimum=0),
        Column("unit_of_measure", _("Đơn vị tính"), width=14, help=_("Ví dụ: %, nhóm trẻ, người.")),
        Column("year", _("Năm đạt"), kind="integer", minimum=1990, maximum=2100),
        Column("deadline", _("Thời hạn"), kind="date"),
        Column("area", _("Địa bàn áp dụng (mã)"), width=16,
               help=_("Mã đơn vị hành chính thuộc địa bàn của kế hoạch; để trống khi áp dụng cho cả địa bàn.")),
        Column("part_of", _("Thuộc chỉ tiêu"), width=30,
               help=_("Với phần “trong đó”: mã chỉ số hoặc nội dung của chỉ tiêu chứa nó.")),
    ]


def task_columns() -> list[Column]:
    return [
        Column("number", _("Số"), required=True, width=8, help=_("1, 2, … ; nhiệm vụ con 1.1, 1.2, …")),
        Column("title", _("Nhiệm vụ"), required=True, width=50),
        Column("description", _("Mô tả"), width=40),
        Column("lead", _("Cơ quan chủ trì"), width=28,
               help=_("Tên hoặc tên viết tắt của cơ quan; tên không có trong danh mục được ghi nguyên văn.")),
        Column("cooperating", _("Cơ quan phối hợp"), width=28, help=_("Nhiều cơ quan cách nhau bằng dấu chấm phẩy.")),
        Column("units", _("Giao cho đơn vị (mã)"), width=18,
               help=_("Mã đơn vị cấp dưới, nhiều đơn vị cách nhau bằng dấu chấm phẩy.")),
        Column("start", _("Bắt đầu"), kind="date"),
        Column("deadline", _("Thời hạn"), kind="date"),
        Column("expected_output", _("Sản phẩm dự kiến"), width=30),
        Column("budget_amount", _("Dự toán kinh phí (đồng)"), kind="money", minimum=0),
        Column("budget_source", _("Nguồn kinh phí"), kind="choice",
               choices=[(value, str(label)) for value, label in BudgetSource.choices]),
    ]


def indicator_columns() -> list[Column]:
    return [Column("code", _("Mã chỉ số"), width=14), Column("name", _("Tên chỉ số"), width=60),
            Column("unit", _("Đơn vị tính"), width=16)]


# -- export and template ----------------------------------------------------------------------------------------


def export_workbook(plan: Plan) -> bytes:
    """The plan's targets and tasks, in the layout the import reads back."""
    plan = Plan.objects.select_related("unit", "programme").get(pk=plan.pk)
    title = str(plan)
    return write_workbook([
        Sheet(TARGETS_SHEET, target_columns(), rows=target_rows(plan), title=title),
        Sheet(TASKS_SHEET, task_columns(), rows=task_rows(plan), title=title),
        indicators_sheet(plan),
    ])


def template_workbook(plan: Plan) -> bytes:
    """Empty sheets to fill in, with a "Hướng dẫn" sheet for each and the programme's indicators."""
    targets = Sheet(TARGETS_SHEET, target_columns(), title=str(plan))
    tasks = Sheet(TASKS_SHEET, task_columns(), title=str(plan))
    guides = []
    for sheet in (targets, tasks):
        guide = instructions_sheet(sheet)
        guide.name = _("Hướng dẫn - %(sheet)s") % {"sheet": sheet.name}
        guides.append(guide)
    return write_workbook([targets, tasks, *guides, indicators_sheet(plan)])


def indicators_sheet(plan: Plan) -> Sheet:
    rows = [{"code": i.code, "name": i.name, "unit": i.get_unit_of_measure_display()}
            for i in Indicator.objects.filter(programme_id=plan.programme_id).order_by("code")]
    return Sheet(INDICATORS_SHEET, indicator_columns(), rows=rows, title=str(plan.programme))


def _subject(target: PlanTarget) -> str:
    return target.indicator.code if target.indicator_id else target.text  # type: ignore[union-attr]


def target_rows(plan: Plan) -> list[dict[str, Any]]:
    targets = list(PlanTarget.objects.filter(plan=plan).select_related("indicator", "area", "part_of__indicator")
                   .order_by("order", "pk"))
    rows = []
    for row in selectors.target_rows(targets):
        for target in (row.target, *row.parts):
            rows.append({
                "indicator": target.indicator.code if target.indicator_id else "",  # type: ignore[union-attr]
                "text": target.text, "comparison": target.comparison or None, "value": target.value,
                "unit_of_measure": target.unit_of_measure, "year": target.year, "deadline": target.deadline,
                "area": target.area.code if target.area_id else "",  # type: ignore[union-attr]
                "part_of": _subject(target.part_of) if target.part_of_id else "",  # type: ignore[arg-type]
            })
    return rows


def task_rows(plan: Plan) -> list[dict[str, Any]]:
    tasks = list(PlanTask.objects.filter(plan=plan).select_related("lead_agency").prefetch_related(
        "cooperating_agencies", "assigned_units"))
    rows: list[dict[str, Any]] = []

    def walk(nodes: list[selectors.NumberedTask]) -> None:
        for node in nodes:
            task = node.task
            rows.append({
                "number": node.number, "title": task.title, "description": task.description,
                "lead": task.lead_agency.name if task.lead_agency_id else task.lead_text,  # type: ignore[union-attr]
                "cooperating": "; ".join(agency.name for agency in task.cooperating_agencies.all()),
                "units": "; ".join(unit.code for unit in task.assigned_units.all()),
                "start": task.start, "deadline": task.deadline, "expected_output": task.expected_output,
                "budget_amount": int(task.budget_amount) if task.budget_amount is not None else None,
                "budget_source": task.budget_source or None,
            })
            walk(node.children)

    walk(selectors.numbered_tasks(tasks))
    return rows


# -- import -----------------------------------------------------------------------------------------------------


@dataclass
class PlanImportReport(ImportReport):
    targets: int = 0  # rows read from each sheet
    tasks: int = 0


_key = match_key


def _error(report: ImportReport, sheet: str, row: int, column: str, value: Any, reason: str) -> None:
    report.errors.append(RowError(row=row, column=f"{sheet}: {column}" if column else sheet,
                                  value="" if value is None else str(value), reason=reason))


def _header(columns: list[Column], key: str) -> str:
    return next(column.header for column in columns if column.key == key)


def import_workbook(plan: Plan, data: bytes, *, acting_user: Any, dry_run: bool = False) -> PlanImportReport:
    """Read the targets and tasks of `data` into the draft `plan`: everything or nothing."""
    report = PlanImportReport(dry_run=dry_run)
    plan = Plan.objects.select_related("unit", "programme").get(pk=plan.pk)
    if not user_can(acting_user, CHANGE, plan):
        _error(report, "", 0, "", "", _("Bạn không có quyền sửa kế hoạch này."))
        return report
    if plan.is_locked:
        _error(report, "", 0, "", "", plan.locked_reason)
        return report
    targets = read_sheet(data, TARGETS_SHEET, target_columns())
    tasks = read_sheet(data, TASKS_SHEET, task_columns())
    for sheet, parsed in ((TARGETS_SHEET, targets), (TASKS_SHEET, tasks)):
        for error in parsed.errors:
            _error(report, sheet, error.row, error.column, error.value, error.reason)
    if any(error.row == 0 for error in report.errors):
        return report  # a sheet could not be read at all: row checks would only repeat it
    report.targets, report.tasks = len(targets.rows), len(tasks.rows)
    importer = _Importer(plan, acting_user, report)
    target_plan = importer.check_targets(targets.rows)
    task_plan = importer.check_tasks(tasks.rows)
    if report.errors:
        return report
    with transaction.atomic():
        importer.save_targets(target_plan)
        importer.save_tasks(task_plan)
        if report.errors or dry_run:
            transaction.set_rollback(True)
    if report.errors:
        report.created = report.updated = 0
    return report


@dataclass
class _TargetRow:
    row: int
    key: tuple[str, int | None]
    values: dict[str, Any]
    part_of: str = ""  # folded subject of the whole
    existing: PlanTarget | None = None
    part_of_text: str = ""  # as typed, for the error report


@dataclass
class _TaskRow:
    row: int
    number: tuple[int, ...]
    values: dict[str, Any]
    cooperating: list[Any] = field(default_factory=list)
    units: list[AdministrativeUnit] = field(default_factory=list)
    existing: PlanTask | None = None


class _Importer:
    """The checks that need the database (codes, names, numbering), then the writes."""

    def __init__(self, plan: Plan, user: Any, report: ImportReport) -> None:
        self.plan, self.user, self.report = plan, user, report
        self.target_cols, self.task_cols = target_columns(), task_columns()
        self.units_below = AdministrativeUnit.objects.in_force_on(plan_date(plan)).subtree_of(plan.unit)
        self.indicators = {_key(i.code): i for i in Indicator.objects.filter(programme_id=plan.programme_id)}
        path = plan.unit.path
        near = Q(unit__path__startswith=path) | Q(unit__path__in=ancestor_paths(path))
        from tretho.orgs.models import Agency

        self.agencies: dict[str, Any] = {}
        for agency in Agency.objects.restrict(user, VIEW).filter(near).order_by("pk"):
            for name in (agency.name, agency.short_name):
                if name.strip():
                    self.agencies.setdefault(_key(name), agency)

    # -- targets --------------------------------------------------------------------------------------------

    def target_error(self, row: int, key: str, value: Any, reason: str) -> None:
        column = _header(self.target_cols, key) if key else ""
        _error(self.report, TARGETS_SHEET, row, column, value, reason)

    def check_targets(self, rows: list[dict[str, Any]]) -> list[_TargetRow]:
        existing: dict[tuple[str, int | None], list[PlanTarget]] = {}
        for target in PlanTarget.objects.filter(plan=self.plan).select_related("indicator"):
            existing.setdefault((_key(_subject(target)), target.year), []).append(target)
        checked: list[_TargetRow] = []
        seen: dict[tuple[str, int | None], int] = {}
        for row in rows:
            number = row["_row"]
            indicator = None
            if row["indicator"]:
                indicator = self.indicators.get(_key(row["indicator"]))
                if indicator is None:
                    self.target_error(number, "indicator", row["indicator"],
                                      _("Không có chỉ số mã này trong đề án của kế hoạch."))
            elif not row["text"]:
                self.target_error(number, "text", "", _("Ghi mã chỉ số hoặc nội dung chỉ tiêu."))
            area = None
            if row["area"]:
                area = self.units_below.filter(code=str(row["area"]).strip()).first()
                if area is None:
                    self.target_error(number, "area", row["area"],
                                      _("Không có đơn vị mã này trong địa bàn của kế hoạch."))
            key = (_key(indicator.code if indicator else row["text"] or row["indicator"]), row["year"])
            if key in seen:
                self.target_error(number, "indicator" if indicator else "text", row["indicator"] or row["text"],
                                  _("Trùng với dòng %(row)s (cùng chỉ tiêu, cùng năm).") % {"row": seen[key]})
                continue
            seen[key] = number
            matches = existing.get(key, [])
            if len(matches) > 1:
                self.target_error(number, "indicator" if indicator else "text", row["indicator"] or row["text"],
                                  _("Kế hoạch có %(count)s chỉ tiêu trùng mã và năm này; hãy sửa trên trang kế "
                                    "hoạch.") % {"count": len(matches)})
                continue
            values = {"indicator": indicator, "text": row["text"] or "", "comparison": row["comparison"] or "",
                      "value": row["value"], "unit_of_measure": row["unit_of_measure"] or "", "year": row["year"],
                      "deadline": row["deadline"], "area": area}
            checked.append(_TargetRow(number, key, values, _key(row["part_of"]) if row["part_of"] else "",
                                      matches[0] if matches else None, row["part_of"] or ""))
        self._check_wholes(checked)
        return checked

    def _check_wholes(self, rows: list[_TargetRow]) -> None:
        """Each "Thuộc chỉ tiêu" names one whole: a row of the file or a target of the plan (not itself)."""
        subjects = {row.key[0] for row in rows}
        stored = {_key(_subject(t)) for t in PlanTarget.objects.filter(plan=self.plan).select_related("indicator")}
        for row in rows:
            if not row.part_of:
                continue
            if row.part_of == row.key[0]:
                self.target_error(row.row, "part_of", row.part_of_text,
                                  _("Một chỉ tiêu không thể là phần của chính nó."))
            elif row.part_of not in subjects | stored:
                self.target_error(row.row, "part_of", row.part_of_text,
                                  _("Không có chỉ tiêu này trong tệp hay trong kế hoạch."))

    def save_targets(self, rows: list[_TargetRow]) -> None:
        saved: dict[str, PlanTarget] = {}
        pending = sorted(rows, key=lambda row: bool(row.part_of))  # wholes first
        while pending:
            waiting = []
            for row in pending:
                whole = None
                if row.part_of:
                    whole = saved.get(row.part_of) or self._stored_whole(row.part_of)
                    if whole is None:
                        waiting.append(row)
                        continue
                target = self._write(row.existing or PlanTarget(plan=self.plan), row.values | {"part_of": whole},
                                     row.row, TARGETS_SHEET)
                if target is not None:
                    saved.setdefault(row.key[0], target)
            if len(waiting) == len(pending):  # wholes that are themselves parts of each other
                for row in waiting:
                    self.target_error(row.row, "part_of", row.part_of_text, _("Chỉ tiêu chứa nó chưa được nhập."))
                return
            pending = waiting

    def _stored_whole(self, subject: str) -> PlanTarget | None:
        for target in PlanTarget.objects.filter(plan=self.plan, part_of=None).select_related("indicator"):
            if _key(_subject(target)) == subject:
                return target
        return None

    # -- tasks ----------------------------------------------------------------------------------------------

    def task_error(self, row: int, key: str, value: Any, reason: str) -> None:
        _error(self.report, TASKS_SHEET, row, _header(self.task_cols, key) if key else "", value, reason)

    def check_tasks(self, rows: list[dict[str, Any]]) -> list[_TaskRow]:
        tasks = list(PlanTask.objects.filter(plan=self.plan))
        existing: dict[tuple[int, ...], PlanTask] = {}

        def walk(nodes: list[selectors.NumberedTask]) -> None:
            for node in nodes:
                existing[tuple(int(part) for part in node.number.split("."))] = node.task
                walk(node.children)

        walk(selectors.numbered_tasks(tasks))
        checked: dict[tuple[int, ...], _TaskRow] = {}
        for row in rows:
            number_text = str(row["number"] or "").strip().rstrip(".")
            if not TASK_NUMBER.fullmatch(number_text):
                self.task_error(row["_row"], "number", row["number"], _("Số nhiệm vụ ghi dạng 1, 2 hoặc 1.1, 1.2."))
                continue
            number = tuple(int(part) for part in number_text.split("."))
            if number in checked:
                self.task_error(row["_row"], "number", number_text,
                                _("Trùng số với dòng %(row)s.") % {"row": checked[number].row})
                continue
            checked[number] = self._task_row(row, number, existing.get(number))
        self._check_numbering(checked, existing)
        return [checked[number] for number in sorted(checked)]

    def _task_row(self, row: dict[str, Any], number: tuple[int, ...], existing: PlanTask | None) -> _TaskRow:
        line = row["_row"]
        lead_name = " ".join(str(row["lead"] or "").split())
        lead = self.agencies.get(_key(lead_name)) if lead_name else None
        values = {"title": row["title"] or "", "description": row["description"] or "", "lead_agency": lead,
                  "lead_text": "" if lead is not None else lead_name, "start": row["start"],
                  "deadline": row["deadline"], "expected_output": row["expected_output"] or "",
                  "budget_amount": row["budget_amount"], "budget_source": row["budget_source"] or ""}
        checked = _TaskRow(line, number, values, existing=existing)
        for name in LIST_SEPARATOR.split(str(row["cooperating"] or "").strip()):
            if not name:
                continue
            agency = self.agencies.get(_key(name))
            if agency is None:
                self.task_error(line, "cooperating", name, _("Không có cơ quan này trong danh mục (gần địa bàn của "
                                                             "kế hoạch)."))
            else:
                checked.cooperating.append(agency)
        for code in re.split(r"\s*[;,\n]\s*", str(row["units"] or "").strip()):
            if not code:
                continue
            unit = self.units_below.exclude(pk=self.plan.unit_id).filter(code=code).first()
            if unit is None:
                self.task_error(line, "units", code, _("Không có đơn vị cấp dưới mã này trong địa bàn của kế hoạch."))
            else:
                checked.units.append(unit)
        return checked

    def _check_numbering(self, rows: dict[tuple[int, ...], _TaskRow], existing: dict[tuple[int, ...], Any]) -> None:
        """Numbers follow on without gaps (1, 2, 3; 2.1, 2.2) and a sub-task's task exists."""
        numbers = set(rows) | set(existing)
        for number, row in rows.items():
            parent = number[:-1]
            label = ".".join(str(part) for part in number)
            if parent and parent not in numbers:
                self.task_error(row.row, "number", label, _("Chưa có nhiệm vụ %(parent)s để chứa nhiệm vụ này.") % {
                    "parent": ".".join(str(part) for part in parent)})
            elif number[-1] > 1 and (*parent, number[-1] - 1) not in numbers:
                self.task_error(row.row, "number", label, _("Số nhiệm vụ phải liền nhau: chưa có nhiệm vụ "
                                                            "%(before)s.") % {
                    "before": ".".join(str(part) for part in (*parent, number[-1] - 1))})

    def save_tasks(self, rows: list[_TaskRow]) -> None:
        saved: dict[tuple[int, ...], PlanTask] = {}
        for row in rows:  # sorted by number: a task before its sub-tasks, siblings in order
            parent_number = row.number[:-1]
            parent = saved.get(parent_number) if parent_number else None
            if parent_number and parent is None:
                parent = self._stored_task(parent_number)
            task = row.existing or PlanTask(plan=self.plan)
            values = row.values if row.existing else row.values | {"parent": parent}
            saved_task = self._write(task, values, row.row, TASKS_SHEET,
                                     links={"cooperating_agencies": row.cooperating, "assigned_units": row.units})
            if saved_task is not None:
                saved[row.number] = saved_task

    def _stored_task(self, number: tuple[int, ...]) -> PlanTask | None:
        found: dict[tuple[int, ...], PlanTask] = {}

        def walk(nodes: list[selectors.NumberedTask]) -> None:
            for node in nodes:
                found[tuple(int(part) for part in node.number.split("."))] = node.task
                walk(node.children)

        walk(selectors.numbered_tasks(list(PlanTask.objects.filter(plan=self.plan))))
        return found.get(number)

    # -- writing --------------------------------------------------------------------------------------------

    def _write(self, obj: Any, values: dict[str, Any], row: int, sheet: str,
               links: dict[str, list[Any]] | None = None) -> Any:
        """Create or update obj from values (and its many-to-many links); a model error becomes a row error."""
        creating = obj.pk is None
        changed = creating or any(_differs(getattr(obj, name), value) for name, value in values.items())
        if links and not creating:
            changed = changed or any({item.pk for item in items} != set(getattr(obj, name).values_list("pk",
                                                                                                        flat=True))
                                     for name, items in links.items())
        if not changed:
            return obj
        for name, value in values.items():
            setattr(obj, name, value)
        try:
            obj.full_clean(exclude=["order"])
        except ValidationError as error:
            columns = self.target_cols if sheet == TARGETS_SHEET else self.task_cols
            headers = {column.key: column.header for column in columns}
            for name, messages in error.message_dict.items():
                column = headers.get(name) or (str(type(obj)._meta.get_field(name).verbose_name).capitalize()
                                               if name != "__all__" else "")
                for message in messages:
                    _error(self.report, sheet, row, column, "", message)
            return None
        if creating:
            obj.created_by = self.user
        else:
            obj.version += 1
        obj._history_user = self.user
        obj.save()
        for name, items in (links or {}).items():
            getattr(obj, name).set(items)
        if creating:
            self.report.created += 1
        else:
            self.report.updated += 1
        return obj


def _differs(current: Any, new: Any) -> bool:
    if isinstance(current, Decimal) or isinstance(new, Decimal):
        return (Decimal(str(current)) if current is not None else None) != (
            Decimal(str(new)) if new is not None else None)
    if hasattr(current, "pk") or hasattr(new, "pk"):
        return getattr(current, "pk", None) != getattr(new, "pk", None)
    return current != new
