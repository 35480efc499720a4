"""Forms of the cascade pages: the lower unit of a new plan, a target's shares, the Excel import, the task board's
filters. Choice lists come from restrict() (units where the user may add a plan, agencies they may see)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tretho.core.scoping import VIEW

from . import board
from .cascade import lower_units

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.full_name or obj.name


def _share_field(label: str, initial: Any = None) -> forms.DecimalField:
    field = forms.DecimalField(label=label, required=False, min_value=Decimal(0), max_digits=16, decimal_places=2,
                               localize=True, initial=initial,
                               widget=forms.TextInput(attrs={"class": "form-control", "inputmode": "decimal"}))
    field.widget.is_localized = True
    return field


class LowerPlanForm(forms.Form):
    unit = UnitChoiceField(label=_("Đơn vị cấp dưới"), queryset=None,  # type: ignore[arg-type]
                           widget=forms.Select(attrs={"class": "form-select"}),
                           help_text=_("Đơn vị còn hiệu lực vào ngày của kế hoạch, trong phạm vi của bạn."))

    def __init__(self, *args: Any, plan: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = lower_units(plan, user)  # type: ignore[attr-defined]


class DistributeForm(forms.Form):
    """One share box per lower plan the user may change, and a unit to add (its lower plan is made on saving)."""

    new_unit = UnitChoiceField(label=_("Thêm đơn vị"), queryset=None, required=False,  # type: ignore[arg-type]
                               widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args: Any, target: Any, rows: list[dict[str, Any]], user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            if row["editable"]:
                self.fields[f"share_{row['unit'].pk}"] = _share_field(str(row["unit"]), row["value"])
        taken = [row["unit"].pk for row in rows]
        area = target.area if target.area_id else None
        self.fields["new_unit"].queryset = lower_units(  # type: ignore[attr-defined]
            target.plan, user, within=area).exclude(pk__in=taken)
        self.fields["new_value"] = _share_field(str(_("Chỉ tiêu giao")))

    def share_fields(self) -> list[tuple[dict[str, Any], Any]]:
        """(row, bound field or None) in the order of the rows."""
        return [(row, self[f"share_{row['unit'].pk}"] if f"share_{row['unit'].pk}" in self.fields else None)
                for row in self.rows]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("new_unit") is not None and cleaned.get("new_value") is None:
            self.add_error("new_value", _("Ghi chỉ tiêu giao cho đơn vị thêm vào."))
        return cleaned

    def shares(self) -> dict[Any, Decimal | None]:
        result: dict[Any, Decimal | None] = {}
        for row in self.rows:
            name = f"share_{row['unit'].pk}"
            if name in self.fields and self.cleaned_data.get(name) is not None:
                result[row["unit"]] = self.cleaned_data[name]
        if self.cleaned_data.get("new_unit") is not None:
            result[self.cleaned_data["new_unit"]] = self.cleaned_data["new_value"]
        return result


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel"), widget=forms.ClearableFileInput(attrs={
        "class": "form-control", "accept": ".xlsx,.xls,.ods"}))
    dry_run = forms.BooleanField(label=_("Chỉ thử (kiểm tra lỗi, không lưu)"), required=False,
                                 widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Tệp lớn hơn 10 MB."))
        return upload


class BoardFilterForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Cơ quan"), queryset=None, required=False,  # type: ignore[arg-type]
                                    empty_label=_("Mọi cơ quan"),
                                    widget=forms.Select(attrs={"class": "form-select"}))
    when = forms.ChoiceField(label=_("Thời hạn"), required=False, initial=board.ALL, choices=[
        (board.ALL, _("Tất cả")), (board.OVERDUE, _("Quá hạn")),
        (board.DUE_SOON, _("Đến hạn trong 30 ngày tới")),
        (board.LATER, _("Còn xa hạn")), (board.DONE, _("Đã hoàn thành")),
    ], widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from tretho.orgs.models import Agency

        self.fields["agency"].queryset = Agency.objects.restrict(user, VIEW)  # type: ignore[attr-defined]
