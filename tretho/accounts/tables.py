import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from tretho.core.tables import TrethoTable

from .models import RoleAssignment, SecurityEvent, User


class UserTable(TrethoTable):
    username = tables.Column(linkify=True, verbose_name=_("Tên đăng nhập"))

    class Meta(TrethoTable.Meta):
        model = User
        fields = ("username", "full_name", "email", "is_active", "last_login")


class RoleAssignmentTable(TrethoTable):
    id = tables.Column(linkify=True, verbose_name="#")
    unit = tables.Column(verbose_name=_("Đơn vị"), order_by=("unit__sort_key",))

    class Meta(TrethoTable.Meta):
        model = RoleAssignment
        fields = ("id", "user", "role", "unit", "agency")


class SecurityEventTable(TrethoTable):
    at = tables.DateTimeColumn(verbose_name=_("Thời điểm"), format="d/m/Y H:i:s")

    class Meta(TrethoTable.Meta):
        model = SecurityEvent
        fields = ("at", "kind", "username", "ip_address", "path")
