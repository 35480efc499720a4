"""Writes with rules of the reporting cycle. Each takes the acting user (keyword-only), checks their right, runs
in one transaction (the submission row locked) and leaves its trace: a SubmissionEvent and the history row.

    draft ──submit──► submitted ──accept──► accepted ──reopen──► returned
      ▲                  │                                          │
      └──── returned ◄───┘ return (with a comment)    resubmit ◄────┘

Accepting adds the values to the roll-ups of the unit and its ancestors in the same transaction; reopening
takes them out again. Only the level directly above accepts, returns or reopens (an approver, programme manager
or administrator whose scope includes the parent unit, or someone of the standing agency the plan names).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tretho.core.scoping import ADD, CHANGE, VIEW, user_can
from tretho.geo.models import AdministrativeUnit

from . import rollups, validation
from .choices import ReportLevel, SubmissionAction, SubmissionStatus
from .models import FormField, PeriodDeadline, ReportForm, ReportingPeriod, Submission, SubmissionEvent, SubmissionValue

DECIDING_ROLES = frozenset({"approver", "programme_manager", "admin"})
EDITABLE = (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)


# -- who may do what ---------------------------------------------------------------------------------------------

def standing_agency_ids(submission: Submission) -> set[int]:
    """Agencies the plans of the level above name for this report: the standing agency of the committee that
    issued the parent unit's plan for the year, and the recipient of the reporting requirement of this level."""
    from tretho.programmes.models import Plan, ReportingRequirement

    parent_id = submission.unit.parent_id
    if parent_id is None:
        return set()
    plans = Plan.objects.filter(programme_id=submission.period.programme_id, unit_id=parent_id).covering_year(
        submission.period.year)
    agencies = {a for a in plans.values_list("committee__standing_agency_id", flat=True) if a}
    agencies |= {a for a in ReportingRequirement.objects.filter(
        plan__in=plans, reporter_level=submission.unit.level).values_list("recipient_agency_id", flat=True) if a}
    return agencies


def may_decide(user: Any, submission: Submission) -> bool:
    """Whether user may accept, return or reopen the submission: the level directly above decides."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not user_can(user, VIEW, submission):
        return False
    parent = submission.unit.parent
    if parent is None:
        return False
    agencies: set[int] | None = None
    for assignment in user.role_assignments.select_related("role", "unit"):
        if assignment.role.code not in DECIDING_ROLES:
            continue
        if any(parent.path.startswith(path) for path in assignment.unit_paths()):
            return True
        if assignment.agency_id:
            if agencies is None:
                agencies = standing_agency_ids(submission)
            if assignment.agency_id in agencies:
                return True
    return False


def may_submit(user: Any, submission: Submission) -> bool:
    return user_can(user, CHANGE, submission)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này với báo cáo."))


def _locked(submission: Submission) -> Submission:
    """The submission re-read under a row lock: two people deciding at once must not both succeed."""
    return Submission.objects.select_for_update().select_related("unit", "period", "form").get(pk=submission.pk)


def _save(current: Submission, user: Any) -> None:
    current.version += 1
    current._history_user = user  # type: ignore[attr-defined]  # simple_history: who did it
    current.save()


def _event(submission: Submission, action: str, user: Any, comment: str = "") -> SubmissionEvent:
    return SubmissionEvent.objects.create(submission=submission, action=action, actor=user, comment=comment,
                                          created_by=user)


def _refusal(messages: list[str], code: str) -> ValidationError:
    """A ValidationError listing messages that keeps its code (Django drops it for a list)."""
    error = ValidationError([ValidationError(message, code=code) for message in messages])
    error.code = code
    return error


def _refresh(submission: Submission, current: Submission) -> Submission:
    submission.refresh_from_db()
    return current


# -- children first --------------------------------------------------------------------------------------------

def expected_children(submission: Submission) -> list[AdministrativeUnit]:
    """The units directly below, in the hierarchy in force at the period's end, that report on this programme."""
    if submission.unit.level >= ReportLevel.COMMUNE:
        return []
    period = submission.period
    children = list(submission.unit.children_on(period.end).order_by("sort_key"))
    levels = {child.level for child in children}
    forms = list(ReportForm.objects.filter(programme_id=period.programme_id, is_active=True))
    reporting_levels = {level for level in levels if any(form.used_at_level(level) for form in forms)}
    return [child for child in children if child.level in reporting_levels]


