"""The cascade of plans (DOMAIN.md, "the working cycle"): a lower unit's plan made from the plan above, the upper
plan's count targets distributed among lower plans, checks that the lower targets add up, and next year's plan
copied from this year's.

Writes are `do_<verb>` actions (keyword-only `acting_user`, one transaction, history kept by the models); reads
with logic (`lower_units`, `plan_tree`, `distribution_warnings`) sit beside them because they share the rules.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tretho.core.formats import format_number
from tretho.core.scoping import ADD, CHANGE, VIEW, scope_for, user_can
from tretho.geo.models import AdministrativeUnit

from .actions import copy_plan
from .choices import Direction, PlanStatus, UnitOfMeasure
from .models import Plan, PlanObjective, PlanRecipient, PlanTarget, PlanTask

PEOPLES_COMMITTEE = "peoples_committee"  # orgs.choices.AgencyKind.PEOPLES_COMMITTEE


# -- reading ------------------------------------------------------------------------------------------------------


def plan_date(plan: Plan, today: dt.date | None = None) -> dt.date:
    """The day whose hierarchy the plan lives in: its issue date, else today kept within the plan's span."""
    if plan.issued_on:
        return plan.issued_on
    today = today or timezone.localdate()
    return min(max(today, dt.date(plan.start_year, 1, 1)), dt.date(plan.end_year, 12, 31))


def lower_units(plan: Plan, user: Any, within: AdministrativeUnit | None = None) -> QuerySet[AdministrativeUnit]:
    """Units below the plan's unit, in force on the plan's date, where user may add a plan (optionally only those
    inside `within`, e.g. a target's area)."""
    top = within if within is not None and within.path.startswith(plan.unit.path) else plan.unit
    units = AdministrativeUnit.objects.in_force_on(plan_date(plan)).subtree_of(top, include_self=top != plan.unit)
    units = units.exclude(pk=plan.unit_id).filter(scope_for(user, ADD, Plan).as_q("path"))
    return units.order_by("level", "sort_key")


def is_share(target: PlanTarget) -> bool:
    """A share (80%) rather than a count (20 groups): lower plans must reach it, not split it."""
    unit = (target.unit_of_measure or "").strip()
    if unit:
        return unit == "%"
    indicator = target.indicator if target.indicator_id else None
    return indicator is not None and indicator.unit_of_measure == UnitOfMeasure.PERCENT


def lower_is_better(target: PlanTarget) -> bool:
    indicator = target.indicator if target.indicator_id else None
    return indicator is not None and indicator.direction == Direction.LOWER


def current_plans(queryset: QuerySet[Plan]) -> QuerySet[Plan]:
    """Plans still in force or being drafted (a superseded plan lives on in its amendment)."""
    return queryset.exclude(status=PlanStatus.SUPERSEDED)


@dataclass
class TreeNode:
    plan: Plan
    children: list[TreeNode] = field(default_factory=list)
    units_without_plan: list[AdministrativeUnit] = field(default_factory=list)


def plan_tree(plan: Plan, user: Any) -> TreeNode:
    """The plans implementing `plan` (and those implementing them …) that user may read, as a tree from the
    topmost plan above it that user may read; each node lists its unit's children that have no plan yet."""
    readable = Plan.objects.restrict(user, VIEW).select_related("unit", "agency", "committee")
    root = plan
    seen = {plan.pk}
    while True:
        upper = current_plans(readable.filter(implemented_by=root)).exclude(pk__in=seen).first()
        if upper is None:
            break
        seen.add(upper.pk)
        root = upper
    return _subtree(root, readable, {root.pk})


