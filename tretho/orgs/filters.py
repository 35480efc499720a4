import django_filters
from django.utils.translation import gettext_lazy as _

from tretho.core.filters import TrethoFilterSet, UnitSubtreeFilter
from tretho.geo.models import AdministrativeUnit

from .choices import AgencyKind, MemberRole
from .models import Agency, Membership, SteeringCommittee

_UNITS = AdministrativeUnit.objects.filter(level__lte=2)


class AgencyFilterSet(TrethoFilterSet):
    kind = django_filters.ChoiceFilter(choices=AgencyKind.choices, label=_("Loại"))
    within = UnitSubtreeFilter(queryset=_UNITS, label=_("Thuộc"))
    is_active = django_filters.ChoiceFilter(
        label=_("Tình trạng"),
        choices=[("true", _("Đang hoạt động")), ("false", _("Ngừng hoạt động"))],
        empty_label=_("Tất cả"),
        method="filter_active",
    )

    class Meta:
        model = Agency
        fields = ["q", "kind", "within", "is_active"]

    def filter_active(self, queryset, name, value):
        return queryset.filter(is_active=(value == "true"))


class SteeringCommitteeFilterSet(TrethoFilterSet):
    within = UnitSubtreeFilter(queryset=_UNITS, label=_("Thuộc"))

    class Meta:
        model = SteeringCommittee
        fields = ["q", "within"]


class MembershipFilterSet(TrethoFilterSet):
    q = None
    role = django_filters.ChoiceFilter(choices=MemberRole.choices, label=_("Vai trò"))

    class Meta:
        model = Membership
        fields = ["committee", "role", "agency"]
