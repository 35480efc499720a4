"""Administrative units as a temporal tree, their old→new succession, and industrial zones.

Codes were reused by the 2025 reform (00004 was Phường Trúc Bạch and is now Phường Ba Đình), so a unit is a
code *and* a validity period. Each row has one parent and a materialized path of primary keys ("/1/25/310/")
that makes subtree filtering a prefix match on an indexed column, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from django.db import models
from django.db.models import Case, Q, Value, When, functions
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tretho.core.integrity import update_derived
from tretho.core.models import NamedSearchMixin, TrethoModel
from tretho.core.scoping import RestrictedQuerySet
from tretho.core.text import collation_key, fold

from .choices import SuccessionKind, UnitLevel, UnitType, ZoneKind
from .fields import PathField

REFORM_DATE = dt.date(2025, 7, 1)
# Folded type words that open official names ("phuong hoa an, …"): search ranks "<type> <query>," first.
UNIT_TYPE_PREFIXES = tuple(fold(str(label)) for label in (
    "Tỉnh", "Thành phố", "Huyện", "Quận", "Thị xã", "Xã", "Phường", "Thị trấn", "Đặc khu",
))


class UnitQuerySet(RestrictedQuerySet):
    def in_force_on(self, date: dt.date) -> UnitQuerySet:
        """The hierarchy in force on date: units whose validity period contains it (open ends included)."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=date)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=date)
        )

    hierarchy_on = in_force_on

    def subtree_of(self, unit: AdministrativeUnit, include_self: bool = True) -> UnitQuerySet:
        # An index range scan on SQLite and PostgreSQL alike (fields.PathStartsWith).
        qs = self.filter(path__startswith=unit.path)
        return qs if include_self else qs.exclude(pk=unit.pk)

    def provinces(self) -> UnitQuerySet:
        return self.filter(level=UnitLevel.PROVINCE)

    def communes(self) -> UnitQuerySet:
        return self.filter(level=UnitLevel.COMMUNE)

    def with_code(self, code: str, on: dt.date, level: int | None = None) -> UnitQuerySet:
        """Units carrying code on a date (a code alone is ambiguous: 00004 is two different wards)."""
        qs = self.filter(code=code).in_force_on(on)
        return qs if level is None else qs.filter(level=level)

    def resolve(self, code: str, on: dt.date, level: int | None = None) -> AdministrativeUnit:
        """The one unit with code in force on date; DoesNotExist / MultipleObjectsReturned otherwise."""
        return self.with_code(code, on, level).get()

    def search(self, query: str) -> UnitQuerySet:
        """Accent-free search where every word of the query starts a word of the unit's full name or code:
        "dong nai", "ĐỒNG NAI" → Đồng Nai; "thuy" → Thủy, Thuỷ; "long binh dong nai" → Long Bình in Đồng Nai.
        Word starts, not substrings: "an" must not match every "Thanh" and "Giang"."""
        qs = self
        for word in fold(query).split():
            qs = qs.filter(Q(search_key__startswith=word) | Q(search_key__contains=f" {word}"))
        return qs

    def ranked_search(self, query: str) -> UnitQuerySet:
        """search(), best matches first: units named exactly so, then units whose name starts so, then the
        rest (e.g. wards of a province that matched by its name); within a rank by level and Vietnamese order."""
        phrase = fold(query)
        qs = self.search(query)
        if not phrase:
            return qs.order_by("level", "sort_key")
        typed = unicodedata.normalize("NFC", " ".join(query.split()))
        exact, starts = Q(search_key__startswith=f"{phrase},"), Q(search_key__startswith=f"{phrase} ")
        for prefix in UNIT_TYPE_PREFIXES:
            exact |= Q(search_key__startswith=f"{prefix} {phrase},")
            starts |= Q(search_key__startswith=f"{prefix} {phrase} ")
        rank = Case(
            When(Q(short_name=typed) | Q(name=typed), then=Value(0)),  # as typed, accents included: "Hóa An"
            When(exact, then=Value(1)),  # same name without accents: "hoa an" → Hòa An, Hóa An
            When(starts, then=Value(2)),
            default=Value(3),
        )
        return qs.annotate(search_rank=rank).order_by("search_rank", "level", "sort_key")


