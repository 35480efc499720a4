"""Childcare groups, their staff and their enrolment snapshots from Excel: a template to fill in and an import.

One workbook, three sheets — "Nhóm trẻ", "Người chăm sóc trẻ", "Số trẻ" — read and written through
tretho.documents.xlsx. A file may hold any of the three (a commune sends only this month's enrolment). Staff and
enrolment rows name their group by commune code plus group code or name, so they can point at a group created by
the same file. Import is all or nothing (one transaction; any error and nothing is saved), can be a dry run, and
reports every problem by sheet, row, column, value and reason, in Vietnamese. Rows are matched by natural keys so
importing the same file again updates instead of duplicating:

- a group by its commune (code of a commune in force today) and its code, or without a code its name;
- a person by group, full name and year of birth;
- an enrolment snapshot by group and date.

Names are compared without accents, case or extra spaces ("Nhóm trẻ Hoà Mai" is "Nhóm trẻ Hòa Mai"). Rows the
file does not mention are left as they are; a blank cell empties its field (the file is the truth for its rows).
Scoped: a user imports only into the communes where they may add (new rows) or change (matched rows) records.

Built for volume: the checks run in memory against one query per table, and the writes are bulk inserts, one
executemany of UPDATEs and bulk history rows (bench/registry_import.py: 20,000 groups and 60,000 staff).
"""

from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

import python_calamine
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, connections, models, transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from tretho.core.formats import format_number
from tretho.core.models import NamedSearchMixin
from tretho.core.scoping import ADD, CHANGE, scope_for
from tretho.core.text import fold, match_key
from tretho.documents.xlsx import (
    LISTS_SHEET,
    Column,
    ImportReport,
    ParsedSheet,
    RowError,
    Sheet,
    instructions_sheet,
    parse_cell,
    read_sheet,
    write_workbook,
)
from tretho.geo.choices import UnitLevel
from tretho.geo.loader import update_rows
from tretho.geo.models import AdministrativeUnit, IndustrialZone

from .choices import GroupKind, GroupStatus, Qualification, StaffRole
from .models import ChildcareGroup, Enrolment, Staff

GROUPS_SHEET = "Nhóm trẻ"
STAFF_SHEET = "Người chăm sóc trẻ"
ENROLMENT_SHEET = "Số trẻ"
COMMUNES_SHEET = "Danh mục xã, phường"
ZONES_SHEET = "Danh mục khu công nghiệp"
MAX_ROWS = 250_000  # per sheet; far above a province's groups
BATCH_SIZE = 2_000
COMMUNE_CODE_DIGITS = 5  # official commune codes: 26734; a code typed as a number loses its leading zeros
BIRTH_YEARS = (1940, 2015)  # as Staff.birth_year's validators


def _label(model: type[models.Model], name: str) -> str:
    return capfirst(str(getattr(model._meta.get_field(name), "verbose_name", name)))


def _yes_no() -> list[tuple[Any, str]]:
    return [(True, _("Có")), (False, _("Không"))]


def _choices(choices: Iterable[tuple[Any, Any]]) -> list[tuple[Any, str]]:
    return [(value, str(label)) for value, label in choices if value != ""]


def _group_reference_columns() -> list[Column]:
    """The three columns by which a staff or enrolment row names its group."""
    return [
        Column("commune", _("Mã xã, phường"), required=True, width=12,
               help=_("Mã của xã, phường đang có hiệu lực (trang “Danh mục xã, phường”).")),
        Column("group_code", _("Mã nhóm trẻ"), width=14,
               help=_("Mã nhóm trẻ trong xã; để trống thì tìm nhóm theo tên.")),
        Column("group_name", _("Tên nhóm trẻ"), width=30,
               help=_("Tên nhóm trẻ trong xã (khi không ghi mã nhóm).")),
    ]