def _subtree(plan: Plan, readable: QuerySet[Plan], seen: set[int]) -> TreeNode:
    node = TreeNode(plan)
    lower = current_plans(readable.filter(implements=plan)).exclude(pk__in=seen).order_by("unit__level",
                                                                                           "unit__sort_key", "pk")
    for child in lower:
        seen.add(child.pk)
        node.children.append(_subtree(child, readable, seen))
    covered = {child.plan.unit_id for child in node.children}
    date = plan_date(plan)
    children = plan.unit.children.in_force_on(date).order_by("sort_key")  # type: ignore[attr-defined]
    node.units_without_plan = [unit for unit in children if unit.pk not in covered and not any(
        child.plan.unit.path.startswith(unit.path) for child in node.children)]
    return node


# -- creating the plan of a lower unit ---------------------------------------------------------------------------


def _require(user: Any, action: str, plan: Plan, message: str) -> None:
    if not user_can(user, action, plan):
        raise PermissionDenied(message)


def _may_add_in(user: Any, unit: AdministrativeUnit) -> bool:
    return scope_for(user, ADD, Plan).covers(unit.path)


def default_agency(unit: AdministrativeUnit, upper: Plan, user: Any) -> Any:
    """Who issues the lower plan, until the user says otherwise: the user's own agency in that unit, else the
    unit's People's Committee, else the unit's agency of the same kind as the upper plan's issuer."""
    from tretho.orgs.models import Agency

    agencies = Agency.objects.filter(unit=unit, is_active=True)
    assignments = getattr(user, "role_assignments", None)
    own = list(assignments.filter(unit=unit).exclude(agency=None).values_list("agency_id", flat=True)
               ) if assignments is not None else []
    return (agencies.filter(pk__in=own).order_by("pk").first()
            or agencies.filter(kind=PEOPLES_COMMITTEE).order_by("pk").first()
            or (agencies.filter(kind=upper.agency.kind).order_by("pk").first() if upper.agency_id else None))


def lower_summary(upper: Plan, unit: AdministrativeUnit) -> str:
    """The upper plan's summary with its place swapped for the lower unit's ("… tỉnh Đồng Nai năm 2017" →
    "… phường Long Bình năm 2017"); unchanged when the upper unit's name is not in it."""
    name = upper.unit.name
    lower_name = unit.name[:1].lower() + unit.name[1:]
    pattern = re.compile(re.escape(name), re.IGNORECASE)
    return pattern.sub(lambda _match: lower_name, upper.summary, count=1)


@transaction.atomic
def do_create_lower_plan(plan: Plan, unit: AdministrativeUnit, *, acting_user: Any) -> Plan:
    """A draft for `unit` (below the plan's unit) implementing `plan`: same programme, phase and span; the
    objectives; the targets that apply there (counts left to distribute, shares kept, each linked to its upper
    target); the tasks assigned to that unit or above it, and the tasks assigned to nobody. The "Thực hiện Kế
    hoạch số … của …" line comes from the link, so it reads right once the upper plan is numbered."""
    _require(acting_user, VIEW, plan, _("Bạn không có quyền xem kế hoạch này."))
    if plan.status == PlanStatus.SUPERSEDED:
        raise ValidationError(_("Kế hoạch này đã được thay thế bằng bản sửa đổi; hãy lập kế hoạch cấp dưới từ bản "
                                "đang có hiệu lực."), code="superseded")
    if unit.pk == plan.unit_id or not unit.path.startswith(plan.unit.path):
        raise ValidationError(_("%(unit)s không thuộc địa bàn của kế hoạch.") % {"unit": unit}, code="not_below")
    if not _may_add_in(acting_user, unit):
        raise PermissionDenied(_("Bạn không có quyền lập kế hoạch cho %(unit)s.") % {"unit": unit})
    date = plan_date(plan)
    if not unit.is_in_force_on(date):
        raise ValidationError(_("%(unit)s không còn hiệu lực vào ngày %(date)s.") % {
            "unit": unit, "date": f"{date:%d/%m/%Y}"}, code="not_in_force")
    existing = current_plans(Plan.objects.filter(unit=unit, implements=plan)).first()
    if existing is not None:
        raise ValidationError(_("%(unit)s đã có kế hoạch thực hiện kế hoạch này: %(plan)s.") % {
            "unit": unit, "plan": existing}, code="exists")

    agency = default_agency(unit, plan, acting_user)
    lower = Plan(
        programme_id=plan.programme_id, phase_id=plan.phase_id, unit=unit, agency=agency,
        start_year=plan.start_year, end_year=plan.end_year, type_code=plan.type_code, type_name=plan.type_name,
        summary=lower_summary(plan, unit), purpose=plan.purpose, target_groups=plan.target_groups,
        timeframe=plan.timeframe, budget_text=plan.budget_text, section_order=list(plan.section_order or []),
        section_headings=dict(plan.section_headings or {}), created_by=acting_user,
        preamble=(_("%(issuer)s xây dựng kế hoạch thực hiện với những nội dung như sau:") % {"issuer": agency.name}
                  if agency is not None else ""),
    )
    if agency is not None and agency.kind == PEOPLES_COMMITTEE:  # "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"
        lower.signer_body, lower.signer_title = "ỦY BAN NHÂN DÂN", "CHỦ TỊCH"
    lower._history_user = acting_user  # type: ignore[attr-defined]
    lower.save()
    lower.implements.add(plan)
    _copy_objectives(plan, lower, acting_user)
    _copy_targets(plan, lower, acting_user)
    _copy_tasks(plan, lower, acting_user)
    issuer = plan.issuer
    for text in ([str(issuer)] if issuer is not None else []) + [_("Lưu: VT")]:
        _save(PlanRecipient(plan=lower, text=text), acting_user)
    return lower


