"""Forms of programmes and plans. A plan's parts are added from the plan page (`?plan=<id>` pre-fills the plan);
their choice lists narrow to that plan (its unit's agencies and lower units, its own targets and tasks), and an
issued plan refuses every change with the reason."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tretho.core.forms import TrethoModelForm
from tretho.metrics.forms import ReferenceDataForm

from .choices import DEFAULT_SECTION_ORDER, SectionKey
from .models import (
    AgencyDuty,
    Indicator,
    Phase,
    Plan,
    PlanObjective,
    PlanRecipient,
    PlanTarget,
    PlanTask,
    Programme,
    ReportingRequirement,
)
from .models.plan import ancestor_paths, section_order_problem

TEXTAREA_SMALL = forms.Textarea(attrs={"rows": 3})


# -- programmes ------------------------------------------------------------------------------------------------

class ProgrammeForm(ReferenceDataForm):
    class Meta:
        model = Programme
        fields = ["code", "short_name", "title", "decision_number", "decision_date", "decision_issuer", "start_year",
                  "end_year", "general_objective", "unit"]


class PhaseForm(TrethoModelForm):
    class Meta:
        model = Phase
        fields = ["programme", "name", "start_year", "end_year"]


class IndicatorForm(TrethoModelForm):
    class Meta:
        model = Indicator
        fields = ["programme", "code", "name", "definition", "unit_of_measure", "numerator", "denominator", "factor",
                  "decimals", "direction", "breakdowns"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("numerator", "denominator"):
            field: Any = self.fields[name]
            field.queryset = field.queryset.filter(is_active=True)


# -- plans -----------------------------------------------------------------------------------------------------

class SectionOrderField(forms.CharField):
    """section_order typed as "purpose, objectives, target_groups+scope, tasks" (keys listed in the help)."""

    def __init__(self, **kwargs: Any) -> None:
        keys = "; ".join(f"{key.value} = {key.label}" for key in SectionKey)
        kwargs.setdefault("help_text", _("Các phần theo thứ tự, cách nhau dấu phẩy; nối bằng + để gộp dưới một đề "
                                         "mục. Mã phần: %(keys)s.") % {"keys": keys})
        super().__init__(required=False, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:
        if isinstance(value, list):
            return value
        return [entry.replace(" ", "") for entry in str(value or "").split(",") if entry.strip()]

    def validate(self, value: list[str]) -> None:
        problem = section_order_problem(value)
        if problem:
            raise forms.ValidationError(problem)


class SectionHeadingsField(forms.CharField):
    """Custom headings, one per line: "objectives+target_groups: MỤC TIÊU, ĐỐI TƯỢNG"."""

    widget = forms.Textarea(attrs={"rows": 2})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", _("Mỗi dòng “mã phần: ĐỀ MỤC”, ví dụ: tasks: NỘI DUNG HOẠT ĐỘNG."))
        super().__init__(required=False, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dict):
            return "\n".join(f"{key}: {heading}" for key, heading in value.items())
        return value

    def to_python(self, value: Any) -> dict[str, str]:
        if isinstance(value, dict):
            return value
        headings = {}
        for line in str(value or "").splitlines():
            if not line.strip():
                continue
            key, colon, heading = line.partition(":")
            if not colon or not heading.strip():
                raise forms.ValidationError(_("Dòng “%(line)s” cần dạng “mã phần: ĐỀ MỤC”.") % {"line": line})
            headings[key.replace(" ", "")] = heading.strip()
        return headings


class LockedPlanMixin:
    """Refuse the form of an issued plan (or of a part of one) with the reason, before the model does."""

    def locked_plan(self) -> Plan | None:
        raise NotImplementedError

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()  # type: ignore[misc]
        plan = self.locked_plan()
        if plan is not None and plan.is_locked:
            raise forms.ValidationError(plan.locked_reason, code="plan_locked")
        return cleaned


class PlanForm(LockedPlanMixin, TrethoModelForm):
    section_order = SectionOrderField(label=_("Thứ tự các phần"))
    section_headings = SectionHeadingsField(label=_("Đề mục riêng"))

    class Meta:
        model = Plan
        fields = [
            "programme", "phase", "unit", "agency", "committee", "start_year", "end_year",
            "implements", "legal_bases", "parent_body", "issuing_body", "number", "type_code", "issuer_code",
            "place", "issued_on", "type_name", "summary", "preamble", "purpose", "target_groups", "scope",
            "timeframe", "budget_text", "reporting_text", "closing_text", "section_order", "section_headings",
            "signer_authority", "signer_body", "signer_title", "signer_name",
        ]
        widgets = dict.fromkeys(("legal_bases", "summary", "preamble", "purpose", "target_groups", "scope",
                                 "timeframe", "budget_text", "reporting_text", "closing_text"), TEXTAREA_SMALL)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.initial.get("section_order"):
            self.initial["section_order"] = list(DEFAULT_SECTION_ORDER)
        implements: Any = self.fields["implements"]
        if self.instance.pk:
            implements.queryset = implements.queryset.exclude(pk=self.instance.pk)
        implements.help_text = _("Kế hoạch cấp trên mà kế hoạch này triển khai (“Thực hiện Kế hoạch số …”).")

    def locked_plan(self) -> Plan | None:
        return self.instance if self.instance.pk else None


def plan_from(form: forms.ModelForm) -> Plan | None:
    """The plan a part's form is about: the instance's, the posted one, or the one in the query string."""
    if getattr(form.instance, "plan_id", None):
        return form.instance.plan
    raw = form.data.get("plan") if form.is_bound else form.initial.get("plan")
    if raw and str(raw).isdigit():
        return Plan._base_manager.select_related("unit").filter(pk=int(raw)).first()
    return None


class PlanPartForm(LockedPlanMixin, TrethoModelForm):
    """Base of the forms of a plan's parts."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan_from(self)
        if self.plan is not None:
            self.narrow_to_plan(self.plan)

    def narrow_to_plan(self, plan: Plan) -> None:
        """Limit choice lists to what fits plan (its own parts, its unit's agencies, …)."""

    def locked_plan(self) -> Plan | None:
        stored = self.instance.plan if getattr(self.instance, "plan_id", None) else None
        if stored is not None and stored.is_locked:
            return stored
        chosen = self.cleaned_data.get("plan")
        return chosen if chosen is not None and chosen.is_locked else None

    def narrow(self, name: str, condition: Q) -> None:
        field: Any = self.fields.get(name)
        if field is not None:
            field.queryset = field.queryset.filter(condition).distinct()

    def agencies_near(self, plan: Plan) -> Q:
        """Agencies of the plan's unit, its subtree and the units above it."""
        path = plan.unit.path
        return Q(unit__path__startswith=path) | Q(unit__path__in=ancestor_paths(path))


