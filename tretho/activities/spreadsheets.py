"""A training's participants from Excel: an empty template to fill in, and the import.

One sheet, "Người tham dự", read and written through tretho.documents.xlsx with the registry's column helpers.
Import is all or nothing (one transaction; any error and nothing is saved), can be a dry run, and reports every
problem by row, column, value and reason, in Vietnamese. A row with a childcare group's code ("Mã nhóm trẻ") is
linked to the registry's person of that group with the same name and year of birth, among the groups within the
training's unit; the person then counts as "staff trained". Rows are matched to the training's participants by
their natural key — the linked person, or else name and year of birth — so importing the same file again updates
instead of duplicating. Rows the file does not mention are left as they are. Only users who may change the
training import into it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from tretho.core.scoping import CHANGE, VIEW, user_can
from tretho.core.text import match_key
from tretho.documents.xlsx import (
    Column,
    ImportReport,
    ParsedSheet,
    RowError,
    Sheet,
    read_sheet,
    write_template,
)
from tretho.programmes.spreadsheets import _differs
from tretho.registry.models import ChildcareGroup, Staff
from tretho.registry.spreadsheets import _choices, _label, _text, _yes_no

from .choices import AudienceCategory, Sex
from .models import Training, TrainingParticipant

PARTICIPANTS_SHEET = "Người tham dự"
MAX_ROWS = 5_000  # a training's list; far above a class
BIRTH_YEARS = (1930, 2015)  # as TrainingParticipant.birth_year's validators


def participant_columns() -> list[Column]:
    P = TrainingParticipant  # noqa: N806
    return [
        Column("number", _("STT"), kind="integer", width=6, help=_("Số thứ tự; không bắt buộc.")),
        Column("full_name", _label(P, "full_name"), required=True, width=26),
        Column("sex", _("Giới tính"), kind="choice", required=True, choices=_choices(Sex.choices), width=10),
        Column("birth_year", _label(P, "birth_year"), kind="integer", width=10,
               help=_("Năm sinh, ví dụ 1990; cùng họ tên để phân biệt người trùng tên.")),
        Column("category", _label(P, "category"), kind="choice", required=True,
               choices=_choices(AudienceCategory.choices), width=36),
        Column("workplace", _label(P, "workplace"), width=30),
        Column("phone", _label(P, "phone"), width=14),
        Column("group_code", _("Mã nhóm trẻ"), width=14,
               help=_("Với người chăm sóc trẻ của một nhóm trẻ trong địa bàn lớp tập huấn: mã nhóm trẻ. Cùng họ tên "
                      "và năm sinh, dòng được nối với người đó trong danh sách nhóm trẻ.")),
        Column("completed", _("Hoàn thành"), kind="choice", choices=_yes_no(), width=12,
               help=_("Để trống: có.")),
    ]


def participants_sheet(training: Training) -> Sheet:
    period = training.start_date.strftime("%d/%m/%Y")
    if training.end_date and training.end_date != training.start_date:
        period += "–" + training.end_date.strftime("%d/%m/%Y")
    return Sheet(PARTICIPANTS_SHEET, participant_columns(),
                 title=_("Danh sách người tham dự: %(training)s (%(period)s)") % {"training": training,
                                                                                  "period": period})


def template_workbook(training: Training) -> bytes:
    """The empty list to fill in and its "Hướng dẫn" sheet."""
    return write_template(participants_sheet(training))


# -- import ---------------------------------------------------------------------------------------------------------


@dataclass
class ParticipantImportReport(ImportReport):
    rows: int = 0  # rows read
    linked: int = 0  # rows linked to a registry person
    unchanged: int = 0


def import_participants(training: Training, data: bytes, *, acting_user: Any,
                        dry_run: bool = False) -> ParticipantImportReport:
    """Read the participants of `data` into `training`: everything or nothing."""
    report = ParticipantImportReport(dry_run=dry_run)
    training = Training.objects.select_related("unit").get(pk=training.pk)
    if not user_can(acting_user, CHANGE, training):
        report.errors.append(RowError(0, "", "", _("Bạn không có quyền sửa lớp tập huấn này.")))
        return report
    parsed = read_sheet(data, PARTICIPANTS_SHEET, participant_columns(), max_rows=MAX_ROWS)
    _drop_numbered_blank_rows(parsed)
    if any(error.row == 0 for error in parsed.errors):
        report.errors = parsed.errors
        return report  # the sheet could not be read at all: row checks would only repeat it
    report.rows = len(parsed.rows)
    planned = _Importer(training, acting_user, parsed).check(report)
    parsed.errors.sort(key=lambda error: error.row)
    report.errors = parsed.errors
    if report.errors:
        return report
    try:
        with transaction.atomic():
            for participant, creating in planned:
                if creating:
                    participant.created_by = acting_user
                else:
                    participant.version += 1
                participant._history_user = acting_user  # type: ignore[attr-defined]  # simple-history
                participant.save()
            if dry_run:
                transaction.set_rollback(True)
    except DatabaseError as error:  # a rule only the database knew (a row changed meanwhile…)
        report.errors.append(RowError(0, "", "", _("Không lưu được: %(error)s") % {"error": error}))
        report.created = report.updated = 0
    return report


def _drop_numbered_blank_rows(parsed: ParsedSheet) -> None:
    """A row with only its STT filled in (a list numbered in advance) is an empty row."""
    blank = {row["_row"] for row in parsed.rows
             if all(value is None for key, value in row.items() if key not in ("_row", "number"))
             and not any(error.row == row["_row"] and error.column != _("STT")
                         and error.reason != _("Chưa nhập (cột bắt buộc).") for error in parsed.errors)}
    parsed.rows = [row for row in parsed.rows if row["_row"] not in blank]
    parsed.errors = [error for error in parsed.errors if error.row not in blank]


class _Importer:
    """The checks that need the database (groups, people, the training's participants): a few queries in all."""

    def __init__(self, training: Training, user: Any, parsed: ParsedSheet) -> None:
        self.training, self.user, self.parsed = training, user, parsed
        self.headers = {column.key: column.header for column in participant_columns()}
        codes = {match_key(row["group_code"]) for row in parsed.rows if _text(row["group_code"])}
        # Groups within the training's unit, by code: one query; their people the user may see: one more.
        self.groups: dict[str, list[ChildcareGroup]] = {}
        if codes:
            for group in ChildcareGroup.objects.filter(unit__path__startswith=training.unit.path).exclude(code=""):
                if match_key(group.code) in codes:
                    self.groups.setdefault(match_key(group.code), []).append(group)
        self.people: dict[tuple[int, str, int | None], list[Staff]] = {}
        group_ids = [group.pk for groups in self.groups.values() for group in groups]
        for person in Staff.objects.restrict(user, VIEW).filter(group_id__in=group_ids).select_related(
                "group__unit").order_by("pk"):
            self.people.setdefault((person.group_id, match_key(person.full_name), person.birth_year),
                                   []).append(person)
        self.by_staff: dict[int, TrainingParticipant] = {}
        self.by_name: dict[tuple[str, int | None], list[TrainingParticipant]] = {}
        for participant in TrainingParticipant.objects.filter(training=training).order_by("pk"):
            participant.training = training
            if participant.staff_id is not None:
                self.by_staff[participant.staff_id] = participant
            self.by_name.setdefault((match_key(participant.full_name), participant.birth_year),
                                    []).append(participant)

    def error(self, row: int, key: str, value: Any, reason: str) -> None:
        self.parsed.add_error(row, self.headers.get(key, ""), value, reason)

    def check(self, report: ParticipantImportReport) -> list[tuple[TrainingParticipant, bool]]:
        planned: list[tuple[TrainingParticipant, bool]] = []
        seen: dict[tuple[Any, ...], int] = {}
        taken: set[int] = set()  # participants already matched by an earlier row
        low, high = BIRTH_YEARS
        failed = {error.row for error in self.parsed.errors}
        for row in self.parsed.rows:
            line, name, year = row["_row"], _text(row["full_name"]), row["birth_year"]
            if year is not None and not low <= year <= high:
                self.error(line, "birth_year", year, _("Năm sinh phải từ %(low)s đến %(high)s.") % {
                    "low": low, "high": high})
                continue
            staff = self.staff_of(row, name, year) if _text(row["group_code"]) else None
            if line in failed or not name or (staff is None and _text(row["group_code"])):
                continue
            key: tuple[Any, ...] = ("staff", staff.pk) if staff else ("name", match_key(name), year)
            name_key = (match_key(staff.full_name if staff else name), year)
            if key in seen or ("name", *name_key) in seen:
                self.error(line, "full_name", name, _("Trùng với dòng %(row)s (cùng người).") % {
                    "row": seen.get(key) or seen[("name", *name_key)]})
                continue
            seen[key] = seen[("name", *name_key)] = line
            existing = self.by_staff.get(staff.pk) if staff else None
            if existing is None:
                matches = [p for p in self.by_name.get(name_key, [])
                           if p.pk not in taken and (p.staff_id is None or staff is None or p.staff_id == staff.pk)]
                if len(matches) > 1:
                    self.error(line, "full_name", name, _(
                        "Lớp tập huấn đã có %(count)s người cùng họ tên và năm sinh này; hãy sửa trên trang lớp tập "
                        "huấn.") % {"count": len(matches)})
                    continue
                existing = matches[0] if matches else None
            values = {
                "staff_id": staff.pk if staff else (existing.staff_id if existing else None),
                "full_name": staff.full_name if staff else name, "sex": row["sex"], "birth_year": year,
                "category": row["category"], "workplace": _text(row["workplace"]), "phone": _text(row["phone"]),
                "completed": True if row["completed"] is None else bool(row["completed"]),
            }
            participant = existing or TrainingParticipant(training=self.training)
            if existing is not None:
                taken.add(existing.pk)
                if not any(_differs(getattr(existing, name), value) for name, value in values.items()):
                    report.unchanged += 1
                    report.linked += values["staff_id"] is not None
                    continue
            for field_name, value in values.items():
                setattr(participant, field_name, value)
            if staff is not None:
                participant.staff = staff  # its group and unit are loaded: the model's check needs no query
            if not self.valid(participant, line):
                continue
            planned.append((participant, existing is None))
            report.linked += values["staff_id"] is not None
            if existing is None:
                report.created += 1
            else:
                report.updated += 1
        return planned

    def staff_of(self, row: dict[str, Any], name: str, year: int | None) -> Staff | None:
        """The registry's person the row names by group code, name and year of birth (an error when none or many)."""
        line, code = row["_row"], _text(row["group_code"])
        groups = self.groups.get(match_key(code), [])
        if not groups:
            self.error(line, "group_code", code, _(
                "Không có nhóm trẻ mã này trong địa bàn của lớp tập huấn (%(unit)s).") % {"unit": self.training.unit})
            return None
        if len(groups) > 1:
            self.error(line, "group_code", code, _(
                "Có %(count)s nhóm trẻ cùng mã này trong địa bàn của lớp tập huấn: hãy chọn người trên trang lớp "
                "tập huấn.") % {"count": len(groups)})
            return None
        if not name:
            return None
        people = self.people.get((groups[0].pk, match_key(name), year), [])
        if len(people) == 1:
            return people[0]
        if not people:
            reason = _("Nhóm trẻ %(code)s không có người chăm sóc trẻ cùng họ tên và năm sinh này (hoặc bạn không "
                       "được xem danh sách của nhóm).") % {"code": code}
        else:
            reason = _("Nhóm trẻ %(code)s có %(count)s người cùng họ tên và năm sinh này: hãy chọn người trên trang "
                       "lớp tập huấn.") % {"code": code, "count": len(people)}
        self.error(line, "full_name", name, reason)
        return None

    def valid(self, participant: TrainingParticipant, line: int) -> bool:
        """The model's own rules (and the database's constraints), each a row error on its column."""
        try:
            participant.full_clean(exclude=["training"], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                key = "group_code" if name == "staff" else name
                for message in messages:
                    value = "" if name in ("staff", "__all__") else getattr(participant, name, "")
                    self.error(line, key if key in self.headers else "", value, message)
            return False
        return True
