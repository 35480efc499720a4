"""API of the registry's records, scoped by unit (personal fields only for roles that need them)."""

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tretho.core.api import ScopedModelViewSet

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
from .selectors import trained_by, with_training_facts
from .serializers import (
    ChildcareGroupSerializer,
    EnrolmentSerializer,
    EnterpriseContributionSerializer,
    EnterpriseSerializer,
    FacilitySupportSerializer,
    HealthCheckSerializer,
    ProgrammeSupportSerializer,
    StaffSerializer,
    SupportPaymentSerializer,
)
from .supervision.api import ROUTES as SUPERVISION_ROUTES


class ChildcareGroupViewSet(ScopedModelViewSet):
    queryset = ChildcareGroup.objects.select_related("unit", "zone")
    serializer_class = ChildcareGroupSerializer
    filterset_fields = ["unit", "zone", "kind", "status", "is_licensed", "code"]


class ProgrammeSupportViewSet(ScopedModelViewSet):
    queryset = ProgrammeSupport.objects.all()
    serializer_class = ProgrammeSupportSerializer
    filterset_fields = ["group", "kind", "year", "plan"]


class FacilitySupportViewSet(ScopedModelViewSet):
    queryset = FacilitySupport.objects.all()
    serializer_class = FacilitySupportSerializer
    filterset_fields = ["group", "source"]


class SupportPaymentViewSet(ScopedModelViewSet):
    queryset = SupportPayment.objects.all()
    serializer_class = SupportPaymentSerializer
    filterset_fields = ["group", "kind"]


class EnrolmentViewSet(ScopedModelViewSet):
    queryset = Enrolment.objects.all()
    serializer_class = EnrolmentSerializer
    filterset_fields = ["group", "as_of"]


class HealthCheckViewSet(ScopedModelViewSet):
    queryset = HealthCheck.objects.all()
    serializer_class = HealthCheckSerializer
    filterset_fields = ["group"]


class StaffAPIFilterSet(django_filters.FilterSet):
    trained = django_filters.BooleanFilter(label=_("Đã tập huấn"), method="filter_trained")

    class Meta:
        model = Staff
        fields = ["group", "role", "qualification", "trained"]

    def filter_trained(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        trained = trained_by(timezone.localdate())
        return queryset.filter(trained if value else ~trained)


class StaffViewSet(ScopedModelViewSet):
    """`trained` and `last_trained_on` are read-only: derived from the trainings the person completed."""

    queryset = Staff.objects.all()
    serializer_class = StaffSerializer
    filterset_class = StaffAPIFilterSet

    def get_queryset(self) -> Any:
        return with_training_facts(super().get_queryset())


class EnterpriseViewSet(ScopedModelViewSet):
    queryset = Enterprise.objects.select_related("unit", "zone")
    serializer_class = EnterpriseSerializer
    filterset_fields = ["unit", "zone", "tax_code"]


class EnterpriseContributionViewSet(ScopedModelViewSet):
    queryset = EnterpriseContribution.objects.all()
    serializer_class = EnterpriseContributionSerializer
    filterset_fields = ["enterprise", "kind", "recipient_group"]


ROUTES: list = [
    ("childcare-groups", ChildcareGroupViewSet),
    ("group-programme-supports", ProgrammeSupportViewSet),
    ("group-facility-supports", FacilitySupportViewSet),
    ("group-support-payments", SupportPaymentViewSet),
    ("group-enrolments", EnrolmentViewSet),
    ("group-health-checks", HealthCheckViewSet),
    ("group-staff", StaffViewSet),
    ("enterprises", EnterpriseViewSet),
    ("enterprise-contributions", EnterpriseContributionViewSet),
    *SUPERVISION_ROUTES,
]
