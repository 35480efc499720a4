"""The plan (Kế hoạch) as structured data: the header of an official document (Nghị định 30/2020), its
sections in the order of the source plan, and the workflow draft → issued (locked) → superseded by an amendment."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tretho.core.models import NamedSearchMixin, TrethoModel
from tretho.core.scoping import EXPORT, VIEW, RestrictedQuerySet, scope_for

from ..choices import (
    DEFAULT_SECTION_ORDER,
    PUBLISHED_STATUSES,
    DocumentType,
    PlanStatus,
    SectionKey,
    SignerAuthority,
)
from ..locking import PlanLocked, ensure_plan_editable, locked_message
from .programme import check_span, year_field

READ_ACTIONS = (VIEW, EXPORT)
# Fields an issued plan may still see change: its status (issued → superseded) and the bookkeeping.
MUTABLE_WHEN_ISSUED = {"status", "updated_at", "version", "search_key", "sort_key"}


def ancestor_paths(path: str) -> list[str]:
    """"/1/5/7/" → ["/1/", "/1/5/"]: the paths of the units above."""
    parts = [part for part in path.strip("/").split("/") if part]
    return ["/" + "/".join(parts[:n]) + "/" for n in range(1, len(parts))]


def text_lines(text: str) -> list[str]:
    """Non-empty lines of a multi-line field, without list dashes ("- Lưu: VT" → "Lưu: VT")."""
    lines = []
    for line in (text or "").splitlines():
        line = line.strip()
        if line.startswith(("- ", "+ ", "• ")):
            line = line[2:].strip()
        if line:
            lines.append(line)
    return lines


class PlanQuerySet(RestrictedQuerySet):
    def restrict(self, user: Any, action: str = VIEW) -> RestrictedQuerySet:
        """Plans of the user's subtrees; for reading also the issued plans of the units above (a commune reads
        the province plan it implements, read only)."""
        own = super().restrict(user, action)
        if action not in READ_ACTIONS:
            return own
        scope = scope_for(user, action, self.model)
        if scope.everything or scope.nothing:
            return own
        above = sorted({prefix for path in scope.paths for prefix in ancestor_paths(path)})
        if not above:
            return own
        return self.filter(scope.as_q("unit__path") | models.Q(unit__path__in=above, status__in=PUBLISHED_STATUSES))

    def drafts(self) -> PlanQuerySet:
        return self.filter(status=PlanStatus.DRAFT)

    def published(self) -> PlanQuerySet:
        return self.filter(status__in=PUBLISHED_STATUSES)

    def covering_year(self, year: int) -> PlanQuerySet:
        return self.filter(start_year__lte=year, end_year__gte=year)


class Plan(NamedSearchMixin, TrethoModel):
    # -- what it implements --------------------------------------------------------------------------------
    programme = models.ForeignKey("programmes.Programme", verbose_name=_("đề án"), on_delete=models.PROTECT,
                                  related_name="plans")
    phase = models.ForeignKey("programmes.Phase", verbose_name=_("giai đoạn"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="plans")
    implements = models.ManyToManyField(
        "self", verbose_name=_("thực hiện kế hoạch cấp trên"), symmetrical=False, blank=True,
        related_name="implemented_by",
    )
    legal_bases = models.TextField(
        _("căn cứ khác"), blank=True,
        help_text=_("Mỗi dòng một căn cứ, ví dụ: Thực hiện Công văn số 1258/CV-ĐCT-BĐH ngày 16/1/2017 của …"),
    )
    # -- who issues it -------------------------------------------------------------------------------------
    unit = models.ForeignKey("geo.AdministrativeUnit", verbose_name=_("địa bàn"), on_delete=models.PROTECT,
                             related_name="plans")
    agency = models.ForeignKey("orgs.Agency", verbose_name=_("cơ quan ban hành"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="plans")
    committee = models.ForeignKey("orgs.SteeringCommittee", verbose_name=_("ban chỉ đạo ban hành"), null=True,
                                  blank=True, on_delete=models.PROTECT, related_name="plans")
    parent_body = models.CharField(_("cơ quan chủ quản"), max_length=200, blank=True,
                                   help_text=_("Dòng trên của tiêu đề, ví dụ: UBND TỈNH NINH BÌNH."))
    issuing_body = models.CharField(_("cơ quan ban hành (tiêu đề)"), max_length=200, blank=True,
                                    help_text=_("Dòng dưới của tiêu đề, ví dụ: SỞ GIÁO DỤC VÀ ĐÀO TẠO."))
    # -- span ----------------------------------------------------------------------------------------------
    start_year = year_field(_("từ năm"))
    end_year = year_field(_("đến năm"))
    # -- the document's number, place, date and title --------------------------------------------------------
    number = models.CharField(_("số"), max_length=20, blank=True, help_text=_("Ví dụ: 109 (để trống khi dự thảo)."))
    type_code = models.CharField(_("ký hiệu loại văn bản"), max_length=10, choices=DocumentType.choices,
                                 default=DocumentType.PLAN)
    issuer_code = models.CharField(_("ký hiệu cơ quan ban hành"), max_length=40, blank=True,
                                   help_text=_("Ví dụ: BCĐ, UBND, SGDĐT."))
    place = models.CharField(_("địa danh"), max_length=100, blank=True, help_text=_("Ví dụ: Ninh Bình."))
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    type_name = models.CharField(_("tên loại văn bản"), max_length=50, default="KẾ HOẠCH")
    summary = models.TextField(_("trích yếu"), help_text=_("Dòng dưới tên loại: Thực hiện Đề án … năm 2017."))
    preamble = models.TextField(
        _("câu dẫn"), blank=True,
        help_text=_("Ví dụ: Ban Thường vụ Hội LHPN tỉnh xây dựng kế hoạch … với những nội dung như sau:"),
    )
    # -- sections held as text (the others are child records) ------------------------------------------------
    purpose = models.TextField(_("mục đích, yêu cầu"), blank=True, help_text=_("Mỗi dòng một ý."))
    target_groups = models.TextField(_("đối tượng"), blank=True, help_text=_("Mỗi dòng một ý."))
    scope = models.TextField(_("phạm vi thực hiện"), blank=True)
    timeframe = models.TextField(_("thời gian thực hiện"), blank=True)
    budget_text = models.TextField(_("kinh phí thực hiện"), blank=True,
                                   help_text=_("Ví dụ: Thực hiện theo Thông tư số 143/2014/TT-BTC …"))
    reporting_text = models.TextField(_("chế độ báo cáo (lời văn)"), blank=True)
    closing_text = models.TextField(_("đoạn kết"), blank=True,
                                    help_text=_("Ví dụ: Trên đây là kế hoạch … đề nghị … triển khai thực hiện."))
    section_order = models.JSONField(
        _("thứ tự các phần"), default=list, blank=True,
        help_text=_("Các phần theo thứ tự của văn bản; nối bằng + để gộp dưới một đề mục."),
    )
    section_headings = models.JSONField(_("đề mục riêng"), default=dict, blank=True)
    # -- workflow ------------------------------------------------------------------------------------------
    status = models.CharField(_("trạng thái"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT,
                              db_index=True, editable=False)
    amends = models.ForeignKey("self", verbose_name=_("sửa đổi kế hoạch"), null=True, blank=True, editable=False,
                               on_delete=models.PROTECT, related_name="amendments")
    issued_at = models.DateTimeField(_("ghi nhận ban hành lúc"), null=True, blank=True, editable=False)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người ghi nhận ban hành"), null=True,
                                  blank=True, editable=False, on_delete=models.SET_NULL, related_name="+")
    # -- signature -----------------------------------------------------------------------------------------
    signer_authority = models.CharField(_("thẩm quyền ký"), max_length=5, choices=SignerAuthority.choices,
                                        blank=True, default=SignerAuthority.ON_BEHALF_OF)
    signer_body = models.CharField(_("tập thể, người đứng đầu"), max_length=200, blank=True,
                                   help_text=_("Sau thẩm quyền ký, ví dụ: BAN THƯỜNG VỤ (TM.), GIÁM ĐỐC (KT.)."))
    signer_title = models.CharField(_("chức vụ người ký"), max_length=200, blank=True,
                                    help_text=_("Ví dụ: CHỦ TỊCH, PHÓ GIÁM ĐỐC."))
    signer_name = models.CharField(_("họ tên người ký"), max_length=200, blank=True)

    objects = PlanQuerySet.as_manager()  # type: ignore[assignment,misc]  # narrower than TrethoModel's

    scope_path_field = "unit__path"
    scope_by_queryset = True  # reading reaches the issued plans of the units above (PlanQuerySet.restrict)
    personal_fields = ("signer_name",)
    search_source_fields = ("number", "issuer_code", "summary", "issuing_body")
    sort_source_field = "summary"

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-start_year", "-issued_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(agency__isnull=False, committee__isnull=False),
                                   name="programmes_plan_one_issuer"),
        ]

    def __str__(self) -> str:
        label = self.type_name.capitalize()
        if self.number:
            label = f"{label} số {self.document_number}"
        elif self.status == PlanStatus.DRAFT:
            label = f"{label} ({_('dự thảo')})"
        return f"{label}: {self.summary}"

    def get_absolute_url(self) -> str:
        return reverse("programmes:plan_detail", args=[self.pk])

    # -- the document ----------------------------------------------------------------------------------------
    @property
    def document_number(self) -> str:
        """"109/KH-BCĐ": number / type code - issuer code (Nghị định 30/2020, Điều 8); "/KH-BCĐ" while unnumbered."""
        symbol = "-".join(part for part in (self.type_code, self.issuer_code) if part)
        return f"{self.number}/{symbol}"

    @property
    def span_label(self) -> str:
        return str(self.start_year) if self.start_year == self.end_year else f"{self.start_year}–{self.end_year}"

    @property
    def issuer(self) -> Any:
        return self.agency or self.committee

    @property
    def signature_heading(self) -> str:
        """"TM. BAN THƯỜNG VỤ", "KT. GIÁM ĐỐC" (empty when the signer signs in their own name)."""
        return " ".join(part for part in (self.signer_authority, self.signer_body) if part)

    def legal_basis_lines(self) -> list[str]:
        return text_lines(self.legal_bases)

    def purpose_lines(self) -> list[str]:
        return text_lines(self.purpose)

    def target_group_lines(self) -> list[str]:
        return text_lines(self.target_groups)

    def section_entries(self) -> list[list[str]]:
        """section_order as lists of keys: [["purpose"], ["target_groups", "scope", "timeframe"], …]."""
        return [entry.split("+") for entry in (self.section_order or DEFAULT_SECTION_ORDER)]

    def section_heading(self, keys: list[str]) -> str:
        custom = (self.section_headings or {}).get("+".join(keys))
        if custom:
            return custom
        return ", ".join(str(SectionKey(key).label) for key in keys).upper()

    # -- the lock --------------------------------------------------------------------------------------------
    @property
    def is_draft(self) -> bool:
        return self.status == PlanStatus.DRAFT

    @property
    def is_locked(self) -> bool:
        return self.status != PlanStatus.DRAFT

    @property
    def locked_reason(self) -> str:
        return locked_message(self.status, self.issued_on) if self.is_locked else ""

    def ensure_editable(self) -> None:
        ensure_plan_editable(self.pk)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is None:
            self.fill_defaults()
        else:
            self._refuse_changes_once_issued()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        self.ensure_editable()
        return super().delete(*args, **kwargs)

    def _refuse_changes_once_issued(self) -> None:
        fields = [f for f in self._meta.concrete_fields if f.name not in MUTABLE_WHEN_ISSUED]
        stored = type(self)._base_manager.filter(pk=self.pk).values("status", "issued_on",
                                                                    *[f.attname for f in fields]).first()
        if stored is None or stored["status"] == PlanStatus.DRAFT:
            return
        changed = [f.name for f in fields if getattr(self, f.attname) != stored[f.attname]]
        superseding = stored["status"] == PlanStatus.ISSUED and self.status == PlanStatus.SUPERSEDED
        if changed or (self.status != stored["status"] and not superseding):
            raise PlanLocked(locked_message(stored["status"], stored["issued_on"]))

    def fill_defaults(self) -> None:
        """Header lines, issuer code and place from the issuing agency or committee, when left empty."""
        from ..headers import header_defaults

        for name, value in header_defaults(self).items():
            if not getattr(self, name):
                setattr(self, name, value)
        if not self.section_order:
            self.section_order = list(DEFAULT_SECTION_ORDER)

    # -- validation ------------------------------------------------------------------------------------------
    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if self.agency_id and self.committee_id:
            errors["committee"] = _("Chọn cơ quan hoặc ban chỉ đạo ban hành, không chọn cả hai.")
        elif not self.agency_id and not self.committee_id:
            errors["agency"] = _("Chọn cơ quan hoặc ban chỉ đạo ban hành kế hoạch.")
        try:
            check_span(self.start_year, self.end_year)
        except ValidationError as error:
            errors |= error.message_dict
        phase = self.phase if self.phase_id else None
        if phase is not None and self.programme_id and phase.programme_id != self.programme_id:
            errors["phase"] = _("Giai đoạn không thuộc đề án đã chọn.")
        problem = section_order_problem(self.section_order)
        if problem:
            errors["section_order"] = problem
        if errors:
            raise ValidationError(errors)

    def issue_problems(self) -> list[str]:
        """What an issued plan must have that this one lacks (messages in Vietnamese)."""
        problems = []
        if not self.number.strip():
            problems.append(str(_("Chưa có số văn bản.")))
        if not self.issuer_code.strip():
            problems.append(str(_("Chưa có ký hiệu cơ quan ban hành.")))
        if not self.issued_on:
            problems.append(str(_("Chưa có ngày ban hành.")))
        if not self.place.strip():
            problems.append(str(_("Chưa có địa danh.")))
        if not (self.signer_title.strip() and self.signer_name.strip()):
            problems.append(str(_("Chưa có người ký (chức vụ và họ tên).")))
        if not self.issuer:
            problems.append(str(_("Chưa chọn cơ quan hoặc ban chỉ đạo ban hành.")))
        if self.issued_on and self.start_year and self.issued_on.year > self.end_year:
            problems.append(str(_("Ngày ban hành sau thời gian của kế hoạch.")))
        return problems


def section_order_problem(order: Any) -> str:
    """A message when section_order is not a list of known section keys (each once), else ""."""
    if order in (None, []):
        return ""
    if not isinstance(order, list) or not all(isinstance(entry, str) and entry for entry in order):
        return str(_("Thứ tự các phần phải là danh sách mã phần."))
    seen: set[str] = set()
    for entry in order:
        for key in entry.split("+"):
            if key not in SectionKey.values:
                return str(_("Không có phần “%(key)s”. Các phần: %(keys)s.") % {
                    "key": key, "keys": ", ".join(SectionKey.values)})
            if key in seen:
                return str(_("Phần “%(key)s” lặp lại.") % {"key": key})
            seen.add(key)
    return ""


__all__ = ["Plan", "PlanLocked", "PlanQuerySet", "ancestor_paths", "text_lines"]