def missing_children(submission: Submission) -> list[AdministrativeUnit]:
    """Children without an accepted report for the period."""
    children = expected_children(submission)
    if not children:
        return []
    accepted = set(Submission.objects.filter(period_id=submission.period_id, status=SubmissionStatus.ACCEPTED,
                                             unit__in=children).values_list("unit_id", flat=True))
    return [child for child in children if child.pk not in accepted]


# -- filling -----------------------------------------------------------------------------------------------------

@transaction.atomic
def do_start_submission(unit: AdministrativeUnit, period: ReportingPeriod, form: ReportForm, *,
                        acting_user: Any) -> Submission:
    """The unit's report for the period and form, created as a draft when it does not exist yet."""
    existing = Submission.objects.filter(unit=unit, period=period, form=form).first()
    if existing is not None:
        _require(user_can(acting_user, VIEW, existing))
        return existing
    submission = Submission(unit=unit, period=period, form=form, created_by=acting_user)
    submission.full_clean()
    problem = submission.unit_in_force_problem()
    if problem:
        raise ValidationError({"unit": problem}, code="unit_not_in_force")
    _require(user_can(acting_user, ADD, submission))
    if period.is_closed:
        raise ValidationError(_("Kỳ báo cáo đã khóa."), code="period_closed")
    submission._history_user = acting_user  # type: ignore[attr-defined]
    submission.save()
    return submission


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value).replace(".", "").replace(",", ".") if isinstance(value, str) and "," in value
                       else str(value))
    except InvalidOperation:
        raise ValidationError(_("Giá trị «%(value)s» không phải là số.") % {"value": value}) from None


@transaction.atomic
def do_save_values(submission: Submission, *, acting_user: Any, values: Mapping[int, Any],
                   prefilled: Mapping[int, Any] | None = None, reasons: Mapping[int, str] | None = None,
                   narratives: Mapping[str, str] | None = None) -> Submission:
    """Save a draft's values (field id → value), the pre-filled values they came from and the reasons for
    overriding them, and the narrative sections. Refused once the report is submitted or accepted, and when a
    pre-filled value is changed without a reason (field-keyed messages: {field_id: [message]})."""
    _require(may_submit(acting_user, submission))
    current = _locked(submission)
    if current.status not in EDITABLE:
        raise ValidationError(_("Báo cáo đã gửi hoặc đã duyệt, không sửa được."), code="locked")
    fields = {field.pk: field for field in FormField.objects.filter(form_id=current.form_id)}
    existing = {value.field_id: value for value in SubmissionValue.objects.filter(submission=current)}
    prefilled = prefilled or {}
    reasons = reasons or {}
    errors: dict[str, list[str]] = {}
    for field_id, raw in values.items():
        field = fields.get(int(field_id))
        if field is None:
            raise ValidationError(_("Ô báo cáo không thuộc mẫu này."), code="unknown_field")
        value = _decimal(raw)
        row = existing.get(field.pk) or SubmissionValue(submission=current, field=field, created_by=acting_user)
        stored_prefill = row.prefilled_value
        if field.pk in prefilled or field_id in prefilled:
            row.prefilled_value = _decimal(prefilled.get(field.pk, prefilled.get(field_id)))
        reason = (reasons.get(field.pk) or reasons.get(field_id) or "").strip() or row.override_reason
        if row.prefilled_value is not None and value != row.prefilled_value and not reason:
            errors.setdefault(str(field.pk), []).append(
                _("Ô «%(label)s»: cần ghi lý do khi sửa giá trị điền sẵn.") % {"label": field.label})
            continue
        changed = row.pk is None or row.value != value or row.prefilled_value != stored_prefill or \
            row.override_reason != (reason if value != row.prefilled_value else "")
        row.value = value
        row.override_reason = reason if row.prefilled_value is not None and value != row.prefilled_value else ""
        if changed:
            if row.pk:
                row.version += 1
            row._history_user = acting_user  # type: ignore[attr-defined,union-attr]
            row.save()
    if errors:
        raise ValidationError(errors, code="override_reason")
    if narratives:
        for name in ("results_text", "difficulties_text", "proposals_text", "next_tasks_text",
                     "missing_children_note"):
            if name in narratives:
                setattr(current, name, narratives[name] or "")
        _save(current, acting_user)
    return _refresh(submission, current)