def _save(part: Any, user: Any) -> Any:
    part.created_by = user
    part._history_user = user
    part.save()
    return part


def _values(part: Any, *skip: str) -> dict[str, Any]:
    ignored = {"id", "plan", "created_at", "updated_at", "created_by", "version", *skip}
    return {f.attname: getattr(part, f.attname) for f in type(part)._meta.concrete_fields if f.name not in ignored}


def _copy_objectives(upper: Plan, lower: Plan, user: Any) -> None:
    for objective in PlanObjective.objects.filter(plan=upper).order_by("order", "pk"):
        _save(PlanObjective(plan=lower, **_values(objective)), user)


def _copy_targets(upper: Plan, lower: Plan, user: Any) -> None:
    """Each target of the upper plan that applies in the lower unit, linked to it by parent_target. A count for a
    wider area than the lower unit waits for distribution (no value); a share applies as it stands."""
    unit = lower.unit
    copies: dict[int, PlanTarget] = {}
    targets = PlanTarget.objects.filter(plan=upper).select_related("area", "indicator")
    # Wholes before their parts (explicitly: PostgreSQL sorts NULL last, SQLite first).
    for target in targets.order_by(F("part_of_id").asc(nulls_first=True), "order", "pk"):
        if target.part_of_id is not None and target.part_of_id not in copies:
            continue  # its whole did not apply here
        area = target.area if target.area_id else None
        if area is not None and not (area.path.startswith(unit.path) or unit.path.startswith(area.path)):
            continue  # another place's target
        inside = area is not None and area.path.startswith(unit.path)
        value = target.value if (inside or is_share(target)) else None
        copy = PlanTarget(plan=lower, **_values(target, "area", "part_of", "parent_target", "value"),
                          area=area if inside and area.pk != unit.pk else None, value=value,
                          part_of=copies.get(target.part_of_id) if target.part_of_id else None,
                          parent_target=target)
        copies[target.pk] = _save(copy, user)


def applies_to(task: PlanTask, unit: AdministrativeUnit) -> bool:
    """A task assigned to nobody applies everywhere; else to the units assigned and everything below them."""
    assigned = list(task.assigned_units.all())
    return not assigned or any(unit.path.startswith(other.path) for other in assigned)


