from .base import Attachment
from .governance import Commendation, Meeting, MeetingFollowUp, Proposal
from .outreach import CommunicationAudience, CommunicationEvent, ParentingAudience, ParentingFamily, ParentingSession
from .progress import TaskCompletion
from .training import Training, TrainingAudience, TrainingParticipant

# The activities a plan task may be carried out by (each has `tasks`, a unit and a date).
ACTIVITY_MODELS = (Training, CommunicationEvent, ParentingSession, Meeting, Commendation, Proposal)

__all__ = [
    "ACTIVITY_MODELS", "Attachment", "Commendation", "CommunicationAudience", "CommunicationEvent", "Meeting",
    "MeetingFollowUp", "ParentingAudience", "ParentingFamily", "ParentingSession", "Proposal", "TaskCompletion",
    "Training", "TrainingAudience", "TrainingParticipant",
]
