"""The parts of a plan kept as records: objectives, targets, tasks, agencies' duties, reporting requirements
and recipients. Each belongs to one plan, is ordered within it, and is locked with it once the plan is issued."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tretho.core.formats import format_number
from tretho.core.models import TrethoModel
from tretho.core.scoping import VIEW, RestrictedQuerySet

from ..choices import BudgetSource, Channel, Comparison, Frequency, ObjectiveKind
from ..locking import ensure_plan_editable
from .plan import READ_ACTIONS, Plan, text_lines
from .programme import year_field


class PlanPartQuerySet(RestrictedQuerySet):
    def restrict(self, user: Any, action: str = VIEW) -> RestrictedQuerySet:
        """Read with the plan (a commune reads the parts of the province plan it implements); write within the
        plan's unit subtree."""
        if action in READ_ACTIONS:
            return self.filter(plan__in=Plan.objects.restrict(user, action).values("pk"))
        return super().restrict(user, action)


class PlanPart(TrethoModel):
    """Base of a plan's parts: ordered within the plan, scoped and locked by it."""

    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="+")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0, help_text=_("Để 0 để xếp cuối."))

    objects = PlanPartQuerySet.as_manager()  # type: ignore[assignment,misc]  # narrower than TrethoModel's

    scope_path_field = "plan__unit__path"
    scope_by_queryset = True

    class Meta:
        abstract = True
        ordering = ["plan", "order", "pk"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        ensure_plan_editable(self.plan_id)
        if self.pk is not None:
            stored_plan = type(self)._base_manager.filter(pk=self.pk).values_list("plan_id", flat=True).first()
            if stored_plan != self.plan_id:
                ensure_plan_editable(stored_plan)  # moved away from an issued plan: refused too
        if not self.order:
            last = type(self)._base_manager.filter(plan_id=self.plan_id).aggregate(top=models.Max("order"))["top"]
            self.order = (last or 0) + 1
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        ensure_plan_editable(self.plan_id)
        return super().delete(*args, **kwargs)

    def breadcrumb_units(self) -> list:
        return self.plan.breadcrumb_units()

    def url_name(self) -> str:
        return f"programmes:{self._meta.model_name}_detail"

    def get_absolute_url(self) -> str:
        return reverse(self.url_name(), args=[self.pk])

    def check_same_plan(self, field: str, other: Any) -> None:
        if other is not None and other.plan_id != self.plan_id:
            raise ValidationError({field: _("Phải thuộc cùng kế hoạch.")})


def _plan_fk(related_name: str) -> models.ForeignKey:
    return models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name=related_name)