def group_columns() -> list[Column]:
    G = ChildcareGroup  # noqa: N806
    yes_no = _yes_no()
    return [
        Column("commune", _("Mã xã, phường"), required=True, width=12,
               help=_("Mã của xã, phường đang có hiệu lực (trang “Danh mục xã, phường”).")),
        Column("code", _label(G, "code"), width=14,
               help=_("Mã do địa phương đặt; có mã thì nhập lại khớp theo mã, không có thì khớp theo tên.")),
        Column("name", _label(G, "name"), required=True, width=30),
        Column("kind", _label(G, "kind"), kind="choice", choices=_choices(GroupKind.choices),
               help=_("Để trống: nhóm trẻ.")),
        Column("address", _label(G, "address"), width=30),
        Column("owner_name", _label(G, "owner_name"), width=22),
        Column("owner_phone", _label(G, "owner_phone"), width=14),
        Column("zone", _label(G, "zone"), width=28,
               help=_("Tên như trong trang “Danh mục khu công nghiệp”.")),
        Column("latitude", _label(G, "latitude"), kind="decimal", decimals=6, minimum=Decimal(8),
               maximum=Decimal("23.5")),
        Column("longitude", _label(G, "longitude"), kind="decimal", decimals=6, minimum=Decimal(102),
               maximum=Decimal(110)),
        Column("is_licensed", _label(G, "is_licensed"), kind="choice", choices=yes_no),
        Column("licence_number", _label(G, "licence_number"), width=18),
        Column("licence_date", _label(G, "licence_date"), kind="date"),
        Column("licence_authority", _label(G, "licence_authority"), width=24),
        Column("capacity", _label(G, "capacity"), kind="integer", minimum=0, maximum=10_000),
        Column("age_from_months", _label(G, "age_from_months"), kind="integer", minimum=0, maximum=72,
               help=_("Để trống: 6 tháng.")),
        Column("age_to_months", _label(G, "age_to_months"), kind="integer", minimum=0, maximum=72,
               help=_("Để trống: 36 tháng.")),
        Column("care_room_area", _label(G, "care_room_area"), kind="decimal", minimum=0,
               maximum=Decimal("9999999")),
        Column("has_play_area", _label(G, "has_play_area"), kind="choice", choices=yes_no),
        Column("has_fence_gate", _label(G, "has_fence_gate"), kind="choice", choices=yes_no),
        Column("serves_meals", _label(G, "serves_meals"), kind="choice", choices=yes_no),
        Column("has_separate_kitchen", _label(G, "has_separate_kitchen"), kind="choice", choices=yes_no),
        Column("status", _label(G, "status"), kind="choice", choices=_choices(GroupStatus.choices),
               help=_("Để trống: đang hoạt động.")),
        Column("opened_on", _label(G, "opened_on"), kind="date"),
        Column("status_since", _label(G, "status_since"), kind="date"),
        Column("closed_on", _label(G, "closed_on"), kind="date"),
        Column("note", _label(G, "note"), width=30),
    ]


def _retired_training_columns() -> list[Column]:
    """The staff sheet's training columns of files made before training became its own record: read only to say
    they were left aside (who was trained now follows from the trainings' participant lists)."""
    return [Column("_trained", _("Đã được tập huấn kỹ năng, đạo đức nghề nghiệp")),
            Column("_trained_on", _("Ngày tập huấn")), Column("_training_note", _("Nội dung tập huấn"))]


def _note_retired_columns(parsed: ParsedSheet, report: RegistryImportReport) -> None:
    """Drop the retired training columns from the rows, with a note when the file filled them."""
    retired = _retired_training_columns()
    filled = 0
    for row in parsed.rows:
        values = [row.pop(column.key, None) for column in retired]
        filled += any(value not in (None, "") for value in values)
    if filled:
        headers = ", ".join(f"“{column.header}”" for column in retired)
        report.notes.append(_(
            "Trang “%(sheet)s”: các cột %(headers)s không còn được nhập (%(count)s dòng có ghi) và đã được bỏ qua. "
            "Việc tập huấn nay ghi ở lớp tập huấn, với danh sách người tham dự chọn từ người chăm sóc trẻ: người đã "
            "tập huấn được tính từ đó.") % {"sheet": STAFF_SHEET, "headers": headers, "count": format_number(filled)})


def staff_columns() -> list[Column]:
    S = Staff  # noqa: N806
    return [
        *_group_reference_columns(),
        Column("full_name", _label(S, "full_name"), required=True, width=24),
        Column("birth_year", _label(S, "birth_year"), kind="integer", width=10,
               help=_("Năm sinh, ví dụ 1990; cùng họ tên để phân biệt người trùng tên.")),
        Column("phone", _label(S, "phone"), width=14),
        Column("role", _label(S, "role"), kind="choice", required=True, choices=_choices(StaffRole.choices)),
        Column("qualification", _label(S, "qualification"), kind="choice",
               choices=_choices(Qualification.choices), help=_("Để trống: chưa qua đào tạo.")),
        Column("start_date", _label(S, "start_date"), kind="date"),
        Column("end_date", _label(S, "end_date"), kind="date"),
    ]


ENROLMENT_COUNTS = ("children_3_12", "children_13_24", "children_25_36", "children_over_36", "girls", "boys",
                    "workers_children")


def enrolment_columns() -> list[Column]:
    E = Enrolment  # noqa: N806
    return [
        *_group_reference_columns(),
        Column("as_of", _label(E, "as_of"), kind="date", required=True),
        *(Column(name, _label(E, name), kind="integer", minimum=0, maximum=100_000, help=_("Để trống: 0."))
          for name in ENROLMENT_COUNTS),
    ]


SHEETS: dict[str, Callable[[], list[Column]]] = {
    GROUPS_SHEET: group_columns,
    STAFF_SHEET: staff_columns,
    ENROLMENT_SHEET: enrolment_columns,
}


# -- template -------------------------------------------------------------------------------------------------------


def template_workbook(user: Any) -> bytes:
    """The three empty sheets, a "Hướng dẫn" sheet for each, and the communes and zones the user may import for."""
    sheets = [Sheet(name, columns(), title=_("Nhập %(sheet)s") % {"sheet": name.lower()})
              for name, columns in SHEETS.items()]
    guides = []
    for sheet in sheets:
        guide = instructions_sheet(sheet)
        guide.name = _("HD - %(sheet)s") % {"sheet": sheet.name}
        guide.notes.append(_("Nhóm trẻ khớp theo mã xã và mã nhóm (hoặc tên nhóm); người chăm sóc trẻ theo nhóm, "
                             "họ tên và năm sinh; số trẻ theo nhóm và ngày: nhập lại cùng tệp sẽ cập nhật, không "
                             "tạo bản trùng."))
        guides.append(guide)
    return write_workbook([*sheets, *guides, communes_sheet(user), zones_sheet()])


