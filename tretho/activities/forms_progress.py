"""Forms of task progress and meeting follow-ups: marking a plan task done (date, evidence, the activities that
carried it out) and closing a meeting's follow-up item."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tretho.core.forms import DayField

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class NotInFutureMixin:
    cleaned_data: dict[str, Any]

    def clean_done_on(self) -> Any:
        done_on = self.cleaned_data["done_on"]
        if done_on and done_on > timezone.localdate():
            raise forms.ValidationError(_("Ngày hoàn thành không thể sau hôm nay."))
        return done_on


class CompletionForm(NotInFutureMixin, forms.Form):
    """"Xác nhận hoàn thành": when, with what evidence; the task's activities may be picked as evidence (their
    names and dates are written into the evidence, so it reads on its own)."""

    done_on = DayField(label=_("Ngày hoàn thành"), input_formats=DATE_INPUT_FORMATS,
                       attrs={"class": "form-control"})
    evidence = forms.CharField(label=_("Kết quả, minh chứng"), widget=forms.Textarea(
        attrs={"class": "form-control", "rows": 4}),
        help_text=_("Sản phẩm, văn bản, số liệu cho thấy nhiệm vụ đã hoàn thành."))
    activities = forms.MultipleChoiceField(label=_("Các hoạt động đã thực hiện nhiệm vụ"), required=False,
                                           widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, activities: list[tuple[str, Any]] | None = None, **kwargs: Any) -> None:
        """activities: (key "model:pk", the activity) the user may read among those naming the task."""
        super().__init__(*args, **kwargs)
        self.activity_rows = dict(activities or [])
        field: Any = self.fields["activities"]
        field.choices = [(key, activity_line(activity)) for key, activity in self.activity_rows.items()]
        if not self.activity_rows:
            del self.fields["activities"]

    def evidence_text(self) -> str:
        """The evidence typed, then one line per activity picked."""
        lines = [self.cleaned_data["evidence"].strip()]
        picked = [self.activity_rows[key] for key in self.cleaned_data.get("activities") or []]
        if picked:
            lines.append(str(_("Hoạt động đã thực hiện:")))
            lines += [f"- {activity_line(activity)}" for activity in picked]
        return "\n".join(lines)


def activity_line(activity: Any) -> str:
    """"Tập huấn, bồi dưỡng: <title> (12/05/2017)" — the kind, the activity and its date."""
    day = activity.activity_date
    kind = str(type(activity)._meta.verbose_name).capitalize()
    return f"{kind}: {activity}" + (f" ({day:%d/%m/%Y})" if day else "")


class FollowUpDoneForm(NotInFutureMixin, forms.Form):
    """A meeting's follow-up item is carried out: on which day, with what result."""

    done_on = DayField(label=_("Ngày hoàn thành"), input_formats=DATE_INPUT_FORMATS,
                       attrs={"class": "form-control form-control-sm"})
    result = forms.CharField(label=_("Kết quả thực hiện"), required=False, widget=forms.Textarea(
        attrs={"class": "form-control form-control-sm", "rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)
