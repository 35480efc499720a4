from tretho.core.api import TrethoSerializer

from .models import Agency, Membership, SteeringCommittee


class AgencySerializer(TrethoSerializer):
    class Meta:
        model = Agency
        fields = ["id", "name", "short_name", "kind", "unit", "parent", "address", "email", "phone", "is_active",
                  "version", "created_at", "updated_at"]


class SteeringCommitteeSerializer(TrethoSerializer):
    class Meta:
        model = SteeringCommittee
        fields = ["id", "name", "unit", "standing_agency", "established_by", "established_on", "working_group",
                  "version", "created_at", "updated_at"]


class MembershipSerializer(TrethoSerializer):
    class Meta:
        model = Membership
        fields = ["id", "committee", "person_name", "position", "agency", "role", "version", "created_at",
                  "updated_at"]
