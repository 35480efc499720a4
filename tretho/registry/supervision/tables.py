from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.db import models
from django.utils.translation import gettext_lazy as _

from tretho.core.tables import TrethoTable

from ..models import ChecklistCriterion, ChecklistTemplate, SupervisionVisit, VisitResult


class ChecklistTemplateTable(TrethoTable):
    name = tables.Column(linkify=True, verbose_name=_("Bộ tiêu chí"), order_by=("name", "-effective_from"))

    class Meta(TrethoTable.Meta):
        model = ChecklistTemplate
        fields = ("name", "code", "version_label", "effective_from", "effective_to", "unit")

    def render_name(self, record: ChecklistTemplate) -> str:
        return str(record)


class ChecklistCriterionTable(TrethoTable):
    code = tables.Column(linkify=True, verbose_name=_("Mã"), order_by=("template", "order"))

    class Meta(TrethoTable.Meta):
        model = ChecklistCriterion
        fields = ("code", "text", "kind", "limit", "auto_check", "template")

    def before_render(self, request: Any) -> None:
        super().before_render(request)
        if self.prefix:  # the criteria of one checklist on the checklist's own page: its name on every row repeats
            self.columns.hide("template")


class SupervisionVisitTable(TrethoTable):
    visit = tables.Column(linkify=lambda record: record.get_absolute_url(), accessor="date",
                          verbose_name=_("Lần giám sát"), order_by=("-date", "id"))

    class Meta(TrethoTable.Meta):
        model = SupervisionVisit
        fields = ("visit", "group", "outcome", "follow_up_status", "follow_up_deadline", "template")

    def render_visit(self, record: SupervisionVisit) -> str:
        return str(record)


class VisitResultTable(TrethoTable):
    visit = tables.Column(linkify=lambda record: record.get_absolute_url(), verbose_name=_("Lần giám sát"),
                          order_by=("-visit__date", "criterion__order"))

    class Meta(TrethoTable.Meta):
        model = VisitResult
        fields = ("visit", "criterion", "result", "measured_value", "note")

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        if isinstance(data, models.QuerySet):
            data = data.select_related("visit__group")  # the visit's name is "date – group"
        super().__init__(data, *args, **kwargs)

    def before_render(self, request: Any) -> None:
        super().before_render(request)
        if self.prefix:  # one visit's results on the visit's own page: no visit column
            self.columns.hide("visit")
