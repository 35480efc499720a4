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
from .views import ActivityEditView, ParticipantEditView, activity_detail_context

_DETAIL = {"detail_template": "activities/activity_detail.html", "detail_context": activity_detail_context}

# The page's fields in reading order: the title is the page's heading (not repeated), then where and when, who
# organised, the cost, what is particular to the kind, the note last. The plan tasks have their own section.
_HELD = ("unit", "start_date", "end_date", "venue", "organiser", "organiser_text", "cost", "funding_source")
_ACTIVITIES: tuple[tuple[Any, str, list[tuple[str, Any]], tuple[str, ...]], ...] = (
    (Training, "Training", [("participants", _("Người tham dự"))],
     (*_HELD, "kind", "topics", "materials", "trainers", "note")),
    (CommunicationEvent, "CommunicationEvent", [], (*_HELD, "channel", "sessions", "copies", "note")),
    (ParentingSession, "ParentingSession", [("families", _("Gia đình tham gia"))],
     (*_HELD, "format", "families_count", "note")),
    (Meeting, "Meeting", [("follow_ups", _("Việc giao sau cuộc họp"))],
     (*_HELD, "kind", "committee", "chair", "attendees", "attendee_count", "conclusions", "note")),
    (Commendation, "Commendation", [],
     ("unit", "decision_number", "decision_date", "recipient_kind", "recipient_name", "recipient_agency", "level",
      "form", "reason", "proposed_by", "note")),
    (Proposal, "Proposal", [],
     ("unit", "kind", "raised_on", "content", "addressed_level", "addressed_agency", "status", "answer",
      "answered_on", "answered_by", "note")),
)
# Every activity's add/edit page draws the plan tasks as grouped checkboxes; trainings, communication and parenting
# sessions add the grid of people reached.
_EDIT_VIEWS = {"views": {"add": ActivityEditView, "edit": ActivityEditView}}
for model, name, related, detail_fields in _ACTIVITIES:
    register(model, filterset=getattr(filters, f"{name}FilterSet"), table=getattr(tables, f"{name}Table"),
             form=getattr(forms, f"{name}Form"), serializer=getattr(serializers, f"{name}Serializer"),
             detail_fields=detail_fields, extra=_DETAIL | _EDIT_VIEWS | {"related": related})

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
