"""Who opened or changed which record holding personal data, when and from where: what a breach notice needs.

One row per access, written with a single insert; the path is stored without its query string (search words
may be names)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessAction(models.TextChoices):
    VIEW = "view", _("Xem")
    CHANGE = "change", _("Sửa")
    EXPORT = "export", _("Xuất")


class RecordAccess(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người dùng"), null=True,
                             on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    action = models.CharField(_("thao tác"), max_length=10, choices=AccessAction.choices)
    content_type = models.ForeignKey(ContentType, verbose_name=_("loại bản ghi"), on_delete=models.PROTECT,
                                     related_name="+")
    object_id = models.CharField(_("mã bản ghi"), max_length=64)
    path = models.CharField(_("đường dẫn"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("lượt truy cập bản ghi")
        verbose_name_plural = _("lượt truy cập bản ghi")
        ordering = ("-at", "-id")
        indexes = [models.Index(fields=("content_type", "object_id"))]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_action_display()} {self.content_type_id}#{self.object_id}"
