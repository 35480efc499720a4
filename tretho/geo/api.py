from tretho.core.api import ScopedModelViewSet, ScopedReadOnlyViewSet

from .filters import AdministrativeUnitAPIFilterSet
from .models import AdministrativeUnit, IndustrialZone, UnitSuccession
from .serializers import AdministrativeUnitSerializer, IndustrialZoneSerializer, UnitSuccessionSerializer


class AdministrativeUnitViewSet(ScopedReadOnlyViewSet):
    queryset = AdministrativeUnit.objects.select_related("parent")
    serializer_class = AdministrativeUnitSerializer
    # ?as_of=2025-06-30 (the 63 old provinces), ?q=dong nai, ?within=<id>, plus level, unit_type, code, parent.
    filterset_class = AdministrativeUnitAPIFilterSet
    ordering_fields = ["sort_key", "code"]

    def get_queryset(self):
        return super().get_queryset().select_related("parent")


class UnitSuccessionViewSet(ScopedReadOnlyViewSet):
    queryset = UnitSuccession.objects.all()
    serializer_class = UnitSuccessionSerializer
    filterset_fields = ["predecessor", "successor", "kind"]


class IndustrialZoneViewSet(ScopedModelViewSet):
    queryset = IndustrialZone.objects.select_related("unit")
    serializer_class = IndustrialZoneSerializer
    filterset_fields = ["kind", "unit"]


ROUTES = [
    ("units", AdministrativeUnitViewSet),
    ("unit-successions", UnitSuccessionViewSet),
    ("zones", IndustrialZoneViewSet),
]
