from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from rest_framework import serializers

from tretho.activities.forms import unit_and_above_paths
from tretho.core.api import TrethoSerializer

from ..models import ChecklistCriterion, ChecklistTemplate, SupervisionVisit, VisitResult
from .forms import template_for

_BOOKKEEPING = ["version", "created_at", "updated_at"]


def _model_rules(model: Any, instance: Any, attrs: dict[str, Any]) -> None:
    """The model's clean(), answered as a 400."""
    probe = model()
    if instance is not None:
        for field in model._meta.concrete_fields:
            setattr(probe, field.attname, getattr(instance, field.attname))
    for name, value in attrs.items():
        if not model._meta.get_field(name).many_to_many:
            setattr(probe, name, value)
    try:
        probe.clean()
    except ValidationError as error:
        raise serializers.ValidationError(error.message_dict) from None


class ChecklistTemplateSerializer(TrethoSerializer):
    class Meta:
        model = ChecklistTemplate
        fields = ["id", "code", "name", "version_label", "legal_basis", "effective_from", "effective_to", "unit",
                  *_BOOKKEEPING]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        _model_rules(ChecklistTemplate, self.instance, attrs)
        return attrs


class ChecklistCriterionSerializer(TrethoSerializer):
    class Meta:
        model = ChecklistCriterion
        fields = ["id", "template", "code", "order", "text", "legal_basis", "kind", "limit", "auto_check",
                  *_BOOKKEEPING]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        _model_rules(ChecklistCriterion, self.instance, attrs)
        return attrs


class SupervisionVisitSerializer(TrethoSerializer):
    class Meta:
        model = SupervisionVisit
        fields = ["id", "group", "date", "template", "team_agencies", "team_members", "outcome", "findings",
                  "recommendations", "follow_up_deadline", "follow_up_status", "follow_up_done_on", "tasks",
                  *_BOOKKEEPING]
        extra_kwargs = {"template": {"required": False,
                                     "help_text": "Để trống: phiên bản có hiệu lực vào ngày giám sát."}}

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        day = attrs.get("date") or getattr(self.instance, "date", None)
        if "template" not in attrs and day is not None:
            current = getattr(self.instance, "template", None)
            template = template_for(day, current)
            if template is None:
                raise serializers.ValidationError(
                    {"date": [_("Không có bộ tiêu chí giám sát nào có hiệu lực vào ngày này.")]})
            attrs["template"] = template
        # The plan tasks it carries out (only those the user may see: TrethoSerializer) of plans of the group's
        # unit or above, as an activity's.
        group = attrs.get("group") or getattr(self.instance, "group", None)
        tasks = attrs.get("tasks")
        if group is not None and tasks:
            allowed = set(unit_and_above_paths(group.unit))
            if any(task.plan.unit.path not in allowed for task in tasks):
                raise serializers.ValidationError({"tasks": _(
                    "Chỉ chọn nhiệm vụ trong kế hoạch của địa bàn này hoặc của cấp trên.")})
        _model_rules(SupervisionVisit, self.instance, attrs)
        return attrs


class VisitResultSerializer(TrethoSerializer):
    class Meta:
        model = VisitResult
        fields = ["id", "visit", "criterion", "result", "measured_value", "note", *_BOOKKEEPING]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        visit = attrs.get("visit") or getattr(self.instance, "visit", None)
        criterion = attrs.get("criterion") or getattr(self.instance, "criterion", None)
        if visit and criterion and criterion.template_id != visit.template_id:
            raise serializers.ValidationError(
                {"criterion": [_("Tiêu chí này không thuộc bộ tiêu chí của lần giám sát.")]})
        return attrs
