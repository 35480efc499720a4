import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from tretho.core.tables import TrethoTable, linked_column

from .models import Agency, Membership, SteeringCommittee


class AgencyTable(TrethoTable):
    name = linked_column(_("Tên cơ quan"))
    unit = tables.Column(verbose_name=_("Địa bàn"), order_by=("unit__sort_key",))

    class Meta(TrethoTable.Meta):
        model = Agency
        fields = ("name", "short_name", "kind", "unit", "is_active")


class SteeringCommitteeTable(TrethoTable):
    name = linked_column(_("Tên"))
    unit = tables.Column(verbose_name=_("Địa bàn"), order_by=("unit__sort_key",))

    class Meta(TrethoTable.Meta):
        model = SteeringCommittee
        fields = ("name", "unit", "standing_agency", "established_by")


class MembershipTable(TrethoTable):
    person_name = tables.Column(linkify=True, verbose_name=_("Họ và tên"))
    # Also a link: viewers do not see the name column (personal data).
    role = tables.Column(linkify=True)

    class Meta(TrethoTable.Meta):
        model = Membership
        fields = ("person_name", "position", "role", "agency", "committee")
