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