# -- the workflow ------------------------------------------------------------------------------------------------

@transaction.atomic
def do_submit(submission: Submission, *, acting_user: Any, missing_note: str = "") -> Submission:
    """Send the report to the level above. Refused with the list of problems when values break the form's
    rules, and with the list of children when some lower unit has no accepted report yet — unless a note says
    why (the missing units are then listed in missing_children_note)."""
    _require(may_submit(acting_user, submission))
    current = _locked(submission)
    if current.status not in EDITABLE:
        raise ValidationError(_("Báo cáo này đã được gửi."), code="not_editable")
    if current.period.is_closed:
        raise ValidationError(_("Kỳ báo cáo đã khóa."), code="period_closed")
    problems = validation.error_list(current)
    if problems:
        raise _refusal([_("Chưa gửi được: báo cáo còn lỗi."), *problems], "invalid")
    missing = missing_children(current)
    note = (missing_note or "").strip()
    if missing:
        names = ", ".join(str(unit) for unit in missing)
        if not note and not current.missing_children_note.strip():
            raise _refusal(
                [_("Còn đơn vị cấp dưới chưa có báo cáo được duyệt: %(units)s.") % {"units": names},
                 _("Chờ các báo cáo này được duyệt, hoặc ghi chú lý do để gửi khi còn thiếu.")],
                "children_missing")
        listing = _("Chưa có báo cáo được duyệt của: %(units)s.") % {"units": names}
        current.missing_children_note = "\n".join(part for part in (listing, note) if part) if note else (
            current.missing_children_note if listing in current.missing_children_note
            else f"{listing}\n{current.missing_children_note}")
    action = SubmissionAction.RESUBMIT if current.status == SubmissionStatus.RETURNED else SubmissionAction.SUBMIT
    current.status = SubmissionStatus.SUBMITTED
    current.submitted_at = timezone.now()
    current.submitted_by = acting_user
    _save(current, acting_user)
    _event(current, action, acting_user, note)
    return _refresh(submission, current)


@transaction.atomic
def do_return(submission: Submission, *, acting_user: Any, comment: str) -> Submission:
    """Send a submitted report back to its unit with what to correct."""
    _require(may_decide(acting_user, submission))
    current = _locked(submission)
    if current.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(_("Chỉ trả lại được báo cáo đã gửi."), code="not_submitted")
    if not (comment or "").strip():
        raise ValidationError(_("Cần ghi lý do trả lại."), code="comment_required")
    current.status = SubmissionStatus.RETURNED
    current.decided_at = timezone.now()
    current.decided_by = acting_user
    current.return_comment = comment.strip()
    _save(current, acting_user)
    _event(current, SubmissionAction.RETURN, acting_user, comment.strip())
    return _refresh(submission, current)


