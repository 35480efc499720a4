"""List filters of the activities: within a unit's subtree, a period on the activity's date (typed dd/mm/yyyy), the
organising agency, the plan task carried out (tasks the user may see), the kind/channel/format/status, and the
accent-insensitive search. Parts of an activity (audience rows, participants, families, follow-ups) are found by
their activity."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tretho.core.filters import TrethoFilterSet, UnitSubtreeFilter
from tretho.core.text import fold
from tretho.geo.choices import UnitLevel
from tretho.geo.models import AdministrativeUnit
from tretho.orgs.models import Agency
from tretho.programmes.models import PlanTask

from .choices import (
    AddressedLevel,
    AudienceCategory,
    CommendationForm,
    CommendationLevel,
    CommunicationChannel,
    FollowUpState,
    MeetingKind,
    ParentingFormat,
    ProposalKind,
    ProposalStatus,
    RecipientKind,
    Sex,
    TrainingKind,
)
from .models import (
    Commendation,
    CommunicationAudience,
    CommunicationEvent,
    Meeting,
    MeetingFollowUp,
    ParentingAudience,
    ParentingFamily,
    ParentingSession,
    Proposal,
    Training,
    TrainingAudience,
    TrainingParticipant,
)

# "Thuộc": a province or a (former) district; a list of every commune would be too long for a select.
_UNITS = AdministrativeUnit.objects.filter(level__lte=UnitLevel.DISTRICT)
_DATE: dict[str, Any] = {"input_formats": ["%d/%m/%Y", "%Y-%m-%d"]}


class ActivityFilterSet(TrethoFilterSet):
    """Filters every activity list has: unit subtree, period, plan task."""

    within = UnitSubtreeFilter(queryset=_UNITS, label=_("Thuộc"))
    date_from = django_filters.DateFilter(method="filter_period", label=_("Từ ngày"), **_DATE)
    date_to = django_filters.DateFilter(method="filter_period", label=_("Đến ngày"), **_DATE)
    task = django_filters.ModelChoiceFilter(queryset=PlanTask.objects.select_related("plan"), field_name="tasks",
                                            label=_("Nhiệm vụ kế hoạch"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("date_from", "date_to"):
            self.form.fields[name].widget.attrs["placeholder"] = "dd/mm/yyyy"

    def filter_period(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        if not value:
            return queryset
        date_field = queryset.model.date_field
        if name == "date_from":
            # A held activity still going on at the period's start counts (it ended on or after it).
            end = getattr(queryset.model, "end_date", None)
            if end is not None:
                return queryset.filter(Q(**{f"{date_field}__gte": value}) | Q(end_date__gte=value))
            return queryset.filter(**{f"{date_field}__gte": value})
        return queryset.filter(**{f"{date_field}__lte": value})


class HeldActivityFilterSet(ActivityFilterSet):
    organiser = django_filters.ModelChoiceFilter(queryset=Agency.objects.all(), label=_("Cơ quan tổ chức"))


class TrainingFilterSet(HeldActivityFilterSet):
    kind = django_filters.ChoiceFilter(choices=TrainingKind.choices, label=_("Hình thức"))

    class Meta:
        model = Training
        fields = ["q", "within", "date_from", "date_to", "organiser", "task", "kind"]


class CommunicationEventFilterSet(HeldActivityFilterSet):
    channel = django_filters.ChoiceFilter(choices=CommunicationChannel.choices, label=_("Hình thức truyền thông"))

    class Meta:
        model = CommunicationEvent
        fields = ["q", "within", "date_from", "date_to", "organiser", "task", "channel"]


class ParentingSessionFilterSet(HeldActivityFilterSet):
    format = django_filters.ChoiceFilter(choices=ParentingFormat.choices, label=_("Hình thức"))

    class Meta:
        model = ParentingSession
        fields = ["q", "within", "date_from", "date_to", "organiser", "task", "format"]


class MeetingFilterSet(HeldActivityFilterSet):
    kind = django_filters.ChoiceFilter(choices=MeetingKind.choices, label=_("Loại cuộc họp"))

    class Meta:
        model = Meeting
        fields = ["q", "within", "date_from", "date_to", "organiser", "task", "kind"]


class CommendationFilterSet(ActivityFilterSet):
    """Found (accent-insensitive, the standard q) by decision number and reason; the recipient's name is personal
    data, not searched."""

    proposed_by = django_filters.ModelChoiceFilter(queryset=Agency.objects.all(), label=_("Cơ quan đề nghị"))
    recipient_kind = django_filters.ChoiceFilter(choices=RecipientKind.choices, label=_("Khen thưởng cho"))
    level = django_filters.ChoiceFilter(choices=CommendationLevel.choices, label=_("Cấp khen thưởng"))
    form = django_filters.ChoiceFilter(choices=CommendationForm.choices, label=_("Hình thức khen thưởng"))

    class Meta:
        model = Commendation
        fields = ["q", "within", "date_from", "date_to", "proposed_by", "task", "recipient_kind", "level", "form"]


class ProposalFilterSet(ActivityFilterSet):
    """Found (accent-insensitive, the standard q) by title and content."""

    addressed_agency = django_filters.ModelChoiceFilter(queryset=Agency.objects.all(), label=_("Gửi cơ quan"))
    kind = django_filters.ChoiceFilter(choices=ProposalKind.choices, label=_("Loại"))
    addressed_level = django_filters.ChoiceFilter(choices=AddressedLevel.choices, label=_("Gửi cấp"))
    status = django_filters.ChoiceFilter(choices=ProposalStatus.choices, label=_("Tình trạng"))

    class Meta:
        model = Proposal
        fields = ["q", "within", "date_from", "date_to", "addressed_agency", "task", "kind", "addressed_level",
                  "status"]


# -- parts of an activity ----------------------------------------------------------------------------------------

class _PartFilterSet(TrethoFilterSet):
    """Rows of one activity: the search finds them by the activity's title (accent-insensitive), "Thuộc" by the
    activity's unit."""

    parent = ""  # the foreign key to the activity

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in fold(value).split():
            queryset = queryset.filter(**{f"{self.parent}__search_key__contains": word})
        return queryset


