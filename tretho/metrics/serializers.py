from django.core.exceptions import ValidationError
from rest_framework import serializers

from tretho.core.api import TrethoSerializer

from .models import Breakdown, BreakdownOption, DataElement, Metric

_BOOKKEEPING = ["version", "created_at", "updated_at"]


class BreakdownSerializer(TrethoSerializer):
    class Meta:
        model = Breakdown
        fields = ["id", "code", "name", "description", "unit", *_BOOKKEEPING]


class BreakdownOptionSerializer(TrethoSerializer):
    class Meta:
        model = BreakdownOption
        fields = ["id", "breakdown", "code", "name", "order", *_BOOKKEEPING]


class DataElementSerializer(TrethoSerializer):
    class Meta:
        model = DataElement
        fields = ["id", "code", "name", "description", "value_type", "unit_of_measure", "breakdowns", "unit",
                  "is_active", *_BOOKKEEPING]

    def validate(self, attrs):
        attrs = super().validate(attrs)
        code = attrs.get("code")
        if code:
            probe = DataElement(pk=getattr(self.instance, "pk", None), code=code)
            try:
                probe.clean()
            except ValidationError as error:  # the model's rule, answered as a 400
                raise serializers.ValidationError(error.message_dict) from None
        return attrs


class MetricSerializer(TrethoSerializer):
    breakdowns = serializers.SerializerMethodField()

    class Meta:
        model = Metric
        fields = ["id", "code", "name", "kind", "data_element", "value_type", "unit_of_measure", "unit",
                  "is_active", "breakdowns", *_BOOKKEEPING]
        read_only_fields = fields

    def get_breakdowns(self, obj: Metric) -> list[str]:
        return list(obj.breakdown_codes())
