"""{% attachments_panel object %}: the attachments of an activity, with upload for those who may change it."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def attachments_panel(context, owner) -> str:
    return ""
