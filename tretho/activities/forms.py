"""Forms of the activities. The owner field (the unit of an activity, the activity of its parts) lists only what the
user may write into; agencies and plan tasks only what they may see. The plan tasks an activity carries out must
belong to a plan of its unit or of a unit above it; a training's participant picked from the registry must work in
a childcare group within the training's area."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tretho.core.forms import TrethoModelForm
from tretho.core.scoping import sees_personal_data
from tretho.geo.models import AdministrativeUnit
from tretho.programmes.models import PlanTask
from tretho.programmes.models.plan import ancestor_paths
from tretho.programmes.selectors import numbered_tasks
from tretho.registry.models import Staff

from .choices import AudienceCategory
from .models import (
    Commendation,
    CommunicationAudience,
    CommunicationEvent,
    Meeting,
    MeetingFollowUp,
    ParentingAudience,
    ParentingFamily,
    ParentingSession,
    Proposal,
    Training,
    TrainingAudience,
    TrainingParticipant,
)
from .models.training import STAFF_ROLE_CATEGORIES

HELD_FIELDS = ["title", "unit", "start_date", "end_date", "venue", "organiser", "organiser_text", "cost",
               "funding_source"]


def unit_and_above_paths(unit: AdministrativeUnit) -> list[str]:
    """The unit's path and those of the units above it ("/1/5/7/" → "/1/", "/1/5/", "/1/5/7/")."""
    return [*ancestor_paths(unit.path), unit.path]


def plan_short_label(plan: Any) -> str:
    """A plan named short enough for a heading: "Kế hoạch số 12/KH-UBND (2021–2025) – Xã Hòa An"."""
    label = plan.type_name.capitalize()
    if plan.number:
        label = f"{label} số {plan.document_number}"
    return f"{label} ({plan.span_label}) – {plan.unit}"


def _short(text: str) -> str:
    """A task's title on one line, cut to fit a phone's checkbox label."""
    return Truncator(" ".join(str(text).split())).chars(90)


class TaskCheckboxes(forms.CheckboxSelectMultiple):
    """The plan tasks as checkboxes grouped by plan, in a box that scrolls (no Ctrl-click, fits a phone).
    input_type is not "checkbox" so that core/_field.html draws a label above the box, not a single check."""

    template_name = "activities/widgets/task_checkboxes.html"
    input_type = "checkboxes"

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(*args, **kwargs)
        option["type"] = "checkbox"
        option["attrs"]["class"] = "form-check-input"
        return option


class TaskChoiceField(forms.ModelMultipleChoiceField):
    widget = TaskCheckboxes

    def label_from_instance(self, obj: Any) -> str:
        return _short(obj.title)


def task_choices(tasks: list[PlanTask]) -> list[tuple[str, list[tuple[int, str]]]]:
    """(plan's short label, [(task id, "2.1. short title"), …]) per plan, the tasks numbered and ordered as in the
    plan's document (one query for the numbering, whatever the number of tasks)."""
    plans = {task.plan_id: task.plan for task in tasks}
    numbers: dict[int, str] = {}
    everything = list(PlanTask._base_manager.filter(plan_id__in=plans).only("pk", "plan_id", "parent_id", "order"))
    for plan_id in plans:
        stack = list(reversed(numbered_tasks([task for task in everything if task.plan_id == plan_id])))
        while stack:
            row = stack.pop()
            numbers[row.task.pk] = row.number
            stack.extend(reversed(row.children))
    wanted = {task.pk: task for task in tasks}
    groups = []
    for plan_id, plan in plans.items():
        rows = [(pk, f"{numbers[pk]}. {_short(wanted[pk].title)}") for pk in numbers
                if pk in wanted and wanted[pk].plan_id == plan_id]
        groups.append((plan_short_label(plan), rows))
    return groups


def offer_tasks(form: Any, unit: AdministrativeUnit | None, name: str = "tasks") -> None:
    """Set form's task field (a TaskChoiceField) to the tasks the user may see, and offer those of plans of unit
    or above (all visible ones while the unit is unknown) with the tasks already chosen, grouped by plan."""
    field: Any = form.fields[name]
    field.queryset = PlanTask.objects.restrict(form.user).select_related("plan", "plan__unit").order_by(
        "-plan__unit__level", "plan__unit__path", "plan_id", "order", "pk")
    shown = field.queryset
    if unit is not None:
        # The page offers the tasks of this unit's plans and those above; a changed unit is checked in clean
        # (a bound form keeps every visible task valid so that clean can say which task is outside).
        shown = shown.filter(plan__unit__path__in=unit_and_above_paths(unit))
        if not form.is_bound:
            field.queryset = shown
    chosen = form[name].value() or []
    chosen_ids = {int(pk) for pk in chosen if str(pk).isdigit() and len(str(pk)) < 10}
    shown = field.queryset.filter(models.Q(pk__in=shown.values("pk")) | models.Q(pk__in=chosen_ids))
    field.choices = task_choices(list(shown))


