import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from tretho.core.forms import TrethoModelForm

from .models import AdministrativeUnit, IndustrialZone


class IndustrialZoneForm(TrethoModelForm):
    class Meta:
        model = IndustrialZone
        fields = ["name", "kind", "unit", "address", "latitude", "longitude"]


class AdministrativeUnitForm(TrethoModelForm):
    """Units are loaded from the official lists (`tretho load_units`), never typed in; the form exists for the
    registry's completeness and is not routed."""

    class Meta:
        model = AdministrativeUnit
        fields = ["name", "short_name"]


class UnitBrowseForm(forms.Form):
    """The unit browser's controls: a search box and the "as of" date (dd/mm/yyyy) choosing the hierarchy."""

    q = forms.CharField(
        label=_("Tìm đơn vị"), required=False, max_length=200,
        widget=forms.TextInput(attrs={"class": "form-control", "type": "search",
                                      "placeholder": _("Ví dụ: dong nai, hoa an")}),
    )
    as_of = forms.DateField(
        label=_("Tính đến ngày"), required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(format="%d/%m/%Y", attrs={
            "class": "form-control", "placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off",
            "pattern": r"\d{1,2}/\d{1,2}/\d{4}",
        }),
        error_messages={"invalid": _("Nhập ngày theo dạng dd/mm/yyyy, ví dụ 30/06/2025.")},
    )
    all_periods = forms.BooleanField(
        label=_("Tìm cả đơn vị đã giải thể"), required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    def value(self, name: str) -> object:
        """A cleaned value, even when another field is invalid (a bad date must not lose the search)."""
        if not self.is_bound:
            return None
        if not hasattr(self, "cleaned_data"):
            self.full_clean()
        return self.cleaned_data.get(name)

    def as_of_date(self, default: dt.date) -> dt.date:
        value = self.value("as_of")
        return value if isinstance(value, dt.date) else default

    def query(self) -> str:
        return str(self.value("q") or "").strip()

    def all_periods_wanted(self) -> bool:
        return bool(self.value("all_periods"))
