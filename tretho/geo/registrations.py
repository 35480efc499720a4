from tretho.core.registry import register

from .filters import AdministrativeUnitFilterSet, IndustrialZoneFilterSet
from .forms import AdministrativeUnitForm, IndustrialZoneForm
from .models import AdministrativeUnit, IndustrialZone
from .serializers import AdministrativeUnitSerializer, IndustrialZoneSerializer
from .tables import AdministrativeUnitTable, IndustrialZoneTable
from .views import UnitDetailView, UnitListView

register(
    AdministrativeUnit,
    filterset=AdministrativeUnitFilterSet,
    table=AdministrativeUnitTable,
    form=AdministrativeUnitForm,
    serializer=AdministrativeUnitSerializer,
    # Loaded from the official lists, not typed in.
    without=("add", "edit", "delete", "deleted", "restore"),
    detail_fields=("code", "name", "unit_type", "level", "parent", "valid_from", "valid_to", "latitude", "longitude"),
    # The unit browser: as-of date, search at every level, counts, children, predecessors and successors.
    extra={"views": {"list": UnitListView, "detail": UnitDetailView}},
)
register(
    IndustrialZone,
    filterset=IndustrialZoneFilterSet,
    table=IndustrialZoneTable,
    form=IndustrialZoneForm,
    serializer=IndustrialZoneSerializer,
)
