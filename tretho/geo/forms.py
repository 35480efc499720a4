from tretho.core.forms import TrethoModelForm

from .models import AdministrativeUnit, IndustrialZone


class IndustrialZoneForm(TrethoModelForm):
    class Meta:
        model = IndustrialZone
        fields = ["name", "kind", "unit", "address", "latitude", "longitude"]


class AdministrativeUnitForm(TrethoModelForm):
    """Units are loaded from the official lists (`tretho load_units`), never typed in; the form exists for the
    registry's completeness and is not routed."""

    class Meta:
        model = AdministrativeUnit
        fields = ["name", "short_name"]
