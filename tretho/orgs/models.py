"""Agencies (kept as data: they change) and steering committees with their members."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tretho.core.models import NamedSearchMixin, TrethoModel

from .choices import AgencyKind, MemberRole


class Agency(NamedSearchMixin, TrethoModel):
    name = models.CharField(_("tên cơ quan"), max_length=300)
    short_name = models.CharField(_("tên viết tắt"), max_length=50, blank=True)
    kind = models.CharField(_("loại"), max_length=30, choices=AgencyKind.choices)
    unit = models.ForeignKey(
        "geo.AdministrativeUnit", verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="agencies"
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("cơ quan cấp trên"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    scope_path_field = "unit__path"
    search_source_fields = ("name", "short_name")

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")
        ordering = ["sort_key"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="orgs_agency_unit_name_unique")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("orgs:agency_detail", args=[self.pk])


class SteeringCommittee(NamedSearchMixin, TrethoModel):
    """Ban Chỉ đạo / Ban Điều hành of one level, with its standing agency (cơ quan thường trực)."""

    name = models.CharField(_("tên"), max_length=300)
    unit = models.ForeignKey(
        "geo.AdministrativeUnit", verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="committees"
    )
    standing_agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan thường trực"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="standing_for",
    )
    established_by = models.CharField(_("quyết định thành lập"), max_length=200, blank=True)
    established_on = models.DateField(_("ngày thành lập"), null=True, blank=True)
    working_group = models.TextField(_("tổ giúp việc"), blank=True)

    scope_path_field = "unit__path"

    class Meta:
        verbose_name = _("ban chỉ đạo")
        verbose_name_plural = _("ban chỉ đạo")
        ordering = ["sort_key"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("orgs:steeringcommittee_detail", args=[self.pk])


class Membership(TrethoModel):
    committee = models.ForeignKey(
        SteeringCommittee, verbose_name=_("ban chỉ đạo"), on_delete=models.CASCADE, related_name="memberships"
    )
    person_name = models.CharField(_("họ và tên"), max_length=200)
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    agency = models.ForeignKey(Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(
        _("vai trò trong ban"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER
    )

    scope_path_field = "committee__unit__path"
    personal_fields = ("person_name",)

    class Meta:
        verbose_name = _("thành viên ban chỉ đạo")
        verbose_name_plural = _("thành viên ban chỉ đạo")
        # Head, deputies, standing member, then members — the order a decision lists them in.
        ordering = [
            "committee",
            models.Case(
                *(models.When(role=role, then=rank) for rank, role in enumerate(MemberRole.values)),
                output_field=models.IntegerField(),
            ),
            "id",
        ]

    def __str__(self) -> str:
        # No name here: titles, breadcrumbs and messages reach roles that may not see personal data.
        return f"{self.position or self.get_role_display()} – {self.committee}"

    def get_absolute_url(self) -> str:
        return reverse("orgs:membership_detail", args=[self.pk])