class PlanObjectiveForm(PlanPartForm):
    class Meta:
        model = PlanObjective
        fields = ["plan", "order", "kind", "text", "milestone_value", "milestone_year", "milestone_phase",
                  "indicator"]
        widgets = {"text": TEXTAREA_SMALL}

    def narrow_to_plan(self, plan: Plan) -> None:
        self.narrow("milestone_phase", Q(programme_id=plan.programme_id))
        self.narrow("indicator", Q(programme_id=plan.programme_id))


class PlanTargetForm(PlanPartForm):
    class Meta:
        model = PlanTarget
        fields = ["plan", "order", "indicator", "text", "comparison", "value", "unit_of_measure", "year", "deadline",
                  "area", "part_of", "parent_target"]
        widgets = {"text": TEXTAREA_SMALL}

    def narrow_to_plan(self, plan: Plan) -> None:
        self.narrow("indicator", Q(programme_id=plan.programme_id))
        self.narrow("part_of", Q(plan_id=plan.pk) & ~Q(pk=self.instance.pk or 0))
        self.narrow("parent_target", Q(plan__in=plan.implements.all()))


class PlanTaskForm(PlanPartForm):
    class Meta:
        model = PlanTask
        fields = ["plan", "order", "parent", "title", "description", "lead_agency", "lead_text",
                  "cooperating_agencies", "assigned_units", "start", "deadline", "expected_output", "budget_amount",
                  "budget_source"]
        widgets = {"description": TEXTAREA_SMALL, "expected_output": TEXTAREA_SMALL}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units: Any = self.fields["assigned_units"]
        # Lower units are few once the plan is known; a multiple select (the type-ahead picks one value only).
        units.widget = forms.SelectMultiple(attrs={"class": "form-select", "size": 8})
        if self.plan is None:
            units.queryset = units.queryset.none()
            units.help_text = _("Mở trang thêm nhiệm vụ từ trang kế hoạch để chọn đơn vị cấp dưới.")

    def narrow_to_plan(self, plan: Plan) -> None:
        self.narrow("parent", Q(plan_id=plan.pk) & ~Q(pk=self.instance.pk or 0))
        self.narrow("lead_agency", self.agencies_near(plan))
        self.narrow("cooperating_agencies", self.agencies_near(plan))
        unit = plan.unit
        self.narrow("assigned_units", Q(path__startswith=unit.path, level__lte=unit.level + 2) & ~Q(pk=unit.pk))


class AgencyDutyForm(PlanPartForm):
    class Meta:
        model = AgencyDuty
        fields = ["plan", "order", "agency", "body_name", "intro", "duties"]
        widgets = {"intro": TEXTAREA_SMALL, "duties": forms.Textarea(attrs={"rows": 6})}

    def narrow_to_plan(self, plan: Plan) -> None:
        self.narrow("agency", self.agencies_near(plan))


class ReportingRequirementForm(PlanPartForm):
    class Meta:
        model = ReportingRequirement
        fields = ["plan", "order", "subject", "reporter_level", "reporter_text", "recipient_agency", "recipient_text",
                  "frequency", "deadline_day", "deadline_month", "deadline_date", "channel", "note"]
        widgets = {"note": TEXTAREA_SMALL}

    def narrow_to_plan(self, plan: Plan) -> None:
        self.narrow("recipient_agency", self.agencies_near(plan))


class PlanRecipientForm(PlanPartForm):
    class Meta:
        model = PlanRecipient
        fields = ["plan", "order", "text"]


class IssuePlanForm(forms.Form):
    """Number and date written on the signed document, when the draft did not have them yet."""

    number = forms.CharField(label=_("Số"), max_length=20, required=False,
                             widget=forms.TextInput(attrs={"class": "form-control"}))
    issued_on = forms.DateField(label=_("Ngày ban hành"), required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
                                widget=forms.DateInput(format="%d/%m/%Y", attrs={"class": "form-control",
                                                                                 "placeholder": "dd/mm/yyyy"}))
