"""Write the demo records of `data` into the database, idempotently.

Every record is looked up by its natural key (agency: unit + name; committee: unit + name; member: committee +
name; zone: unit + name; user: username; assignment: user + role + unit + agency). A record that exists with the
same values is not saved again, so a second run writes nothing and adds no history rows. A record someone
edited is put back to the demo values (one history row, as for any edit). Nothing is deleted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from tretho.accounts.demo_logins import DEMO_PASSWORD
from tretho.accounts.models import Role, RoleAssignment, User
from tretho.activities.demo import load_activities_demo
from tretho.activities.demo import unit_refs as activity_unit_refs
from tretho.geo.models import AdministrativeUnit, IndustrialZone
from tretho.orgs.models import Agency, Membership, SteeringCommittee
from tretho.registry.demo import load_registry_demo, load_registry_visits
from tretho.reporting.demo import load_reporting_demo

from . import data
from .data import UnitRef
from .plans import load_reference_plans

CHANGE_REASON = "tretho demo"


class DemoDataError(Exception):
    """The demo cannot be loaded (units missing); the message says what to do, in Vietnamese."""


@dataclass
class LoadReport:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)

    def record(self, model: type[models.Model], created: bool, changed: bool) -> None:
        label = str(model._meta.verbose_name_plural)
        bucket = self.created if created else self.updated if changed else self.unchanged
        bucket[label] += 1

    @property
    def wrote_anything(self) -> bool:
        return bool(self.created or self.updated)


def ensure(
    model: type[models.Model],
    lookup: dict[str, Any],
    values: dict[str, Any],
    report: LoadReport,
    prepare_new: Callable[[Any], None] | None = None,
):
    """get_or_create by natural key, then save only the fields whose value differs (no empty history rows)."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        if prepare_new is not None:
            prepare_new(obj)
        obj._change_reason = CHANGE_REASON  # type: ignore[attr-defined]
        obj.save()
        report.record(model, created=True, changed=True)
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj._change_reason = CHANGE_REASON  # type: ignore[attr-defined]
        obj.save(update_fields=[*changed, "updated_at"] if hasattr(obj, "updated_at") else changed)
    report.record(model, created=False, changed=bool(changed))
    return obj


class UnitResolver:
    """Finds units by code + level + the date they were in force, and says clearly which one is missing."""

    def __init__(self) -> None:
        self._cache: dict[UnitRef, AdministrativeUnit] = {}

    def __call__(self, ref: UnitRef) -> AdministrativeUnit:
        if ref not in self._cache:
            try:
                self._cache[ref] = AdministrativeUnit.objects.in_force_on(ref.on).get(code=ref.code, level=ref.level)
            except AdministrativeUnit.DoesNotExist:
                raise DemoDataError(
                    _("Không tìm thấy đơn vị hành chính %(unit)s. Hãy chạy lại `tretho load_units`.") % {"unit": ref}
                ) from None
            except AdministrativeUnit.MultipleObjectsReturned:
                raise DemoDataError(
                    _("Có nhiều đơn vị hành chính %(unit)s cùng hiệu lực. Dữ liệu đơn vị hành chính bị trùng.")
                    % {"unit": ref}
                ) from None
        return self._cache[ref]


def check_units_loaded() -> None:
    if not AdministrativeUnit.objects.exists():
        raise DemoDataError(
            _(
                "Chưa có đơn vị hành chính nào trong cơ sở dữ liệu. "
                "Hãy chạy `tretho load_units` trước, rồi chạy lại `tretho demo`."
            )
        )


def load_demo(*, reset_passwords: bool = False) -> LoadReport:
    """Create or refresh every demo record. All or nothing."""
    check_units_loaded()
    unit = UnitResolver()
    for ref in [*data.all_unit_refs(), *activity_unit_refs()]:  # fail before writing anything
        unit(ref)
    report = LoadReport()
    with transaction.atomic():
        agencies = _load_agencies(unit, report)
        _load_committees(unit, agencies, report)
        _load_zones(unit, report)
        _load_users(unit, agencies, report, reset_passwords=reset_passwords)
        plans = load_reference_plans(unit, agencies, report)
        # Childcare groups of the Đồng Nai plan: after zones, agencies and plans.
        load_registry_demo(report, visits=False)
        # Activities carrying out the plans' tasks, with the trainings of the groups' staff: before the visits, whose
        # checks read who was trained, and the reports, whose past values take the computed "staff trained".
        load_activities_demo(unit, agencies, plans, report)
        load_registry_visits(report)
        load_reporting_demo(unit, report)
    return report


