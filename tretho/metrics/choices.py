from django.db import models
from django.utils.translation import gettext_lazy as _


class ValueType(models.TextChoices):
    NUMBER = "number", _("Số")
    PERCENT = "percent", _("Tỷ lệ (%)")
    MONEY = "money", _("Tiền (đồng)")
    TEXT = "text", _("Văn bản")


class MetricKind(models.TextChoices):
    REPORTED = "reported", _("Báo cáo (nhập từ biểu mẫu)")
    COMPUTED = "computed", _("Tính từ dữ liệu")