def _within(parent: str) -> UnitSubtreeFilter:
    return UnitSubtreeFilter(queryset=_UNITS, label=_("Thuộc"), path_field=f"{parent}__unit__path")


class TrainingAudienceFilterSet(_PartFilterSet):
    parent = "training"
    within = _within("training")
    training = django_filters.ModelChoiceFilter(queryset=Training.objects.all(), label=_("Lớp tập huấn"))
    category = django_filters.ChoiceFilter(choices=AudienceCategory.choices, label=_("Đối tượng"))

    class Meta:
        model = TrainingAudience
        fields = ["q", "within", "training", "category"]


class TrainingParticipantFilterSet(_PartFilterSet):
    """Found by their training, category, sex; not by name (personal data)."""

    parent = "training"
    within = _within("training")
    training = django_filters.ModelChoiceFilter(queryset=Training.objects.all(), label=_("Lớp tập huấn"))
    category = django_filters.ChoiceFilter(choices=AudienceCategory.choices, label=_("Đối tượng"))
    sex = django_filters.ChoiceFilter(choices=Sex.choices, label=_("Giới tính"))
    linked = django_filters.ChoiceFilter(
        choices=[("yes", _("Có trong danh sách nhóm trẻ")), ("no", _("Không có trong danh sách nhóm trẻ"))],
        label=_("Người chăm sóc trẻ"), method="filter_linked")

    class Meta:
        model = TrainingParticipant
        fields = ["q", "within", "training", "category", "sex", "linked", "completed"]

    def filter_linked(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value in ("yes", "no"):
            return queryset.filter(staff__isnull=value == "no")
        return queryset


class CommunicationAudienceFilterSet(_PartFilterSet):
    parent = "event"
    within = _within("event")
    event = django_filters.ModelChoiceFilter(queryset=CommunicationEvent.objects.all(),
                                             label=_("Hoạt động truyền thông"))
    category = django_filters.ChoiceFilter(choices=AudienceCategory.choices, label=_("Đối tượng"))

    class Meta:
        model = CommunicationAudience
        fields = ["q", "within", "event", "category"]


class ParentingAudienceFilterSet(_PartFilterSet):
    parent = "session"
    within = _within("session")
    session = django_filters.ModelChoiceFilter(queryset=ParentingSession.objects.all(),
                                               label=_("Buổi giáo dục làm cha mẹ"))
    category = django_filters.ChoiceFilter(choices=AudienceCategory.choices, label=_("Đối tượng"))

    class Meta:
        model = ParentingAudience
        fields = ["q", "within", "session", "category"]


class ParentingFamilyFilterSet(_PartFilterSet):
    parent = "session"
    within = _within("session")
    session = django_filters.ModelChoiceFilter(queryset=ParentingSession.objects.all(),
                                               label=_("Buổi giáo dục làm cha mẹ"))

    class Meta:
        model = ParentingFamily
        fields = ["q", "within", "session"]


class MeetingFollowUpFilterSet(_PartFilterSet):
    parent = "meeting"
    within = _within("meeting")
    meeting = django_filters.ModelChoiceFilter(queryset=Meeting.objects.all(), label=_("Cuộc họp"))
    owner_agency = django_filters.ModelChoiceFilter(queryset=Agency.objects.all(), label=_("Cơ quan thực hiện"))
    state = django_filters.ChoiceFilter(choices=FollowUpState.choices, label=_("Tình trạng"))
    deadline_to = django_filters.DateFilter(field_name="deadline", lookup_expr="lte", label=_("Hạn đến ngày"),
                                            **_DATE)

    class Meta:
        model = MeetingFollowUp
        fields = ["q", "within", "meeting", "owner_agency", "state", "deadline_to"]
