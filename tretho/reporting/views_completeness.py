"""Completeness page: per period and level, how many units were expected, sent on time, late, were returned or are
missing — and who they are. Units and reports are those the user may see (AdministrativeUnit and Submission
through restrict())."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django.views import View

from tretho.core.scoping import VIEW
from tretho.core.views import ScopedObjectMixin
from tretho.geo.models import AdministrativeUnit

from . import actions, completeness
from .choices import ReportLevel
from .models import ReportingPeriod, Submission


class CompletenessFilterForm(forms.Form):
    # No empty choice: the page always shows one period (the latest by default) and the select names it.
    period = forms.ModelChoiceField(queryset=ReportingPeriod.objects.none(), label=_("Kỳ báo cáo"), required=False,
                                    empty_label=None)
    level = forms.TypedChoiceField(choices=[("", _("Mọi cấp")), *ReportLevel.choices], coerce=int, required=False,
                                   empty_value=None, label=_("Cấp báo cáo"))
    state = forms.ChoiceField(choices=[("", _("Chưa nộp, bị trả lại hoặc muộn")), ("all", _("Tất cả")),
                                       *completeness.STATE_LABELS.items()], required=False,
                              label=_("Hiển thị"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = ReportingPeriod.objects.restrict(user, VIEW).select_related(
            "programme").order_by("-start", "programme__code")
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"


class CompletenessView(ScopedObjectMixin, View):
    """Routed with .for_model(Submission): the reports the user may see decide what is listed."""

    def get(self, request: HttpRequest) -> HttpResponse:
        data = request.GET.copy()
        if not data.get("period"):  # the period shown by default is bound into the form, so the select names it
            default = CompletenessFilterForm(user=request.user).fields["period"].queryset.first()
            if default is not None:
                data["period"] = str(default.pk)
        form = CompletenessFilterForm(data, user=request.user)
        period, level, state = None, None, ""
        if form.is_valid():
            period, level, state = (form.cleaned_data["period"], form.cleaned_data["level"],
                                    form.cleaned_data["state"])
        period = period or form.fields["period"].queryset.first()
        units = AdministrativeUnit.objects.restrict(request.user, VIEW)
        levels = []
        if period is not None:
            levels = completeness.period_completeness(period, units=units, levels=[level] if level else None)
            visible = set(Submission.objects.restrict(request.user, VIEW).filter(period=period)
                          .values_list("pk", flat=True))
            for each in levels:
                for row in each.rows:  # a report the user may not open is counted, not linked
                    row.linked = row.submission is not None and row.submission.pk in visible
        shown_states = {"all": None, "": (completeness.MISSING, completeness.RETURNED, completeness.LATE)}.get(
            state, (state,))
        return render(request, "reporting/completeness.html", self.base_context() | {
            "form": form, "period": period, "levels": levels, "shown_states": shown_states,
            "blocks": [(each, each.rows if shown_states is None else each.in_state(*shown_states))
                       for each in levels],
        })


class FillDeadlinesView(ScopedObjectMixin, View):
    """POST on a period (routed with .for_model(ReportingPeriod)): its deadlines from the plans' requirements."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        period = self.get_object(VIEW)
        try:
            done = actions.do_fill_deadlines(period, acting_user=request.user,
                                             overwrite=request.POST.get("overwrite") == "1")
        except PermissionDenied:
            raise Http404(gettext_now("Không tìm thấy.")) from None
        if done:
            messages.success(request, gettext_now("Đã điền hạn nộp: %(list)s.") % {"list": "; ".join(
                f"{ReportLevel(level).label} {date:%d/%m/%Y}" for level, date in sorted(done.items()))})
        else:
            messages.info(request, gettext_now("Không có hạn nộp nào mới từ chế độ báo cáo của các kế hoạch."))
        return HttpResponseRedirect(period.get_absolute_url())
