"""Factories of the activities for the CRUD tests (H1). Not a test module: no suite classes here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tretho.activities.choices import (
    AddressedLevel,
    AudienceCategory,
    CommendationForm,
    CommendationLevel,
    CommunicationChannel,
    RecipientKind,
    Sex,
)
from tretho.activities.models import (
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
from tretho.core.testing.suites import unique

DAY = dt.date(2017, 5, 15)


def make_training(unit: Any, **fields: Any) -> Training:
    values = {"title": unique("Tập huấn kỹ năng chăm sóc trẻ"), "unit": unit, "start_date": DAY,
              "venue": "Hội trường UBND", "organiser_text": "Hội LHPN huyện"}
    return Training.objects.create(**values | fields)


def make_training_audience(training: Training, **fields: Any) -> TrainingAudience:
    values = {"training": training, "category": AudienceCategory.CAREGIVERS, "male": 2, "female": 18}
    return TrainingAudience.objects.create(**values | fields)


def make_participant(training: Training, **fields: Any) -> TrainingParticipant:
    values = {"training": training, "full_name": unique("Nguyễn Thị Bảo Mẫu"), "sex": Sex.FEMALE,
              "birth_year": 1987, "category": AudienceCategory.CAREGIVERS,
              "phone": unique("0912").replace(" ", "")}
    return TrainingParticipant.objects.create(**values | fields)


def make_event(unit: Any, **fields: Any) -> CommunicationEvent:
    values = {"title": unique("Truyền thông nuôi con bằng sữa mẹ"), "unit": unit, "start_date": DAY,
              "channel": CommunicationChannel.MEETING}
    return CommunicationEvent.objects.create(**values | fields)


def make_event_audience(event: CommunicationEvent, **fields: Any) -> CommunicationAudience:
    values = {"event": event, "category": AudienceCategory.MOTHERS, "male": 0, "female": 40}
    return CommunicationAudience.objects.create(**values | fields)


def make_session(unit: Any, **fields: Any) -> ParentingSession:
    values = {"title": unique("Sinh hoạt nhóm cha mẹ"), "unit": unit, "start_date": DAY}
    return ParentingSession.objects.create(**values | fields)


def make_session_audience(session: ParentingSession, **fields: Any) -> ParentingAudience:
    values = {"session": session, "category": AudienceCategory.PARENTS, "male": 5, "female": 20}
    return ParentingAudience.objects.create(**values | fields)


def make_family(session: ParentingSession, **fields: Any) -> ParentingFamily:
    values = {"session": session, "caregiver_name": unique("Lê Thị Mẹ"), "phone": unique("0987").replace(" ", ""),
              "children_under_3": 1}
    return ParentingFamily.objects.create(**values | fields)


def make_meeting(unit: Any, **fields: Any) -> Meeting:
    values = {"title": unique("Họp Ban Chỉ đạo quý II"), "unit": unit, "start_date": DAY, "chair": "Phó Chủ tịch"}
    return Meeting.objects.create(**values | fields)


def make_follow_up(meeting: Meeting, **fields: Any) -> MeetingFollowUp:
    values = {"meeting": meeting, "content": unique("Rà soát nhóm trẻ chưa cấp phép"), "owner_text": "Phòng GD&ĐT",
              "deadline": dt.date(2030, 12, 31)}
    return MeetingFollowUp.objects.create(**values | fields)


def make_commendation(unit: Any, **fields: Any) -> Commendation:
    values = {"unit": unit, "recipient_kind": RecipientKind.INDIVIDUAL, "recipient_name": unique("Phạm Thị Khen"),
              "level": CommendationLevel.PROVINCE, "form": CommendationForm.MERIT_CERTIFICATE,
              "reason": "Có thành tích xuất sắc", "decision_number": unique("QĐ-KT").replace(" ", "/"),
              "decision_date": DAY}
    return Commendation.objects.create(**values | fields)


def make_proposal(unit: Any, **fields: Any) -> Proposal:
    values = {"unit": unit, "title": unique("Đề nghị bổ sung kinh phí hỗ trợ nhóm trẻ"),
              "content": "Kinh phí hỗ trợ chưa đủ", "raised_on": DAY, "addressed_level": AddressedLevel.PROVINCE}
    return Proposal.objects.create(**values | fields)