def check_tasks(form: Any, unit: AdministrativeUnit | None, tasks: Any, name: str = "tasks") -> None:
    """An error on the task field when a chosen task belongs to a plan of neither unit nor a unit above it."""
    if unit is not None and tasks:
        allowed = set(unit_and_above_paths(unit))
        outside = [task for task in tasks if task.plan.unit.path not in allowed]
        if outside:
            form.add_error(name, _(
                "Nhiệm vụ “%(task)s” thuộc kế hoạch của địa bàn khác: chỉ chọn nhiệm vụ trong kế hoạch của "
                "%(unit)s hoặc của cấp trên.") % {"task": outside[0], "unit": unit})


def _chosen(form: forms.ModelForm, name: str, model: type[models.Model]) -> Any:
    """The record a field holds: posted, else the instance's, else the add link's pre-filled value (?training=7).
    None when unknown or not a valid id."""
    raw: Any = None
    if form.is_bound:
        raw = form.data.get(name)
    elif getattr(form.instance, f"{name}_id", None):
        return getattr(form.instance, name)
    else:
        raw = form.initial.get(name)
    if isinstance(raw, model):
        return raw
    try:
        return model._default_manager.filter(pk=int(raw)).first() if raw not in (None, "") else None
    except (TypeError, ValueError):
        return None


