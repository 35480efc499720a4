"""Tables of the activities' lists (and of the parts shown on an activity's page). The people reached are summed in
the list's one query (a subquery per row, no query per row); personal columns are hidden from viewers by
TrethoTable."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.db import models
from django.db.models import F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tretho.core.formats import format_number
from tretho.core.tables import TrethoTable, linked_column

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

_NUMBER = {"td": {"class": "text-end"}, "th": {"class": "text-end"}}


class RecordColumn(tables.Column):
    """The record itself, as its __str__ (which names no person), linked to its page."""

    def __init__(self, verbose_name: Any, order_by: tuple[str, ...] = ("pk",)) -> None:
        super().__init__(accessor="pk", verbose_name=verbose_name, linkify=lambda record: record.get_absolute_url(),
                         order_by=order_by)


class _RecordTable(TrethoTable):
    """A table whose first column is the record's own name (on screen and in the export)."""

    def render_record(self, record: Any) -> str:
        return str(record)

    def value_record(self, record: Any) -> str:
        return str(record)


def with_people_reached(queryset: models.QuerySet, audience_model: type[models.Model], fk: str) -> models.QuerySet:
    """Annotate `reached` (men + women over the activity's audience rows) with one subquery."""
    total = (audience_model._default_manager.filter(**{fk: OuterRef("pk")}).order_by().values(fk)
             .annotate(total=Sum(F("male") + F("female"))).values("total"))
    return queryset.annotate(reached=Coalesce(Subquery(total), 0))


def _number(value: Any) -> str:
    return format_number(value) if value is not None else "—"


class _HeldActivityTable(TrethoTable):
    title = linked_column(_("Tên hoạt động"))  # type: ignore[arg-type]  # a lazy label
    start_date = tables.DateColumn(verbose_name=_("Ngày"), format="d/m/Y")
    unit = tables.Column(verbose_name=_("Địa bàn"), order_by=("unit__sort_key",))
    organiser = tables.Column(verbose_name=_("Cơ quan tổ chức"), order_by=("organiser__sort_key", "organiser_text"),
                              empty_values=())

    audience_model: type[models.Model] | None = None
    audience_fk = ""

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        if isinstance(data, models.QuerySet) and self.audience_model is not None:
            data = with_people_reached(data, self.audience_model, self.audience_fk)
        super().__init__(data, *args, **kwargs)

    def render_organiser(self, record: Any) -> str:
        return record.organiser_name or "—"

    def value_organiser(self, record: Any) -> str:
        return record.organiser_name

    def render_reached(self, value: Any) -> str:
        return _number(value)


class TrainingTable(_HeldActivityTable):
    reached = tables.Column(verbose_name=_("Số người tham dự"), attrs=_NUMBER, empty_values=())
    audience_model = TrainingAudience
    audience_fk = "training"

    class Meta(TrethoTable.Meta):
        model = Training
        fields = ("title", "start_date", "unit", "organiser", "kind", "reached", "venue")


class CommunicationEventTable(_HeldActivityTable):
    reached = tables.Column(verbose_name=_("Số người được truyền thông"), attrs=_NUMBER, empty_values=())
    audience_model = CommunicationAudience
    audience_fk = "event"

    class Meta(TrethoTable.Meta):
        model = CommunicationEvent
        fields = ("title", "start_date", "unit", "organiser", "channel", "sessions", "reached", "venue")


class ParentingSessionTable(_HeldActivityTable):
    reached = tables.Column(verbose_name=_("Số người tham gia"), attrs=_NUMBER, empty_values=())
    audience_model = ParentingAudience
    audience_fk = "session"

    class Meta(TrethoTable.Meta):
        model = ParentingSession
        fields = ("title", "start_date", "unit", "organiser", "format", "families_count", "reached", "venue")


class MeetingTable(_HeldActivityTable):
    class Meta(TrethoTable.Meta):
        model = Meeting
        fields = ("title", "start_date", "unit", "organiser", "kind", "chair", "attendee_count")


class CommendationTable(_RecordTable):
    record = RecordColumn(_("Khen thưởng"), order_by=("-decision_date", "pk"))
    decision_date = tables.DateColumn(verbose_name=_("Ngày quyết định"), format="d/m/Y")
    unit = tables.Column(verbose_name=_("Địa bàn"), order_by=("unit__sort_key",))
    proposed_by = tables.Column(verbose_name=_("Cơ quan đề nghị"), order_by=("proposed_by__sort_key",))

    class Meta(TrethoTable.Meta):
        model = Commendation
        fields = ("record", "decision_date", "unit", "recipient_name", "level", "form", "decision_number",
                  "proposed_by")


class ProposalTable(TrethoTable):
    title = tables.Column(linkify=True, verbose_name=_("Tóm tắt"))
    raised_on = tables.DateColumn(verbose_name=_("Ngày nêu"), format="d/m/Y")
    unit = tables.Column(verbose_name=_("Địa bàn"), order_by=("unit__sort_key",))
    addressed_agency = tables.Column(verbose_name=_("Gửi cơ quan"), order_by=("addressed_agency__sort_key",))
    answered_on = tables.DateColumn(verbose_name=_("Ngày trả lời"), format="d/m/Y")

    class Meta(TrethoTable.Meta):
        model = Proposal
        fields = ("title", "raised_on", "unit", "kind", "addressed_level", "addressed_agency", "status",
                  "answered_on")


# -- parts of an activity ----------------------------------------------------------------------------------------

