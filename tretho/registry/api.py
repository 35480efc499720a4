"""API of the registry's records, scoped by unit (personal fields only for roles that need them)."""

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


class StaffViewSet(ScopedModelViewSet):
    queryset = Staff.objects.all()
    serializer_class = StaffSerializer
    filterset_fields = ["group", "role", "qualification", "trained"]


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
