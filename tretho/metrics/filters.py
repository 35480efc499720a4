import django_filters
from django.utils.translation import gettext_lazy as _

from tretho.core.filters import TrethoFilterSet

from .choices import MetricKind, ValueType
from .models import Breakdown, BreakdownOption, DataElement, Metric


class BreakdownFilterSet(TrethoFilterSet):
    class Meta:
        model = Breakdown
        fields = ["q"]


class BreakdownOptionFilterSet(TrethoFilterSet):
    class Meta:
        model = BreakdownOption
        fields = ["q", "breakdown"]


class DataElementFilterSet(TrethoFilterSet):
    value_type = django_filters.ChoiceFilter(choices=ValueType.choices, label=_("Kiểu giá trị"))

    class Meta:
        model = DataElement
        fields = ["q", "value_type", "breakdowns", "is_active"]


class MetricFilterSet(TrethoFilterSet):
    kind = django_filters.ChoiceFilter(choices=MetricKind.choices, label=_("Loại"))

    class Meta:
        model = Metric
        fields = ["q", "kind", "is_active"]
