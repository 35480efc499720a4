"""The childcare group page: the generic detail page (fields, related tables) with the latest enrolment snapshot,
staff in post, the last health check, the supervision history and the recommendations still open; a staff
member's page with the trainings they attended."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tretho.core.scoping import ADD, user_can

from . import selectors
from .models import ChildcareGroup, Staff

# "Thêm …" buttons of the group page: (url name, label); each form opens with the group chosen.
GROUP_ADD_LINKS = [
    ("registry:enrolment_add", _("Cập nhật số trẻ")),
    ("registry:staff_add", _("Thêm người chăm sóc trẻ")),
    ("registry:healthcheck_add", _("Thêm lần khám sức khỏe")),
    ("registry:programmesupport_add", _("Thêm hỗ trợ kiện toàn, thành lập mới")),
    ("registry:facilitysupport_add", _("Thêm hỗ trợ cơ sở vật chất")),
    ("registry:supportpayment_add", _("Thêm khoản hỗ trợ theo Nghị định 105")),
    ("registry:supervisionvisit_add", _("Ghi kết quả giám sát")),
]


def group_detail_context(request: HttpRequest, group: ChildcareGroup) -> dict[str, Any]:
    """Extra context of the group page (registered as ChildcareGroup's `detail_context`)."""
    can_add = user_can(request.user, ADD, group)
    links = [(f"{reverse(name)}?group={group.pk}", label) for name, label in GROUP_ADD_LINKS] if can_add else []
    return {"page": selectors.group_page(group, request.user), "add_links": links}


def staff_detail_context(request: HttpRequest, person: Staff) -> dict[str, Any]:
    """Extra context of a staff member's page (registered as Staff's `detail_context`)."""
    return {"trainings": selectors.trainings_attended(person, request.user)}
