from django.utils.translation import gettext_lazy as _

from tretho.core.registry import register

from .filters import AgencyFilterSet, MembershipFilterSet, SteeringCommitteeFilterSet
from .forms import AgencyForm, MembershipForm, SteeringCommitteeForm
from .models import Agency, Membership, SteeringCommittee
from .serializers import AgencySerializer, MembershipSerializer, SteeringCommitteeSerializer
from .tables import AgencyTable, MembershipTable, SteeringCommitteeTable

register(Agency, filterset=AgencyFilterSet, table=AgencyTable, form=AgencyForm, serializer=AgencySerializer,
         extra={"related": [("children", _("Cơ quan trực thuộc")), ("standing_for", _("Thường trực ban chỉ đạo")),
                            ("memberships", _("Thành viên ban chỉ đạo"))]})
register(SteeringCommittee, filterset=SteeringCommitteeFilterSet, table=SteeringCommitteeTable,
         form=SteeringCommitteeForm, serializer=SteeringCommitteeSerializer,
         extra={"related": [("memberships", _("Thành viên"))]})
register(Membership, filterset=MembershipFilterSet, table=MembershipTable, form=MembershipForm,
         serializer=MembershipSerializer)
