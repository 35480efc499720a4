"""An activity's page: the generic detail page (fields, related tables) with the plan tasks it carries out, the
people reached by category and sex with totals, its parts (participants, families, follow-up items), the
attachments, and "Thêm …" links that open the part's form with the activity chosen."""

from __future__ import annotations

from typing import Any

from django.db.models import Sum
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tretho.core.scoping import ADD, CHANGE, sees_personal_data, user_can
from tretho.core.views import ObjectEditView
from tretho.programmes.models import PlanTask

from .choices import FollowUpState
from .models import (
    Meeting,
    ParentingSession,
    Proposal,
    Training,
)

# "Thêm …" buttons of an activity's page: (url name, label, the part's field naming the activity). The people reached
# by category are typed on the activity's own form (forms.AudienceGridMixin).
ADD_LINKS: dict[type, list[tuple[str, Any, str]]] = {
    Training: [("activities:trainingparticipant_add", _("Thêm người tham dự"), "training")],
    ParentingSession: [("activities:parentingfamily_add", _("Thêm gia đình tham gia"), "session")],
    Meeting: [("activities:meetingfollowup_add", _("Thêm việc giao sau cuộc họp"), "meeting")],
}


def plan_tasks(request: HttpRequest, activity: Any) -> list[PlanTask]:
    """The plan tasks the activity carries out that the user may see, with their plans (one query)."""
    visible = PlanTask.objects.restrict(request.user).values("pk")
    return list(activity.tasks.filter(pk__in=visible).select_related("plan").order_by("plan_id", "order", "pk"))


def audience_summary(activity: Any) -> dict[str, Any] | None:
    """The audience rows by category and the totals by sex (None for activities without audience rows)."""
    audience = getattr(activity, "audience", None)
    if audience is None:
        return None
    rows = list(audience.all())
    totals = audience.aggregate(male=Sum("male"), female=Sum("female"))
    male, female = totals["male"] or 0, totals["female"] or 0
    return {"rows": rows, "male": male, "female": female, "total": male + female}


PART_LISTS: dict[type, list[tuple[str, Any, str]]] = {
    Training: [("activities:trainingparticipant_list", _("Danh sách người tham dự: lọc, xuất Excel"), "training")],
    ParentingSession: [("activities:parentingfamily_list", _("Danh sách gia đình: lọc, xuất Excel"), "session")],
    Meeting: [("activities:meetingfollowup_list", _("Việc giao sau cuộc họp: lọc, xuất Excel"), "meeting")],
}


def activity_detail_context(request: HttpRequest, activity: Any) -> dict[str, Any]:
    """Extra context of every activity's page (registered as the activities' `detail_context`)."""
    can_add = user_can(request.user, ADD, activity)
    links = [(f"{reverse(name)}?{field}={activity.pk}", label)
             for name, label, field in ADD_LINKS.get(type(activity), [])] if can_add else []
    if isinstance(activity, Training) and user_can(request.user, CHANGE, activity) and sees_personal_data(request.user):
        # The Excel import of the participants (views_import: who may change the training and see names).
        links.append((reverse("activities:participant_import", args=[activity.pk]),
                      _("Nhập danh sách người tham dự từ Excel")))
    # Each part's own list (filters, Excel export) for this activity: the page shows one page of it.
    part_lists = [(f"{reverse(name)}?{field}={activity.pk}", label)
                  for name, label, field in PART_LISTS.get(type(activity), [])]
    context: dict[str, Any] = {
        "part_lists": part_lists,
        "tasks": plan_tasks(request, activity),
        "audience": audience_summary(activity),
        "add_links": links,
    }
    if isinstance(activity, Proposal) and user_can(request.user, CHANGE, activity):
        # The level addressed answers by editing status, answer and date (units above may change it).
        context["answer_url"] = reverse("activities:proposal_edit", args=[activity.pk]) + "#id_answer"
    if isinstance(activity, Meeting):
        follow_ups = list(activity.follow_ups.all())
        context["follow_up_counts"] = {
            "total": len(follow_ups),
            "open": sum(1 for item in follow_ups if item.state == FollowUpState.OPEN),
            "overdue": sum(1 for item in follow_ups if item.is_overdue),
        }
    return context


class ActivityEditView(ObjectEditView):
    """The generic add/edit page (scope, version check) of every activity, drawn with the plan tasks' checkbox box
    (forms.TaskCheckboxes, its style in static activities/forms.css) and, for trainings, communication and
    parenting sessions, the audience grid (forms.AudienceGridMixin)."""

    template_name = "activities/activity_form.html"


class ParticipantEditView(ObjectEditView):
    """The generic add/edit page of a training's participant, with "Lưu và thêm người khác": after saving, the add
    form opens again for the same training (participants are usually entered one after another); "Lưu" of a new
    participant goes back to the training's page, where the list is."""

    template_name = "activities/participant_form.html"

    def post(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        response = super().post(request, pk)
        training = request.POST.get("training", "")
        if response.status_code == 302 and self.action == ADD and training.isdigit():
            if "add_another" in request.POST:
                return HttpResponseRedirect(f"{reverse('activities:trainingparticipant_add')}?training={training}")
            return HttpResponseRedirect(reverse("activities:training_detail", args=[int(training)]))
        return response
