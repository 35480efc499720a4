"""Trainings (tập huấn, bồi dưỡng): who was trained, counted by category and sex, and named participants linked
to the registry's staff where they exist, so "staff trained" is computed from the records."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tretho.core.models import TrethoModel

from ..choices import AudienceCategory, Sex, TrainingKind
from .base import AudienceCount, HeldActivity


class Training(HeldActivity):
    kind = models.CharField(_("hình thức"), max_length=20, choices=TrainingKind.choices,
                            default=TrainingKind.TRAINING)
    topics = models.TextField(_("nội dung tập huấn"), blank=True, help_text=_("Mỗi dòng một chủ đề."))
    materials = models.TextField(_("tài liệu sử dụng"), blank=True,
                                 help_text=_("Ví dụ: bộ tài liệu tập huấn của Đề án."))
    trainers = models.CharField(_("báo cáo viên, giảng viên"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("lớp tập huấn")
        verbose_name_plural = _("lớp tập huấn")
        ordering = ["-start_date", "sort_key", "id"]

    def topic_lines(self) -> list[str]:
        return [line.strip() for line in self.topics.splitlines() if line.strip()]


class TrainingAudience(AudienceCount):
    training = models.ForeignKey(Training, verbose_name=_("lớp tập huấn"), on_delete=models.CASCADE,
                                 related_name="audience")

    scope_path_field = "training__unit__path"
    activity_field = "training"

    class Meta:
        verbose_name = _("số người tham dự tập huấn theo đối tượng")
        verbose_name_plural = _("số người tham dự tập huấn theo đối tượng")
        ordering = ["training", "category", "id"]
        constraints = [models.UniqueConstraint(fields=["training", "category"],
                                               name="activities_training_audience_unique")]


# The audience category a registry staff member is counted in, by their role (cooks count with the caregivers).
STAFF_ROLE_CATEGORIES = {"owner_manager": AudienceCategory.GROUP_OWNERS, "teacher": AudienceCategory.TEACHERS,
                         "caregiver": AudienceCategory.CAREGIVERS, "cook": AudienceCategory.CAREGIVERS}


class TrainingParticipant(TrethoModel):
    """A named participant. Linked to a registry Staff record when the person works in a childcare group."""

    training = models.ForeignKey(Training, verbose_name=_("lớp tập huấn"), on_delete=models.CASCADE,
                                 related_name="participants")
    staff = models.ForeignKey("registry.Staff", verbose_name=_("người chăm sóc trẻ (trong danh sách nhóm trẻ)"),
                              null=True, blank=True, on_delete=models.PROTECT,
                              related_name="training_participations")
    full_name = models.CharField(_("họ và tên"), max_length=200, blank=True,
                                 help_text=_("Để trống khi chọn người trong danh sách nhóm trẻ."))
    # Blank only for participants carried over from the registry's old "trained" flags (sex not recorded there).
    sex = models.CharField(_("giới tính"), max_length=3, choices=Sex.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True,
                                                  validators=[MinValueValidator(1930), MaxValueValidator(2015)])
    category = models.CharField(_("đối tượng"), max_length=30, choices=AudienceCategory.choices)
    workplace = models.CharField(_("đơn vị công tác"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    completed = models.BooleanField(_("hoàn thành khóa tập huấn"), default=True)

    scope_path_field = "training__unit__path"
    personal_fields = ("full_name", "birth_year", "phone")

    class Meta:
        verbose_name = _("người tham dự tập huấn")
        verbose_name_plural = _("người tham dự tập huấn")
        ordering = ["training", "id"]
        constraints = [models.UniqueConstraint(fields=["training", "staff"], condition=models.Q(staff__isnull=False),
                                               name="activities_participant_staff_once")]

    def __str__(self) -> str:
        # No name: titles and messages reach roles that may not see personal data.
        return f"{self.get_category_display()} #{self.pk} – {self.training}"

    def get_absolute_url(self) -> str:
        return reverse("activities:trainingparticipant_detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        if self.staff_id is None and not self.full_name.strip():
            raise ValidationError({"full_name": _("Ghi họ tên, hoặc chọn người trong danh sách nhóm trẻ.")})
        staff = self.staff
        if staff is not None and self.training_id is not None:
            group: Any = staff.group  # registry's group FK is built by a helper: mypy sees no type
            group_unit = group.unit
            if not group_unit.path.startswith(self.training.unit.path):
                raise ValidationError({"staff": _(
                    "Người này làm việc ở nhóm trẻ ngoài địa bàn của lớp tập huấn (%(unit)s).") % {
                    "unit": self.training.unit}})

    def save(self, *args, **kwargs) -> None:
        # A participant picked from the registry carries the staff record's name and birth year.
        staff = self.staff if self.staff_id is not None else None
        if staff is not None:
            self.full_name = self.full_name or staff.full_name
            self.birth_year = self.birth_year or staff.birth_year
        super().save(*args, **kwargs)
