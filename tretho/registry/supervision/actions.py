"""Writes with rules on supervision visits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tretho.core.integrity import claim_version
from tretho.core.scoping import ADD, CHANGE, user_can

from ..choices import FollowUpStatus
from ..models import ChecklistCriterion, SupervisionVisit, VisitResult


@transaction.atomic
def do_record_results(visit: SupervisionVisit,
                      entries: list[tuple[ChecklistCriterion, str, Decimal | None, str]], *,
                      acting_user: Any) -> list[VisitResult]:
    """One result per criterion of the visit's checklist version: new rows created, changed ones saved (their
    version bumped), rows of criteria no longer on the visit's version (its date moved to another version)
    deleted."""
    if not (user_can(acting_user, CHANGE, visit) or user_can(acting_user, ADD, visit)):
        raise PermissionDenied
    existing = {row.criterion_id: row for row in visit.results.all()}
    saved = []
    for criterion, result, value, note in entries:
        if criterion.template_id != visit.template_id:
            raise ValidationError(_("Tiêu chí %(code)s không thuộc bộ tiêu chí của lần giám sát.") % {
                "code": criterion.code})
        row = existing.pop(criterion.pk, None)
        if row is None:
            row = VisitResult.objects.create(visit=visit, criterion=criterion, result=result, measured_value=value,
                                             note=note or "", created_by=acting_user)
        elif (row.result, row.measured_value, row.note) != (result, value, note or ""):
            row.result, row.measured_value, row.note = result, value, note or ""
            row.version += 1
            row.save()
        saved.append(row)
    for row in existing.values():
        row.delete()
    return saved


@transaction.atomic
def do_close_follow_up(visit: SupervisionVisit, done_on: dt.date, *, version: int,
                       acting_user: Any) -> SupervisionVisit:
    """The recommendations of a visit are carried out: status "done" on done_on. Refused for a stale version."""
    if not user_can(acting_user, CHANGE, visit):
        raise PermissionDenied
    if done_on < visit.date:
        raise ValidationError(_("Ngày khắc phục xong không thể trước ngày giám sát (%(date)s).") % {
            "date": visit.date.strftime("%d/%m/%Y")})
    if not claim_version(SupervisionVisit, visit.pk, version):
        raise ValidationError(_("Lần giám sát này vừa được người khác sửa: hãy tải lại trang."), code="stale")
    visit.refresh_from_db()
    visit.follow_up_status = FollowUpStatus.DONE
    visit.follow_up_done_on = done_on
    visit.full_clean()
    visit.save()
    return visit
