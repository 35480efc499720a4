from tretho.core.api import ScopedModelViewSet, ScopedReadOnlyViewSet

from .models import Breakdown, BreakdownOption, DataElement, Metric
from .serializers import BreakdownOptionSerializer, BreakdownSerializer, DataElementSerializer, MetricSerializer


class BreakdownViewSet(ScopedModelViewSet):
    queryset = Breakdown.objects.select_related("unit")
    serializer_class = BreakdownSerializer
    filterset_fields = ["code"]


class BreakdownOptionViewSet(ScopedModelViewSet):
    queryset = BreakdownOption.objects.select_related("breakdown")
    serializer_class = BreakdownOptionSerializer
    filterset_fields = ["breakdown", "code"]


class DataElementViewSet(ScopedModelViewSet):
    queryset = DataElement.objects.prefetch_related("breakdowns")
    serializer_class = DataElementSerializer
    filterset_fields = ["code", "value_type", "is_active"]


class MetricViewSet(ScopedReadOnlyViewSet):
    """Read only: metric rows follow the data elements and the registry of computed metrics."""

    queryset = Metric.objects.select_related("data_element")
    serializer_class = MetricSerializer
    filterset_fields = ["code", "kind", "is_active"]


ROUTES = [
    ("breakdowns", BreakdownViewSet),
    ("breakdown-options", BreakdownOptionViewSet),
    ("data-elements", DataElementViewSet),
    ("metrics", MetricViewSet),
]
