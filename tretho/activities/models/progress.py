"""A plan task marked done by its lead agency, with the evidence. Everything else about a task's progress is
derived (tretho.activities.progress): the plan itself stays as issued."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tretho.core.models import TrethoModel

from .base import Attachment


class TaskCompletion(TrethoModel):
    task = models.OneToOneField("programmes.PlanTask", verbose_name=_("nhiệm vụ"), on_delete=models.CASCADE,
                                related_name="completion")
    done_on = models.DateField(_("ngày hoàn thành"))
    evidence = models.TextField(_("kết quả, minh chứng"),
                                help_text=_("Sản phẩm, văn bản, số liệu cho thấy nhiệm vụ đã hoàn thành."))
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người xác nhận"), null=True,
                                  blank=True, editable=False, on_delete=models.SET_NULL, related_name="+")
    attachments = GenericRelation(Attachment)

    scope_path_field = "task__plan__unit__path"

    class Meta:
        verbose_name = _("xác nhận hoàn thành nhiệm vụ")
        verbose_name_plural = _("xác nhận hoàn thành nhiệm vụ")
        ordering = ["-done_on", "id"]

    def __str__(self) -> str:
        return str(_("Hoàn thành: %(task)s")) % {"task": self.task}

    def get_absolute_url(self) -> str:
        return reverse("activities:taskcompletion_detail", args=[self.pk])
