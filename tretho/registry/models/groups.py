"""Independent private childcare groups (nhóm trẻ độc lập tư thục) and what they received: programme support,
facility support and support money under Nghị định 105/2020; enrolment snapshots and health checks."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tretho.core.models import NamedSearchMixin, TrethoModel

from ..choices import FundingSource, GroupKind, GroupStatus, PaymentKind, ProgrammeSupportKind

# Whole đồng: money is never fractional here.
MONEY: dict[str, Any] = {"max_digits": 16, "decimal_places": 0}


class ChildcareGroup(NamedSearchMixin, TrethoModel):
    name = models.CharField(_("tên nhóm trẻ"), max_length=200)
    code = models.CharField(_("mã nhóm trẻ"), max_length=40, blank=True,
                            help_text=_("Mã do địa phương đặt, dùng để đối chiếu khi nhập từ Excel."))
    kind = models.CharField(_("loại hình"), max_length=20, choices=GroupKind.choices,
                            default=GroupKind.CHILDCARE_GROUP)
    unit = models.ForeignKey("geo.AdministrativeUnit", verbose_name=_("xã, phường"), on_delete=models.PROTECT,
                             related_name="childcare_groups")
    zone = models.ForeignKey("geo.IndustrialZone", verbose_name=_("khu công nghiệp gần nhất"), null=True,
                             blank=True, on_delete=models.SET_NULL, related_name="childcare_groups")
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    owner_name = models.CharField(_("chủ nhóm"), max_length=200, blank=True)
    owner_phone = models.CharField(_("điện thoại chủ nhóm"), max_length=30, blank=True)
    latitude = models.FloatField(_("vĩ độ"), null=True, blank=True,
                                 validators=[MinValueValidator(8.0), MaxValueValidator(23.5)])
    longitude = models.FloatField(_("kinh độ"), null=True, blank=True,
                                  validators=[MinValueValidator(102.0), MaxValueValidator(110.0)])
    is_licensed = models.BooleanField(_("đã được cấp phép"), default=False)
    licence_number = models.CharField(_("số quyết định cấp phép"), max_length=60, blank=True)
    licence_date = models.DateField(_("ngày cấp phép"), null=True, blank=True)
    licence_authority = models.CharField(_("cơ quan cấp phép"), max_length=200, blank=True,
                                         help_text=_("Từ 01/7/2025: Chủ tịch UBND cấp xã (Nghị định 142/2025)."))
    capacity = models.PositiveIntegerField(_("số trẻ tối đa có thể nhận"), null=True, blank=True)
    age_from_months = models.PositiveSmallIntegerField(_("nhận trẻ từ (tháng tuổi)"), default=6,
                                                       validators=[MaxValueValidator(72)])
    age_to_months = models.PositiveSmallIntegerField(_("đến (tháng tuổi)"), default=36,
                                                     validators=[MaxValueValidator(72)])
    care_room_area = models.DecimalField(_("diện tích phòng nuôi dưỡng (m²)"), max_digits=8, decimal_places=1,
                                         null=True, blank=True)
    has_play_area = models.BooleanField(_("có sân chơi"), default=False)
    has_fence_gate = models.BooleanField(_("có tường rào, cổng"), default=False)
    serves_meals = models.BooleanField(_("tổ chức ăn cho trẻ"), default=False)
    has_separate_kitchen = models.BooleanField(_("có bếp riêng"), default=False)
    status = models.CharField(_("tình trạng"), max_length=20, choices=GroupStatus.choices,
                              default=GroupStatus.OPERATING)
    opened_on = models.DateField(_("ngày bắt đầu hoạt động"), null=True, blank=True)
    status_since = models.DateField(_("tình trạng từ ngày"), null=True, blank=True)
    closed_on = models.DateField(_("ngày giải thể"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    scope_path_field = "unit__path"
    personal_fields = ("owner_name", "owner_phone")
    search_source_fields = ("name", "code", "address")

    class Meta:
        verbose_name = _("nhóm trẻ")
        verbose_name_plural = _("nhóm trẻ")
        ordering = ["sort_key", "id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "name"], name="registry_group_unit_name_unique"),
            models.UniqueConstraint(fields=["unit", "code"], condition=~models.Q(code=""),
                                    name="registry_group_unit_code_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:childcaregroup_detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.age_to_months is not None and self.age_from_months is not None \
                and self.age_to_months < self.age_from_months:
            errors["age_to_months"] = _("Tuổi tối đa phải lớn hơn hoặc bằng tuổi tối thiểu.")
        if self.is_licensed and not self.licence_number:
            errors["licence_number"] = _("Nhóm đã được cấp phép cần có số quyết định cấp phép.")
        if self.status == GroupStatus.CLOSED and not self.closed_on:
            errors["closed_on"] = _("Nhóm đã giải thể cần có ngày giải thể.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Cần nhập cả vĩ độ và kinh độ, hoặc để trống cả hai.")
        if errors:
            raise ValidationError(errors)

    def latest_enrolment(self) -> Enrolment | None:
        return self.enrolments.order_by("-as_of", "-id").first()


class _GroupPart(TrethoModel):
    """A record that belongs to one childcare group and is scoped through it."""

    scope_path_field = "group__unit__path"

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        return reverse(f"registry:{self._meta.model_name}_detail", args=[self.pk])


def _group_fk(related_name: str) -> models.ForeignKey:
    return models.ForeignKey(ChildcareGroup, verbose_name=_("nhóm trẻ"), on_delete=models.CASCADE,
                             related_name=related_name)


class ProgrammeSupport(_GroupPart):
    """Kiện toàn or thành lập mới under a programme plan: which plan and year, how much."""

    group = _group_fk("programme_supports")
    kind = models.CharField(_("hình thức hỗ trợ"), max_length=20, choices=ProgrammeSupportKind.choices)
    plan = models.ForeignKey("programmes.Plan", verbose_name=_("theo kế hoạch"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="group_supports")
    year = models.PositiveSmallIntegerField(_("năm"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    amount = models.DecimalField(_("kinh phí (đồng)"), null=True, blank=True, **MONEY)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("hỗ trợ kiện toàn, thành lập mới")
        verbose_name_plural = _("hỗ trợ kiện toàn, thành lập mới")
        ordering = ["group", "-year", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} – {self.group}"


class FacilitySupport(_GroupPart):
    group = _group_fk("facility_supports")
    date = models.DateField(_("ngày hỗ trợ"))
    items = models.CharField(_("trang thiết bị, đồ dùng"), max_length=500)
    value = models.DecimalField(_("trị giá (đồng)"), null=True, blank=True, **MONEY)
    source = models.CharField(_("nguồn"), max_length=20, choices=FundingSource.choices,
                              default=FundingSource.STATE_BUDGET)
    source_name = models.CharField(_("đơn vị hỗ trợ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("hỗ trợ cơ sở vật chất")
        verbose_name_plural = _("hỗ trợ cơ sở vật chất")
        ordering = ["group", "-date", "id"]

    def __str__(self) -> str:
        return f"{self.items[:60]} ({self.date:%d/%m/%Y}) – {self.group}"


class SupportPayment(_GroupPart):
    """Support money under Nghị định 105/2020: one-off per group, per child per month, per teacher per month."""

    group = _group_fk("support_payments")
    kind = models.CharField(_("loại hỗ trợ"), max_length=20, choices=PaymentKind.choices)
    paid_on = models.DateField(_("ngày chi"))
    months = models.PositiveSmallIntegerField(_("số tháng"), default=1, validators=[MaxValueValidator(12)])
    beneficiaries = models.PositiveIntegerField(_("số người được hưởng"), default=1,
                                                help_text=_("Số trẻ hoặc số giáo viên; 1 với hỗ trợ một lần."))
    amount = models.DecimalField(_("số tiền (đồng)"), **MONEY)
    decision = models.CharField(_("quyết định chi"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("khoản hỗ trợ theo Nghị định 105")
        verbose_name_plural = _("khoản hỗ trợ theo Nghị định 105")
        ordering = ["group", "-paid_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.paid_on:%d/%m/%Y} – {self.group}"


class Enrolment(_GroupPart):
    """A snapshot of the children in a group on one date; the latest shows on the group page."""

    group = _group_fk("enrolments")
    as_of = models.DateField(_("tại ngày"))
    children_3_12 = models.PositiveIntegerField(_("trẻ 3–12 tháng"), default=0)
    children_13_24 = models.PositiveIntegerField(_("trẻ 13–24 tháng"), default=0)
    children_25_36 = models.PositiveIntegerField(_("trẻ 25–36 tháng"), default=0)
    children_over_36 = models.PositiveIntegerField(_("trẻ trên 36 tháng"), default=0)
    girls = models.PositiveIntegerField(_("trẻ gái"), default=0)
    boys = models.PositiveIntegerField(_("trẻ trai"), default=0)
    workers_children = models.PositiveIntegerField(_("con công nhân khu công nghiệp"), default=0)

    class Meta:
        verbose_name = _("số trẻ theo học")
        verbose_name_plural = _("số trẻ theo học")
        ordering = ["group", "-as_of", "id"]
        constraints = [models.UniqueConstraint(fields=["group", "as_of"], name="registry_enrolment_group_date")]

    def __str__(self) -> str:
        return f"{self.as_of:%d/%m/%Y} – {self.group}"

    @property
    def total(self) -> int:
        return self.children_3_12 + self.children_13_24 + self.children_25_36 + self.children_over_36

    @property
    def under_36_months(self) -> int:
        return self.children_3_12 + self.children_13_24 + self.children_25_36

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.girls + self.boys != self.total:
            errors["boys"] = _("Số trẻ trai và trẻ gái (%(sexes)s) phải bằng tổng số trẻ theo độ tuổi (%(total)s).") % {
                "sexes": self.girls + self.boys, "total": self.total}
        if self.workers_children > self.total:
            errors["workers_children"] = _("Số con công nhân không thể lớn hơn tổng số trẻ (%(total)s).") % {
                "total": self.total}
        if errors:
            raise ValidationError(errors)


class HealthCheck(_GroupPart):
    group = _group_fk("health_checks")
    date = models.DateField(_("ngày khám"))
    provider = models.CharField(_("đơn vị khám"), max_length=200, help_text=_("Ví dụ: Trạm y tế phường."))
    children_examined = models.PositiveIntegerField(_("số trẻ được khám"))
    findings = models.TextField(_("kết quả, phát hiện"), blank=True)

    class Meta:
        verbose_name = _("khám sức khỏe")
        verbose_name_plural = _("khám sức khỏe")
        ordering = ["group", "-date", "id"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} – {self.group}"

