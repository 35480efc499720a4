"""API serializers of the registry's records (personal fields dropped for viewers by TrethoSerializer)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from tretho.core.api import CleanedSerializer

from .models import (
    ChildcareGroup,
    Enrolment,
    Enterprise,
    EnterpriseContribution,
    FacilitySupport,
    HealthCheck,
    ProgrammeSupport,
    Staff,
    SupportPayment,
)
from .selectors import with_training_facts, zones_near

_BOOKKEEPING = ["version", "created_at", "updated_at"]


class _NearZone(CleanedSerializer):
    """The nearest industrial zone: one of the provinces the user works in (selectors.zones_near)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        zone = self.fields.get("zone")
        if isinstance(zone, serializers.PrimaryKeyRelatedField):
            request = self.context.get("request")
            zone.queryset = zones_near(getattr(request, "user", None))


class ChildcareGroupSerializer(_NearZone):
    class Meta:
        model = ChildcareGroup
        fields = ["id", "name", "code", "kind", "unit", "zone", "address", "owner_name", "owner_phone", "latitude",
                  "longitude", "is_licensed", "licence_number", "licence_date", "licence_authority", "capacity",
                  "age_from_months", "age_to_months", "care_room_area", "has_play_area", "has_fence_gate",
                  "serves_meals", "has_separate_kitchen", "status", "opened_on", "status_since", "closed_on", "note",
                  *_BOOKKEEPING]


class ProgrammeSupportSerializer(CleanedSerializer):
    class Meta:
        model = ProgrammeSupport
        fields = ["id", "group", "kind", "plan", "year", "amount", "note", *_BOOKKEEPING]


class FacilitySupportSerializer(CleanedSerializer):
    class Meta:
        model = FacilitySupport
        fields = ["id", "group", "date", "items", "value", "source", "source_name", *_BOOKKEEPING]


class SupportPaymentSerializer(CleanedSerializer):
    class Meta:
        model = SupportPayment
        fields = ["id", "group", "kind", "paid_on", "months", "beneficiaries", "amount", "decision", *_BOOKKEEPING]


class EnrolmentSerializer(CleanedSerializer):
    total = serializers.IntegerField(read_only=True)
    under_36_months = serializers.IntegerField(read_only=True)

    class Meta:
        model = Enrolment
        fields = ["id", "group", "as_of", "children_3_12", "children_13_24", "children_25_36", "children_over_36",
                  "girls", "boys", "workers_children", "total", "under_36_months", *_BOOKKEEPING]


class HealthCheckSerializer(CleanedSerializer):
    class Meta:
        model = HealthCheck
        fields = ["id", "group", "date", "provider", "children_examined", "findings", *_BOOKKEEPING]


class StaffSerializer(CleanedSerializer):
    # Derived from the trainings the person completed (annotated by the API's queryset), never written.
    trained = serializers.SerializerMethodField(help_text=_("Đã hoàn thành ít nhất một lớp tập huấn."))
    last_trained_on = serializers.SerializerMethodField(help_text=_("Ngày của lớp tập huấn gần nhất đã hoàn thành."))

    class Meta:
        model = Staff
        fields = ["id", "group", "full_name", "birth_year", "phone", "role", "qualification", "start_date",
                  "end_date", "trained", "last_trained_on", *_BOOKKEEPING]

    def _facts(self, obj: Staff) -> Any:
        if not hasattr(obj, "last_trained_on"):  # a record just created or saved: read its facts once
            read = with_training_facts(Staff.objects.filter(pk=obj.pk)).first()
            obj.trained = getattr(read, "trained", False)  # type: ignore[attr-defined]
            obj.last_trained_on = getattr(read, "last_trained_on", None)  # type: ignore[attr-defined]
        return obj

    def get_trained(self, obj: Staff) -> bool:
        return bool(self._facts(obj).trained)

    def get_last_trained_on(self, obj: Staff) -> dt.date | None:
        return self._facts(obj).last_trained_on


class EnterpriseSerializer(_NearZone):
    class Meta:
        model = Enterprise
        fields = ["id", "name", "tax_code", "unit", "zone", "address", "employees", "female_employees",
                  "mothers_under_36m", "as_of", *_BOOKKEEPING]


class EnterpriseContributionSerializer(CleanedSerializer):
    class Meta:
        model = EnterpriseContribution
        fields = ["id", "enterprise", "date", "kind", "value", "description", "recipient_group", *_BOOKKEEPING]
