"""Enterprises in or near industrial zones: their workforce (how many women workers have small children) and what
they contribute to childcare."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tretho.core.models import NamedSearchMixin, TrethoModel

from ..choices import ContributionKind
from .groups import MONEY


class Enterprise(NamedSearchMixin, TrethoModel):
    name = models.CharField(_("tên doanh nghiệp"), max_length=300)
    tax_code = models.CharField(_("mã số thuế"), max_length=20, unique=True)
    unit = models.ForeignKey("geo.AdministrativeUnit", verbose_name=_("xã, phường"), on_delete=models.PROTECT,
                             related_name="enterprises")
    zone = models.ForeignKey("geo.IndustrialZone", verbose_name=_("khu công nghiệp"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="enterprises")
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    employees = models.PositiveIntegerField(_("số lao động"), default=0)
    female_employees = models.PositiveIntegerField(_("số lao động nữ"), default=0)
    mothers_under_36m = models.PositiveIntegerField(_("lao động nữ có con dưới 36 tháng"), default=0)
    as_of = models.DateField(_("số liệu tại ngày"), null=True, blank=True)

    scope_path_field = "unit__path"
    search_source_fields = ("name", "tax_code")

    class Meta:
        verbose_name = _("doanh nghiệp")
        verbose_name_plural = _("doanh nghiệp")
        ordering = ["sort_key", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:enterprise_detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.female_employees > self.employees:
            errors["female_employees"] = _("Số lao động nữ không thể lớn hơn tổng số lao động.")
        if self.mothers_under_36m > self.female_employees:
            errors["mothers_under_36m"] = _("Số lao động nữ có con nhỏ không thể lớn hơn số lao động nữ.")
        if errors:
            raise ValidationError(errors)


class EnterpriseContribution(TrethoModel):
    enterprise = models.ForeignKey(Enterprise, verbose_name=_("doanh nghiệp"), on_delete=models.CASCADE,
                                   related_name="contributions")
    date = models.DateField(_("ngày"))
    kind = models.CharField(_("hình thức"), max_length=10, choices=ContributionKind.choices,
                            default=ContributionKind.MONEY)
    value = models.DecimalField(_("trị giá (đồng)"), **MONEY)
    description = models.CharField(_("nội dung"), max_length=300, blank=True)
    recipient_group = models.ForeignKey("registry.ChildcareGroup", verbose_name=_("nhóm trẻ nhận"), null=True,
                                        blank=True, on_delete=models.SET_NULL, related_name="contributions")

    scope_path_field = "enterprise__unit__path"

    class Meta:
        verbose_name = _("đóng góp của doanh nghiệp")
        verbose_name_plural = _("đóng góp của doanh nghiệp")
        ordering = ["enterprise", "-date", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y} – {self.enterprise}"

    def get_absolute_url(self) -> str:
        return reverse("registry:enterprisecontribution_detail", args=[self.pk])
