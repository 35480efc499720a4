from tretho.core.api import ScopedModelViewSet

from .models import Agency, Membership, SteeringCommittee
from .serializers import AgencySerializer, MembershipSerializer, SteeringCommitteeSerializer


class AgencyViewSet(ScopedModelViewSet):
    queryset = Agency.objects.select_related("unit")
    serializer_class = AgencySerializer
    filterset_fields = ["kind", "unit", "parent", "is_active"]


class SteeringCommitteeViewSet(ScopedModelViewSet):
    queryset = SteeringCommittee.objects.select_related("unit")
    serializer_class = SteeringCommitteeSerializer
    filterset_fields = ["unit", "standing_agency"]


class MembershipViewSet(ScopedModelViewSet):
    queryset = Membership.objects.select_related("committee", "agency")
    serializer_class = MembershipSerializer
    filterset_fields = ["committee", "agency", "role"]


ROUTES = [
    ("agencies", AgencyViewSet),
    ("committees", SteeringCommitteeViewSet),
    ("committee-members", MembershipViewSet),
]
