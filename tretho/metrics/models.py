"""The metrics system (DESIGN.md "What flows through it"): breakdowns, reported data elements and the `Metric`
every indicator's numerator and denominator point at. A metric is either *reported* (a `DataElement`, filled in
on report forms) or *computed* (a function a domain app registers in `registry`); each has one `Metric` row,
kept in step by `sync`. Facts and roll-ups (unit, period, metric, breakdown option → value) come with the
reporting module.

No domain imports: units are referred to by the string "geo.AdministrativeUnit" only.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tretho.core.models import NamedSearchMixin, RestrictedManager, TrethoModel
from tretho.core.scoping import ADD, CHANGE, DELETE, ReadableByAllQuerySet

from . import registry
from .choices import MetricKind, ValueType

# Reference data is read by every assigned user and written only by administrators and programme managers
# in the owner unit's subtree (national definitions: at the Việt Nam root). Role codes as in accounts.choices.
REFERENCE_WRITERS = frozenset({"admin", "programme_manager"})
REFERENCE_ROLES_ALLOWED = dict.fromkeys((ADD, CHANGE, DELETE), REFERENCE_WRITERS)

ReferenceManager = models.Manager.from_queryset(ReadableByAllQuerySet)


class ReferenceData(TrethoModel):
    """Base of reference-data models: readable by all assigned users, written by managers of the owner unit."""

    objects = ReferenceManager()  # type: ignore[assignment,misc]  # a narrower manager than TrethoModel's
    scope_by_queryset = True
    roles_allowed = REFERENCE_ROLES_ALLOWED

    class Meta:
        abstract = True


def _owner_unit_field(related_name: str, null: bool = False) -> models.ForeignKey:
    return models.ForeignKey(
        "geo.AdministrativeUnit", verbose_name=_("đơn vị quản lý"), on_delete=models.PROTECT,
        related_name=related_name, null=null, blank=null,
        help_text=_("Định nghĩa dùng chung toàn quốc thuộc đơn vị Việt Nam (cấp trung ương)."),
    )


class Breakdown(NamedSearchMixin, ReferenceData):
    """A way to split a number: giới tính, nhóm tuổi, đối tượng."""

    code = models.SlugField(_("mã"), max_length=50, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    description = models.TextField(_("mô tả"), blank=True)
    unit = _owner_unit_field("breakdowns")

    scope_path_field = "unit__path"
    search_source_fields = ("code", "name")

    class Meta:
        verbose_name = _("phân tổ")
        verbose_name_plural = _("phân tổ")
        ordering = ["sort_key"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("metrics:breakdown_detail", args=[self.pk])


class BreakdownOption(NamedSearchMixin, ReferenceData):
    breakdown = models.ForeignKey(Breakdown, verbose_name=_("phân tổ"), on_delete=models.CASCADE,
                                  related_name="options")
    code = models.SlugField(_("mã"), max_length=50)
    name = models.CharField(_("tên"), max_length=200)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    scope_path_field = "breakdown__unit__path"

    class Meta:
        verbose_name = _("giá trị phân tổ")
        verbose_name_plural = _("giá trị phân tổ")
        ordering = ["breakdown", "order", "sort_key"]
        constraints = [models.UniqueConstraint(fields=["breakdown", "code"], name="metrics_option_code_unique")]

    def __str__(self) -> str:
        return f"{self.breakdown}: {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("metrics:breakdownoption_detail", args=[self.pk])


class DataElement(NamedSearchMixin, ReferenceData):
    """A number (or text) units report on a form: "Số nhóm trẻ độc lập tư thục", by breakdowns."""

    code = models.SlugField(_("mã"), max_length=80, unique=True)
    name = models.CharField(_("tên"), max_length=300)
    description = models.TextField(_("định nghĩa"), blank=True)
    value_type = models.CharField(_("kiểu giá trị"), max_length=20, choices=ValueType.choices,
                                  default=ValueType.NUMBER)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=50, blank=True,
                                       help_text=_("Ví dụ: nhóm, trẻ, người, đồng."))
    breakdowns = models.ManyToManyField(Breakdown, verbose_name=_("phân tổ"), blank=True,
                                        related_name="data_elements")
    unit = _owner_unit_field("data_elements")
    is_active = models.BooleanField(_("đang dùng"), default=True)

    scope_path_field = "unit__path"
    search_source_fields = ("code", "name")

    class Meta:
        verbose_name = _("chỉ tiêu báo cáo")
        verbose_name_plural = _("chỉ tiêu báo cáo")
        ordering = ["sort_key"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("metrics:dataelement_detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        if self.code and registry.is_computed(self.code):
            raise ValidationError({"code": _("Mã này đã dùng cho một số liệu tính tự động.")})
        clash = Metric.objects.filter(code=self.code)
        if self.pk is not None:
            clash = clash.exclude(data_element_id=self.pk)
        if self.code and clash.exists():
            raise ValidationError({"code": _("Mã này đã dùng cho một số liệu khác.")})

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        from .sync import sync_data_element

        sync_data_element(self)


class Metric(NamedSearchMixin, ReferenceData):
    """What an indicator's numerator or denominator is: one row per data element and per computed metric."""

    code = models.CharField(_("mã"), max_length=80, unique=True)
    name = models.CharField(_("tên"), max_length=300)
    kind = models.CharField(_("loại"), max_length=20, choices=MetricKind.choices)
    data_element = models.OneToOneField(DataElement, verbose_name=_("chỉ tiêu báo cáo"), null=True, blank=True,
                                        on_delete=models.CASCADE, related_name="metric")
    value_type = models.CharField(_("kiểu giá trị"), max_length=20, choices=ValueType.choices,
                                  default=ValueType.NUMBER)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=50, blank=True)
    # National for computed metrics (the Việt Nam root; empty until units are loaded), else the element's unit.
    unit = _owner_unit_field("metrics", null=True)
    is_active = models.BooleanField(
        _("đang dùng"), default=True,
        help_text=_("Số liệu tính tự động không còn được đăng ký trong mã nguồn thì ngừng dùng, không bị xóa."),
    )

    scope_path_field = "unit__path"
    search_source_fields = ("code", "name")

    class Meta:
        verbose_name = _("số liệu")
        verbose_name_plural = _("số liệu")
        ordering = ["sort_key"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind=MetricKind.REPORTED, data_element__isnull=False)
                           | models.Q(kind=MetricKind.COMPUTED, data_element__isnull=True)),
                name="metrics_metric_kind_matches_source",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def get_absolute_url(self) -> str:
        return reverse("metrics:metric_detail", args=[self.pk])

    @property
    def is_computed(self) -> bool:
        return self.kind == MetricKind.COMPUTED

    def breakdown_codes(self) -> tuple[str, ...]:
        if self.is_computed:
            return registry.get_computed(self.code).breakdowns if registry.is_computed(self.code) else ()
        if self.data_element_id is None:
            return ()
        return tuple(self.data_element.breakdowns.values_list("code", flat=True))  # type: ignore[union-attr]

    def breakdowns(self) -> models.QuerySet[Breakdown]:
        return Breakdown.objects.filter(code__in=self.breakdown_codes())

    def compute(self, unit_path: str, start, end):
        """The value of a computed metric for a unit's subtree and period (reported values come from facts)."""
        if not self.is_computed:
            raise registry.MetricRegistryError(f"{self.code} is reported, not computed")
        return registry.compute(self.code, unit_path, start, end)


