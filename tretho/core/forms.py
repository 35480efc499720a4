"""Base form: choice lists limited to the user's scope, owner fields never taken from input, optimistic
concurrency through the record's version."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .integrity import claim_version, stale_message_lines
from .scoping import ADD, VIEW, restrict_choices, user_can
from .widgets import SearchSelect

STALE_MESSAGE = gettext_lazy(
    "Bản ghi này vừa được người khác sửa sau khi bạn mở nó. Thay đổi của bạn chưa được lưu: "
    "hãy tải lại trang để xem bản mới nhất rồi sửa lại."
)


class DayField(forms.DateField):
    """A date typed dd/mm/yyyy in a plain (non-model) form, shown back the same way."""

    def __init__(self, *, input_formats: list[str] | None = None, attrs: dict[str, str] | None = None,
                 **kwargs: Any) -> None:
        widget = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", **(attrs or {})})
        super().__init__(input_formats=input_formats or ["%d/%m/%Y"], widget=widget, **kwargs)


class TrethoModelForm(forms.ModelForm):
    """ModelForm that knows the acting user. Foreign keys to scoped models list only what the user may use."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: Any = None, action: str = ADD, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.action = action
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        owner_field = str(getattr(self._meta.model, "scope_path_field", "")).split("__")[0]
        self._sole_unit_field = ""  # the owner field when it picks a unit: preselected on add (sole_unit)
        field: Any  # model choice fields carry queryset/choices, which plain Field does not declare
        for name, field in self.fields.items():
            # Units and owners the user may write into; other choices (agencies…) those they may see.
            choice_action = action if name == owner_field else VIEW
            if restrict_choices(field, user, choice_action):
                model = field.queryset.model
                if name == owner_field and model.scope_path_field == "path":  # a unit: scoped by its own path
                    self._sole_unit_field = name
                if getattr(model, "lookup_by_search", False):
                    field.widget = SearchSelect(model._meta.label_lower, choice_action)
                    field.widget.choices = field.choices
            if isinstance(field, forms.FloatField | forms.DecimalField):
                # Typed the Vietnamese way (10,95); a number input would refuse the comma.
                field.localize = True
                field.widget = forms.TextInput(attrs={"inputmode": "decimal"})
                field.widget.is_localized = True
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            if isinstance(field.widget, forms.CheckboxInput):
                css = "form-check-input"
            field.widget.attrs.setdefault("class", css)
            if isinstance(field, forms.DateField):
                field.widget.attrs.setdefault("placeholder", "dd/mm/yyyy")

    def get_initial_for_field(self, field: forms.Field, field_name: str) -> Any:
        value = super().get_initial_for_field(field, field_name)
        if value is None and field_name == self._sole_unit_field and not self.is_bound and not self.instance.pk:
            value = self.sole_unit(field)
        return value

    def sole_unit(self, field: Any) -> Any:
        """On an add form, the pk of the one unit the user may write into among the field's choices (read when
        the form renders, after any view has narrowed them), preferring units in force today: an officer of
        one commune finds it selected. None when there are several (a manager picks)."""
        cache: dict[str, Any] = self.__dict__.setdefault("_sole_unit_cache", {})
        if "pk" not in cache:
            choices = field.queryset
            in_force = getattr(choices, "in_force_on", None)
            pks = list(in_force(timezone.localdate()).values_list("pk", flat=True)[:2]) if in_force else []
            if not pks:  # none in force (an officer of a dissolved commune still writes into it)
                pks = list(choices.values_list("pk", flat=True)[:2])
            cache["pk"] = pks[0] if len(pks) == 1 else None
        return cache["pk"]

    def save_scoped(self, writable: models.QuerySet) -> models.Model:
        """Save inside the caller's transaction; refuse a stale version (saying what changed) and an object
        that left the scope. The version is claimed by compare-and-set, so two saves of one version cannot
        both pass, whatever the database's locking."""
        obj = self.instance
        if obj.pk:
            submitted = self.cleaned_data.get("version")
            expected = submitted if submitted is not None else obj.version
            if not claim_version(type(obj), obj.pk, expected):
                raise ValidationError(stale_message_lines(type(obj), obj.pk, expected, self.user), code="stale")
            obj.version = expected + 1
        elif self.user is not None and getattr(self.user, "is_authenticated", False):
            obj.created_by = self.user
        obj = self.save()
        self.check_scope(obj)
        return obj

    def check_scope(self, obj: models.Model) -> None:
        # user_can, not Scope.covers: models scoped through a to-many relation (users) have no single path.
        if not user_can(self.user, self.action, obj):
            raise ValidationError(_("Bạn không có quyền ghi dữ liệu cho đơn vị này."), code="out_of_scope")
