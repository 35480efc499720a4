"""People who run and work in childcare groups. Names, birth years and phones are personal data.

Whether a person was trained is not stored here: it is derived from the trainings they took part in
(`training_participations`, tretho.activities.models.TrainingParticipant)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Qualification, StaffRole
from .groups import _group_fk, _GroupPart


class Staff(_GroupPart):
    group = _group_fk("staff")
    full_name = models.CharField(_("họ và tên"), max_length=200)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True,
                                                  validators=[MinValueValidator(1940), MaxValueValidator(2015)])
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    role = models.CharField(_("vai trò"), max_length=20, choices=StaffRole.choices)
    qualification = models.CharField(_("trình độ chuyên môn"), max_length=20, choices=Qualification.choices,
                                     default=Qualification.NONE)
    start_date = models.DateField(_("ngày bắt đầu"), null=True, blank=True)
    end_date = models.DateField(_("ngày nghỉ việc"), null=True, blank=True)

    personal_fields = ("full_name", "birth_year", "phone")

    class Meta:
        verbose_name = _("người chăm sóc trẻ")
        verbose_name_plural = _("người chăm sóc trẻ")
        ordering = ["group", "role", "id"]
        indexes = [models.Index(fields=["group", "full_name", "birth_year"], name="registry_staff_natural_key")]

    def __str__(self) -> str:
        # No name: titles, breadcrumbs and messages reach roles that may not see personal data.
        return f"{self.get_role_display()} #{self.pk} – {self.group}"

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Ngày nghỉ việc phải sau ngày bắt đầu.")})
