"""The activities and their parts (audience counts, participants, families, follow-up items) through the shared
model suites: lists, pages, forms, history, restore, API and the scope matrix."""

from __future__ import annotations

import itertools

from tests.activities.activities_crud_factories import (
    make_commendation,
    make_event,
    make_event_audience,
    make_family,
    make_follow_up,
    make_meeting,
    make_participant,
    make_proposal,
    make_session,
    make_session_audience,
    make_training,
    make_training_audience,
)
from tretho.activities.choices import (
    AddressedLevel,
    AudienceCategory,
    CommendationForm,
    CommendationLevel,
    CommunicationChannel,
    FollowUpState,
    MeetingKind,
    ParentingFormat,
    ProposalKind,
    RecipientKind,
    Sex,
    TrainingKind,
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
from tretho.core.testing.suites import ModelSuite, unique

_counts = itertools.count(21)


class TestTraining(ModelSuite):
    model = Training

    def make(self, world, unit):
        return make_training(unit)

    def form_data(self, world, unit):
        return {"title": unique("Tập huấn cho bảo mẫu nhóm trẻ"), "unit": unit.pk, "start_date": "15/05/2017",
                "end_date": "16/05/2017", "kind": TrainingKind.TRAINING, "venue": "Hội trường xã",
                "cost": "12.500.000", "funding_source": "local"}

    def api_data(self, world, unit):
        return {"title": unique("Tập huấn kỹ năng"), "unit": unit.pk, "start_date": "2017-05-15",
                "kind": TrainingKind.REFRESHER}

    def edit_changes(self, world, obj):
        return {"title": unique("Tập huấn nuôi con bằng sữa mẹ")}


class TestCommunicationEvent(ModelSuite):
    model = CommunicationEvent

    def make(self, world, unit):
        return make_event(unit)

    def form_data(self, world, unit):
        return {"title": unique("Truyền thông chăm sóc trẻ"), "unit": unit.pk, "start_date": "20/06/2017",
                "channel": CommunicationChannel.LOUDSPEAKER, "sessions": "4"}

    def api_data(self, world, unit):
        return {"title": unique("Phát tờ rơi"), "unit": unit.pk, "start_date": "2017-06-20",
                "channel": CommunicationChannel.PRINT, "copies": 500}

    def edit_changes(self, world, obj):
        return {"title": unique("Truyền thông trên loa truyền thanh")}


class TestParentingSession(ModelSuite):
    model = ParentingSession

    def make(self, world, unit):
        return make_session(unit)

    def form_data(self, world, unit):
        return {"title": unique("Câu lạc bộ cha mẹ"), "unit": unit.pk, "start_date": "01/07/2017",
                "format": ParentingFormat.CLUB, "families_count": "15"}

    def api_data(self, world, unit):
        return {"title": unique("Thăm hộ gia đình"), "unit": unit.pk, "start_date": "2017-07-01",
                "format": ParentingFormat.HOME_VISIT}

    def edit_changes(self, world, obj):
        return {"title": unique("Sinh hoạt nhóm cha mẹ tháng 8")}


class TestMeeting(ModelSuite):
    model = Meeting

    def make(self, world, unit):
        return make_meeting(unit)

    def form_data(self, world, unit):
        return {"title": unique("Hội nghị sơ kết"), "unit": unit.pk, "start_date": "10/07/2017",
                "kind": MeetingKind.PRELIMINARY_REVIEW, "chair": "Chủ tịch UBND", "attendee_count": "40"}

    def api_data(self, world, unit):
        return {"title": unique("Họp Ban Chỉ đạo"), "unit": unit.pk, "start_date": "2017-07-10",
                "kind": MeetingKind.STEERING}

    def edit_changes(self, world, obj):
        return {"title": unique("Họp Ban Chỉ đạo định kỳ")}


class TestCommendation(ModelSuite):
    model = Commendation

    def make(self, world, unit):
        return make_commendation(unit)

    def form_data(self, world, unit):
        return {"unit": unit.pk, "recipient_kind": RecipientKind.COLLECTIVE, "recipient_name": unique("Hội LHPN xã"),
                "level": CommendationLevel.DISTRICT, "form": CommendationForm.CERTIFICATE,
                "reason": "Hoàn thành xuất sắc", "decision_number": unique("QĐ"), "decision_date": "20/12/2017"}

    def api_data(self, world, unit):
        return {"unit": unit.pk, "recipient_kind": RecipientKind.INDIVIDUAL, "recipient_name": "Trần Thị Hoa",
                "level": CommendationLevel.COMMUNE, "form": CommendationForm.CERTIFICATE, "reason": "Tích cực",
                "decision_date": "2017-12-20"}

    def edit_changes(self, world, obj):
        return {"decision_number": unique("QĐ-UBND")}


class TestProposal(ModelSuite):
    model = Proposal

    def make(self, world, unit):
        return make_proposal(unit)

    def form_data(self, world, unit):
        return {"unit": unit.pk, "kind": ProposalKind.DIFFICULTY, "title": unique("Thiếu giáo viên"),
                "content": "Nhóm trẻ thiếu giáo viên", "raised_on": "05/08/2017",
                "addressed_level": AddressedLevel.DISTRICT, "status": "open"}

    def api_data(self, world, unit):
        return {"unit": unit.pk, "title": unique("Kiến nghị"), "content": "Nội dung", "raised_on": "2017-08-05",
                "addressed_level": AddressedLevel.CENTRAL}

    def edit_changes(self, world, obj):
        return {"title": unique("Đề nghị hỗ trợ")}


# -- parts of an activity ----------------------------------------------------------------------------------------

class _AudienceSuite(ModelSuite):
    parent_field = ""
    category = AudienceCategory.PARENTS

    def parent(self, unit):
        raise NotImplementedError

    def list_text(self, obj):
        return str(getattr(obj, self.parent_field))

    def form_data(self, world, unit):
        return {self.parent_field: self.parent(unit).pk, "category": self.category, "male": "3", "female": "12"}

    def api_data(self, world, unit):
        return {self.parent_field: self.parent(unit).pk, "category": self.category, "male": 1, "female": 9}

    def edit_changes(self, world, obj):
        return {"female": str(next(_counts))}


class TestTrainingAudience(_AudienceSuite):
    model = TrainingAudience
    parent_field = "training"

    def parent(self, unit):
        return make_training(unit)

    def make(self, world, unit):
        return make_training_audience(make_training(unit))


class TestCommunicationAudience(_AudienceSuite):
    model = CommunicationAudience
    parent_field = "event"
    category = AudienceCategory.MOTHERS

    def parent(self, unit):
        return make_event(unit)

    def make(self, world, unit):
        return make_event_audience(make_event(unit))


class TestParentingAudience(_AudienceSuite):
    model = ParentingAudience
    parent_field = "session"

    def parent(self, unit):
        return make_session(unit)

    def make(self, world, unit):
        return make_session_audience(make_session(unit))


class TestTrainingParticipant(ModelSuite):
    model = TrainingParticipant

    def make(self, world, unit):
        return make_participant(make_training(unit))

    def add_lands_on(self, obj):
        return obj.training.get_absolute_url()  # back to the training's page, where the list is

    def list_text(self, obj):
        return obj.full_name

    def form_data(self, world, unit):
        return {"training": make_training(unit).pk, "full_name": unique("Võ Thị Lan"), "sex": Sex.FEMALE,
                "birth_year": "1990", "category": AudienceCategory.GROUP_OWNERS, "workplace": "Nhóm trẻ Hoa Mai",
                "phone": "0912345678", "completed": "on"}

    def api_data(self, world, unit):
        return {"training": make_training(unit).pk, "full_name": "Đỗ Văn Nam", "sex": Sex.MALE,
                "category": AudienceCategory.OFFICIALS}

    def edit_changes(self, world, obj):
        return {"workplace": unique("Nhóm trẻ Sơn Ca")}


class TestParentingFamily(ModelSuite):
    model = ParentingFamily

    def make(self, world, unit):
        return make_family(make_session(unit))

    def form_data(self, world, unit):
        return {"session": make_session(unit).pk, "caregiver_name": unique("Nguyễn Thị Hạnh"),
                "phone": "0977123456", "children_under_3": "1", "children_3_to_8": "2"}

    def api_data(self, world, unit):
        return {"session": make_session(unit).pk, "caregiver_name": "Lê Văn Bố", "children_under_3": 1}

    def edit_changes(self, world, obj):
        return {"note": unique("Gia đình có con nhỏ")}


class TestMeetingFollowUp(ModelSuite):
    model = MeetingFollowUp

    def make(self, world, unit):
        return make_follow_up(make_meeting(unit))

    def form_data(self, world, unit):
        return {"meeting": make_meeting(unit).pk, "content": unique("Kiểm tra nhóm trẻ"), "owner_text": "Phòng Y tế",
                "deadline": "30/09/2030", "state": FollowUpState.OPEN}

    def api_data(self, world, unit):
        return {"meeting": make_meeting(unit).pk, "content": unique("Báo cáo kết quả"), "deadline": "2030-09-30"}

    def edit_changes(self, world, obj):
        return {"content": unique("Rà soát, kiện toàn nhóm trẻ")}
