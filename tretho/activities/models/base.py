"""What every activity shares: the unit where it happened (its owner, for scope), the plan tasks it carries out,
notes and attachments; held activities (trainings, communication, parenting sessions, meetings) add a title,
dates, venue, organiser and cost. Audience counts by category and sex are rows of their own."""

from __future__ import annotations

import os
import uuid
from typing import Any

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tretho.core.models import NamedSearchMixin, TrethoModel
from tretho.programmes.choices import BudgetSource

from ..choices import AttachmentKind, AudienceCategory

MONEY: dict[str, Any] = {"max_digits": 16, "decimal_places": 0}


def attachment_path(instance: Attachment, filename: str) -> str:
    """A random stored name (the uploaded name may carry a person's name): activities/2017/05/<uuid>.pdf."""
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"activities/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class Attachment(TrethoModel):
    """A photo, minutes, attendance sheet… of one activity (or of a task's completion). Its owner unit is the
    activity's, copied when attached and kept in step when the activity moves, so scope works as everywhere."""

    unit = models.ForeignKey("geo.AdministrativeUnit", verbose_name=_("đơn vị"), on_delete=models.PROTECT,
                             related_name="activity_attachments", editable=False)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, editable=False)
    object_id = models.PositiveBigIntegerField(editable=False)
    activity = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("loại tệp"), max_length=20, choices=AttachmentKind.choices,
                            default=AttachmentKind.PHOTO)
    title = models.CharField(_("tên tệp, mô tả"), max_length=300)
    file = models.FileField(_("tệp"), upload_to=attachment_path, max_length=300)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"), default=0, editable=False)
    mime_type = models.CharField(_("kiểu tệp"), max_length=100, blank=True, editable=False)

    scope_path_field = "unit__path"

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["content_type", "object_id", "kind", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="activities_attachment_owner")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("activities:attachment_detail", args=[self.pk])


class UnitActivity(TrethoModel):
    """An activity recorded once where it happened (its unit) and linked to the plan tasks it carries out."""

    unit = models.ForeignKey("geo.AdministrativeUnit", verbose_name=_("địa bàn"), on_delete=models.PROTECT,
                             related_name="%(class)s_set")
    tasks = models.ManyToManyField("programmes.PlanTask", verbose_name=_("thực hiện nhiệm vụ kế hoạch"),
                                   blank=True, related_name="%(class)ss",
                                   help_text=_("Các nhiệm vụ trong kế hoạch mà hoạt động này thực hiện."))
    note = models.TextField(_("ghi chú"), blank=True)
    attachments = GenericRelation(Attachment)

    scope_path_field = "unit__path"
    # The date field the calendar and the period filters read.
    date_field = "start_date"

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        return reverse(f"activities:{self._meta.model_name}_detail", args=[self.pk])

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        # Attachments are scoped by a copy of the owner unit: follow the activity when it moves.
        for attachment in Attachment.objects.filter(
                content_type=ContentType.objects.get_for_model(type(self)), object_id=self.pk).exclude(
                unit_id=self.unit_id):
            attachment.unit_id = self.unit_id
            attachment.save()

    @property
    def activity_date(self):
        return getattr(self, self.date_field)


class HeldActivity(NamedSearchMixin, UnitActivity):
    """An activity that takes place: title, dates, venue, organiser, cost."""

    title = models.CharField(_("tên hoạt động"), max_length=500)
    start_date = models.DateField(_("ngày bắt đầu"))
    end_date = models.DateField(_("ngày kết thúc"), null=True, blank=True,
                                help_text=_("Để trống nếu diễn ra trong một ngày."))
    venue = models.CharField(_("địa điểm"), max_length=300, blank=True)
    organiser = models.ForeignKey("orgs.Agency", verbose_name=_("cơ quan tổ chức"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="organised_%(class)ss")
    organiser_text = models.CharField(_("đơn vị tổ chức (ghi tên)"), max_length=300, blank=True,
                                      help_text=_("Khi đơn vị tổ chức không có trong danh mục cơ quan."))
    cost = models.DecimalField(_("kinh phí (đồng)"), null=True, blank=True, **MONEY)
    funding_source = models.CharField(_("nguồn kinh phí"), max_length=20, choices=BudgetSource.choices, blank=True)

    search_source_fields = ("title", "venue")
    sort_source_field = "title"

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    @property
    def organiser_name(self) -> str:
        return str(self.organiser) if self.organiser_id else self.organiser_text

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Ngày kết thúc phải từ ngày bắt đầu trở đi.")})
        if self.cost is not None and not self.funding_source:
            raise ValidationError({"funding_source": _("Ghi nguồn của kinh phí.")})


class AudienceCount(TrethoModel):
    """How many people of one category took part, by sex. Each activity kind has its own table of these."""

    category = models.CharField(_("đối tượng"), max_length=30, choices=AudienceCategory.choices)
    male = models.PositiveIntegerField(_("nam"), default=0)
    female = models.PositiveIntegerField(_("nữ"), default=0)

    # The FK to the activity, named by the concrete model ("training", "event", "session").
    activity_field = ""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.total} – {getattr(self, self.activity_field)}"

    @property
    def total(self) -> int:
        return self.male + self.female

    def get_absolute_url(self) -> str:
        return reverse(f"activities:{self._meta.model_name}_detail", args=[self.pk])