class RollupValue(models.Model):
    """The running total of accepted reported values for a unit's subtree, one period, one data element and one
    breakdown combination ("" = total). Kept by tretho.reporting.rollups in the accepting transaction (for the
    unit and each ancestor in the hierarchy in force for the period) and recomputed by `tretho rebuild_rollups`.
    Derived data: no history of its own (the submissions carry it); `level` copies the unit's level so that
    "every province × one period" reads one index range."""

    unit = models.ForeignKey("geo.AdministrativeUnit", verbose_name=_("đơn vị"), on_delete=models.CASCADE,
                             related_name="rollup_values")
    level = models.PositiveSmallIntegerField(_("cấp"))
    period_id = models.CharField(_("mã kỳ"), max_length=10)
    data_element = models.ForeignKey(DataElement, verbose_name=_("chỉ tiêu báo cáo"), on_delete=models.CASCADE,
                                     related_name="rollup_values")
    option_key = models.CharField(_("phân tổ"), max_length=200, blank=True, default="")
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4, default=0)
    # Signed: a reopen's upsert row carries -1 (it always meets the existing row).
    submissions = models.IntegerField(_("số báo cáo đã duyệt"), default=0)

    objects = RestrictedManager()

    scope_path_field = "unit__path"

    class Meta:
        verbose_name = _("số liệu tổng hợp")
        verbose_name_plural = _("số liệu tổng hợp")
        constraints = [
            models.UniqueConstraint(fields=["unit", "period_id", "data_element", "option_key"],
                                    name="metrics_rollup_unique"),
        ]
        indexes = [
            models.Index(fields=["period_id", "level", "data_element", "option_key"], name="metrics_rollup_level_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.period_id} {self.data_element_id} {self.option_key or '∑'}: {self.value}"
