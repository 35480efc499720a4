import django_filters
from django.utils.translation import gettext_lazy as _

from tretho.core.filters import TrethoFilterSet, UnitSubtreeFilter
from tretho.core.text import fold
from tretho.geo.models import AdministrativeUnit

from .choices import RoleCode, SecurityEventKind
from .models import Role, RoleAssignment, SecurityEvent, User


class UserFilterSet(TrethoFilterSet):
    is_active = django_filters.BooleanFilter(label=_("Đang hoạt động"))

    class Meta:
        model = User
        fields = ["q", "is_active"]

    def search(self, queryset, name, value):
        # Users have no stored key: names are short lists, compared folded in the database-neutral way.
        wanted = fold(value)
        users = queryset.only("pk", "username", "full_name")
        ids = [u.pk for u in users if wanted in fold(f"{u.username} {u.full_name}")]
        return queryset.filter(pk__in=ids)


class RoleAssignmentFilterSet(TrethoFilterSet):
    q = None
    role = django_filters.ModelChoiceFilter(field_name="role", queryset=Role.objects.all(), label=_("Vai trò"))
    within = UnitSubtreeFilter(queryset=AdministrativeUnit.objects.filter(level__lte=2), label=_("Thuộc"))

    class Meta:
        model = RoleAssignment
        fields = ["role", "within"]


class SecurityEventFilterSet(TrethoFilterSet):
    q = None
    kind = django_filters.ChoiceFilter(choices=SecurityEventKind.choices, label=_("Loại"))
    username = django_filters.CharFilter(lookup_expr="icontains", label=_("Tên đăng nhập"))
    after = django_filters.DateFilter(field_name="at", lookup_expr="date__gte", label=_("Từ ngày"))
    before = django_filters.DateFilter(field_name="at", lookup_expr="date__lte", label=_("Đến ngày"))

    class Meta:
        model = SecurityEvent
        fields = ["kind", "username", "after", "before"]


__all__ = ["RoleCode", "UserFilterSet", "RoleAssignmentFilterSet", "SecurityEventFilterSet"]
