"""Programmes, their phases and indicators: national reference data every assigned user reads (the owner unit
is the Việt Nam root for national programmes); administrators and programme managers of the owner unit edit."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tretho.core.models import NamedSearchMixin
from tretho.metrics.models import ReferenceData

from ..choices import Direction, UnitOfMeasure

YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]


def year_field(verbose_name, **kwargs) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(verbose_name, validators=YEAR_VALIDATORS, **kwargs)


def check_span(start: int | None, end: int | None, start_name: str = "start_year", end_name: str = "end_year"):
    if start and end and end < start:
        raise ValidationError({end_name: _("Năm kết thúc phải sau hoặc bằng năm bắt đầu.")})


class Programme(NamedSearchMixin, ReferenceData):
    """Đề án: "Đề án 404" (QĐ 404/QĐ-TTg, 20/3/2014), "Đề án 1437" (QĐ 1437/QĐ-TTg, 29/10/2018)."""

    code = models.CharField(_("mã"), max_length=30, unique=True, help_text=_("Ví dụ: 404, 1437."))
    title = models.CharField(_("tên đề án"), max_length=500)
    short_name = models.CharField(_("tên ngắn"), max_length=100, blank=True, help_text=_("Ví dụ: Đề án 404."))
    decision_number = models.CharField(_("số văn bản phê duyệt"), max_length=50, blank=True,
                                       help_text=_("Ví dụ: 404/QĐ-TTg."))
    decision_date = models.DateField(_("ngày phê duyệt"), null=True, blank=True)
    decision_issuer = models.CharField(_("cơ quan phê duyệt"), max_length=200, blank=True,
                                       help_text=_("Ví dụ: Thủ tướng Chính phủ."))
    start_year = year_field(_("từ năm"))
    end_year = year_field(_("đến năm"))
    general_objective = models.TextField(_("mục tiêu chung"), blank=True)
    unit = models.ForeignKey("geo.AdministrativeUnit", verbose_name=_("đơn vị quản lý"), on_delete=models.PROTECT,
                             related_name="programmes",
                             help_text=_("Đề án quốc gia thuộc đơn vị Việt Nam (cấp trung ương)."))

    scope_path_field = "unit__path"
    search_source_fields = ("code", "short_name", "title", "decision_number")
    sort_source_field = "title"

    class Meta:
        verbose_name = _("đề án")
        verbose_name_plural = _("đề án")
        ordering = ["start_year", "code"]

    def __str__(self) -> str:
        return self.short_name or f"Đề án {self.code}"

    def get_absolute_url(self) -> str:
        return reverse("programmes:programme_detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        check_span(self.start_year, self.end_year)

    @property
    def legal_basis(self) -> str:
        """"Quyết định số 404/QĐ-TTg ngày 20/3/2014 của Thủ tướng Chính phủ"."""
        parts = [f"Quyết định số {self.decision_number}" if self.decision_number else ""]
        if self.decision_date:
            parts.append(f"ngày {self.decision_date:%d/%m/%Y}")
        if self.decision_issuer:
            parts.append(f"của {self.decision_issuer}")
        return " ".join(part for part in parts if part)


class Phase(ReferenceData):
    """Giai đoạn of a programme, with its own span (2014–2017, 2018–2020)."""

    programme = models.ForeignKey(Programme, verbose_name=_("đề án"), on_delete=models.CASCADE,
                                  related_name="phases")
    name = models.CharField(_("tên giai đoạn"), max_length=200, help_text=_("Ví dụ: Giai đoạn I."))
    start_year = year_field(_("từ năm"))
    end_year = year_field(_("đến năm"))

    scope_path_field = "programme__unit__path"

    class Meta:
        verbose_name = _("giai đoạn")
        verbose_name_plural = _("giai đoạn")
        ordering = ["programme", "start_year"]
        constraints = [models.UniqueConstraint(fields=["programme", "name"], name="programmes_phase_name_unique")]

    def __str__(self) -> str:
        return f"{self.programme} — {self.name} ({self.span_label})"

    def get_absolute_url(self) -> str:
        return reverse("programmes:phase_detail", args=[self.pk])

    @property
    def span_label(self) -> str:
        return f"{self.start_year}–{self.end_year}" if self.end_year != self.start_year else str(self.start_year)

    def clean(self) -> None:
        super().clean()
        check_span(self.start_year, self.end_year)
        programme = getattr(self, "programme", None) if self.programme_id else None
        if programme and self.start_year and self.end_year and not (
                programme.start_year <= self.start_year and self.end_year <= programme.end_year):
            raise ValidationError(_("Giai đoạn phải nằm trong thời gian của đề án (%(span)s).") % {
                "span": f"{programme.start_year}–{programme.end_year}"})


class Indicator(NamedSearchMixin, ReferenceData):
    """A formula over metrics: numerator / denominator × factor, e.g. "Tỷ lệ trẻ em đến 8 tuổi được tiếp cận
    dịch vụ" = children reached / children up to 8 × 100. Plans of every level reuse it in their targets."""

    programme = models.ForeignKey(Programme, verbose_name=_("đề án"), on_delete=models.CASCADE,
                                  related_name="indicators")
    code = models.CharField(_("mã"), max_length=50)
    name = models.CharField(_("tên chỉ số"), max_length=500)
    definition = models.TextField(_("định nghĩa"), blank=True)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=20, choices=UnitOfMeasure.choices,
                                       default=UnitOfMeasure.PERCENT)
    numerator = models.ForeignKey("metrics.Metric", verbose_name=_("tử số"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="numerator_of")
    denominator = models.ForeignKey("metrics.Metric", verbose_name=_("mẫu số"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="denominator_of")
    factor = models.DecimalField(_("hệ số"), max_digits=12, decimal_places=4, default=Decimal(1),
                                 help_text=_("100 cho tỷ lệ phần trăm."))
    decimals = models.PositiveSmallIntegerField(_("số chữ số thập phân"), default=0,
                                                validators=[MaxValueValidator(6)])
    direction = models.CharField(_("chiều tốt"), max_length=10, choices=Direction.choices,
                                 default=Direction.HIGHER)
    breakdowns = models.ManyToManyField("metrics.Breakdown", verbose_name=_("phân tổ"), blank=True,
                                        related_name="indicators")

    scope_path_field = "programme__unit__path"
    search_source_fields = ("code", "name")

    class Meta:
        verbose_name = _("chỉ số")
        verbose_name_plural = _("chỉ số")
        ordering = ["programme", "code"]
        constraints = [models.UniqueConstraint(fields=["programme", "code"], name="programmes_indicator_code_unique")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programmes:indicator_detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        if self.unit_of_measure == UnitOfMeasure.PERCENT and self.numerator_id and not self.denominator_id:
            raise ValidationError({"denominator": _("Chỉ số tỷ lệ cần có mẫu số.")})
        if self.denominator_id and self.denominator_id == self.numerator_id:
            raise ValidationError({"denominator": _("Mẫu số phải khác tử số.")})
        if self.unit_of_measure == UnitOfMeasure.TEXT and (self.numerator_id or self.denominator_id):
            raise ValidationError({"numerator": _("Chỉ số dạng văn bản không có tử số, mẫu số.")})

    def value(self, numerator: Decimal | float | int | None, denominator: Decimal | float | int | None = None,
              ) -> Decimal | None:
        """The indicator's value from its metrics' values, rounded to its decimals; None when undefined."""
        if numerator is None:
            return None
        result = Decimal(str(numerator)) * self.factor
        if self.denominator_id is not None:
            if not denominator:
                return None
            result /= Decimal(str(denominator))
        return result.quantize(Decimal(1).scaleb(-self.decimals))
