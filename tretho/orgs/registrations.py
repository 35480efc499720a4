from tretho.core.registry import register

from .filters import AgencyFilterSet, MembershipFilterSet, SteeringCommitteeFilterSet
from .forms import AgencyForm, MembershipForm, SteeringCommitteeForm
from .models import Agency, Membership, SteeringCommittee
from .serializers import AgencySerializer, MembershipSerializer, SteeringCommitteeSerializer
from .tables import AgencyTable, MembershipTable, SteeringCommitteeTable

register(Agency, filterset=AgencyFilterSet, table=AgencyTable, form=AgencyForm, serializer=AgencySerializer)
register(SteeringCommittee, filterset=SteeringCommitteeFilterSet, table=SteeringCommitteeTable,
         form=SteeringCommitteeForm, serializer=SteeringCommitteeSerializer)
register(Membership, filterset=MembershipFilterSet, table=MembershipTable, form=MembershipForm,
         serializer=MembershipSerializer)
