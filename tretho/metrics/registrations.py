from django.utils.translation import gettext_lazy as _

from tretho.core.registry import register

from .filters import BreakdownFilterSet, BreakdownOptionFilterSet, DataElementFilterSet, MetricFilterSet
from .forms import BreakdownForm, BreakdownOptionForm, DataElementForm, MetricForm
from .models import Breakdown, BreakdownOption, DataElement, Metric
from .serializers import BreakdownOptionSerializer, BreakdownSerializer, DataElementSerializer, MetricSerializer
from .tables import BreakdownOptionTable, BreakdownTable, DataElementTable, MetricTable

register(Breakdown, filterset=BreakdownFilterSet, table=BreakdownTable, form=BreakdownForm,
         serializer=BreakdownSerializer, extra={"related": [("options", _("Các giá trị"))]})
register(BreakdownOption, filterset=BreakdownOptionFilterSet, table=BreakdownOptionTable, form=BreakdownOptionForm,
         serializer=BreakdownOptionSerializer)
register(DataElement, filterset=DataElementFilterSet, table=DataElementTable, form=DataElementForm,
         serializer=DataElementSerializer)
# Metric rows follow data elements and the code registry (metrics.sync): read-only pages.
register(Metric, filterset=MetricFilterSet, table=MetricTable, form=MetricForm, serializer=MetricSerializer,
         without=("add", "edit", "delete", "deleted", "restore"),
         detail_fields=("code", "name", "kind", "data_element", "value_type", "unit_of_measure", "is_active"),
         extra={"related": [("numerator_of", _("Là tử số của chỉ số")),
                            ("denominator_of", _("Là mẫu số của chỉ số"))]})