@transaction.atomic
def do_accept(submission: Submission, *, acting_user: Any, comment: str = "") -> Submission:
    """Accept a submitted report: it is locked, and its values are added to the roll-ups of its unit and every
    ancestor in this same transaction."""
    _require(may_decide(acting_user, submission))
    current = _locked(submission)
    if current.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(_("Chỉ duyệt được báo cáo đã gửi."), code="not_submitted")
    current.status = SubmissionStatus.ACCEPTED
    current.decided_at = timezone.now()
    current.decided_by = acting_user
    current.return_comment = ""
    _save(current, acting_user)
    rollups.add_submission(current)
    _event(current, SubmissionAction.ACCEPT, acting_user, (comment or "").strip())
    return _refresh(submission, current)


@transaction.atomic
def do_reopen(submission: Submission, *, acting_user: Any, reason: str) -> Submission:
    """Reopen an accepted report for correction (it goes back to its unit as returned, with the reason); its
    values leave the roll-ups until it is accepted again."""
    _require(may_decide(acting_user, submission))
    current = _locked(submission)
    if current.status != SubmissionStatus.ACCEPTED:
        raise ValidationError(_("Chỉ mở lại được báo cáo đã duyệt."), code="not_accepted")
    if not (reason or "").strip():
        raise ValidationError(_("Cần ghi lý do mở lại."), code="comment_required")
    rollups.subtract_submission(current)
    current.status = SubmissionStatus.RETURNED
    current.decided_at = timezone.now()
    current.decided_by = acting_user
    current.return_comment = reason.strip()
    _save(current, acting_user)
    _event(current, SubmissionAction.REOPEN, acting_user, reason.strip())
    return _refresh(submission, current)


# -- deadlines from the plans ----------------------------------------------------------------------------------

def _pick_deadline(dates: list[dt.date], period: ReportingPeriod) -> dt.date | None:
    """The first deadline on or after the middle of the period: a yearly report "trước 20/11 hằng năm" for
    2020 is due 20/11/2020, the monthly "trước ngày 25" for 11/2020 is due 25/11/2020."""
    middle = period.start + (period.end - period.start) / 2
    later = sorted(date for date in dates if date >= middle)
    return later[0] if later else None


@transaction.atomic
def do_fill_deadlines(period: ReportingPeriod, *, acting_user: Any, overwrite: bool = False) -> dict[int, dt.date]:
    """Fill the period's deadline per level from the reporting requirements of the programme's plans for its
    year (a requirement's reporter level and "trước ngày …"). The plan of the highest level wins; published
    plans before drafts. Existing deadlines are kept unless overwrite. Returns level → deadline set."""
    from tretho.programmes.choices import PlanStatus
    from tretho.programmes.models import Plan, ReportingRequirement

    _require(user_can(acting_user, CHANGE, period))
    plans = Plan.objects.filter(programme_id=period.programme_id).covering_year(period.end.year).exclude(
        status=PlanStatus.SUPERSEDED)
    requirements = (ReportingRequirement.objects.filter(plan__in=plans, reporter_level__isnull=False)
                    .select_related("plan__unit"))
    found: dict[int, dt.date] = {}
    ranked = sorted(requirements, key=lambda r: (r.plan.unit.level, r.plan.status != PlanStatus.ISSUED,
                                                 r.order, r.pk))
    for requirement in ranked:
        if requirement.reporter_level in found:
            continue
        dates = requirement.deadlines_in_year(period.end.year) + requirement.deadlines_in_year(period.end.year + 1)
        deadline = _pick_deadline(dates, period)
        if deadline is not None:
            found[requirement.reporter_level] = deadline
    changed: dict[int, dt.date] = {}
    for level, deadline in found.items():
        row = PeriodDeadline.objects.filter(period=period, level=level).first()
        if row is None:
            row = PeriodDeadline(period=period, level=level, deadline=deadline, created_by=acting_user)
        elif not overwrite or row.deadline == deadline:
            continue
        else:
            row.deadline = deadline
            row.version += 1
        row._history_user = acting_user  # type: ignore[attr-defined,union-attr]
        row.save()
        changed[level] = deadline
    return changed