class AdministrativeUnit(NamedSearchMixin, TrethoModel):
    code = models.CharField(_("mã"), max_length=10, db_index=True)
    name = models.CharField(_("tên"), max_length=200)
    short_name = models.CharField(_("tên ngắn"), max_length=200, blank=True)
    unit_type = models.CharField(_("loại"), max_length=30, choices=UnitType.choices)
    level = models.PositiveSmallIntegerField(_("cấp"), choices=UnitLevel.choices, db_index=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("trực thuộc"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = PathField(_("đường dẫn"), max_length=255, db_index=True, editable=False, default="")
    full_name = models.CharField(_("tên đầy đủ"), max_length=600, editable=False, default="")
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    latitude = models.FloatField(_("vĩ độ"), null=True, blank=True)
    longitude = models.FloatField(_("kinh độ"), null=True, blank=True)

    objects = UnitQuerySet.as_manager()

    scope_path_field = "path"
    # Too many to list in a form: choices arrive as the user types (core.widgets.SearchSelect).
    lookup_by_search = True
    # Search matches the unit's own name and those of its ancestors: "long binh dong nai" finds the ward.
    search_source_fields = ("full_name", "code")
    # Sorted by the name without its type word, as officials list them: "An Giang … Thành phố Hồ Chí Minh …".
    sort_source_field = "short_name"

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["level", "sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["code", "level", "valid_from"], name="geo_unit_code_level_from_unique"),
        ]
        indexes = [models.Index(fields=["level", "valid_to"], name="geo_unit_level_to_idx")]

    def __str__(self) -> str:
        # Old and new units often share a name ("Tỉnh Đồng Nai" before and after 1/7/2025): mark the old one.
        if self.valid_to is not None:
            return _("%(name)s (đến %(date)s)") % {"name": self.name, "date": self.valid_to.strftime("%d/%m/%Y")}
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("geo:administrativeunit_detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.full_name = self.compute_full_name()
        super().save(*args, **kwargs)
        old_path = self.path
        new_path = f"{self.parent.path if self.parent_id else '/'}{self.pk}/"
        if new_path != old_path:
            self.path = new_path
            # The path is derived from the parents (their change is in the history): no history row of its own.
            update_derived(type(self).objects.filter(pk=self.pk), path=new_path)
            if old_path:  # moved: its subtree moves with it
                update_derived(
                    type(self).objects.filter(path__startswith=old_path).exclude(pk=self.pk),
                    path=functions.Replace("path", Value(old_path), Value(new_path)),
                )

    def search_text(self) -> str:
        # "phuong hoa an, thanh pho bien hoa, tinh dong nai, 26041": the comma ends each name (ranked_search).
        return f"{self.full_name or self.name}, {self.code}"

    def refresh_keys(self) -> None:
        super().refresh_keys()
        if not self.short_name:
            self.sort_key = collation_key(self.name)[:1000]

    def compute_full_name(self) -> str:
        names = [self.name]
        parent = self.parent
        while parent is not None and parent.level > UnitLevel.COUNTRY:
            names.append(parent.name)
            parent = parent.parent
        return ", ".join(names)

    def breadcrumb_chain(self) -> list[AdministrativeUnit]:
        """Ancestors below the country root, then the unit itself."""
        ancestors = [unit for unit in self.ancestors() if unit.level > UnitLevel.COUNTRY]
        return [*ancestors, self]

    def breadcrumb_units(self) -> list[AdministrativeUnit]:
        return [unit for unit in self.ancestors() if unit.level > UnitLevel.COUNTRY]

    # -- tree queries -----------------------------------------------------------------------------------
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part][:-1]

    def ancestors(self) -> models.QuerySet[AdministrativeUnit]:
        return AdministrativeUnit.objects.filter(pk__in=self.ancestor_ids()).order_by("level")

    def descendants(self, include_self: bool = False) -> models.QuerySet[AdministrativeUnit]:
        return AdministrativeUnit.objects.subtree_of(self, include_self=include_self)

    def children_on(self, date: dt.date) -> UnitQuerySet:
        return self.children.in_force_on(date)  # type: ignore[attr-defined]

    def successors(self) -> models.QuerySet[AdministrativeUnit]:
        return AdministrativeUnit.objects.filter(predecessor_links__predecessor=self)

    def predecessors(self) -> models.QuerySet[AdministrativeUnit]:
        return AdministrativeUnit.objects.filter(successor_links__successor=self)

    def successors_in_force_on(self, date: dt.date) -> list[AdministrativeUnit]:
        """The units that carry this one on at date, following successions through several reforms."""
        return self._linked_in_force_on(date, "predecessor_links__predecessor__in")

    def predecessors_in_force_on(self, date: dt.date) -> list[AdministrativeUnit]:
        """The units this one carries on that were in force at date, following successions back."""
        return self._linked_in_force_on(date, "successor_links__successor__in")

    def _linked_in_force_on(self, date: dt.date, link: str) -> list[AdministrativeUnit]:
        found: dict[int, AdministrativeUnit] = {}
        frontier, seen = [self], {self.pk}
        while frontier:
            linked = AdministrativeUnit.objects.filter(**{link: frontier}).distinct()
            frontier = []
            for unit in linked:
                if unit.pk in seen:
                    continue
                seen.add(unit.pk)
                if unit.is_in_force_on(date):
                    found[unit.pk] = unit
                else:
                    frontier.append(unit)
        return sorted(found.values(), key=lambda unit: (unit.level, unit.sort_key))

    def is_in_force_on(self, date: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= date) and (self.valid_to is None or self.valid_to >= date)

    def reference_date(self, today: dt.date | None = None) -> dt.date:
        """A day on which the unit is in force: today if it is, else its last (or first) day."""
        today = today or dt.date.today()
        if self.is_in_force_on(today):
            return today
        if self.valid_to is not None and self.valid_to < today:
            return self.valid_to
        return self.valid_from or today


class UnitSuccession(TrethoModel):
    """Old unit → new unit, from the 2025 reform (or any later one). A split unit has several rows."""

    predecessor = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("đơn vị cũ"), on_delete=models.CASCADE, related_name="successor_links"
    )
    successor = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("đơn vị mới"), on_delete=models.CASCADE, related_name="predecessor_links"
    )
    kind = models.CharField(_("hình thức"), max_length=10, choices=SuccessionKind.choices)
    effective_date = models.DateField(_("ngày hiệu lực"), default=REFORM_DATE)

    scope_path_field = "successor__path"

    class Meta:
        verbose_name = _("kế thừa đơn vị")
        verbose_name_plural = _("kế thừa đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="geo_succession_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"


class IndustrialZone(NamedSearchMixin, TrethoModel):
    name = models.CharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại"), max_length=5, choices=ZoneKind.choices, default=ZoneKind.INDUSTRIAL)
    unit = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="zones"
    )
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    latitude = models.FloatField(_("vĩ độ"), null=True, blank=True)
    longitude = models.FloatField(_("kinh độ"), null=True, blank=True)

    scope_path_field = "unit__path"

    class Meta:
        verbose_name = _("khu công nghiệp")
        verbose_name_plural = _("khu công nghiệp, khu chế xuất")
        ordering = ["sort_key"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="geo_zone_unit_name_unique")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("geo:industrialzone_detail", args=[self.pk])
