from rest_framework import serializers

from tretho.core.api import TrethoSerializer

from .models import AdministrativeUnit, IndustrialZone, UnitSuccession


class AdministrativeUnitSerializer(TrethoSerializer):
    parent_code = serializers.CharField(source="parent.code", read_only=True, default=None)

    class Meta:
        model = AdministrativeUnit
        fields = ["id", "code", "name", "short_name", "unit_type", "level", "parent", "parent_code", "full_name",
                  "valid_from", "valid_to", "latitude", "longitude"]
        read_only_fields = fields


class UnitSuccessionSerializer(TrethoSerializer):
    class Meta:
        model = UnitSuccession
        fields = ["id", "predecessor", "successor", "kind", "effective_date"]
        read_only_fields = fields


class IndustrialZoneSerializer(TrethoSerializer):
    class Meta:
        model = IndustrialZone
        fields = ["id", "name", "kind", "unit", "address", "latitude", "longitude", "version", "created_at",
                  "updated_at"]
