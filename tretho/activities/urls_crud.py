"""URLs of the activities: the generated pages of each activity and its parts (included by urls.py)."""

from tretho.core.urls_for_models import model_urls

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

urlpatterns: list = [
    *model_urls(Training, prefix="trainings/"),
    *model_urls(TrainingAudience, prefix="training-audience/"),
    *model_urls(TrainingParticipant, prefix="training-participants/"),
    *model_urls(CommunicationEvent, prefix="communication/"),
    *model_urls(CommunicationAudience, prefix="communication-audience/"),
    *model_urls(ParentingSession, prefix="parenting/"),
    *model_urls(ParentingAudience, prefix="parenting-audience/"),
    *model_urls(ParentingFamily, prefix="parenting-families/"),
    *model_urls(Meeting, prefix="meetings/"),
    # "follow-ups/" is the overdue follow-ups page (urls_progress.py): the records' own pages live beside meetings.
    *model_urls(MeetingFollowUp, prefix="meeting-follow-ups/"),
    *model_urls(Commendation, prefix="commendations/"),
    *model_urls(Proposal, prefix="proposals/"),
]
