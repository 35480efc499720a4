from django.db import models
from django.utils.translation import gettext_lazy as _

from tretho.core.scoping import ADD, CHANGE, DELETE, EXPORT, VIEW


class RoleCode(models.TextChoices):
    ADMIN = "admin", _("Quản trị")
    PROGRAMME_MANAGER = "programme_manager", _("Quản lý đề án")
    OFFICER = "officer", _("Cán bộ")
    APPROVER = "approver", _("Người duyệt")
    VIEWER = "viewer", _("Người xem")


# What each role may do inside its units' subtrees (DESIGN.md "Security model").
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    RoleCode.ADMIN: frozenset({VIEW, ADD, CHANGE, DELETE, EXPORT}),
    RoleCode.PROGRAMME_MANAGER: frozenset({VIEW, ADD, CHANGE, DELETE, EXPORT}),
    RoleCode.OFFICER: frozenset({VIEW, ADD, CHANGE, EXPORT}),
    RoleCode.APPROVER: frozenset({VIEW, EXPORT}),
    RoleCode.VIEWER: frozenset({VIEW}),
}


class SecurityEventKind(models.TextChoices):
    LOGIN = "login", _("Đăng nhập")
    LOGOUT = "logout", _("Đăng xuất")
    LOGIN_FAILED = "login_failed", _("Đăng nhập thất bại")
    LOCKED_OUT = "locked_out", _("Bị khóa tạm thời")
    ACCESS_DENIED = "access_denied", _("Truy cập bị từ chối")
    PASSWORD_CHANGED = "password_changed", _("Đổi mật khẩu")
    PASSWORD_RESET_REQUESTED = "password_reset_requested", _("Yêu cầu đặt lại mật khẩu")
    EXPORT = "export", _("Xuất dữ liệu")
