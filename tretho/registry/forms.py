"""Forms of the registry's records. The owner field (the commune of a group or an enterprise, the group of its
records) lists only what the user may write into; choices of other scoped models only what they may see."""

from __future__ import annotations

from typing import Any

from django import forms

from tretho.core.forms import TrethoModelForm
from tretho.geo.choices import UnitLevel

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
from .selectors import zones_near


class _CommuneOwnedForm(TrethoModelForm):
    """Groups and enterprises belong to a commune (xã, phường, đặc khu), not to a district or a province; their
    nearest industrial zone is one of the provinces the user works in."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit = self.fields.get("unit")
        if isinstance(unit, forms.ModelChoiceField) and unit.queryset is not None:
            unit.queryset = unit.queryset.filter(level=UnitLevel.COMMUNE)
        zone = self.fields.get("zone")
        if isinstance(zone, forms.ModelChoiceField):
            zone.queryset = zones_near(self.user)


class ChildcareGroupForm(_CommuneOwnedForm):
    class Meta:
        model = ChildcareGroup
        fields = ["name", "code", "kind", "unit", "zone", "address", "owner_name", "owner_phone", "latitude",
                  "longitude", "is_licensed", "licence_number", "licence_date", "licence_authority", "capacity",
                  "age_from_months", "age_to_months", "care_room_area", "has_play_area", "has_fence_gate",
                  "serves_meals", "has_separate_kitchen", "status", "opened_on", "status_since", "closed_on", "note"]


class ProgrammeSupportForm(TrethoModelForm):
    class Meta:
        model = ProgrammeSupport
        fields = ["group", "kind", "plan", "year", "amount", "note"]


class FacilitySupportForm(TrethoModelForm):
    class Meta:
        model = FacilitySupport
        fields = ["group", "date", "items", "value", "source", "source_name"]


class SupportPaymentForm(TrethoModelForm):
    class Meta:
        model = SupportPayment
        fields = ["group", "kind", "paid_on", "months", "beneficiaries", "amount", "decision"]


class EnrolmentForm(TrethoModelForm):
    class Meta:
        model = Enrolment
        fields = ["group", "as_of", "children_3_12", "children_13_24", "children_25_36", "children_over_36",
                  "girls", "boys", "workers_children"]


class HealthCheckForm(TrethoModelForm):
    class Meta:
        model = HealthCheck
        fields = ["group", "date", "provider", "children_examined", "findings"]


class StaffForm(TrethoModelForm):
    class Meta:
        model = Staff
        fields = ["group", "full_name", "birth_year", "phone", "role", "qualification", "start_date", "end_date"]


class EnterpriseForm(_CommuneOwnedForm):
    class Meta:
        model = Enterprise
        fields = ["name", "tax_code", "unit", "zone", "address", "employees", "female_employees",
                  "mothers_under_36m", "as_of"]


class EnterpriseContributionForm(TrethoModelForm):
    class Meta:
        model = EnterpriseContribution
        fields = ["enterprise", "date", "kind", "value", "description", "recipient_group"]
