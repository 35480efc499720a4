"""{% attachments_panel object %}: the attachments of an activity (or a task completion) — title, kind, size, date
and a download link each — with an upload form and delete buttons for users who may change the owner. Attendance
sheets (names of people) are left out for roles that do not see personal data."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString

from .. import attachments
from ..views_attachments import AttachmentForm

register = template.Library()


@register.simple_tag(takes_context=True)
def attachments_panel(context: Any, owner: Any) -> SafeString | str:
    request = context.get("request")
    user = getattr(request, "user", None)
    if owner is None or getattr(owner, "pk", None) is None or not isinstance(owner, attachments.owner_models()):
        return ""
    rows = attachments.attachments_of(owner) & attachments.visible_attachments(user)
    may_change = attachments.may_change_owner(user, owner)
    owner_type = owner._meta.model_name
    owner_key = f"{owner_type}-{owner.pk}"
    add_url = reverse("activities:attachment_add", args=[owner_type, owner.pk]) if may_change else None
    full = may_change and attachments.attachments_of(owner).count() >= attachments.max_count()
    listed = [{
        "attachment": attachment,
        "size": attachments.format_size(attachment.size),
        "is_image": attachment.mime_type.startswith("image/"),
        "download_url": reverse("activities:attachment_download", args=[attachment.pk]),
        "delete_url": reverse("activities:attachment_delete", args=[attachment.pk]) if may_change else None,
    } for attachment in rows.order_by("kind", "id")]
    return render_to_string("activities/attachments/panel.html", {
        "owner": owner, "owner_key": owner_key, "rows": listed,
        "add_url": None if full else add_url,
        "form": AttachmentForm(auto_id=f"id_{owner_key}_%s") if add_url and not full else None,
    }, request=request)
