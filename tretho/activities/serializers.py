"""API serializers of the activities (personal fields dropped for viewers by TrethoSerializer; the model's clean()
answered as a 400, as the forms do)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import serializers

from tretho.core.api import CleanedSerializer

from .forms import HELD_FIELDS, unit_and_above_paths
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

_BOOKKEEPING = ["version", "created_at", "updated_at"]


class ActivitySerializer(CleanedSerializer):
    """The plan tasks an activity carries out: tasks the user may see (restricted by TrethoSerializer) of plans of
    its unit or of a unit above it."""

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        unit = attrs.get("unit") or getattr(self.instance, "unit", None)
        tasks = attrs.get("tasks")
        if unit is not None and tasks:
            allowed = set(unit_and_above_paths(unit))
            if any(task.plan.unit.path not in allowed for task in tasks):
                raise serializers.ValidationError({"tasks": _(
                    "Chỉ chọn nhiệm vụ trong kế hoạch của địa bàn này hoặc của cấp trên.")})
        return attrs


class TrainingSerializer(ActivitySerializer):
    class Meta:
        model = Training
        fields = ["id", *HELD_FIELDS, "kind", "topics", "materials", "trainers", "tasks", "note", *_BOOKKEEPING]


class CommunicationEventSerializer(ActivitySerializer):
    class Meta:
        model = CommunicationEvent
        fields = ["id", *HELD_FIELDS, "channel", "sessions", "copies", "tasks", "note", *_BOOKKEEPING]


class ParentingSessionSerializer(ActivitySerializer):
    class Meta:
        model = ParentingSession
        fields = ["id", *HELD_FIELDS, "format", "families_count", "tasks", "note", *_BOOKKEEPING]


class MeetingSerializer(ActivitySerializer):
    class Meta:
        model = Meeting
        fields = ["id", *HELD_FIELDS, "kind", "committee", "chair", "attendees", "attendee_count", "conclusions",
                  "tasks", "note", *_BOOKKEEPING]


class CommendationSerializer(ActivitySerializer):
    class Meta:
        model = Commendation
        fields = ["id", "unit", "recipient_kind", "recipient_name", "recipient_agency", "level", "form", "reason",
                  "decision_number", "decision_date", "proposed_by", "tasks", "note", *_BOOKKEEPING]


class ProposalSerializer(ActivitySerializer):
    class Meta:
        model = Proposal
        fields = ["id", "unit", "kind", "title", "content", "raised_on", "addressed_level", "addressed_agency",
                  "tasks", "status", "answer", "answered_on", "answered_by", "note", *_BOOKKEEPING]


class TrainingAudienceSerializer(CleanedSerializer):
    class Meta:
        model = TrainingAudience
        fields = ["id", "training", "category", "male", "female", *_BOOKKEEPING]


class CommunicationAudienceSerializer(CleanedSerializer):
    class Meta:
        model = CommunicationAudience
        fields = ["id", "event", "category", "male", "female", *_BOOKKEEPING]


class ParentingAudienceSerializer(CleanedSerializer):
    class Meta:
        model = ParentingAudience
        fields = ["id", "session", "category", "male", "female", *_BOOKKEEPING]


class TrainingParticipantSerializer(CleanedSerializer):
    class Meta:
        model = TrainingParticipant
        fields = ["id", "training", "staff", "full_name", "sex", "birth_year", "category", "workplace", "phone",
                  "completed", *_BOOKKEEPING]


class ParentingFamilySerializer(CleanedSerializer):
    class Meta:
        model = ParentingFamily
        fields = ["id", "session", "caregiver_name", "phone", "children_under_3", "children_3_to_8", "note",
                  *_BOOKKEEPING]


class MeetingFollowUpSerializer(CleanedSerializer):
    class Meta:
        model = MeetingFollowUp
        fields = ["id", "meeting", "content", "owner_agency", "owner_text", "deadline", "state", "done_on", "result",
                  *_BOOKKEEPING]
