from tretho.core.forms import TrethoModelForm

from .models import Agency, Membership, SteeringCommittee


class AgencyForm(TrethoModelForm):
    class Meta:
        model = Agency
        fields = ["name", "short_name", "kind", "unit", "parent", "address", "email", "phone", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # An agency cannot sit above itself.
            self.fields["parent"].queryset = self.fields["parent"].queryset.exclude(pk=self.instance.pk)


class SteeringCommitteeForm(TrethoModelForm):
    class Meta:
        model = SteeringCommittee
        fields = ["name", "unit", "standing_agency", "established_by", "established_on", "working_group"]


class MembershipForm(TrethoModelForm):
    class Meta:
        model = Membership
        fields = ["committee", "person_name", "position", "agency", "role"]