def _copy_tasks(upper: Plan, lower: Plan, user: Any) -> None:
    """The tasks that apply in the lower unit, numbered as before (sub-tasks under their copied task). The upper
    level's agencies and budget stay with the upper plan; units assigned below the lower unit stay assigned."""
    unit = lower.unit
    tasks = list(PlanTask.objects.filter(plan=upper).prefetch_related("assigned_units").order_by("order", "pk"))
    by_pk = {task.pk: task for task in tasks}

    def depth(task: PlanTask) -> int:
        level, node = 0, task
        while node.parent_id in by_pk:
            level, node = level + 1, by_pk[node.parent_id]  # type: ignore[index]
        return level

    copies: dict[int, PlanTask] = {}
    for task in sorted(tasks, key=lambda t: (depth(t), t.order, t.pk)):
        if not applies_to(task, unit):
            continue
        copy = PlanTask(plan=lower, **_values(task, "parent", "lead_agency", "budget_amount", "budget_source"),
                        parent=copies.get(task.parent_id) if task.parent_id else None)
        copy.lead_text = ""
        _save(copy, user)
        copy.assigned_units.set([u for u in task.assigned_units.all()
                                 if u.path.startswith(unit.path) and u.pk != unit.pk])
        copies[task.pk] = copy


# -- distributing a target ---------------------------------------------------------------------------------------


@transaction.atomic
def distribute_target(target: PlanTarget, shares: dict[AdministrativeUnit, Decimal | int | None], *,
                      acting_user: Any) -> list[PlanTarget]:
    """Give each unit its share of an upper target: the lower plan of that unit (made from the upper plan if it
    has none yet) gets a target linked by parent_target, created or updated. All or nothing. A unit given None
    is left as it is. Does not refuse shares that do not add up: `distribution_warnings` says so."""
    plan = target.plan
    _require(acting_user, VIEW, plan, _("Bạn không có quyền xem kế hoạch này."))
    problems: list[str] = []
    results: list[PlanTarget] = []
    for unit, value in shares.items():
        if value is None:
            continue
        if Decimal(str(value)) < 0:
            problems.append(_("%(unit)s: chỉ tiêu không được âm.") % {"unit": unit})
            continue
        if unit.pk == plan.unit_id or not unit.path.startswith(plan.unit.path):
            problems.append(_("%(unit)s không thuộc địa bàn của kế hoạch.") % {"unit": unit})
            continue
        lower = current_plans(Plan.objects.filter(unit=unit, implements=plan)).order_by("-pk").first()
        if lower is None:
            try:
                lower = do_create_lower_plan(plan, unit, acting_user=acting_user)
            except (ValidationError, PermissionDenied) as error:
                problems.extend(getattr(error, "messages", [str(error)]))
                continue
        if not user_can(acting_user, CHANGE, lower):
            problems.append(_("Bạn không có quyền sửa kế hoạch của %(unit)s.") % {"unit": unit})
            continue
        if lower.is_locked:
            problems.append(f"{unit}: {lower.locked_reason}")
            continue
        results.append(_set_share(target, lower, Decimal(str(value)), acting_user))
    if problems:
        raise ValidationError(problems, code="distribution")
    return results


def _set_share(target: PlanTarget, lower: Plan, value: Decimal, user: Any) -> PlanTarget:
    child = PlanTarget.objects.filter(plan=lower, parent_target=target).order_by("pk").first()
    if child is None:
        child = PlanTarget(plan=lower, **_values(target, "area", "part_of", "parent_target", "value", "order"),
                           parent_target=target)
        if target.part_of_id:  # a part goes under the lower plan's copy of its whole, when there is one
            child.part_of = PlanTarget.objects.filter(plan=lower, parent_target_id=target.part_of_id).first()
    elif child.value == value:
        return child
    else:
        child.version += 1
    child.value = value
    return _save(child, user)


# -- warnings ----------------------------------------------------------------------------------------------------


