"""Steering meetings and reviews with their follow-up items, commendations, and difficulties and
recommendations raised by a unit (khó khăn, vướng mắc, kiến nghị) with the answer."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tretho.core.models import NamedSearchMixin, TrethoModel

from ..choices import (
    AddressedLevel,
    CommendationForm,
    CommendationLevel,
    FollowUpState,
    MeetingKind,
    ProposalKind,
    ProposalStatus,
    RecipientKind,
)
from .base import HeldActivity, UnitActivity


class Meeting(HeldActivity):
    kind = models.CharField(_("loại cuộc họp"), max_length=20, choices=MeetingKind.choices,
                            default=MeetingKind.STEERING)
    committee = models.ForeignKey("orgs.SteeringCommittee", verbose_name=_("Ban Chỉ đạo"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="meetings")
    chair = models.CharField(_("người chủ trì"), max_length=300, blank=True,
                             help_text=_("Chức vụ người chủ trì, ví dụ: Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo."))
    attendees = models.TextField(_("thành phần tham dự"), blank=True)
    attendee_count = models.PositiveIntegerField(_("số người tham dự"), null=True, blank=True)
    conclusions = models.TextField(_("kết luận chính"), blank=True,
                                   help_text=_("Biên bản đính kèm ở mục Tệp đính kèm."))

    class Meta:
        verbose_name = _("cuộc họp, hội nghị")
        verbose_name_plural = _("cuộc họp, hội nghị")
        ordering = ["-start_date", "sort_key", "id"]


class MeetingFollowUp(TrethoModel):
    """A decision of a meeting to carry out: what, who, by when, and whether it was done."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("cuộc họp"), on_delete=models.CASCADE,
                                related_name="follow_ups")
    content = models.TextField(_("nội dung giao"))
    owner_agency = models.ForeignKey("orgs.Agency", verbose_name=_("cơ quan thực hiện"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="meeting_follow_ups")
    owner_text = models.CharField(_("đơn vị thực hiện (ghi tên)"), max_length=300, blank=True)
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    state = models.CharField(_("tình trạng"), max_length=10, choices=FollowUpState.choices,
                             default=FollowUpState.OPEN)
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    result = models.TextField(_("kết quả thực hiện"), blank=True)

    scope_path_field = "meeting__unit__path"

    class Meta:
        verbose_name = _("việc giao sau cuộc họp")
        verbose_name_plural = _("việc giao sau cuộc họp")
        ordering = ["meeting", "deadline", "id"]

    def __str__(self) -> str:
        text = " ".join(self.content.split())
        return text if len(text) <= 80 else text[:79] + "…"

    def get_absolute_url(self) -> str:
        return reverse("activities:meetingfollowup_detail", args=[self.pk])

    @property
    def owner_name(self) -> str:
        return str(self.owner_agency) if self.owner_agency_id else self.owner_text

    @property
    def is_overdue(self) -> bool:
        return (self.state == FollowUpState.OPEN and self.deadline is not None
                and self.deadline < timezone.localdate())

    def clean(self) -> None:
        super().clean()
        if self.state == FollowUpState.DONE and not self.done_on:
            raise ValidationError({"done_on": _("Ghi ngày hoàn thành.")})
        if self.state == FollowUpState.OPEN and self.done_on:
            raise ValidationError({"state": _("Đã có ngày hoàn thành: chọn “Đã thực hiện”.")})


class Commendation(NamedSearchMixin, UnitActivity):
    """Khen thưởng: who was commended, by which level and form, why, by which decision."""

    recipient_kind = models.CharField(_("khen thưởng cho"), max_length=20, choices=RecipientKind.choices,
                                      default=RecipientKind.COLLECTIVE)
    recipient_name = models.CharField(_("tên tập thể hoặc cá nhân"), max_length=300)
    recipient_agency = models.ForeignKey("orgs.Agency", verbose_name=_("cơ quan được khen (nếu có)"), null=True,
                                         blank=True, on_delete=models.SET_NULL, related_name="commendations")
    level = models.CharField(_("cấp khen thưởng"), max_length=20, choices=CommendationLevel.choices)
    form = models.CharField(_("hình thức khen thưởng"), max_length=20, choices=CommendationForm.choices)
    reason = models.TextField(_("thành tích"))
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"))
    proposed_by = models.ForeignKey("orgs.Agency", verbose_name=_("cơ quan đề nghị"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="proposed_commendations")

    # Individuals are people: their names are personal data (a collective's name is masked alike, for one rule),
    # so the search finds a commendation by its decision number and reason, never by the name.
    personal_fields = ("recipient_name",)
    search_source_fields = ("decision_number", "reason")
    sort_source_field = "decision_number"
    date_field = "decision_date"

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        ordering = ["-decision_date", "id"]

    def __str__(self) -> str:
        number = self.decision_number or self.decision_date.strftime("%d/%m/%Y")
        return f"{self.get_form_display()} – {self.get_recipient_kind_display()} – {number}"


class Proposal(NamedSearchMixin, UnitActivity):
    """A difficulty or recommendation a unit raises in its report or meeting, to whom, and the answer."""

    kind = models.CharField(_("loại"), max_length=20, choices=ProposalKind.choices,
                            default=ProposalKind.RECOMMENDATION)
    title = models.CharField(_("tóm tắt"), max_length=300)
    content = models.TextField(_("nội dung"))
    raised_on = models.DateField(_("ngày nêu"))
    addressed_level = models.CharField(_("gửi cấp"), max_length=20, choices=AddressedLevel.choices)
    addressed_agency = models.ForeignKey("orgs.Agency", verbose_name=_("gửi cơ quan"), null=True, blank=True,
                                         on_delete=models.SET_NULL, related_name="proposals_received")
    status = models.CharField(_("tình trạng"), max_length=20, choices=ProposalStatus.choices,
                              default=ProposalStatus.OPEN)
    answer = models.TextField(_("trả lời, kết quả giải quyết"), blank=True)
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    answered_by = models.ForeignKey("orgs.Agency", verbose_name=_("cơ quan trả lời"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="proposals_answered")

    date_field = "raised_on"
    search_source_fields = ("title", "content")
    sort_source_field = "title"

    class Meta:
        verbose_name = _("khó khăn, kiến nghị")
        verbose_name_plural = _("khó khăn, kiến nghị")
        ordering = ["-raised_on", "id"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        answered = self.status in (ProposalStatus.ANSWERED, ProposalStatus.CLOSED)
        if answered and not self.answer.strip():
            raise ValidationError({"answer": _("Ghi nội dung trả lời.")})
        if answered and not self.answered_on:
            raise ValidationError({"answered_on": _("Ghi ngày trả lời.")})
        if self.answered_on and self.raised_on and self.answered_on < self.raised_on:
            raise ValidationError({"answered_on": _("Ngày trả lời phải từ ngày nêu trở đi.")})
