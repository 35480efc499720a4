"""The reporting cycle (issue 6): periods with their deadlines per level, report forms and their fields, and the
submissions units fill in, with their values and workflow history. Roll-ups of accepted values live in
`tretho.metrics.models.RollupValue` (rollups.py keeps them); reminders sent are logged in `ReminderLog`.

Periods and forms are reference data (read by every assigned user, written by administrators and programme
managers of the owner's subtree); submissions belong to the reporting unit (scope "unit__path").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tretho.core.models import NamedSearchMixin, TrethoModel
from tretho.metrics.models import ReferenceData

from .choices import ReminderKind, ReportLevel, SubmissionAction, SubmissionStatus

VALUE_DIGITS: dict[str, Any] = {"max_digits": 20, "decimal_places": 4}

# DHIS2 period identifiers: 2020 (year), 2020S1 (half year), 2020Q3 (quarter), 202011 (month).
PERIOD_ID_RE = re.compile(r"^(?P<year>\d{4})(?:S(?P<half>[12])|Q(?P<quarter>[1-4])|(?P<month>0[1-9]|1[0-2]))?$")


def period_span(period_id: str) -> tuple[dt.date, dt.date]:
    """The calendar span of a DHIS2 period id; ValueError when the id is not one."""
    match = PERIOD_ID_RE.match(period_id or "")
    if not match:
        raise ValueError(period_id)
    year = int(match["year"])
    if match["half"]:
        first, months = (int(match["half"]) - 1) * 6 + 1, 6
    elif match["quarter"]:
        first, months = (int(match["quarter"]) - 1) * 3 + 1, 3
    elif match["month"]:
        first, months = int(match["month"]), 1
    else:
        first, months = 1, 12
    last = first + months - 1
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def period_label(period_id: str) -> str:
    """"Năm 2020", "6 tháng đầu năm 2020", "Quý III/2020", "Tháng 11/2020"."""
    match = PERIOD_ID_RE.match(period_id or "")
    if not match:
        return period_id
    year = match["year"]
    if match["half"]:
        return str(_("6 tháng đầu năm %(year)s") if match["half"] == "1" else _("6 tháng cuối năm %(year)s")) % {
            "year": year}
    if match["quarter"]:
        return str(_("Quý %(q)s/%(year)s")) % {"q": ["I", "II", "III", "IV"][int(match["quarter"]) - 1], "year": year}
    if match["month"]:
        return str(_("Tháng %(m)s/%(year)s")) % {"m": int(match["month"]), "year": year}
    return str(_("Năm %(year)s")) % {"year": year}


def option_key(options: dict[str, str] | None) -> str:
    """The canonical breakdown key: "agegroup=0-3;sex=f" (sorted by breakdown code); "" is the total."""
    if not options:
        return ""
    return ";".join(f"{code}={options[code]}" for code in sorted(options))


def parse_option_key(key: str) -> dict[str, str]:
    if not key:
        return {}
    return dict(part.split("=", 1) for part in key.split(";"))


class ReportingPeriod(ReferenceData):
    """Kỳ báo cáo of a programme: "2020" with its span (a government cut-off 15/12/2019–14/12/2020 is fine),
    when filling opens and closes, and its deadline per level (PeriodDeadline)."""

    programme = models.ForeignKey("programmes.Programme", verbose_name=_("đề án"), on_delete=models.PROTECT,
                                  related_name="reporting_periods")
    period_id = models.CharField(_("mã kỳ"), max_length=10,
                                 help_text=_("Theo DHIS2: 2020 (năm), 2020S1 (6 tháng), 2020Q3 (quý), 202011 (tháng)."))
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    opens_on = models.DateField(_("mở nhập từ"), null=True, blank=True)
    closes_on = models.DateField(_("khóa nhập từ"), null=True, blank=True)
    is_closed = models.BooleanField(_("đã khóa kỳ"), default=False)

    scope_path_field = "programme__unit__path"

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["programme", "-start", "period_id"]
        constraints = [models.UniqueConstraint(fields=["programme", "period_id"],
                                               name="reporting_period_programme_id_unique")]

    def __str__(self) -> str:
        return f"{self.programme} — {self.label}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:reportingperiod_detail", args=[self.pk])

    @property
    def label(self) -> str:
        return period_label(self.period_id)

    @property
    def year(self) -> int:
        return int(self.period_id[:4])

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.period_id and not PERIOD_ID_RE.match(self.period_id):
            errors["period_id"] = _("Mã kỳ không đúng dạng: 2020, 2020S1, 2020Q3 hoặc 202011.")
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("Ngày kết thúc phải sau ngày bắt đầu.")
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            errors["closes_on"] = _("Ngày khóa nhập phải sau ngày mở nhập.")
        if errors:
            raise ValidationError(errors)

    def deadline_for(self, level: int) -> dt.date | None:
        for deadline in self.deadlines.all():  # type: ignore[attr-defined]
            if deadline.level == level:
                return deadline.deadline
        return None


class PeriodDeadline(ReferenceData):
    """Hạn nộp of one level for a period ("xã trước 20/11, huyện trước 10/11"): filled from the plans' reporting
    requirements (actions.do_fill_deadlines), editable."""

    period = models.ForeignKey(ReportingPeriod, verbose_name=_("kỳ báo cáo"), on_delete=models.CASCADE,
                               related_name="deadlines")
    level = models.PositiveSmallIntegerField(_("cấp báo cáo"), choices=ReportLevel.choices)
    deadline = models.DateField(_("hạn nộp"))

    scope_path_field = "period__programme__unit__path"

    class Meta:
        verbose_name = _("hạn nộp báo cáo")
        verbose_name_plural = _("hạn nộp báo cáo")
        ordering = ["period", "-level"]
        constraints = [models.UniqueConstraint(fields=["period", "level"], name="reporting_deadline_level_unique")]

    def __str__(self) -> str:
        return f"{self.period} — {self.get_level_display()}: {self.deadline:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:perioddeadline_detail", args=[self.pk])


class ReportForm(NamedSearchMixin, ReferenceData):
    """Mẫu báo cáo of a programme: its fields (FormField) and the fixed narrative sections of a Submission."""

    programme = models.ForeignKey("programmes.Programme", verbose_name=_("đề án"), on_delete=models.PROTECT,
                                  related_name="report_forms")
    code = models.SlugField(_("mã mẫu"), max_length=50)
    name = models.CharField(_("tên mẫu báo cáo"), max_length=300)
    description = models.TextField(_("hướng dẫn"), blank=True)
    levels = models.CharField(_("cấp báo cáo"), max_length=10, default="123", blank=True,
                              help_text=_("Các cấp dùng mẫu này: 1 tỉnh, 2 huyện, 3 xã (ví dụ 123)."))
    unit = models.ForeignKey("geo.AdministrativeUnit", verbose_name=_("đơn vị quản lý"), on_delete=models.PROTECT,
                             related_name="report_forms")
    is_active = models.BooleanField(_("đang dùng"), default=True)

    scope_path_field = "unit__path"
    search_source_fields = ("code", "name")

    class Meta:
        verbose_name = _("mẫu báo cáo")
        verbose_name_plural = _("mẫu báo cáo")
        ordering = ["programme", "sort_key"]
        constraints = [models.UniqueConstraint(fields=["programme", "code"], name="reporting_form_code_unique")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reporting:reportform_detail", args=[self.pk])

    def used_at_level(self, level: int) -> bool:
        return not self.levels or str(level) in self.levels

    def levels_label(self) -> str:
        """The levels by name ("Huyện, Xã"), not the stored digits ("23")."""
        from .choices import ReportLevel

        names = [str(ReportLevel(int(digit)).label) for digit in sorted(set(self.levels))
                 if digit.isdigit() and int(digit) in ReportLevel.values]
        return ", ".join(names) if names else str(_("Mọi cấp"))


class FormField(ReferenceData):
    """One number on a form: a data element, optionally one breakdown combination of it, with its checks."""

    form = models.ForeignKey(ReportForm, verbose_name=_("mẫu báo cáo"), on_delete=models.CASCADE,
                             related_name="fields")
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    section = models.CharField(_("mục"), max_length=200, blank=True, help_text=_("Ví dụ: I. Trẻ em."))
    data_element = models.ForeignKey("metrics.DataElement", verbose_name=_("chỉ tiêu báo cáo"),
                                     on_delete=models.PROTECT, related_name="form_fields")
    option_key = models.CharField(
        _("phân tổ"), max_length=200, blank=True, default="",
        help_text=_("Để trống là tổng; ví dụ agegroup=0-3;sex=f (theo mã phân tổ, xếp theo thứ tự chữ cái)."))
    label = models.CharField(_("nhãn"), max_length=300)
    required = models.BooleanField(_("bắt buộc"), default=False)
    min_value = models.DecimalField(_("giá trị nhỏ nhất"), null=True, blank=True, **VALUE_DIGITS)
    max_value = models.DecimalField(_("giá trị lớn nhất"), null=True, blank=True, **VALUE_DIGITS)
    prefill_metric = models.ForeignKey("metrics.Metric", verbose_name=_("điền sẵn từ số liệu"), null=True,
                                       blank=True, on_delete=models.SET_NULL, related_name="prefilled_fields")
    part_of = models.ForeignKey("self", verbose_name=_("là một phần của"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="parts",
                                help_text=_("Giá trị ô này không được lớn hơn giá trị ô tổng đã chọn."))

    scope_path_field = "form__unit__path"

    class Meta:
        verbose_name = _("ô báo cáo")
        verbose_name_plural = _("ô báo cáo")
        ordering = ["form", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["form", "data_element", "option_key"],
                                               name="reporting_field_element_option_unique")]

    def __str__(self) -> str:
        return f"{self.form.code}: {self.label}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:formfield_detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.min_value is not None and self.max_value is not None and self.max_value < self.min_value:
            errors["max_value"] = _("Giá trị lớn nhất phải lớn hơn hoặc bằng giá trị nhỏ nhất.")
        if self.option_key:
            try:
                options = parse_option_key(self.option_key)
            except ValueError:
                options = None
            if options is None or option_key(options) != self.option_key:
                errors["option_key"] = _("Phân tổ phải có dạng mã=giá_trị;mã=giá_trị, xếp theo mã phân tổ.")
        if self.part_of_id:
            if self.pk and self.part_of_id == self.pk:
                errors["part_of"] = _("Một ô không thể là một phần của chính nó.")
            elif self.form_id and self.part_of is not None and self.part_of.form_id != self.form_id:
                errors["part_of"] = _("Ô tổng phải thuộc cùng mẫu báo cáo.")
        if errors:
            raise ValidationError(errors)


class Submission(TrethoModel):
    """A unit's report for one period and form: draft → submitted → accepted, or returned → resubmitted."""

    unit = models.ForeignKey("geo.AdministrativeUnit", verbose_name=_("đơn vị báo cáo"), on_delete=models.PROTECT,
                             related_name="submissions")
    period = models.ForeignKey(ReportingPeriod, verbose_name=_("kỳ báo cáo"), on_delete=models.PROTECT,
                               related_name="submissions")
    form = models.ForeignKey(ReportForm, verbose_name=_("mẫu báo cáo"), on_delete=models.PROTECT,
                             related_name="submissions")
    status = models.CharField(_("trạng thái"), max_length=20, choices=SubmissionStatus.choices,
                              default=SubmissionStatus.DRAFT, editable=False)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người gửi"), null=True, blank=True,
                                     editable=False, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("duyệt/trả lúc"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người duyệt/trả"), null=True,
                                   blank=True, editable=False, on_delete=models.SET_NULL, related_name="+")
    return_comment = models.TextField(_("lý do trả lại"), blank=True, editable=False)
    missing_children_note = models.TextField(
        _("đơn vị cấp dưới chưa có báo cáo"), blank=True,
        help_text=_("Khi gửi trước khi báo cáo của cấp dưới được duyệt: liệt kê các đơn vị còn thiếu."))
    results_text = models.TextField(_("kết quả thực hiện"), blank=True)
    difficulties_text = models.TextField(_("khó khăn, vướng mắc"), blank=True)
    proposals_text = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    next_tasks_text = models.TextField(_("nhiệm vụ kỳ tới"), blank=True)

    scope_path_field = "unit__path"

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["-period__start", "unit__level", "unit__sort_key", "form"]
        constraints = [models.UniqueConstraint(fields=["unit", "period", "form"],
                                               name="reporting_submission_unit_period_form_unique")]
        indexes = [models.Index(fields=["period", "status"], name="reporting_sub_status_idx")]

    def __str__(self) -> str:
        return f"{self.form.name} — {self.unit} — {self.period.period_id}"  # the form's name, never its code

    def get_absolute_url(self) -> str:
        return reverse("reporting:submission_detail", args=[self.pk])

    def unit_in_force_problem(self) -> str:
        """Why the unit cannot report for the period ("" when it can): it must exist at the period's end, so
        its ancestors are the hierarchy the roll-ups follow (a 2020 report goes through the old district)."""
        if self.unit_id and self.period_id and not self.unit.is_in_force_on(self.period.end):
            return str(_("Đơn vị này không còn (hoặc chưa) tồn tại vào cuối kỳ báo cáo (%(date)s).") % {
                "date": self.period.end.strftime("%d/%m/%Y")})
        return ""

    @property
    def is_locked(self) -> bool:
        """Values and narratives can be edited only in draft or returned."""
        return self.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)

    def delete(self, *args, **kwargs):
        # An accepted report's values are in the roll-ups: reopen it first (which takes them out).
        if self.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED):
            raise models.ProtectedError(str(_("Báo cáo đã gửi hoặc đã duyệt, không xóa được.")), {self})
        return super().delete(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.form_id and self.period_id and self.form.programme_id != self.period.programme_id:
            raise ValidationError({"form": _("Mẫu báo cáo và kỳ báo cáo phải cùng một đề án.")})
        if self.unit_id and self.form_id and not self.form.used_at_level(self.unit.level):
            raise ValidationError({"unit": _("Mẫu báo cáo này không dùng cho cấp của đơn vị.")})


class SubmissionValue(TrethoModel):
    """The value of one field in a submission, with the pre-filled value it overrode and why."""

    submission = models.ForeignKey(Submission, verbose_name=_("báo cáo"), on_delete=models.CASCADE,
                                   related_name="values")
    field = models.ForeignKey(FormField, verbose_name=_("ô báo cáo"), on_delete=models.PROTECT,
                              related_name="values")
    value = models.DecimalField(_("giá trị"), null=True, blank=True, **VALUE_DIGITS)
    prefilled_value = models.DecimalField(_("giá trị điền sẵn"), null=True, blank=True, **VALUE_DIGITS)
    override_reason = models.TextField(_("lý do sửa giá trị điền sẵn"), blank=True)

    scope_path_field = "submission__unit__path"

    class Meta:
        verbose_name = _("giá trị báo cáo")
        verbose_name_plural = _("giá trị báo cáo")
        ordering = ["submission", "field__order", "field"]
        constraints = [models.UniqueConstraint(fields=["submission", "field"],
                                               name="reporting_value_submission_field_unique")]

    def __str__(self) -> str:
        return f"{self.field.label}: {'' if self.value is None else self.value}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:submissionvalue_detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        if self.submission_id and self.field_id and self.field.form_id != self.submission.form_id:
            raise ValidationError({"field": _("Ô báo cáo không thuộc mẫu của báo cáo này.")})

    @property
    def is_overridden(self) -> bool:
        return self.prefilled_value is not None and self.value != self.prefilled_value


class SubmissionEvent(TrethoModel):
    """One step of a submission's workflow (the history shown on its page)."""

    submission = models.ForeignKey(Submission, verbose_name=_("báo cáo"), on_delete=models.CASCADE,
                                   related_name="events")
    action = models.CharField(_("thao tác"), max_length=20, choices=SubmissionAction.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("lúc"), default=timezone.now)
    comment = models.TextField(_("ghi chú"), blank=True)

    scope_path_field = "submission__unit__path"

    class Meta:
        verbose_name = _("bước xử lý báo cáo")
        verbose_name_plural = _("lịch sử xử lý báo cáo")
        ordering = ["submission", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} — {self.at:%d/%m/%Y %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:submissionevent_detail", args=[self.pk])


class ReminderLog(TrethoModel):
    """One reminder e-mail sent (tretho send_report_reminders): to whom, for which unit, period and deadline."""

    period = models.ForeignKey(ReportingPeriod, verbose_name=_("kỳ báo cáo"), on_delete=models.CASCADE,
                               related_name="reminders")
    form = models.ForeignKey(ReportForm, verbose_name=_("mẫu báo cáo"), on_delete=models.CASCADE,
                             related_name="reminders")
    unit = models.ForeignKey("geo.AdministrativeUnit", verbose_name=_("đơn vị"), on_delete=models.CASCADE,
                             related_name="report_reminders")
    kind = models.CharField(_("loại nhắc"), max_length=20, choices=ReminderKind.choices)
    deadline = models.DateField(_("hạn nộp"))
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người nhận"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    email = models.EmailField(_("địa chỉ thư"))
    sent_at = models.DateTimeField(_("gửi lúc"), default=timezone.now)

    scope_path_field = "unit__path"
    personal_fields = ("email",)

    class Meta:
        verbose_name = _("thư nhắc báo cáo")
        verbose_name_plural = _("thư nhắc báo cáo")
        ordering = ["-sent_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["period", "form", "unit", "kind", "deadline", "email"],
                                               name="reporting_reminder_once")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.period.period_id} — {self.unit}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:reminderlog_detail", args=[self.pk])


ZERO = Decimal(0)