def importable_communes(user: Any) -> models.QuerySet:
    """Communes in force today where the user may add or change childcare groups."""
    add, change = scope_for(user, ADD, ChildcareGroup), scope_for(user, CHANGE, ChildcareGroup)
    query = add.as_q("path") | change.as_q("path")
    return AdministrativeUnit.objects.in_force_on(timezone.localdate()).filter(
        level=UnitLevel.COMMUNE).filter(query)


def communes_sheet(user: Any) -> Sheet:
    columns = [Column("code", _("Mã xã, phường"), width=12), Column("name", _("Tên"), width=30),
               Column("full_name", _("Thuộc"), width=60)]
    rows = [{"code": unit.code, "name": unit.name, "full_name": unit.full_name}
            for unit in importable_communes(user).order_by("path", "sort_key")]
    return Sheet(COMMUNES_SHEET, columns, rows=rows, title=_("Xã, phường bạn được nhập dữ liệu"))


def zones_sheet() -> Sheet:
    columns = [Column("name", _("Tên"), width=40), Column("unit", _("Địa bàn"), width=50)]
    rows = [{"name": zone.name, "unit": zone.unit.full_name or zone.unit.name}
            for zone in IndustrialZone.objects.select_related("unit").order_by("sort_key")]
    return Sheet(ZONES_SHEET, columns, rows=rows, title=_("Khu công nghiệp, khu chế xuất"))


# -- import ---------------------------------------------------------------------------------------------------------


@dataclass
class SheetCount:
    sheet: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class RegistryImportReport(ImportReport):
    sheets: list[SheetCount] = field(default_factory=list)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)  # what the import left aside, though nothing was wrong

    @property
    def unchanged(self) -> int:
        return sum(count.unchanged for count in self.sheets)

_key = match_key


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value not in (None, "") else ""


def sheet_names(data: bytes) -> list[str] | None:
    """The worksheet names of the file, or None when it cannot be read (read_sheet then says why)."""
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        return [meta.name for meta in workbook.sheets_metadata
                if meta.typ == python_calamine.SheetTypeEnum.WorkSheet and meta.name != LISTS_SHEET]
    except Exception:  # noqa: BLE001 - every broken-file error means the same to users; read_sheet words it
        return None


def read_rows(data: bytes, name: str) -> ParsedSheet:
    """read_sheet, with choice cells matched once per distinct text (a sheet of 60,000 people holds a handful of
    roles: folding every label for every cell took seconds)."""
    columns = SHEETS[name]()
    as_text = [replace(column, kind="text", choices=None) if column.kind == "choice" else column
               for column in columns]
    if name == STAFF_SHEET:
        as_text += _retired_training_columns()
    parsed = read_sheet(data, name, as_text, max_rows=MAX_ROWS)
    if parsed.rows and parsed.rows[-1]["_row"] >= MAX_ROWS:
        parsed.add_error(0, "", "", _("Trang có hơn %(count)s dòng: hãy chia thành nhiều tệp.") % {
            "count": format_number(MAX_ROWS)})
    for column in (column for column in columns if column.kind == "choice"):
        seen: dict[str, tuple[Any, str | None]] = {}
        for row in parsed.rows:
            text = row[column.key]
            if text is None:
                continue
            if text not in seen:
                seen[text] = parse_cell(column, text)
            row[column.key], reason = seen[text]
            if reason:
                parsed.add_error(row["_row"], column.header, text, reason)
    parsed.errors.sort(key=lambda error: error.row)
    return parsed


def import_workbook(data: bytes, *, acting_user: Any, dry_run: bool = False) -> RegistryImportReport:
    """Read the groups, staff and enrolment of `data`: everything or nothing."""
    started = time.perf_counter()
    report = RegistryImportReport(dry_run=dry_run)
    if scope_for(acting_user, ADD, ChildcareGroup).nothing and scope_for(acting_user, CHANGE, ChildcareGroup).nothing:
        report.errors.append(RowError(0, "", "", _("Bạn không có quyền nhập dữ liệu nhóm trẻ.")))
        return report
    names = sheet_names(data)
    if names is None:
        parsed = read_sheet(data, GROUPS_SHEET, group_columns())
        report.errors.extend(parsed.errors)
        return report
    present = {fold(name) for name in names}
    wanted = [name for name in SHEETS if fold(name) in present]
    if not wanted:
        listed = ", ".join(f"“{name}”" for name in SHEETS)
        report.errors.append(RowError(0, "", "", _("Tệp không có trang nào trong các trang %(sheets)s: hãy dùng "
                                                   "tệp mẫu.") % {"sheets": listed}))
        return report
    parsed_sheets: dict[str, ParsedSheet] = {}
    for name in wanted:
        parsed = read_rows(data, name)
        if name == STAFF_SHEET:
            _note_retired_columns(parsed, report)
        parsed_sheets[name] = parsed
        for error in parsed.errors:
            _error(report, name, error.row, error.column, error.value, error.reason)
    if any(error.row == 0 for error in report.errors):
        return report  # a sheet could not be read at all: row checks would only repeat it

    importer = _Importer(acting_user, report)
    importer.prepare(parsed_sheets)
    importer.check_groups(parsed_sheets.get(GROUPS_SHEET))
    importer.check_staff(parsed_sheets.get(STAFF_SHEET))
    importer.check_enrolment(parsed_sheets.get(ENROLMENT_SHEET))
    if not report.errors:
        try:
            with transaction.atomic():
                importer.save()
                if dry_run:
                    transaction.set_rollback(True)
        except DatabaseError as error:  # a rule only the database knew (a row changed meanwhile…)
            _error(report, "", 0, "", "", _("Không lưu được: %(error)s") % {"error": error})
    if report.errors:
        report.created = report.updated = 0
    else:
        report.created = sum(count.created for count in report.sheets)
        report.updated = sum(count.updated for count in report.sheets)
    report.seconds = time.perf_counter() - started
    sort_errors(report.errors, names)
    return report


