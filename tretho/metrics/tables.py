import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from tretho.core.tables import TrethoTable, linked_column

from .models import Breakdown, BreakdownOption, DataElement, Metric


class BreakdownTable(TrethoTable):
    name = linked_column(_("Tên"))

    class Meta(TrethoTable.Meta):
        model = Breakdown
        fields = ("name", "code", "unit")


class BreakdownOptionTable(TrethoTable):
    name = linked_column(_("Tên"))

    class Meta(TrethoTable.Meta):
        model = BreakdownOption
        fields = ("name", "code", "breakdown", "order")

    def render_name(self, record: BreakdownOption) -> str:
        return str(record)


class DataElementTable(TrethoTable):
    name = linked_column(_("Tên"))

    class Meta(TrethoTable.Meta):
        model = DataElement
        fields = ("name", "code", "value_type", "unit_of_measure", "is_active")


class MetricTable(TrethoTable):
    name = linked_column(_("Tên"))
    code = tables.Column(verbose_name=_("Mã"))

    class Meta(TrethoTable.Meta):
        model = Metric
        fields = ("name", "code", "kind", "value_type", "unit_of_measure", "is_active")

    def render_name(self, record: Metric) -> str:
        return str(record)