class _PartTable(_RecordTable):
    """On the activity's own page (related tables have a prefix) the activity column is left out."""

    parent = ""

    def before_render(self, request: Any) -> None:
        super().before_render(request)
        if self.prefix and self.parent in self.columns:
            self.columns.hide(self.parent)


class _AudienceTable(_PartTable):
    category = tables.Column(linkify=lambda record: record.get_absolute_url(), verbose_name=_("Đối tượng"))
    male = tables.Column(verbose_name=_("Nam"), attrs=_NUMBER)
    female = tables.Column(verbose_name=_("Nữ"), attrs=_NUMBER)
    total = tables.Column(accessor="pk", verbose_name=_("Tổng số"), orderable=False, attrs=_NUMBER)

    def render_total(self, record: Any) -> str:
        return format_number(record.total)

    def value_total(self, record: Any) -> int:
        return record.total


class TrainingAudienceTable(_AudienceTable):
    parent = "training"
    training = tables.Column(verbose_name=_("Lớp tập huấn"), order_by=("training__sort_key",))

    class Meta(TrethoTable.Meta):
        model = TrainingAudience
        fields = ("category", "training", "male", "female", "total")


class CommunicationAudienceTable(_AudienceTable):
    parent = "event"
    event = tables.Column(verbose_name=_("Hoạt động truyền thông"), order_by=("event__sort_key",))

    class Meta(TrethoTable.Meta):
        model = CommunicationAudience
        fields = ("category", "event", "male", "female", "total")


class ParentingAudienceTable(_AudienceTable):
    parent = "session"
    session = tables.Column(verbose_name=_("Buổi giáo dục làm cha mẹ"), order_by=("session__sort_key",))

    class Meta(TrethoTable.Meta):
        model = ParentingAudience
        fields = ("category", "session", "male", "female", "total")


class TrainingParticipantTable(_PartTable):
    parent = "training"
    full_name = tables.Column(linkify=True, verbose_name=_("Họ và tên"))
    # Also a link: viewers do not see the name column (personal data).
    category = tables.Column(linkify=lambda record: record.get_absolute_url(), verbose_name=_("Đối tượng"))
    training = tables.Column(verbose_name=_("Lớp tập huấn"), order_by=("training__sort_key",))
    staff = tables.Column(verbose_name=_("Trong danh sách nhóm trẻ"), empty_values=(), orderable=False)

    class Meta(TrethoTable.Meta):
        model = TrainingParticipant
        fields = ("full_name", "category", "training", "sex", "birth_year", "workplace", "phone", "staff",
                  "completed")

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        if isinstance(data, models.QuerySet):
            data = data.select_related("staff__group")
        super().__init__(data, *args, **kwargs)

    def render_staff(self, record: TrainingParticipant) -> str:
        staff: Any = record.staff
        if staff is None:
            return "—"
        return format_html('<a href="{}">{}</a>', staff.group.get_absolute_url(), staff.group)

    def value_staff(self, record: TrainingParticipant) -> str:
        staff: Any = record.staff
        return str(staff.group) if staff is not None else ""


class ParentingFamilyTable(_PartTable):
    parent = "session"
    record = RecordColumn(_("Gia đình"))
    caregiver_name = tables.Column(verbose_name=_("Họ tên cha, mẹ hoặc người chăm sóc"))
    session = tables.Column(verbose_name=_("Buổi giáo dục làm cha mẹ"), order_by=("session__sort_key",))

    class Meta(TrethoTable.Meta):
        model = ParentingFamily
        fields = ("record", "caregiver_name", "phone", "session", "children_under_3", "children_3_to_8", "note")


class MeetingFollowUpTable(_PartTable):
    parent = "meeting"
    content = tables.Column(linkify=lambda record: record.get_absolute_url(), verbose_name=_("Nội dung giao"),
                            accessor="pk", order_by=("content",))
    meeting = tables.Column(verbose_name=_("Cuộc họp"), order_by=("meeting__sort_key",))
    owner_agency = tables.Column(verbose_name=_("Cơ quan thực hiện"), empty_values=(),
                                 order_by=("owner_agency__sort_key", "owner_text"))
    deadline = tables.DateColumn(verbose_name=_("Thời hạn"), format="d/m/Y")
    state = tables.Column(verbose_name=_("Tình trạng"), empty_values=())
    done_on = tables.DateColumn(verbose_name=_("Ngày hoàn thành"), format="d/m/Y")

    class Meta(TrethoTable.Meta):
        model = MeetingFollowUp
        fields = ("content", "meeting", "owner_agency", "deadline", "state", "done_on")
        row_attrs = {"class": lambda record: "table-danger" if record.is_overdue else ""}

    def render_content(self, record: MeetingFollowUp) -> str:
        return str(record)

    def value_content(self, record: MeetingFollowUp) -> str:
        return record.content

    def render_owner_agency(self, record: MeetingFollowUp) -> str:
        return record.owner_name or "—"

    def value_owner_agency(self, record: MeetingFollowUp) -> str:
        return record.owner_name

    def render_state(self, record: MeetingFollowUp) -> str:
        if record.is_overdue:
            return format_html('{} <span class="badge text-bg-danger">{}</span>', record.get_state_display(),
                               _("Quá hạn"))
        return record.get_state_display()

    def value_state(self, record: MeetingFollowUp) -> str:
        label = str(record.get_state_display())
        return f"{label} ({_('Quá hạn')})" if record.is_overdue else label