def sort_errors(errors: list[RowError], workbook_order: list[str]) -> None:
    """Errors in reading order: the file's own problems first, then by sheet as the workbook orders them, by row,
    and by column as the sheet orders its columns (checks run rule by rule, so they find them out of order)."""
    sheets = {fold(name): index for index, name in enumerate(workbook_order)}
    for name in SHEETS:
        sheets.setdefault(fold(name), len(sheets))
    headers = {name: {fold(column.header): index for index, column in enumerate(columns())}
               for name, columns in SHEETS.items()}

    def key(error: RowError) -> tuple[int, int, int, str]:
        for name in SHEETS:
            if error.column == name or error.column.startswith(f"{name}: "):
                header = fold(error.column[len(name) + 2:])
                return (sheets[fold(name)] + 1, error.row, headers[name].get(header, len(headers[name])),
                        error.column)
        return (0, error.row, 0, error.column)  # the whole file

    errors.sort(key=key)


def _error(report: ImportReport, sheet: str, row: int, column: str, value: Any, reason: str) -> None:
    report.errors.append(RowError(row=row, column=f"{sheet}: {column}" if column else sheet,
                                  value="" if value is None else str(value), reason=reason))


@dataclass
class _Planned:
    """The records to write for one sheet, and its counts."""

    model: type[models.Model]
    count: SheetCount
    fields: list[str]
    created: list[Any] = field(default_factory=list)
    changed: list[Any] = field(default_factory=list)


def _differs(current: Any, new: Any) -> bool:
    if isinstance(current, Decimal) or isinstance(new, Decimal):
        return (Decimal(str(current)) if current is not None else None) != (
            Decimal(str(new)) if new is not None else None)
    return current != new


