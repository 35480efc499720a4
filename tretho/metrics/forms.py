from __future__ import annotations

from typing import Any

from tretho.core.forms import TrethoModelForm

from .models import Breakdown, BreakdownOption, DataElement, Metric
from .sync import national_root


class ReferenceDataForm(TrethoModelForm):
    """National definitions by default: a new record's owner unit starts as the Việt Nam root."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "unit" in self.fields and not self.instance.pk and not self.initial.get("unit"):
            root = national_root()
            if root is not None:
                self.initial["unit"] = root.pk


class BreakdownForm(ReferenceDataForm):
    class Meta:
        model = Breakdown
        fields = ["code", "name", "description", "unit"]


class BreakdownOptionForm(TrethoModelForm):
    class Meta:
        model = BreakdownOption
        fields = ["breakdown", "code", "name", "order"]


class DataElementForm(ReferenceDataForm):
    class Meta:
        model = DataElement
        fields = ["code", "name", "description", "value_type", "unit_of_measure", "breakdowns", "unit", "is_active"]


class MetricForm(TrethoModelForm):
    """Metrics are kept in step with data elements and the registry, never typed in: no page uses this form."""

    class Meta:
        model = Metric
        fields = ["name"]
