from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportLevel(models.IntegerChoices):
    """The level a report comes from (the same numbers as geo.UnitLevel)."""

    PROVINCE = 1, _("Tỉnh")
    DISTRICT = 2, _("Huyện")
    COMMUNE = 3, _("Xã")


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Bị trả lại")
    ACCEPTED = "accepted", _("Đã duyệt")


class SubmissionAction(models.TextChoices):
    SUBMIT = "submit", _("Gửi báo cáo")
    RETURN = "return", _("Trả lại")
    RESUBMIT = "resubmit", _("Gửi lại")
    ACCEPT = "accept", _("Duyệt")
    REOPEN = "reopen", _("Mở lại")


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("Nhắc trước hạn")
    OVERDUE = "overdue", _("Nhắc quá hạn")
