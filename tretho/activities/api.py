"""The activities' API routes (gathered by tretho.api.urls): each activity and its parts, scoped by unit (personal
fields only for roles that need them), beside attachments (api_attachments) and task progress (api_progress)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from tretho.core.api import ScopedModelViewSet

from .api_attachments import ROUTES as ATTACHMENT_ROUTES
from .api_progress import MAX_ID
from .api_progress import ROUTES as PROGRESS_ROUTES
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
from .serializers import (
    CommendationSerializer,
    CommunicationAudienceSerializer,
    CommunicationEventSerializer,
    MeetingFollowUpSerializer,
    MeetingSerializer,
    ParentingAudienceSerializer,
    ParentingFamilySerializer,
    ParentingSessionSerializer,
    ProposalSerializer,
    TrainingAudienceSerializer,
    TrainingParticipantSerializer,
    TrainingSerializer,
)

_HELD_FILTERS = ["unit", "organiser", "start_date"]


class IdFilter(filters.Filter):
    """An id typed as a whole number between 1 and the largest the databases store: anything else is a 400 (not a
    lookup of every given id, which is a server error on SQLite past the integer range)."""

    field_class = forms.IntegerField


class ActivityAPIFilterSet(filters.FilterSet):
    """?task=<id>: the activities carrying out that plan task."""

    task = IdFilter(field_name="tasks", min_value=1, max_value=MAX_ID, label=_("Mã nhiệm vụ kế hoạch"))


def activity_filters(model: Any, fields: list[str]) -> type[filters.FilterSet]:
    """The API filter set of an activity: its own fields and ?task=<id>."""
    meta = type("Meta", (), {"model": model, "fields": [*fields, "task"]})
    return type(f"{model.__name__}APIFilterSet", (ActivityAPIFilterSet,), {"Meta": meta})


class TrainingViewSet(ScopedModelViewSet):
    queryset = Training.objects.prefetch_related("tasks")
    serializer_class = TrainingSerializer
    filterset_class = activity_filters(Training, [*_HELD_FILTERS, "kind"])


class TrainingAudienceViewSet(ScopedModelViewSet):
    queryset = TrainingAudience.objects.all()
    serializer_class = TrainingAudienceSerializer
    filterset_fields = ["training", "category"]


class TrainingParticipantViewSet(ScopedModelViewSet):
    queryset = TrainingParticipant.objects.all()
    serializer_class = TrainingParticipantSerializer
    filterset_fields = ["training", "staff", "category", "sex", "completed"]


class CommunicationEventViewSet(ScopedModelViewSet):
    queryset = CommunicationEvent.objects.prefetch_related("tasks")
    serializer_class = CommunicationEventSerializer
    filterset_class = activity_filters(CommunicationEvent, [*_HELD_FILTERS, "channel"])


class CommunicationAudienceViewSet(ScopedModelViewSet):
    queryset = CommunicationAudience.objects.all()
    serializer_class = CommunicationAudienceSerializer
    filterset_fields = ["event", "category"]


class ParentingSessionViewSet(ScopedModelViewSet):
    queryset = ParentingSession.objects.prefetch_related("tasks")
    serializer_class = ParentingSessionSerializer
    filterset_class = activity_filters(ParentingSession, [*_HELD_FILTERS, "format"])


class ParentingAudienceViewSet(ScopedModelViewSet):
    queryset = ParentingAudience.objects.all()
    serializer_class = ParentingAudienceSerializer
    filterset_fields = ["session", "category"]


class ParentingFamilyViewSet(ScopedModelViewSet):
    queryset = ParentingFamily.objects.all()
    serializer_class = ParentingFamilySerializer
    filterset_fields = ["session"]


class MeetingViewSet(ScopedModelViewSet):
    queryset = Meeting.objects.prefetch_related("tasks")
    serializer_class = MeetingSerializer
    filterset_class = activity_filters(Meeting, [*_HELD_FILTERS, "kind", "committee"])


class MeetingFollowUpViewSet(ScopedModelViewSet):
    queryset = MeetingFollowUp.objects.all()
    serializer_class = MeetingFollowUpSerializer
    filterset_fields = ["meeting", "owner_agency", "state", "deadline"]


class CommendationViewSet(ScopedModelViewSet):
    queryset = Commendation.objects.prefetch_related("tasks")
    serializer_class = CommendationSerializer
    filterset_class = activity_filters(Commendation, ["unit", "decision_date", "recipient_kind", "level", "form",
                                                     "proposed_by"])


class ProposalViewSet(ScopedModelViewSet):
    queryset = Proposal.objects.prefetch_related("tasks")
    serializer_class = ProposalSerializer
    filterset_class = activity_filters(Proposal, ["unit", "raised_on", "kind", "addressed_level", "addressed_agency",
                                                 "status"])


ROUTES: list = [
    ("trainings", TrainingViewSet),
    ("training-audience", TrainingAudienceViewSet),
    ("training-participants", TrainingParticipantViewSet),
    ("communication-events", CommunicationEventViewSet),
    ("communication-audience", CommunicationAudienceViewSet),
    ("parenting-sessions", ParentingSessionViewSet),
    ("parenting-audience", ParentingAudienceViewSet),
    ("parenting-families", ParentingFamilyViewSet),
    ("meetings", MeetingViewSet),
    ("meeting-follow-ups", MeetingFollowUpViewSet),
    ("commendations", CommendationViewSet),
    ("proposals", ProposalViewSet),
    *ATTACHMENT_ROUTES,
    *PROGRESS_ROUTES,
]
