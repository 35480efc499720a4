"""Users, roles and role assignments (user, role, unit[, agency]), and security events."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tretho.core.models import TrethoModel
from tretho.core.scoping import RestrictedQuerySet, Scope

from .choices import ROLE_ACTIONS, RoleCode, SecurityEventKind

ADMIN_ONLY = {action: {RoleCode.ADMIN} for action in ("view", "add", "change", "delete", "export")}


class ScopedUserManager(UserManager.from_queryset(RestrictedQuerySet)):  # type: ignore[misc]
    pass


class User(AbstractUser):
    """A person who signs in. What they see is decided by their role assignments, never by is_staff."""

    full_name = models.CharField(_("họ và tên"), max_length=200, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["password", "last_login"])
    objects = ScopedUserManager()

    # Administrators see the users assigned inside their subtree.
    scope_path_field = "role_assignments__unit__path"
    scope_through_many = True
    roles_allowed = ADMIN_ONLY
    personal_fields = ("full_name", "email", "phone")

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_absolute_url(self) -> str:
        return reverse("accounts:user_detail", args=[self.pk])

    def get_scope(self, action: str, model: type[models.Model] | None = None) -> Scope:
        """The choke point's question: below which unit paths may this user do action (on model)?"""
        if not self.is_active:
            return Scope()
        if self.is_superuser:
            return Scope(everything=True)
        cache: dict[tuple[str, Any], Scope] = self.__dict__.setdefault("_scope_cache", {})
        key = (action, model)
        if key not in cache:
            cache[key] = self._compute_scope(action, model)
        return cache[key]

    def _compute_scope(self, action: str, model: type[models.Model] | None) -> Scope:
        allowed_roles = getattr(model, "roles_allowed", {}).get(action) if model else None
        paths: list[str] = []
        for assignment in self.role_assignments.select_related("role", "unit"):
            role = assignment.role.code
            if action not in ROLE_ACTIONS.get(role, frozenset()):
                continue
            if allowed_roles is not None and role not in allowed_roles:
                continue
            paths.extend(assignment.unit_paths())
        return Scope(paths=tuple(sorted(set(paths))))

    @property
    def role_codes(self) -> set[str]:
        return {a.role.code for a in self.role_assignments.select_related("role")}

    def is_admin(self) -> bool:
        return self.is_superuser or RoleCode.ADMIN in self.role_codes

    def can_view_personal_data(self) -> bool:
        return self.is_superuser or bool(self.role_codes - {RoleCode.VIEWER})


class Role(models.Model):
    """One of the five roles of DESIGN.md; what each may do is in choices.ROLE_ACTIONS."""

    code = models.CharField(_("mã"), max_length=30, unique=True, choices=RoleCode.choices)
    description = models.TextField(_("mô tả"), blank=True)

    class Meta:
        verbose_name = _("vai trò")
        verbose_name_plural = _("vai trò")
        ordering = ["code"]

    def __str__(self) -> str:
        return str(self.get_code_display())


class RoleAssignment(TrethoModel):
    user = models.ForeignKey(
        User, verbose_name=_("người dùng"), on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.ForeignKey(Role, verbose_name=_("vai trò"), on_delete=models.PROTECT, related_name="assignments")
    unit = models.ForeignKey(
        "geo.AdministrativeUnit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="role_assignments"
    )
    agency = models.ForeignKey(
        "orgs.Agency", verbose_name=_("cơ quan"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="role_assignments",
    )

    scope_path_field = "unit__path"
    roles_allowed = ADMIN_ONLY

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "unit", "agency"], name="accounts_assignment_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.role} — {self.unit}"

    def get_absolute_url(self) -> str:
        return reverse("accounts:roleassignment_detail", args=[self.pk])

    def unit_paths(self) -> list[str]:
        """The unit's own subtree plus those of the units it succeeded (a new province reads its old districts)."""
        from tretho.geo.models import UnitSuccession

        paths = [self.unit.path]
        frontier = [self.unit.pk]
        seen = set(frontier)
        while frontier:
            links = UnitSuccession.objects.filter(successor_id__in=frontier).select_related("predecessor")
            frontier = []
            for link in links:
                if link.predecessor_id not in seen:
                    seen.add(link.predecessor_id)
                    frontier.append(link.predecessor_id)
                    paths.append(link.predecessor.path)
        return paths


class SecurityEvent(models.Model):
    """Logins, failures, lockouts, denied accesses, exports: what an investigation needs. No personal data."""

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("loại"), max_length=30, choices=SecurityEventKind.choices, db_index=True)
    user = models.ForeignKey(
        User, verbose_name=_("người dùng"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(_("tên đăng nhập"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    path = models.CharField(_("đường dẫn"), max_length=300, blank=True)
    detail = models.JSONField(_("chi tiết"), default=dict, blank=True)

    objects = RestrictedQuerySet.as_manager()

    # Administrators see the events of users inside their subtree; the rest (unknown names) only superusers.
    scope_path_field = "user__role_assignments__unit__path"
    scope_through_many = True
    roles_allowed = ADMIN_ONLY

    class Meta:
        verbose_name = _("sự kiện an ninh")
        verbose_name_plural = _("sự kiện an ninh")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_kind_display()} {self.username}"


