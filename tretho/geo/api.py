from tretho.core.api import ScopedModelViewSet, ScopedReadOnlyViewSet

from .models import AdministrativeUnit, IndustrialZone, UnitSuccession
from .serializers import AdministrativeUnitSerializer, IndustrialZoneSerializer, UnitSuccessionSerializer


class AdministrativeUnitViewSet(ScopedReadOnlyViewSet):
    queryset = AdministrativeUnit.objects.select_related("parent")
    serializer_class = AdministrativeUnitSerializer
    filterset_fields = ["level", "unit_type", "code", "parent"]
    ordering_fields = ["sort_key", "code"]


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
