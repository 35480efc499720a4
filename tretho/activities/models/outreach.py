"""Communication (truyền thông) and parenting education (tư vấn, giáo dục làm cha mẹ — Đề án 1437)."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tretho.core.models import TrethoModel

from ..choices import CommunicationChannel, ParentingFormat
from .base import AudienceCount, HeldActivity


class CommunicationEvent(HeldActivity):
    channel = models.CharField(_("hình thức truyền thông"), max_length=20, choices=CommunicationChannel.choices)
    sessions = models.PositiveIntegerField(_("số buổi, số lần phát"), default=1)
    copies = models.PositiveIntegerField(_("số tài liệu, tờ rơi phát ra"), null=True, blank=True)

    class Meta:
        verbose_name = _("hoạt động truyền thông")
        verbose_name_plural = _("hoạt động truyền thông")
        ordering = ["-start_date", "sort_key", "id"]


class CommunicationAudience(AudienceCount):
    event = models.ForeignKey(CommunicationEvent, verbose_name=_("hoạt động truyền thông"),
                              on_delete=models.CASCADE, related_name="audience")

    scope_path_field = "event__unit__path"
    activity_field = "event"

    class Meta:
        verbose_name = _("số người được truyền thông theo đối tượng")
        verbose_name_plural = _("số người được truyền thông theo đối tượng")
        ordering = ["event", "category", "id"]
        constraints = [models.UniqueConstraint(fields=["event", "category"],
                                               name="activities_communication_audience_unique")]


class ParentingSession(HeldActivity):
    format = models.CharField(_("hình thức"), max_length=20, choices=ParentingFormat.choices,
                              default=ParentingFormat.GROUP_SESSION)
    families_count = models.PositiveIntegerField(
        _("số gia đình tham gia"), null=True, blank=True,
        help_text=_("Ghi số khi không lập danh sách từng gia đình."))

    class Meta:
        verbose_name = _("buổi giáo dục làm cha mẹ")
        verbose_name_plural = _("buổi giáo dục làm cha mẹ")
        ordering = ["-start_date", "sort_key", "id"]


class ParentingAudience(AudienceCount):
    session = models.ForeignKey(ParentingSession, verbose_name=_("buổi giáo dục làm cha mẹ"),
                                on_delete=models.CASCADE, related_name="audience")

    scope_path_field = "session__unit__path"
    activity_field = "session"

    class Meta:
        verbose_name = _("số người tham gia giáo dục làm cha mẹ theo đối tượng")
        verbose_name_plural = _("số người tham gia giáo dục làm cha mẹ theo đối tượng")
        ordering = ["session", "category", "id"]
        constraints = [models.UniqueConstraint(fields=["session", "category"],
                                               name="activities_parenting_audience_unique")]


class ParentingFamily(TrethoModel):
    """A family reached by a parenting session, when the session keeps a list."""

    session = models.ForeignKey(ParentingSession, verbose_name=_("buổi giáo dục làm cha mẹ"),
                                on_delete=models.CASCADE, related_name="families")
    caregiver_name = models.CharField(_("họ tên cha, mẹ hoặc người chăm sóc"), max_length=200)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    children_under_3 = models.PositiveSmallIntegerField(_("số con dưới 3 tuổi"), default=0)
    children_3_to_8 = models.PositiveSmallIntegerField(_("số con từ 3 đến 8 tuổi"), default=0)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    scope_path_field = "session__unit__path"
    personal_fields = ("caregiver_name", "phone")

    class Meta:
        verbose_name = _("gia đình tham gia")
        verbose_name_plural = _("gia đình tham gia")
        ordering = ["session", "id"]

    def __str__(self) -> str:
        return str(_("Gia đình #%(pk)s – %(session)s")) % {"pk": self.pk, "session": self.session}

    def get_absolute_url(self) -> str:
        return reverse("activities:parentingfamily_detail", args=[self.pk])