def _number(value: Decimal | None, target: PlanTarget) -> str:
    if value is None:
        return "—"
    value = Decimal(str(value))
    decimals = max(0, -value.normalize().as_tuple().exponent)  # type: ignore[operator]
    text = format_number(value, decimals)
    unit = (target.unit_of_measure or "").strip()
    return f"{text}%" if unit == "%" else " ".join(part for part in (text, unit) if part)


def _subject(target: PlanTarget) -> str:
    text = target.text or (target.indicator.name if target.indicator_id else "")  # type: ignore[union-attr]
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79].rstrip() + "…"


def distribution_warnings(plan: Plan) -> list[str]:
    """Vietnamese warnings: count targets whose lower targets do not add up to them, lower targets not given a
    value yet, and share targets set below the upper plan's (in this plan and in the plans implementing it)."""
    warnings: list[str] = []
    targets = PlanTarget.objects.filter(plan=plan).select_related("indicator", "parent_target__indicator",
                                                                   "parent_target__plan__unit")
    lower = PlanTarget.objects.filter(parent_target__plan=plan, plan__in=current_plans(Plan.objects.all()))
    children_of: dict[int, list[PlanTarget]] = {}
    for child in lower.select_related("plan__unit", "indicator").order_by("plan__unit__sort_key", "pk"):
        children_of.setdefault(child.parent_target_id, []).append(child)  # type: ignore[arg-type]
    for target in targets.order_by("order", "pk"):
        children = children_of.get(target.pk, [])
        if target.value is not None and children:
            warnings.extend(_upper_warnings(target, children))
        upper = target.parent_target
        if upper is not None and _below(target, upper):
            warnings.append(_("Chỉ tiêu “%(subject)s”: %(value)s thấp hơn mức %(upper)s của kế hoạch cấp trên "
                              "(%(unit)s).") % {"subject": _subject(target), "value": _number(target.value, target),
                                               "upper": _number(upper.value, upper), "unit": upper.plan.unit})
    return warnings


def _below(lower: PlanTarget, upper: PlanTarget) -> bool:
    if not is_share(upper) or lower.value is None or upper.value is None:
        return False
    return lower.value > upper.value if lower_is_better(upper) else lower.value < upper.value


def _upper_warnings(target: PlanTarget, children: list[PlanTarget]) -> list[str]:
    subject = _subject(target)
    missing = [str(child.plan.unit) for child in children if child.value is None]
    warnings = []
    if missing:
        warnings.append(_("Chỉ tiêu “%(subject)s”: chưa phân bổ cho %(units)s.") % {
            "subject": subject, "units": ", ".join(missing)})
    if is_share(target):
        for child in children:
            if _below(child, target):
                warnings.append(_("Chỉ tiêu “%(subject)s”: %(unit)s đặt %(value)s, thấp hơn mức %(upper)s của kế "
                                  "hoạch này.") % {"subject": subject, "unit": child.plan.unit,
                                                  "value": _number(child.value, child),
                                                  "upper": _number(target.value, target)})
        return warnings
    total = sum((Decimal(str(child.value)) for child in children if child.value is not None), Decimal(0))
    if total != target.value:
        text = (_("Chỉ tiêu “%(subject)s”: các kế hoạch cấp dưới cộng lại %(total)s, ít hơn %(value)s của kế "
                  "hoạch này (còn thiếu %(gap)s).") if total < target.value else
                _("Chỉ tiêu “%(subject)s”: các kế hoạch cấp dưới cộng lại %(total)s, nhiều hơn %(value)s của kế "
                  "hoạch này (thừa %(gap)s)."))
        warnings.append(text % {"subject": subject, "total": _number(total, target),
                                "value": _number(target.value, target),
                                "gap": _number(abs(target.value - total), target)})
    return warnings