class ActivityForm(TrethoModelForm):
    """An activity: the plan tasks it carries out are tasks the user may see of plans of its unit or above."""

    tasks = TaskChoiceField(queryset=PlanTask.objects.all(), required=False,
                            label=gettext_lazy("Thực hiện nhiệm vụ kế hoạch"),
                            help_text=gettext_lazy("Các nhiệm vụ trong kế hoạch của địa bàn này hoặc cấp trên mà "
                                                   "hoạt động này thực hiện."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_tasks(self, _chosen(self, "unit", AdministrativeUnit))
        for name in ("start_date", "end_date", "decision_date", "raised_on", "answered_on"):
            if name in self.fields:
                self.fields[name].widget.format = "%d/%m/%Y"

    def main_fields(self) -> list[Any]:
        """The fields drawn one under another (activities/activity_form.html); the audience grid adds its own."""
        return list(self.visible_fields())

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        check_tasks(self, cleaned.get("unit"), cleaned.get("tasks"))
        return cleaned


class AudienceGridMixin(forms.ModelForm):
    """The people reached, by category and sex, typed on the activity's own form as a grid (one row per category,
    Nam / Nữ). Saved with the activity, in its transaction (after the version check): a category left empty or at
    0 has no row; the rows stay records of their own (history, API)."""

    audience_fk = ""  # the audience model's foreign key to the activity
    user: Any  # set by TrethoModelForm

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        existing = {}
        if self.instance.pk:
            existing = {row.category: row for row in self.instance.audience.all()}
        for code, label in AudienceCategory.choices:
            row = existing.get(code)
            for sex in ("male", "female"):
                self.fields[f"audience_{code}_{sex}"] = forms.IntegerField(
                    required=False, min_value=0, label=f"{label} – {_('Nam') if sex == 'male' else _('Nữ')}",
                    initial=getattr(row, sex) if row is not None else None,
                    widget=forms.NumberInput(attrs={"class": "form-control form-control-sm text-end",
                                                    "inputmode": "numeric", "min": "0"}))

    def main_fields(self) -> list[Any]:
        return [field for field in self.visible_fields() if not field.name.startswith("audience_")]

    def audience_grid(self) -> list[tuple[Any, Any, Any]]:
        """(category label, Nam field, Nữ field) for the template's grid."""
        return [(label, self[f"audience_{code}_male"], self[f"audience_{code}_female"])
                for code, label in AudienceCategory.choices]

    def save(self, commit: bool = True) -> Any:
        activity = super().save(commit=commit)
        if commit:
            self.save_audience(activity)
        return activity

    def save_audience(self, activity: Any) -> None:
        rows = {row.category: row for row in activity.audience.all()}
        for code, _label in AudienceCategory.choices:
            male = self.cleaned_data.get(f"audience_{code}_male") or 0
            female = self.cleaned_data.get(f"audience_{code}_female") or 0
            row = rows.get(code)
            if not male and not female:
                if row is not None:
                    row.delete()
            elif row is None:
                activity.audience.model.objects.create(**{self.audience_fk: activity}, category=code, male=male,
                                                       female=female, created_by=self.user)
            elif (row.male, row.female) != (male, female):
                row.male, row.female = male, female
                row.version += 1
                row.save()


class TrainingForm(AudienceGridMixin, ActivityForm):
    audience_fk = "training"

    class Meta:
        model = Training
        fields = [*HELD_FIELDS, "kind", "topics", "materials", "trainers", "tasks", "note"]


class CommunicationEventForm(AudienceGridMixin, ActivityForm):
    audience_fk = "event"

    class Meta:
        model = CommunicationEvent
        fields = [*HELD_FIELDS, "channel", "sessions", "copies", "tasks", "note"]


class ParentingSessionForm(AudienceGridMixin, ActivityForm):
    audience_fk = "session"

    class Meta:
        model = ParentingSession
        fields = [*HELD_FIELDS, "format", "families_count", "tasks", "note"]


class MeetingForm(ActivityForm):
    class Meta:
        model = Meeting
        fields = [*HELD_FIELDS, "kind", "committee", "chair", "attendees", "attendee_count", "conclusions", "tasks",
                  "note"]


class CommendationForm(ActivityForm):
    class Meta:
        model = Commendation
        fields = ["unit", "recipient_kind", "recipient_name", "recipient_agency", "level", "form", "reason",
                  "decision_number", "decision_date", "proposed_by", "tasks", "note"]


class ProposalForm(ActivityForm):
    """Raised by a unit; answered by the level it is addressed to (units above, who may change it through their
    scope) by setting the status, the answer and its date."""

    class Meta:
        model = Proposal
        fields = ["unit", "kind", "title", "content", "raised_on", "addressed_level", "addressed_agency", "tasks",
                  "status", "answer", "answered_on", "answered_by", "note"]


# -- parts of an activity ----------------------------------------------------------------------------------------

class TrainingAudienceForm(TrethoModelForm):
    class Meta:
        model = TrainingAudience
        fields = ["training", "category", "male", "female"]


class CommunicationAudienceForm(TrethoModelForm):
    class Meta:
        model = CommunicationAudience
        fields = ["event", "category", "male", "female"]


class ParentingAudienceForm(TrethoModelForm):
    class Meta:
        model = ParentingAudience
        fields = ["session", "category", "male", "female"]


class StaffChoiceField(forms.ModelChoiceField):
    """Staff of the registry: by name for roles that see personal data, else by role and group."""

    show_names = False

    def label_from_instance(self, obj: Any) -> str:
        if not self.show_names:
            return str(obj)
        year = f" ({obj.birth_year})" if obj.birth_year else ""
        return f"{obj.full_name}{year} – {obj.get_role_display()}, {obj.group}"


class TrainingParticipantForm(TrethoModelForm):
    """A participant picked from the staff of the childcare groups in the training's area, or typed in."""

    staff = StaffChoiceField(queryset=Staff.objects.all(), required=False,
                             label=gettext_lazy("Chọn người chăm sóc trẻ (trong danh sách nhóm trẻ)"),
                             help_text=gettext_lazy("Người làm việc ở nhóm trẻ thuộc địa bàn của lớp tập huấn. "
                                                    "Để trống và ghi họ tên nếu người tham dự không có trong "
                                                    "danh sách."))

    class Meta:
        model = TrainingParticipant
        fields = ["training", "staff", "full_name", "sex", "birth_year", "category", "workplace", "phone",
                  "completed"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["staff"]
        field.show_names = sees_personal_data(self.user)
        training = _chosen(self, "training", Training)
        staff = Staff.objects.restrict(self.user).select_related("group")
        if training is None:
            field.queryset = staff.none()
            field.help_text = _("Chọn lớp tập huấn và lưu, hoặc mở trang này từ trang lớp tập huấn, để chọn người "
                                "trong danh sách nhóm trẻ.")
        else:
            field.queryset = staff.filter(group__unit__path__startswith=training.unit.path).order_by(
                "group__sort_key", "group_id", "full_name", "pk")
        # Left empty, the category follows from the staff member's role (clean); a new participant's sex is asked
        # for (the model allows it blank only for participants carried over from the registry's old flags).
        self.fields["category"].required = False
        self.fields["category"].help_text = _("Để trống khi chọn người trong danh sách nhóm trẻ: lấy theo vị trí "
                                              "công việc của người đó.")
        self.fields["sex"].required = self.instance.pk is None or bool(self.instance.sex)
        self.fields["sex"].error_messages["required"] = _("Chọn giới tính của người tham dự.")
        self.fields["staff"].widget.attrs["data-role-categories"] = json.dumps(
            {str(pk): STAFF_ROLE_CATEGORIES.get(role, "") for pk, role in field.queryset.values_list("pk", "role")})
        self.fields["birth_year"].localize = False
        self.fields["birth_year"].widget = forms.TextInput(attrs={"inputmode": "numeric", "class": "form-control"})

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        training, staff = cleaned.get("training"), cleaned.get("staff")
        if not cleaned.get("category") and "category" not in self.errors:
            if staff is not None:
                cleaned["category"] = STAFF_ROLE_CATEGORIES.get(staff.role, AudienceCategory.OTHER)
                self.instance.category = cleaned["category"]
            else:
                self.add_error("category", _("Chọn đối tượng của người tham dự."))
        if training is not None and staff is not None:
            twice = TrainingParticipant.objects.filter(training=training, staff=staff).exclude(pk=self.instance.pk)
            if twice.exists():
                self.add_error("staff", _("Người này đã có trong danh sách tham dự lớp tập huấn này."))
        return cleaned


class ParentingFamilyForm(TrethoModelForm):
    class Meta:
        model = ParentingFamily
        fields = ["session", "caregiver_name", "phone", "children_under_3", "children_3_to_8", "note"]


class MeetingFollowUpForm(TrethoModelForm):
    class Meta:
        model = MeetingFollowUp
        fields = ["meeting", "content", "owner_agency", "owner_text", "deadline", "state", "done_on", "result"]