class _Importer:
    """The checks that need the database (communes, scope, natural keys), then the bulk writes."""

    def __init__(self, user: Any, report: RegistryImportReport) -> None:
        self.user, self.report = user, report
        self.today, self.now = timezone.localdate(), timezone.now()
        self.communes: dict[str, AdministrativeUnit] = {}
        self.zones: dict[str, list[IndustrialZone]] = {}
        self.units_by_pk: dict[int, AdministrativeUnit] = {}
        # Groups by (commune pk, folded code) and (commune pk, folded name): stored ones, then the file's.
        self.groups_by_code: dict[tuple[int, str], ChildcareGroup] = {}
        self.groups_by_name: dict[tuple[int, str], ChildcareGroup] = {}
        self.groups_by_pk: dict[int, ChildcareGroup] = {}
        self.planned: list[_Planned] = []
        # Group keys of rows with errors: their staff and enrolment rows are not reported a second time.
        self.failed_groups: set[tuple[int, str]] = set()
        self._scopes: dict[tuple[type, str], Any] = {}

    # -- shared look-ups ------------------------------------------------------------------------------------

    def allowed(self, model: type[models.Model], action: str, unit: AdministrativeUnit) -> bool:
        if (model, action) not in self._scopes:
            self._scopes[(model, action)] = scope_for(self.user, action, model)
        return self._scopes[(model, action)].covers(unit.path)

    def prepare(self, sheets: dict[str, ParsedSheet]) -> None:
        """One query each: the communes the file names, their stored groups, the industrial zones."""
        codes: set[str] = set()
        for parsed in sheets.values():
            for row in parsed.rows:
                code = _text(row.get("commune"))
                if code:
                    codes.update({code, code.zfill(COMMUNE_CODE_DIGITS)} if code.isdigit() else {code})
        units = AdministrativeUnit.objects.in_force_on(self.today).filter(level=UnitLevel.COMMUNE, code__in=codes)
        for unit in units.order_by("pk"):
            self.communes.setdefault(unit.code, unit)
            self.units_by_pk[unit.pk] = unit
        for group in ChildcareGroup.objects.filter(unit_id__in=list(self.units_by_pk)).order_by("pk"):
            group.unit = self.units_by_pk[group.unit_id]
            self.groups_by_pk[group.pk] = group
            if group.code:
                self.groups_by_code.setdefault((group.unit_id, _key(group.code)), group)
            self.groups_by_name.setdefault((group.unit_id, _key(group.name)), group)
        if GROUPS_SHEET in sheets and any(row.get("zone") for row in sheets[GROUPS_SHEET].rows):
            for zone in IndustrialZone.objects.select_related("unit").order_by("pk"):
                self.zones.setdefault(_key(zone.name), []).append(zone)

    def commune(self, sheet: str, columns: dict[str, str], row: dict[str, Any]) -> AdministrativeUnit | None:
        code = _text(row.get("commune"))
        if not code:
            return None  # the reader reported the empty required cell
        unit = self.communes.get(code) or (self.communes.get(code.zfill(COMMUNE_CODE_DIGITS))
                                           if code.isdigit() else None)
        if unit is None:
            _error(self.report, sheet, row["_row"], columns["commune"], code,
                   _("Không có xã, phường nào mang mã này (đang có hiệu lực)."))
        return unit

    def zone(self, columns: dict[str, str], row: dict[str, Any], unit: AdministrativeUnit) -> IndustrialZone | None:
        name = _text(row.get("zone"))
        if not name:
            return None
        found = self.zones.get(_key(name), [])
        if len(found) > 1:  # the same name in two provinces: the one in the group's province
            province = "/".join(unit.path.split("/")[:3]) + "/"
            found = [zone for zone in found if zone.unit.path.startswith(province)]
        if len(found) != 1:
            reason = (_("Không có khu công nghiệp tên này trong danh mục.") if not found
                      else _("Có nhiều khu công nghiệp cùng tên này."))
            _error(self.report, GROUPS_SHEET, row["_row"], columns["zone"], name, reason)
            return None
        return found[0]

    def check_model(self, obj: models.Model, sheet: str, row: int, columns: dict[str, str],
                    values: dict[str, Any]) -> bool:
        """The model's own rules (clean()) and text lengths; each problem becomes a row error."""
        ok = True
        for name, value in values.items():
            model_field = obj._meta.get_field(name.removesuffix("_id"))
            max_length = getattr(model_field, "max_length", None)
            if max_length and isinstance(value, str) and len(value) > max_length:
                _error(self.report, sheet, row, columns.get(name, ""), value,
                       _("Dài quá %(count)s ký tự.") % {"count": max_length})
                ok = False
        try:
            obj.clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                column = columns.get(name) or (_label(type(obj), name) if name != "__all__" else "")
                for message in messages:
                    _error(self.report, sheet, row, column, values.get(name, ""), message)
            ok = False
        return ok

    def plan(self, planned: _Planned, obj: Any, values: dict[str, Any]) -> None:
        """Set the values on obj; count it as created, changed or unchanged."""
        if obj.pk is None:
            for name, value in values.items():
                setattr(obj, name, value)
            planned.created.append(obj)
            planned.count.created += 1
            return
        changed = False
        for name, value in values.items():
            if _differs(getattr(obj, name), value):
                setattr(obj, name, value)
                changed = True
        if changed:
            planned.changed.append(obj)
            planned.count.updated += 1
        else:
            planned.count.unchanged += 1

    def new_plan(self, model: type[models.Model], sheet: str, parsed: ParsedSheet, fields: list[str]) -> _Planned:
        planned = _Planned(model, SheetCount(sheet, rows=len(parsed.rows)), fields)
        self.planned.append(planned)
        self.report.sheets.append(planned.count)
        return planned

    # -- groups ---------------------------------------------------------------------------------------------

    def check_groups(self, parsed: ParsedSheet | None) -> None:
        if parsed is None:
            return
        columns = {column.key: column.header for column in group_columns()}
        fields = [key for key in columns if key not in ("commune", "zone")] + ["zone_id"]
        planned = self.new_plan(ChildcareGroup, GROUPS_SHEET, parsed, fields)
        seen_codes: dict[tuple[int, str], int] = {}
        seen_names: dict[tuple[int, str], int] = {}
        for row in parsed.rows:
            unit = self.commune(GROUPS_SHEET, columns, row)
            name, code = _text(row["name"]), _text(row["code"])
            if unit is None or not name:
                continue
            code_key, name_key = (unit.pk, _key(code)), (unit.pk, _key(name))
            errors_before = len(self.report.errors)
            self.check_group(row, unit, name, code, code_key, name_key, columns, planned, seen_codes, seen_names)
            if len(self.report.errors) > errors_before:
                self.failed_groups.update({code_key, name_key} if code else {name_key})

    def check_group(self, row: dict[str, Any], unit: AdministrativeUnit, name: str, code: str,
                    code_key: tuple[int, str], name_key: tuple[int, str], columns: dict[str, str],
                    planned: _Planned, seen_codes: dict[tuple[int, str], int],
                    seen_names: dict[tuple[int, str], int]) -> None:
        line = row["_row"]
        duplicate = (code and seen_codes.get(code_key)) or seen_names.get(name_key)
        if duplicate:
            column = "code" if code and code_key in seen_codes else "name"
            _error(self.report, GROUPS_SHEET, line, columns[column], code if column == "code" else name,
                   _("Trùng với dòng %(row)s (cùng xã, cùng %(what)s).") % {
                       "row": duplicate, "what": columns[column].lower()})
            return
        if code:
            seen_codes[code_key] = line
        seen_names[name_key] = line
        group = self.groups_by_code.get(code_key) if code else None
        by_name = self.groups_by_name.get(name_key)
        if group is None and by_name is not None:
            if code and by_name.code and _key(by_name.code) != _key(code):
                _error(self.report, GROUPS_SHEET, line, columns["name"], name,
                       _("Xã này đã có nhóm trẻ tên này với mã khác (%(code)s).") % {"code": by_name.code})
                return
            group = by_name
        elif group is not None and by_name is not None and by_name.pk != group.pk:
            _error(self.report, GROUPS_SHEET, line, columns["name"], name,
                   _("Xã này đã có một nhóm trẻ khác tên này (mã %(code)s).") % {"code": by_name.code or "—"})
            return
        action = CHANGE if group is not None else ADD
        if not self.allowed(ChildcareGroup, action, unit):
            reason = (_("Bạn không có quyền sửa nhóm trẻ ở xã, phường này.") if group is not None
                      else _("Bạn không có quyền thêm nhóm trẻ ở xã, phường này."))
            _error(self.report, GROUPS_SHEET, line, columns["commune"], row["commune"], reason)
            return
        zone = self.zone(columns, row, unit)
        if row.get("zone") and zone is None:
            return
        if not code and group is not None:
            code = group.code  # a code is an identifier: a blank cell does not erase it
        values = self.group_values(row, name, code, zone)
        obj = group or ChildcareGroup(unit=unit)
        if not self.check_model(_Probe(obj, values).obj, GROUPS_SHEET, line,
                                columns | {"zone_id": columns["zone"]}, values):
            return
        self.plan(planned, obj, values)
        if group is None:
            if code:
                self.groups_by_code[code_key] = obj
            self.groups_by_name[name_key] = obj

    @staticmethod
    def group_values(row: dict[str, Any], name: str, code: str, zone: IndustrialZone | None) -> dict[str, Any]:
        def flag(key: str) -> bool:
            return bool(row[key])

        def number(key: str) -> float | None:
            return float(row[key]) if row[key] is not None else None

        return {
            "code": code, "name": name, "kind": row["kind"] or GroupKind.CHILDCARE_GROUP,
            "address": _text(row["address"]), "owner_name": _text(row["owner_name"]),
            "owner_phone": _text(row["owner_phone"]), "zone_id": zone.pk if zone else None,
            "latitude": number("latitude"), "longitude": number("longitude"),
            "is_licensed": flag("is_licensed"), "licence_number": _text(row["licence_number"]),
            "licence_date": row["licence_date"], "licence_authority": _text(row["licence_authority"]),
            "capacity": row["capacity"],
            "age_from_months": row["age_from_months"] if row["age_from_months"] is not None else 6,
            "age_to_months": row["age_to_months"] if row["age_to_months"] is not None else 36,
            "care_room_area": row["care_room_area"].quantize(Decimal("0.1"))
            if row["care_room_area"] is not None else None,
            "has_play_area": flag("has_play_area"), "has_fence_gate": flag("has_fence_gate"),
            "serves_meals": flag("serves_meals"), "has_separate_kitchen": flag("has_separate_kitchen"),
            "status": row["status"] or GroupStatus.OPERATING, "opened_on": row["opened_on"],
            "status_since": row["status_since"], "closed_on": row["closed_on"], "note": str(row["note"] or ""),
        }

    # -- staff and enrolment: rows of a group ---------------------------------------------------------------

    def group_of(self, sheet: str, columns: dict[str, str], row: dict[str, Any],
                 model: type[models.Model]) -> ChildcareGroup | None:
        """The group a staff or enrolment row names (in the file or stored), when the user may add to it."""
        line = row["_row"]
        unit = self.commune(sheet, columns, row)
        code, name = _text(row.get("group_code")), _text(row.get("group_name"))
        if unit is None:
            return None
        if not code and not name:
            _error(self.report, sheet, line, columns["group_name"], "", _("Ghi mã nhóm trẻ hoặc tên nhóm trẻ."))
            return None
        group = self.groups_by_code.get((unit.pk, _key(code))) if code else None
        if group is None and name:
            group = self.groups_by_name.get((unit.pk, _key(name)))
        if group is None and ((unit.pk, _key(code)) in self.failed_groups if code
                              else (unit.pk, _key(name)) in self.failed_groups):
            return None  # its row in "Nhóm trẻ" has an error already
        if group is None:
            column, value = ("group_code", code) if code and not name else ("group_name", name)
            _error(self.report, sheet, line, columns[column], value,
                   _("Không có nhóm trẻ này ở xã, phường %(code)s (trong tệp hay trong dữ liệu đã có).") % {
                       "code": unit.code})
            return None
        if not self.allowed(model, ADD, unit) and not self.allowed(model, CHANGE, unit):
            _error(self.report, sheet, line, columns["commune"], row["commune"],
                   _("Bạn không có quyền nhập dữ liệu cho nhóm trẻ ở xã, phường này."))
            return None
        return group

    def stored(self, model: type[models.Model]) -> Iterable[Any]:
        """The stored rows of model for the groups of the file's communes."""
        return model.objects.filter(group__unit_id__in=list(self.units_by_pk)).order_by("pk")  # type: ignore[attr-defined]

    def check_staff(self, parsed: ParsedSheet | None) -> None:
        if parsed is None:
            return
        columns = {column.key: column.header for column in staff_columns()}
        fields = ["full_name", "birth_year", "phone", "role", "qualification", "start_date", "end_date"]
        planned = self.new_plan(Staff, STAFF_SHEET, parsed, fields)
        existing: dict[tuple[int, str, int | None], list[Staff]] = {}
        for person in self.stored(Staff):
            stored_group = self.groups_by_pk[person.group_id]
            existing.setdefault((id(stored_group), _key(person.full_name), person.birth_year), []).append(person)
        seen: dict[tuple[int, str, int | None], int] = {}
        low, high = BIRTH_YEARS
        for row in parsed.rows:
            line = row["_row"]
            group = self.group_of(STAFF_SHEET, columns, row, Staff)
            name, year = _text(row["full_name"]), row["birth_year"]
            if year is not None and not low <= year <= high:
                _error(self.report, STAFF_SHEET, line, columns["birth_year"], year,
                       _("Năm sinh phải từ %(low)s đến %(high)s.") % {"low": low, "high": high})
                continue
            if group is None or not name or row["role"] is None:
                continue
            key = (id(group), _key(name), year)
            if key in seen:
                _error(self.report, STAFF_SHEET, line, columns["full_name"], name,
                       _("Trùng với dòng %(row)s (cùng nhóm trẻ, họ tên và năm sinh).") % {"row": seen[key]})
                continue
            seen[key] = line
            matches = existing.get(key, [])
            if len(matches) > 1:
                _error(self.report, STAFF_SHEET, line, columns["full_name"], name,
                       _("Nhóm trẻ đã có %(count)s người cùng họ tên và năm sinh này; hãy sửa trên trang nhóm "
                         "trẻ.") % {"count": len(matches)})
                continue
            person = matches[0] if matches else Staff(group=group)
            action = CHANGE if matches else ADD
            if not self.allowed(Staff, action, group.unit):
                _error(self.report, STAFF_SHEET, line, columns["commune"], row["commune"],
                       _("Bạn không có quyền nhập dữ liệu cho nhóm trẻ ở xã, phường này."))
                continue
            values = {
                "full_name": name, "birth_year": year, "phone": _text(row["phone"]), "role": row["role"],
                "qualification": row["qualification"] or Qualification.NONE, "start_date": row["start_date"],
                "end_date": row["end_date"],
            }
            if self.check_model(_Probe(person, values).obj, STAFF_SHEET, line, columns, values):
                self.plan(planned, person, values)

    def check_enrolment(self, parsed: ParsedSheet | None) -> None:
        if parsed is None:
            return
        columns = {column.key: column.header for column in enrolment_columns()}
        planned = self.new_plan(Enrolment, ENROLMENT_SHEET, parsed, list(ENROLMENT_COUNTS))
        existing: dict[tuple[int, dt.date], Enrolment] = {}
        for snapshot in self.stored(Enrolment):
            existing[(id(self.groups_by_pk[snapshot.group_id]), snapshot.as_of)] = snapshot
        seen: dict[tuple[int, dt.date], int] = {}
        for row in parsed.rows:
            line = row["_row"]
            group = self.group_of(ENROLMENT_SHEET, columns, row, Enrolment)
            if group is None or row["as_of"] is None:
                continue
            key = (id(group), row["as_of"])
            if key in seen:
                _error(self.report, ENROLMENT_SHEET, line, columns["as_of"], row["as_of"].strftime("%d/%m/%Y"),
                       _("Trùng với dòng %(row)s (cùng nhóm trẻ, cùng ngày).") % {"row": seen[key]})
                continue
            seen[key] = line
            snapshot = existing.get(key)
            if not self.allowed(Enrolment, CHANGE if snapshot else ADD, group.unit):
                _error(self.report, ENROLMENT_SHEET, line, columns["commune"], row["commune"],
                       _("Bạn không có quyền nhập dữ liệu cho nhóm trẻ ở xã, phường này."))
                continue
            values = {name: row[name] or 0 for name in ENROLMENT_COUNTS}
            obj = snapshot or Enrolment(group=group, as_of=row["as_of"])
            if self.check_model(_Probe(obj, values).obj, ENROLMENT_SHEET, line, columns, values):
                self.plan(planned, obj, values)

    # -- writing --------------------------------------------------------------------------------------------

    def save(self) -> None:
        """Groups first (their new primary keys reach the staff and snapshots pointing at them), then the rest:
        inserts and UPDATEs each as one executemany, and a history row for every record written."""
        for planned in self.planned:
            model, named = planned.model, issubclass(planned.model, NamedSearchMixin)
            for obj in planned.created:
                obj.created_by = self.user
                obj.created_at = obj.updated_at = self.now
                if named:
                    obj.refresh_keys()
                if hasattr(obj, "group_id"):
                    obj.group_id = obj.group.pk  # the group was inserted just before
            insert_rows(model, planned.created)
            for obj in planned.changed:
                obj.version += 1
                obj.updated_at = self.now
                if named:
                    obj.refresh_keys()
            keys = ["search_key", "sort_key"] if named else []
            update_rows(planned.changed, [*planned.fields, *keys, "updated_at", "version"])
            insert_history(model, planned.created, "+", self.user, self.now)
            insert_history(model, planned.changed, "~", self.user, self.now)


