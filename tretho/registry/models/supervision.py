"""Supervision (giám sát) of childcare groups against a versioned checklist. The rules change (Thông tư
49/2021/TT-BGDĐT today), so the checklist is data: a template per version with its effective dates, and a visit
records the version in force on its date."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tretho.core.models import TrethoModel
from tretho.metrics.models import ReferenceData

from ..choices import AutoCheck, CriterionKind, CriterionResult, FollowUpStatus, VisitOutcome
from .groups import _group_fk, _GroupPart


class ChecklistTemplate(ReferenceData):
    code = models.SlugField(_("mã"), max_length=50)
    name = models.CharField(_("tên bộ tiêu chí"), max_length=300)
    # Not "version": that name is TrethoModel's integer for optimistic concurrency.
    version_label = models.CharField(_("phiên bản"), max_length=30)
    legal_basis = models.CharField(_("căn cứ"), max_length=300, blank=True)
    effective_from = models.DateField(_("áp dụng từ ngày"))
    effective_to = models.DateField(_("áp dụng đến ngày"), null=True, blank=True)
    unit = models.ForeignKey("geo.AdministrativeUnit", verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT,
                             related_name="checklist_templates")

    scope_path_field = "unit__path"

    class Meta:
        verbose_name = _("bộ tiêu chí giám sát")
        verbose_name_plural = _("bộ tiêu chí giám sát")
        ordering = ["code", "-effective_from"]
        constraints = [models.UniqueConstraint(fields=["code", "version_label"],
                                               name="registry_checklist_code_version")]

    def __str__(self) -> str:
        return f"{self.name} ({self.version_label})"

    def get_absolute_url(self) -> str:
        return reverse("registry:checklisttemplate_detail", args=[self.pk])

    @classmethod
    def in_force_on(cls, day: dt.date, code: str | None = None) -> ChecklistTemplate | None:
        """The version in force on day (of the given checklist code), the most recent one if several overlap."""
        templates = cls.objects.filter(effective_from__lte=day).filter(
            models.Q(effective_to__isnull=True) | models.Q(effective_to__gte=day))
        if code:
            templates = templates.filter(code=code)
        return templates.order_by("-effective_from", "-id").first()

    def clean(self) -> None:
        super().clean()
        if self.effective_to and self.effective_from and self.effective_to < self.effective_from:
            raise ValidationError({"effective_to": _("Ngày hết hiệu lực phải sau ngày bắt đầu áp dụng.")})
        if self.pk and self.effective_from:
            # Visits keep the version in force on their date: its dates may not move away from them.
            outside = models.Q(date__lt=self.effective_from)
            if self.effective_to:
                outside |= models.Q(date__gt=self.effective_to)
            stranded = self.visits.filter(outside).count()
            if stranded:
                raise ValidationError(_("%(count)s lần giám sát đã ghi theo phiên bản này nằm ngoài thời gian áp dụng "
                                        "mới.") % {"count": stranded})


class ChecklistCriterion(ReferenceData):
    template = models.ForeignKey(ChecklistTemplate, verbose_name=_("bộ tiêu chí"), on_delete=models.CASCADE,
                                 related_name="criteria")
    code = models.CharField(_("mã tiêu chí"), max_length=20)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    text = models.CharField(_("nội dung tiêu chí"), max_length=500)
    legal_basis = models.CharField(_("căn cứ"), max_length=300, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=CriterionKind.choices, default=CriterionKind.YES_NO)
    limit = models.DecimalField(_("ngưỡng"), max_digits=10, decimal_places=2, null=True, blank=True)
    auto_check = models.CharField(_("tự tính từ dữ liệu nhóm"), max_length=30, choices=AutoCheck.choices,
                                  blank=True, default=AutoCheck.NONE)

    scope_path_field = "template__unit__path"
    MEANING_FIELDS = ("template_id", "text", "kind", "limit", "auto_check")

    class Meta:
        verbose_name = _("tiêu chí giám sát")
        verbose_name_plural = _("tiêu chí giám sát")
        ordering = ["template", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["template", "code"], name="registry_criterion_code")]

    def __str__(self) -> str:
        return f"{self.code}. {self.text[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("registry:checklistcriterion_detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        if self.kind != CriterionKind.YES_NO and self.limit is None:
            raise ValidationError({"limit": _("Tiêu chí dạng số cần có ngưỡng.")})
        if self.pk:
            # Results recorded against a criterion mean what it said then: a new rule is a new version.
            saved = type(self)._base_manager.filter(pk=self.pk).values(*self.MEANING_FIELDS).first()
            changed = saved and any(saved[name] != getattr(self, name) for name in self.MEANING_FIELDS)
            used = changed and self.results.count()
            if used:
                raise ValidationError(_("Tiêu chí đã được dùng trong %(count)s kết quả giám sát: không sửa nội dung, "
                                        "loại, ngưỡng hay cách tự tính; hãy tạo phiên bản mới của bộ tiêu chí.")
                                      % {"count": used})


class SupervisionVisit(_GroupPart):
    group = _group_fk("visits")
    date = models.DateField(_("ngày giám sát"))
    template = models.ForeignKey(ChecklistTemplate, verbose_name=_("bộ tiêu chí"), on_delete=models.PROTECT,
                                 related_name="visits",
                                 help_text=_("Phiên bản có hiệu lực vào ngày giám sát."))
    team_agencies = models.ManyToManyField("orgs.Agency", verbose_name=_("cơ quan tham gia"), blank=True,
                                           related_name="supervision_visits")
    team_members = models.TextField(_("thành viên đoàn"), blank=True)
    outcome = models.CharField(_("kết quả chung"), max_length=20, choices=VisitOutcome.choices, blank=True)
    findings = models.TextField(_("nhận xét, phát hiện"), blank=True)
    recommendations = models.TextField(_("kiến nghị"), blank=True)
    follow_up_deadline = models.DateField(_("hạn khắc phục"), null=True, blank=True)
    follow_up_status = models.CharField(_("tình trạng khắc phục"), max_length=20, choices=FollowUpStatus.choices,
                                        default=FollowUpStatus.NONE)
    follow_up_done_on = models.DateField(_("ngày khắc phục xong"), null=True, blank=True)
    tasks = models.ManyToManyField("programmes.PlanTask", verbose_name=_("thực hiện nhiệm vụ kế hoạch"), blank=True,
                                   related_name="supervisionvisits")

    personal_fields = ("team_members",)
    date_field = "date"  # the day that counts for plan task progress (as activities' date_field)

    class Meta:
        verbose_name = _("lần giám sát")
        verbose_name_plural = _("giám sát nhóm trẻ")
        ordering = ["-date", "id"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} – {self.group}"

    @property
    def activity_date(self) -> dt.date:
        """The day shown beside it among a plan task's activities (as an activity's activity_date)."""
        return self.date

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.follow_up_status in (FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS) \
                and not self.follow_up_deadline:
            errors["follow_up_deadline"] = _("Cần hạn khắc phục khi còn kiến nghị chưa khắc phục.")
        if self.follow_up_status == FollowUpStatus.DONE and not self.follow_up_done_on:
            errors["follow_up_done_on"] = _("Cần ngày khắc phục xong.")
        if self.template_id and self.date:
            template = self.template
            if template.effective_from > self.date or (template.effective_to and template.effective_to < self.date):
                errors["template"] = _("Bộ tiêu chí này không có hiệu lực vào ngày giám sát.")
        if errors:
            raise ValidationError(errors)


class VisitResult(TrethoModel):
    visit = models.ForeignKey(SupervisionVisit, verbose_name=_("lần giám sát"), on_delete=models.CASCADE,
                              related_name="results")
    criterion = models.ForeignKey(ChecklistCriterion, verbose_name=_("tiêu chí"), on_delete=models.PROTECT,
                                  related_name="results")
    result = models.CharField(_("kết quả"), max_length=5, choices=CriterionResult.choices)
    measured_value = models.DecimalField(_("giá trị đo được"), max_digits=10, decimal_places=2, null=True,
                                         blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    scope_path_field = "visit__group__unit__path"

    class Meta:
        verbose_name = _("kết quả theo tiêu chí")
        verbose_name_plural = _("kết quả theo tiêu chí")
        ordering = ["visit", "criterion__order", "id"]
        constraints = [models.UniqueConstraint(fields=["visit", "criterion"], name="registry_visit_criterion")]

    def __str__(self) -> str:
        return f"{self.criterion.code}: {self.get_result_display()} – {self.visit}"

    def get_absolute_url(self) -> str:
        return reverse("registry:visitresult_detail", args=[self.pk])
