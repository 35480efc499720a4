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
from ..models import ChecklistCriterion, ChecklistTemplate, SupervisionVisit, VisitResult


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


@transaction.atomic
def do_new_checklist_version(template: ChecklistTemplate, *, version_label: str, effective_from: dt.date,
                             acting_user: Any) -> ChecklistTemplate:
    """When the rules change: a copy of the template and its criteria as a new version in force from
    effective_from; the old version ends the day before. Visits keep the version they were recorded with, so
    none may already be recorded on it from that day on."""
    if not user_can(acting_user, CHANGE, template):
        raise PermissionDenied
    errors = {}
    if effective_from <= template.effective_from:
        errors["effective_from"] = _("Phiên bản mới phải áp dụng sau ngày %(date)s.") % {
            "date": template.effective_from.strftime("%d/%m/%Y")}
    elif ChecklistTemplate.objects.filter(code=template.code, effective_from__gte=effective_from).exists():
        errors["effective_from"] = _("Đã có phiên bản áp dụng từ ngày này trở về sau.")
    if ChecklistTemplate.objects.filter(code=template.code, version_label=version_label).exists():
        errors["version_label"] = _("Đã có phiên bản “%(label)s”.") % {"label": version_label}
    recorded = template.visits.filter(date__gte=effective_from).count()
    if recorded and "effective_from" not in errors:
        errors["effective_from"] = _("%(count)s lần giám sát từ ngày này đã ghi theo phiên bản hiện tại.") % {
            "count": recorded}
    if errors:
        raise ValidationError(errors)
    new = ChecklistTemplate.objects.create(
        code=template.code, name=template.name, version_label=version_label, legal_basis=template.legal_basis,
        effective_from=effective_from, effective_to=template.effective_to, unit=template.unit,
        created_by=acting_user)
    for criterion in template.criteria.order_by("order", "id"):
        ChecklistCriterion.objects.create(
            template=new, code=criterion.code, order=criterion.order, text=criterion.text,
            legal_basis=criterion.legal_basis, kind=criterion.kind, limit=criterion.limit,
            auto_check=criterion.auto_check, created_by=acting_user)
    template.effective_to = effective_from - dt.timedelta(days=1)
    template.version += 1
    template.save()
    return new
