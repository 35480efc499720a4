import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from tretho.core.tables import TrethoTable, linked_column

from .models import AdministrativeUnit, IndustrialZone


class AdministrativeUnitTable(TrethoTable):
    name = linked_column(_("Tên"))
    parent = tables.Column(verbose_name=_("Trực thuộc"), order_by=("parent__sort_key",))
    valid_to = tables.DateColumn(verbose_name=_("Hiệu lực đến"))

    class Meta(TrethoTable.Meta):
        model = AdministrativeUnit
        fields = ("code", "name", "unit_type", "parent", "valid_from", "valid_to")


class IndustrialZoneTable(TrethoTable):
    name = linked_column(_("Tên"))
    unit = tables.Column(verbose_name=_("Địa bàn"), order_by=("unit__sort_key",))

    class Meta(TrethoTable.Meta):
        model = IndustrialZone
        fields = ("name", "kind", "unit", "address")
