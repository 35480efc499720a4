from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitLevel(models.IntegerChoices):
    COUNTRY = 0, _("Trung ương")
    PROVINCE = 1, _("Tỉnh")
    DISTRICT = 2, _("Huyện")
    COMMUNE = 3, _("Xã")


class UnitType(models.TextChoices):
    COUNTRY = "quoc_gia", _("Quốc gia")
    PROVINCE = "tinh", _("Tỉnh")
    CITY = "thanh_pho_tw", _("Thành phố trực thuộc trung ương")
    RURAL_DISTRICT = "huyen", _("Huyện")
    URBAN_DISTRICT = "quan", _("Quận")
    TOWN = "thi_xa", _("Thị xã")
    PROVINCIAL_CITY = "thanh_pho_thuoc_tinh", _("Thành phố thuộc tỉnh")
    COMMUNE = "xa", _("Xã")
    WARD = "phuong", _("Phường")
    TOWNSHIP = "thi_tran", _("Thị trấn")
    SPECIAL_ZONE = "dac_khu", _("Đặc khu")


class SuccessionKind(models.TextChoices):
    FULL = "full", _("Sáp nhập toàn bộ")
    PARTIAL = "partial", _("Sáp nhập một phần")


class ZoneKind(models.TextChoices):
    INDUSTRIAL = "kcn", _("Khu công nghiệp")
    EXPORT_PROCESSING = "kcx", _("Khu chế xuất")
    ECONOMIC = "kkt", _("Khu kinh tế")
