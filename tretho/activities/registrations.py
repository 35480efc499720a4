"""Model-view registrations of the activities (tretho.core.registry): each activity and each of its parts gets the
generated pages; an activity's page (activities/activity_detail.html) adds the plan tasks it carries out, the
people reached, its parts with "Thêm …" links, and its attachments."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from tretho.core.registry import register

from . import filters, forms, serializers, tables
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
from .views import AudienceActivityEditView, ParticipantEditView, activity_detail_context

_DETAIL = {"detail_template": "activities/activity_detail.html", "detail_context": activity_detail_context}

_ACTIVITIES: tuple[tuple[Any, str, list[tuple[str, Any]]], ...] = (
    (Training, "Training", [("participants", _("Người tham dự"))]),
    (CommunicationEvent, "CommunicationEvent", []),
    (ParentingSession, "ParentingSession", [("families", _("Gia đình tham gia"))]),
    (Meeting, "Meeting", [("follow_ups", _("Việc giao sau cuộc họp"))]),
    (Commendation, "Commendation", []),
    (Proposal, "Proposal", []),
)
# Trainings, communication and parenting sessions: the people reached are typed on the activity's own form.
_GRID_VIEWS = {"views": {"add": AudienceActivityEditView, "edit": AudienceActivityEditView}}
for model, name, related in _ACTIVITIES:
    grid = _GRID_VIEWS if issubclass(getattr(forms, f"{name}Form"), forms.AudienceGridMixin) else {}
    register(model, filterset=getattr(filters, f"{name}FilterSet"), table=getattr(tables, f"{name}Table"),
             form=getattr(forms, f"{name}Form"), serializer=getattr(serializers, f"{name}Serializer"),
             extra=_DETAIL | grid | {"related": related})

# An activity's parts: their own pages exist (list, edit, history); they are usually added from the activity's page.
_PARTS: tuple[tuple[Any, str], ...] = (
    (TrainingAudience, "TrainingAudience"), (TrainingParticipant, "TrainingParticipant"),
    (CommunicationAudience, "CommunicationAudience"), (ParentingAudience, "ParentingAudience"),
    (ParentingFamily, "ParentingFamily"), (MeetingFollowUp, "MeetingFollowUp"),
)
_PART_VIEWS: dict[Any, dict[str, Any]] = {
    TrainingParticipant: {"views": {"add": ParticipantEditView, "edit": ParticipantEditView}},
}
for part, part_name in _PARTS:
    register(part, filterset=getattr(filters, f"{part_name}FilterSet"), table=getattr(tables, f"{part_name}Table"),
             form=getattr(forms, f"{part_name}Form"), serializer=getattr(serializers, f"{part_name}Serializer"),
             extra=_PART_VIEWS.get(part, {}))