def _load_agencies(unit: UnitResolver, report: LoadReport) -> dict[str, Agency]:
    agencies: dict[str, Agency] = {}
    for spec in data.AGENCIES:  # parents come first in the list
        values = {"kind": spec.kind, "short_name": spec.short_name,
                  "parent": agencies[spec.parent] if spec.parent else None}
        agencies[spec.key] = ensure(Agency, {"unit": unit(spec.unit), "name": spec.name}, values, report)
    return agencies


def _load_committees(unit: UnitResolver, agencies: dict[str, Agency], report: LoadReport) -> None:
    for spec in data.COMMITTEES:
        values = {
            "standing_agency": agencies[spec.standing_agency],
            "working_group": spec.working_group,
            "established_by": spec.established_by,
            "established_on": spec.established_on,
        }
        committee = ensure(SteeringCommittee, {"unit": unit(spec.unit), "name": spec.name}, values, report)
        for member in spec.members:
            ensure(
                Membership,
                {"committee": committee, "person_name": member.person_name},
                {"position": member.position, "agency": agencies[member.agency], "role": member.role},
                report,
            )


def _load_zones(unit: UnitResolver, report: LoadReport) -> None:
    for spec in data.ZONES:
        ensure(IndustrialZone, {"unit": unit(spec.unit), "name": spec.name},
               {"kind": spec.kind, "address": spec.address}, report)


def _load_users(unit: UnitResolver, agencies: dict[str, Agency], report: LoadReport, *, reset_passwords: bool):
    # Seeded by accounts' migration 0003; get_or_create as well, so the demo also loads after a `flush`.
    roles = {code: Role.objects.get_or_create(code=code)[0] for code in {a.role for u in data.USERS
                                                                       for a in u.assignments}}
    for spec in data.USERS:
        user = ensure(
            User,
            {"username": spec.username},
            {"full_name": spec.full_name, "email": spec.email, "is_active": True},
            report,
            prepare_new=lambda new_user: new_user.set_password(DEMO_PASSWORD),
        )
        # Set on creation only: hashing is slow and a changed password is the user's business, unless asked.
        if reset_passwords and not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user._change_reason = CHANGE_REASON  # type: ignore[attr-defined]
            user.save(update_fields=["password"])
        for assignment in spec.assignments:
            ensure(
                RoleAssignment,
                {
                    "user": user,
                    "role": roles[assignment.role],
                    "unit": unit(assignment.unit),
                    "agency": agencies[assignment.agency] if assignment.agency else None,
                },
                {},
                report,
            )


def demo_login_rows() -> list[dict[str, str]]:
    """The demo accounts with their roles and units, for `tretho demo --list-logins`."""
    rows = []
    users = User.objects.filter(username__startswith="demo.").order_by("username")
    for user in users.prefetch_related("role_assignments__role", "role_assignments__unit"):
        for assignment in user.role_assignments.all():
            rows.append({
                "username": user.username,
                "role": str(assignment.role),
                "unit": unit_label(assignment.unit),
                "password": DEMO_PASSWORD,
            })
    return rows


def unit_label(unit: AdministrativeUnit) -> str:
    """Full name plus validity: old and new units often share a name ("Tỉnh Đồng Nai" before and after 2025)."""
    name = unit.full_name or unit.name
    if unit.valid_to is not None:
        return _("%(name)s (đến %(date)s)") % {"name": name, "date": unit.valid_to.strftime("%d/%m/%Y")}
    if unit.valid_from is not None:
        return _("%(name)s (từ %(date)s)") % {"name": name, "date": unit.valid_from.strftime("%d/%m/%Y")}
    return name
