from typing import Any

import django_filters
from django.utils.translation import gettext_lazy as _

from tretho.core.filters import TrethoFilterSet, UnitSubtreeFilter

from .choices import UnitLevel, UnitType, ZoneKind
from .models import AdministrativeUnit, IndustrialZone


class AdministrativeUnitFilterSet(TrethoFilterSet):
    level = django_filters.ChoiceFilter(choices=UnitLevel.choices, label=_("Cấp"))
    unit_type = django_filters.ChoiceFilter(choices=UnitType.choices, label=_("Loại"))
    within = UnitSubtreeFilter(
        queryset=AdministrativeUnit.objects.filter(level__lte=UnitLevel.DISTRICT), path_field="path",
        label=_("Thuộc"),
    )

    class Meta:
        model = AdministrativeUnit
        fields = ["q", "level", "unit_type", "within"]


class IndustrialZoneFilterSet(TrethoFilterSet):
    kind = django_filters.ChoiceFilter(choices=ZoneKind.choices, label=_("Loại"))
    within = UnitSubtreeFilter(
        queryset=AdministrativeUnit.objects.filter(level__lte=UnitLevel.DISTRICT), label=_("Thuộc"),
    )

    class Meta:
        model = IndustrialZone
        fields = ["q", "kind", "within"]


class AdministrativeUnitAPIFilterSet(django_filters.FilterSet):
    """API filters: the hierarchy in force on a date, accent-free search, a subtree."""

    as_of = django_filters.DateFilter(method="filter_as_of", label=_("Có hiệu lực vào ngày"))
    q = django_filters.CharFilter(method="filter_q", label=_("Tìm kiếm"))
    within = django_filters.NumberFilter(method="filter_within", label=_("Thuộc đơn vị (mã số nội bộ)"))

    class Meta:
        model = AdministrativeUnit
        fields = ["level", "unit_type", "code", "parent", "as_of", "q", "within"]

    def filter_as_of(self, queryset: Any, name: str, value: Any) -> Any:
        return queryset.in_force_on(value)

    def filter_q(self, queryset: Any, name: str, value: str) -> Any:
        return queryset.ranked_search(value)

    def filter_within(self, queryset: Any, name: str, value: Any) -> Any:
        # The rows stay those of the restricted queryset: a unit outside the scope only narrows them.
        path = AdministrativeUnit.objects.filter(pk=value).values_list("path", flat=True).first()
        return queryset.filter(path__startswith=path) if path else queryset.none()