def distribution_rows(target: PlanTarget, user: Any) -> list[dict[str, Any]]:
    """The distribution page's rows: each lower plan's unit with its share (readable plans only), then the
    units user may still give a share (a lower plan is made for them on saving)."""
    plan = target.plan
    readable = current_plans(Plan.objects.restrict(user, VIEW).filter(implements=plan)).select_related("unit")
    children = {child.plan_id: child for child in PlanTarget.objects.filter(parent_target=target)}
    rows = []
    for lower in readable.order_by("unit__level", "unit__sort_key"):
        child = children.get(lower.pk)
        value = child.value if child is not None else None
        if value is not None:  # 12.00 → 12
            value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
        rows.append({"unit": lower.unit, "plan": lower, "target": child, "value": value,
                     "editable": lower.is_draft and user_can(user, CHANGE, lower)})
    return rows


# -- next year's plan --------------------------------------------------------------------------------------------


def _next_year(value: dt.date | None, years: int) -> dt.date | None:
    if value is None:
        return None
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # 29 February
        return value.replace(year=value.year + years, day=28)


def _shift_years(text: str, start: int, end: int, years: int) -> str:
    """"… năm 2017" → "… năm 2018"; a span "2019-2025" moves as a whole."""
    span = re.compile(rf"\b{start}(\s*[-–]\s*){end}\b")
    if start != end and span.search(text):
        return span.sub(lambda match: f"{start + years}{match.group(1)}{end + years}", text)
    return re.sub(rf"\b{start}\b", str(start + years), text) if start == end else text


@transaction.atomic
def do_copy_as_next_year(plan: Plan, *, acting_user: Any) -> Plan:
    """A draft for the same unit covering the next span (a one-year plan: the next year): every part copied,
    years and dates moved on, links to upper plans kept only where the upper plan covers the new span."""
    _require(acting_user, VIEW, plan, _("Bạn không có quyền xem kế hoạch này."))
    _require(acting_user, ADD, plan, _("Bạn không có quyền lập kế hoạch cho địa bàn này."))
    years = plan.end_year - plan.start_year + 1
    start, end = plan.start_year + years, plan.end_year + years
    Plan._meta.get_field("end_year").run_validators(end)  # the next span stays within the years a plan may cover
    copy = copy_plan(plan, acting_user=acting_user, number="", issued_on=None, start_year=start, end_year=end,
                     summary=_shift_years(plan.summary, plan.start_year, plan.end_year, years),
                     timeframe=_shift_years(plan.timeframe, plan.start_year, plan.end_year, years))
    copy.implements.set(plan.implements.filter(start_year__lte=start, end_year__gte=start))
    still_upper = set(copy.implements.values_list("pk", flat=True))
    for target in PlanTarget.objects.filter(plan=copy).select_related("parent_target"):
        target.year = target.year + years if target.year else None
        target.deadline = _next_year(target.deadline, years)
        if target.parent_target_id and target.parent_target.plan_id not in still_upper:  # type: ignore[union-attr]
            target.parent_target = None
        target.save(update_fields=["year", "deadline", "parent_target", "updated_at"])
    for task in PlanTask.objects.filter(plan=copy):
        task.start, task.deadline = _next_year(task.start, years), _next_year(task.deadline, years)
        task.save(update_fields=["start", "deadline", "updated_at"])
    for objective in PlanObjective.objects.filter(plan=copy, milestone_year__lt=start):
        objective.milestone_year = objective.milestone_year + years  # type: ignore[operator]
        objective.save(update_fields=["milestone_year", "updated_at"])
    for requirement in copy.reporting_requirements.exclude(deadline_date=None):
        requirement.deadline_date = _next_year(requirement.deadline_date, years)
        requirement.save(update_fields=["deadline_date", "updated_at"])
    return copy


__all__ = [
    "TreeNode", "applies_to", "default_agency", "distribute_target", "distribution_rows", "distribution_warnings",
    "do_copy_as_next_year", "do_create_lower_plan", "is_share", "lower_units", "plan_date", "plan_tree",
]