class PlanObjective(PlanPart):
    """Mục tiêu: general, or specific with a milestone ("75% đến năm 2020", "90% giai đoạn 2021–2025")."""

    plan = _plan_fk("objectives")  # type: ignore[assignment]  # the same field, its own reverse name
    kind = models.CharField(_("loại mục tiêu"), max_length=20, choices=ObjectiveKind.choices,
                            default=ObjectiveKind.SPECIFIC)
    text = models.TextField(_("nội dung"))
    milestone_value = models.DecimalField(_("giá trị mốc"), max_digits=14, decimal_places=2, null=True, blank=True)
    milestone_year = year_field(_("đến năm"), null=True, blank=True)
    milestone_phase = models.ForeignKey("programmes.Phase", verbose_name=_("giai đoạn"), null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="objectives")
    indicator = models.ForeignKey("programmes.Indicator", verbose_name=_("chỉ số"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="objectives")

    class Meta(PlanPart.Meta):
        verbose_name = _("mục tiêu")
        verbose_name_plural = _("mục tiêu")

    def __str__(self) -> str:
        return _short(self.text)

    @property
    def milestone_label(self) -> str:
        """"đến năm 2020", "giai đoạn 2021–2025" (grouping of specific objectives in the document)."""
        if self.milestone_phase_id:
            return f"giai đoạn {self.milestone_phase.span_label}"  # type: ignore[union-attr]
        return f"đến năm {self.milestone_year}" if self.milestone_year else ""

    def clean(self) -> None:
        super().clean()
        if self.kind == ObjectiveKind.GENERAL and (self.milestone_year or self.milestone_phase_id):
            raise ValidationError({"milestone_year": _("Mục tiêu chung không có mốc thời gian.")})
        if self.milestone_year and self.milestone_phase_id:
            raise ValidationError({"milestone_phase": _("Chọn năm hoặc giai đoạn, không chọn cả hai.")})


class PlanTarget(PlanPart):
    """Chỉ tiêu: a value of an indicator (or a free-text target) by a year or deadline, with its "of which"
    parts ("20 nhóm trẻ, trong đó ít nhất 80% kiện toàn và 20% thành lập mới") and, when it carries out a
    target of the plan above, that target (`parent_target`) — the basis of distribution among lower units."""

    plan = _plan_fk("targets")  # type: ignore[assignment]  # the same field, its own reverse name
    indicator = models.ForeignKey("programmes.Indicator", verbose_name=_("chỉ số"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="targets")
    text = models.TextField(_("nội dung chỉ tiêu"), blank=True,
                            help_text=_("Ví dụ: hỗ trợ kiện toàn và phát triển mới nhóm trẻ, mỗi nhóm 15–50 cháu."))
    comparison = models.CharField(_("so sánh"), max_length=10, choices=Comparison.choices, blank=True,
                                  default=Comparison.EXACT)
    value = models.DecimalField(_("giá trị"), max_digits=16, decimal_places=2, null=True, blank=True)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=50, blank=True,
                                       help_text=_("Ví dụ: %, nhóm trẻ, người."))
    year = year_field(_("năm đạt"), null=True, blank=True)
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    area = models.ForeignKey("geo.AdministrativeUnit", verbose_name=_("địa bàn áp dụng"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="plan_targets",
                             help_text=_("Để trống khi áp dụng cho cả địa bàn của kế hoạch."))
    part_of = models.ForeignKey("self", verbose_name=_("thuộc chỉ tiêu"), null=True, blank=True,
                                on_delete=models.CASCADE, related_name="parts",
                                help_text=_("Phần “trong đó” của một chỉ tiêu cùng kế hoạch."))
    parent_target = models.ForeignKey("self", verbose_name=_("chỉ tiêu cấp trên"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="distributed",
                                      help_text=_("Chỉ tiêu của kế hoạch cấp trên mà chỉ tiêu này thực hiện."))

    class Meta(PlanPart.Meta):
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self) -> str:
        return self.label

    @property
    def value_label(self) -> str:
        """"ít nhất 80%", "20 nhóm trẻ" (numbers the Vietnamese way)."""
        if self.value is None:
            return ""
        amount = Decimal(str(self.value))
        decimals = max(0, -int(amount.normalize().as_tuple().exponent))
        number = format_number(amount, decimals)
        unit = self.unit_of_measure
        shown = f"{number}%" if unit == "%" else " ".join(part for part in (number, unit) if part)
        prefix = {"at_least": "ít nhất", "at_most": "không quá"}.get(str(self.comparison), "")
        return f"{prefix} {shown}".strip()

    @property
    def subject(self) -> str:
        """What is counted: the target's text, else its indicator's name."""
        return self.text or (self.indicator.name if self.indicator_id else "")  # type: ignore[union-attr]

    @property
    def label(self) -> str:
        return _short(" ".join(part for part in (self.value_label, self.subject) if part))

    def clean(self) -> None:
        super().clean()
        if not self.text.strip() and not self.indicator_id:
            raise ValidationError({"text": _("Ghi nội dung chỉ tiêu hoặc chọn chỉ số.")})
        if self.part_of_id:
            self.check_same_plan("part_of", self.part_of)
            if self.part_of_id == self.pk:
                raise ValidationError({"part_of": _("Một chỉ tiêu không thể là phần của chính nó.")})
        if self.parent_target_id and self.parent_target.plan_id == self.plan_id:  # type: ignore[union-attr]
            raise ValidationError({"parent_target": _("Chỉ tiêu cấp trên phải thuộc kế hoạch khác.")})
        if self.area_id and self.plan_id and not self.area.path.startswith(self.plan.unit.path):  # type: ignore
            raise ValidationError({"area": _("Địa bàn áp dụng phải thuộc địa bàn của kế hoạch.")})


class PlanTask(PlanPart):
    """Nhiệm vụ, giải pháp / nội dung hoạt động: numbered, with sub-items, a lead agency and a deadline."""

    plan = _plan_fk("tasks")  # type: ignore[assignment]  # the same field, its own reverse name
    parent = models.ForeignKey("self", verbose_name=_("thuộc nhiệm vụ"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="subtasks")
    title = models.CharField(_("nhiệm vụ"), max_length=1000)
    description = models.TextField(_("mô tả"), blank=True)
    lead_agency = models.ForeignKey("orgs.Agency", verbose_name=_("cơ quan chủ trì"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="led_plan_tasks")
    lead_text = models.CharField(_("đơn vị chủ trì (ghi tên)"), max_length=300, blank=True,
                                 help_text=_("Khi đơn vị chủ trì không có trong danh mục cơ quan."))
    cooperating_agencies = models.ManyToManyField("orgs.Agency", verbose_name=_("cơ quan phối hợp"), blank=True,
                                                  related_name="cooperating_plan_tasks")
    assigned_units = models.ManyToManyField("geo.AdministrativeUnit", verbose_name=_("giao cho cấp dưới"),
                                            blank=True, related_name="assigned_plan_tasks")
    start = models.DateField(_("bắt đầu"), null=True, blank=True)
    deadline = models.DateField(_("thời hạn hoàn thành"), null=True, blank=True)
    expected_output = models.TextField(_("sản phẩm, kết quả dự kiến"), blank=True)
    budget_amount = models.DecimalField(_("dự toán kinh phí (đồng)"), max_digits=16, decimal_places=0, null=True,
                                        blank=True)
    budget_source = models.CharField(_("nguồn kinh phí"), max_length=20, choices=BudgetSource.choices, blank=True)

    class Meta(PlanPart.Meta):
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")

    def __str__(self) -> str:
        return _short(self.title)

    @property
    def number(self) -> str:
        """"3" for a task, "3.2" for the second sub-item of task 3 (by position, as the document numbers them)."""
        siblings = type(self)._base_manager.filter(plan_id=self.plan_id, parent_id=self.parent_id)
        position = siblings.filter(models.Q(order__lt=self.order) | models.Q(order=self.order, pk__lt=self.pk)
                                   ).count() + 1
        return f"{self.parent.number}.{position}" if self.parent_id else str(position)  # type: ignore[union-attr]

    @property
    def lead_name(self) -> str:
        return str(self.lead_agency) if self.lead_agency_id else self.lead_text

    def clean(self) -> None:
        super().clean()
        self.check_same_plan("parent", self.parent)
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("Một nhiệm vụ không thể thuộc chính nó.")})
        if self.start and self.deadline and self.deadline < self.start:
            raise ValidationError({"deadline": _("Thời hạn phải sau ngày bắt đầu.")})
        if self.budget_amount is not None and not self.budget_source:
            raise ValidationError({"budget_source": _("Ghi nguồn của kinh phí dự toán.")})


class AgencyDuty(PlanPart):
    """Tổ chức thực hiện: an agency's (or a named body's) duties, one line each."""

    plan = _plan_fk("agency_duties")  # type: ignore[assignment]  # the same field, its own reverse name
    agency = models.ForeignKey("orgs.Agency", verbose_name=_("cơ quan"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="plan_duties")
    body_name = models.CharField(_("tên đơn vị (ghi tên)"), max_length=300, blank=True,
                                 help_text=_("Khi không chọn cơ quan, ví dụ: Hội LHPN các huyện, thị, thành phố."))
    intro = models.TextField(_("đoạn mở đầu"), blank=True)
    duties = models.TextField(_("nhiệm vụ"), blank=True, help_text=_("Mỗi dòng một nhiệm vụ."))

    class Meta(PlanPart.Meta):
        verbose_name = _("nhiệm vụ của cơ quan")
        verbose_name_plural = _("nhiệm vụ của các cơ quan")

    def __str__(self) -> str:
        return self.heading or _short(self.intro or self.duties)

    @property
    def heading(self) -> str:
        return str(self.agency) if self.agency_id else self.body_name

    def duty_lines(self) -> list[str]:
        return text_lines(self.duties)

    def clean(self) -> None:
        super().clean()
        if not self.intro.strip() and not self.duties.strip():
            raise ValidationError({"duties": _("Ghi ít nhất một nhiệm vụ.")})
        if self.agency_id and self.body_name.strip():
            raise ValidationError({"body_name": _("Chọn cơ quan hoặc ghi tên đơn vị, không cả hai.")})


# Months between two deadlines of a recurring report.
_STEP_MONTHS = {Frequency.YEARLY: 12, Frequency.HALF_YEARLY: 6, Frequency.QUARTERLY: 3, Frequency.MONTHLY: 1}


class ReportingRequirement(PlanPart):
    """Chế độ báo cáo: what is reported, by whom, to whom, how often and by when ("trước ngày 20/11 hằng năm",
    "trước ngày 10/11/2020"), through which channel."""

    plan = _plan_fk("reporting_requirements")  # type: ignore[assignment]  # the same field, its own reverse name
    subject = models.CharField(_("nội dung báo cáo"), max_length=500,
                               help_text=_("Ví dụ: Kết quả thực hiện Kế hoạch."))
    reporter_level = models.PositiveSmallIntegerField(_("cấp báo cáo"), null=True, blank=True,
                                                      choices=[(1, _("Tỉnh")), (2, _("Huyện")), (3, _("Xã"))])
    reporter_text = models.CharField(_("đơn vị báo cáo"), max_length=300, blank=True,
                                     help_text=_("Ví dụ: Các cơ quan, ban ngành, các tổ dân phố."))
    recipient_agency = models.ForeignKey("orgs.Agency", verbose_name=_("gửi đến cơ quan"), null=True, blank=True,
                                         on_delete=models.PROTECT, related_name="reports_requested")
    recipient_text = models.CharField(_("gửi đến (ghi tên)"), max_length=300, blank=True,
                                      help_text=_("Ví dụ: Ủy ban nhân dân phường (qua bộ phận LĐTBXH)."))
    frequency = models.CharField(_("tần suất"), max_length=20, choices=Frequency.choices, default=Frequency.YEARLY)
    deadline_day = models.PositiveSmallIntegerField(_("hạn: ngày"), null=True, blank=True,
                                                    validators=[MinValueValidator(1), MaxValueValidator(31)])
    deadline_month = models.PositiveSmallIntegerField(_("hạn: tháng"), null=True, blank=True,
                                                      validators=[MinValueValidator(1), MaxValueValidator(12)],
                                                      help_text=_("Với báo cáo định kỳ: tháng của hạn đầu tiên."))
    deadline_date = models.DateField(_("hạn: ngày cụ thể"), null=True, blank=True,
                                     help_text=_("Với báo cáo một lần, ví dụ 10/11/2020."))
    channel = models.CharField(_("hình thức gửi"), max_length=20, choices=Channel.choices, default=Channel.PAPER)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta(PlanPart.Meta):
        verbose_name = _("yêu cầu báo cáo")
        verbose_name_plural = _("chế độ báo cáo")

    def __str__(self) -> str:
        return _short(f"{self.subject} — {self.deadline_label}" if self.deadline_label else self.subject)

    @property
    def recipient_name(self) -> str:
        return str(self.recipient_agency) if self.recipient_agency_id else self.recipient_text

    @property
    def deadline_label(self) -> str:
        """"trước ngày 20/11 hằng năm", "trước ngày 10/11/2020", "trước ngày 25 hằng tháng"."""
        if self.frequency == Frequency.ONCE and self.deadline_date:
            return f"trước ngày {self.deadline_date:%d/%m/%Y}"
        if self.frequency == Frequency.MONTHLY and self.deadline_day:
            return f"trước ngày {self.deadline_day} hằng tháng"
        if self.deadline_day and self.deadline_month:
            first = f"{self.deadline_day:02d}/{self.deadline_month:02d}"
            if self.frequency == Frequency.YEARLY:
                return f"trước ngày {first} hằng năm"
            dates = ", ".join(f"{d.day:02d}/{d.month:02d}" for d in self.deadlines_in_year(2001))
            return f"trước các ngày {dates} hằng năm"
        return ""

    def deadlines_in_year(self, year: int) -> list[dt.date]:
        """The report's deadlines falling in year (a 31st becomes the month's last day)."""
        if self.frequency == Frequency.ONCE:
            return [self.deadline_date] if self.deadline_date and self.deadline_date.year == year else []
        step = _STEP_MONTHS.get(self.frequency)  # type: ignore[call-overload]
        if step is None or not self.deadline_day:
            return []
        first_month = self.deadline_month or 1
        months = sorted({(first_month - 1 + step * k) % 12 + 1 for k in range(12 // step)})
        return [dt.date(year, m, min(self.deadline_day, calendar.monthrange(year, m)[1])) for m in months]

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if self.frequency == Frequency.ONCE and not self.deadline_date:
            errors["deadline_date"] = _("Báo cáo một lần cần hạn là một ngày cụ thể.")
        if self.frequency in _STEP_MONTHS and not self.deadline_day:
            errors["deadline_day"] = _("Báo cáo định kỳ cần ngày của hạn nộp.")
        if self.frequency in (Frequency.YEARLY, Frequency.HALF_YEARLY, Frequency.QUARTERLY) and not self.deadline_month:
            errors["deadline_month"] = _("Báo cáo định kỳ cần tháng của hạn nộp.")
        if self.deadline_day and self.deadline_month and self.deadline_day > calendar.monthrange(2024,
                                                                                              self.deadline_month)[1]:
            errors["deadline_day"] = _("Tháng %(month)s không có ngày %(day)s.") % {
                "month": self.deadline_month, "day": self.deadline_day}
        if self.recipient_agency_id and self.recipient_text.strip():
            errors["recipient_text"] = _("Chọn cơ quan nhận hoặc ghi tên, không cả hai.")
        if errors:
            raise ValidationError(errors)


class PlanRecipient(PlanPart):
    """One "Nơi nhận" line ("Ban Điều hành Đề án TW;"), the last typically "Lưu: VT, …"."""

    plan = _plan_fk("recipients")  # type: ignore[assignment]  # the same field, its own reverse name
    text = models.CharField(_("nơi nhận"), max_length=300)

    class Meta(PlanPart.Meta):
        verbose_name = _("nơi nhận")
        verbose_name_plural = _("nơi nhận")

    def __str__(self) -> str:
        return self.text


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