# -- bulk writing ---------------------------------------------------------------------------------------------------
# Django's bulk_create compiles every value of every row into SQL (and SQLite takes ~30 rows per statement): for
# 80,000 rows and their 80,000 history rows that alone took most of a minute. Here each table is one executemany
# of one prepared INSERT, with primary keys taken beforehand so the rows can point at each other.

PLAIN_FIELDS = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.FloatField)


def _preparers(fields: list[models.Field]) -> list[Callable[[Any], Any] | None]:
    """Per field: None when the driver takes the Python value as it is, else the field's own conversion, done once
    per distinct value (dates and timestamps repeat across thousands of rows)."""
    wrapper = connections[connection.alias]  # the connection itself, not the thread-local proxy, per value

    def preparer(model_field: models.Field) -> Callable[[Any], Any]:
        done: dict[Any, Any] = {}

        def prepare(value: Any) -> Any:
            try:
                return done[value]
            except KeyError:
                done[value] = prepared = model_field.get_db_prep_save(value, wrapper)
                return prepared

        return prepare

    return [None if isinstance(f, PLAIN_FIELDS) or f.is_relation else preparer(f) for f in fields]


def _executemany(table: str, columns: list[str], rows: Iterable[list[Any]]) -> None:
    """INSERT the rows: PostgreSQL through COPY (psycopg writes each row in the stream), others by executemany."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with connection.wrap_database_errors, cursor.cursor.copy(
                    f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        sql = f"INSERT INTO {quote(table)} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608
        cursor.executemany(sql, rows)  # type: ignore[arg-type]  # an iterable: no list of 80,000 rows in memory


def new_ids(model: type[models.Model], count: int) -> list[int]:
    """count primary keys nobody else can take: PostgreSQL draws them from the sequence; SQLite continues after
    the highest ever given (the transaction holds the write lock from its start: IMMEDIATE)."""
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                           [table, column, count])
            return [row[0] for row in cursor.fetchall()]
        quote = connection.ops.quote_name
        cursor.execute(f"SELECT COALESCE(MAX({quote(column)}), 0) FROM {quote(table)}")  # noqa: S608
        top = cursor.fetchone()[0]
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        top = max(top, row[0] if row else 0)
    return list(range(top + 1, top + 1 + count))


def insert_rows(model: type[models.Model], objs: list[Any]) -> None:
    """INSERT objs (primary keys given here) as one executemany; no signals, like bulk_create."""
    if not objs:
        return
    if connection.vendor not in ("sqlite", "postgresql"):
        model._default_manager.bulk_create(objs, batch_size=BATCH_SIZE)
        return
    for obj, pk in zip(objs, new_ids(model, len(objs)), strict=True):
        obj.pk = pk
        obj._state.adding, obj._state.db = False, connection.alias
    fields = list(model._meta.concrete_fields)
    preparers = _preparers(fields)
    attnames = [f.attname for f in fields]
    _executemany(model._meta.db_table, [f.column for f in fields], (
        [value if prepare is None else prepare(value)
         for prepare, value in zip(preparers, [getattr(obj, name) for name in attnames], strict=True)]
        for obj in objs))


def insert_history(model: type[models.Model], objs: list[Any], history_type: str, user: Any,
                   when: dt.datetime) -> None:
    """The django-simple-history rows of objs ("+" created, "~" changed), by the acting user, as one executemany."""
    if not objs:
        return
    history = model.history  # type: ignore[attr-defined]
    if connection.vendor not in ("sqlite", "postgresql"):
        history.bulk_history_create(objs, batch_size=BATCH_SIZE, update=history_type == "~", default_user=user,
                                    default_date=when)
        return
    historical = history.model
    fixed = {"history_date": when, "history_change_reason": "", "history_type": history_type,
             "history_user_id": getattr(user, "pk", None)}
    fields = [f for f in historical._meta.concrete_fields if f.attname != "history_id"]
    preparers = _preparers(fields)
    fixed_values = {f.attname: (fixed[f.attname] if prepare is None else prepare(fixed[f.attname]))
                    for f, prepare in zip(fields, preparers, strict=True) if f.attname in fixed}
    tracked = [(f.attname, prepare) for f, prepare in zip(fields, preparers, strict=True)
               if f.attname not in fixed]
    order = [f.attname for f in fields]
    _executemany(historical._meta.db_table, [f.column for f in fields],
                 (_history_row(obj, order, fixed_values, tracked) for obj in objs))


def _history_row(obj: Any, order: list[str], fixed: dict[str, Any],
                 tracked: list[tuple[str, Callable[[Any], Any] | None]]) -> list[Any]:
    values = dict(fixed)
    for name, prepare in tracked:
        value = getattr(obj, name)
        values[name] = value if prepare is None else prepare(value)
    return [values[name] for name in order]


class _Probe:
    """A throwaway copy of obj carrying the new values, so clean() can judge them before obj changes."""

    def __init__(self, obj: models.Model, values: dict[str, Any]) -> None:
        probe = type(obj).__new__(type(obj))
        probe.__dict__ = {**obj.__dict__, **values}
        self.obj = probe
