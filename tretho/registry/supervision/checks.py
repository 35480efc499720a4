"""Pre-computed criteria: what the visit form can already tell from the group's own records (latest enrolment
on or before the visit date, staff working that day, health checks, the group's premises facts). Each value is
shown on the form with how it was obtained and pre-selects pass / fail / not applicable; the team may change it.

The rules (DOMAIN.md, Thông tư 49/2021/TT-BGDĐT): groups of up to 7 children — a caregiver looks after at most 2
children of 3–12 months or 3 of 12–36 months, so children per caregiver is counted with an infant as 1,5 (2 × 1,5
= 3) against a limit of 3; larger groups — at most 12 (3–12 months), 20 (13–24), 25 (25–36) per group; at least
1,5 m² of care room per child."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from tretho.core.formats import format_date, format_number

from ..choices import CARING_ROLES, AutoCheck, CriterionKind, CriterionResult, Qualification, VisitOutcome
from ..selectors import trained_by

SMALL_GROUP_MAX = 7  # "nhóm trẻ có quy mô tối đa 07 trẻ em"
INFANT_WEIGHT = Decimal("1.5")  # 3 children of 13–36 months per caregiver, 2 of 3–12 months
HEALTH_CHECK_DAYS = 365


@dataclass
class GroupFacts:
    """What the records say about a group on the visit day."""

    group: Any
    day: dt.date
    enrolment: Any = None
    caregivers: int = 0
    qualified: int = 0
    last_health_check: Any = None
    notes: list[str] = field(default_factory=list)

    @property
    def children(self) -> int | None:
        return self.enrolment.total if self.enrolment is not None else None


@dataclass
class Precomputed:
    """A criterion's value from the records: the result it suggests ("" when the records cannot tell), the
    measured number for number criteria, and how it was obtained, in words."""

    result: str
    explanation: str
    value: Decimal | None = None


def group_facts(group: Any, day: dt.date) -> GroupFacts:
    """Three small queries: the latest enrolment up to day, staff at work that day, the latest health check."""
    enrolment = group.enrolments.filter(as_of__lte=day).order_by("-as_of", "-id").first()
    working = group.staff.filter(role__in=CARING_ROLES).filter(
        Q(start_date__isnull=True) | Q(start_date__lte=day)).filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
    # Trained: completed a training begun by that day (the trainings they took part in, not a typed flag).
    staff = list(working.annotate(trained=trained_by(day)).values_list("qualification", "trained"))
    health = group.health_checks.filter(date__lte=day).order_by("-date", "-id").first()
    return GroupFacts(group=group, day=day, enrolment=enrolment, caregivers=len(staff),
                      qualified=sum(1 for qualification, trained in staff
                                    if trained or qualification != Qualification.NONE),
                      last_health_check=health)


def _two(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _against_limit(criterion: Any, value: Decimal) -> str:
    if criterion.limit is None:
        return ""
    if criterion.kind == CriterionKind.NUMBER_MAX:
        return CriterionResult.PASS if value <= criterion.limit else CriterionResult.FAIL
    if criterion.kind == CriterionKind.NUMBER_MIN:
        return CriterionResult.PASS if value >= criterion.limit else CriterionResult.FAIL
    return ""


def _yes(flag: bool) -> str:
    return CriterionResult.PASS if flag else CriterionResult.FAIL


def precompute(criterion: Any, facts: GroupFacts) -> Precomputed | None:
    """The suggestion for one criterion, or None when the criterion is not computed from records."""
    check = criterion.auto_check
    group = facts.group
    if not check:
        return None
    if check == AutoCheck.LICENSED:
        licensed = group.is_licensed and (group.licence_date is None or group.licence_date <= facts.day)
        if licensed:
            text = _("Đã cấp phép: quyết định %(number)s") % {"number": group.licence_number or "—"}
            if group.licence_date:
                text += _(" ngày %(date)s") % {"date": format_date(group.licence_date)}
            return Precomputed(CriterionResult.PASS, text)
        return Precomputed(CriterionResult.FAIL, _("Hồ sơ nhóm ghi: chưa được cấp phép."))
    if check == AutoCheck.PLAY_AREA:
        return Precomputed(_yes(group.has_play_area), _("Hồ sơ nhóm ghi: có sân chơi.") if group.has_play_area
                           else _("Hồ sơ nhóm ghi: không có sân chơi."))
    if check == AutoCheck.FENCE_GATE:
        return Precomputed(_yes(group.has_fence_gate), _("Hồ sơ nhóm ghi: có tường rào, cổng.")
                           if group.has_fence_gate else _("Hồ sơ nhóm ghi: không có tường rào, cổng."))
    if check == AutoCheck.SEPARATE_KITCHEN:
        if not group.serves_meals:
            return Precomputed(CriterionResult.NOT_APPLICABLE, _("Nhóm không tổ chức ăn cho trẻ."))
        return Precomputed(_yes(group.has_separate_kitchen), _("Có tổ chức ăn; có bếp riêng.")
                           if group.has_separate_kitchen else _("Có tổ chức ăn nhưng không có bếp riêng."))
    if check == AutoCheck.STAFF_QUALIFIED:
        if not facts.caregivers:
            return Precomputed(CriterionResult.FAIL, _("Không có người chăm sóc trẻ đang làm việc trong hồ sơ."))
        return Precomputed(_yes(facts.qualified == facts.caregivers),
                           _("%(qualified)s/%(total)s người chăm sóc trẻ đã qua đào tạo, bồi dưỡng.") % {
                               "qualified": facts.qualified, "total": facts.caregivers})
    if check == AutoCheck.HEALTH_CHECK_RECENT:
        last = facts.last_health_check
        if last is None:
            return Precomputed(CriterionResult.FAIL, _("Chưa có lần khám sức khỏe nào trong hồ sơ."))
        recent = (facts.day - last.date).days <= HEALTH_CHECK_DAYS
        return Precomputed(_yes(recent), _("Lần khám gần nhất: %(date)s (%(count)s trẻ).") % {
            "date": format_date(last.date), "count": last.children_examined})
    return _precompute_number(criterion, facts)


def _precompute_number(criterion: Any, facts: GroupFacts) -> Precomputed | None:
    check = criterion.auto_check
    enrolment = facts.enrolment
    if enrolment is None:
        return Precomputed("", _("Chưa có số trẻ theo học đến ngày giám sát: nhập số liệu rồi đánh giá."))
    total = enrolment.total
    as_of = format_date(enrolment.as_of)
    if check == AutoCheck.CHILDREN_PER_CAREGIVER:
        if total > SMALL_GROUP_MAX:
            return Precomputed(CriterionResult.NOT_APPLICABLE, _(
                "Nhóm có %(total)s trẻ (ngày %(date)s), trên 7 trẻ: áp dụng số trẻ tối đa theo độ tuổi.") % {
                "total": total, "date": as_of})
        if not facts.caregivers:
            return Precomputed(CriterionResult.FAIL, _("Không có người chăm sóc trẻ đang làm việc trong hồ sơ."))
        weighted = (INFANT_WEIGHT * enrolment.children_3_12 + enrolment.children_13_24 + enrolment.children_25_36
                    + enrolment.children_over_36)
        value = _two(weighted / facts.caregivers)
        return Precomputed(_against_limit(criterion, value), _(
            "%(infants)s trẻ 3–12 tháng, %(older)s trẻ từ 13 tháng (ngày %(date)s), %(staff)s người chăm sóc: "
            "%(value)s trẻ trên một người.") % {
            "infants": enrolment.children_3_12, "older": total - enrolment.children_3_12, "date": as_of,
            "staff": facts.caregivers, "value": format_number(value, 2)}, value)
    bands = {AutoCheck.CHILDREN_3_12: "children_3_12", AutoCheck.CHILDREN_13_24: "children_13_24",
             AutoCheck.CHILDREN_25_36: "children_25_36"}
    if check in bands:
        if total <= SMALL_GROUP_MAX:
            return Precomputed(CriterionResult.NOT_APPLICABLE, _(
                "Nhóm có %(total)s trẻ (ngày %(date)s), không quá 7 trẻ: áp dụng số trẻ trên một người chăm sóc.")
                % {"total": total, "date": as_of})
        value = Decimal(getattr(enrolment, bands[check]))
        return Precomputed(_against_limit(criterion, value), _("%(count)s trẻ (số liệu ngày %(date)s).") % {
            "count": int(value), "date": as_of}, value)
    if check == AutoCheck.AREA_PER_CHILD:
        area = facts.group.care_room_area
        if area is None:
            return Precomputed("", _("Hồ sơ nhóm chưa có diện tích phòng nuôi dưỡng."))
        if not total:
            return Precomputed(CriterionResult.NOT_APPLICABLE, _("Nhóm chưa có trẻ (ngày %(date)s).") % {
                "date": as_of})
        value = _two(Decimal(area) / total)
        return Precomputed(_against_limit(criterion, value), _(
            "%(area)s m² cho %(total)s trẻ (ngày %(date)s): %(value)s m² một trẻ.") % {
            "area": format_number(area, 1), "total": total, "date": as_of, "value": format_number(value, 2)}, value)
    return None


def precompute_all(criteria: list[Any], group: Any, day: dt.date) -> dict[int, Precomputed]:
    """Suggestions for the criteria that have one, by criterion id."""
    facts = group_facts(group, day)
    found = {}
    for criterion in criteria:
        suggestion = precompute(criterion, facts)
        if suggestion is not None:
            found[criterion.pk] = suggestion
    return found


def derive_outcome(results: list[str]) -> str:
    """The overall result from the criteria: all met (or not applicable), none met, or partly."""
    judged = [r for r in results if r in (CriterionResult.PASS, CriterionResult.FAIL)]
    if not any(r == CriterionResult.FAIL for r in judged):
        return VisitOutcome.MEETS_ALL
    if not any(r == CriterionResult.PASS for r in judged):
        return VisitOutcome.DOES_NOT_MEET
    return VisitOutcome.MEETS_PARTLY
