from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    WOMENS_UNION = "womens_union", _("Hội Liên hiệp Phụ nữ")
    PEOPLES_COMMITTEE = "peoples_committee", _("Ủy ban nhân dân")
    EDUCATION = "education", _("Giáo dục và Đào tạo")
    HEALTH = "health", _("Y tế")
    SOCIAL_AFFAIRS = "social_affairs", _("Lao động - Thương binh và Xã hội")
    FINANCE = "finance", _("Tài chính")
    LABOUR_FEDERATION = "labour_federation", _("Liên đoàn Lao động")
    ECONOMIC_ZONE_BOARD = "economic_zone_board", _("Ban Quản lý khu kinh tế, khu công nghiệp")
    SCHOOL = "school", _("Trường học")
    HEALTH_STATION = "health_station", _("Trạm y tế")
    OTHER = "other", _("Khác")


class MemberRole(models.TextChoices):
    HEAD = "head", _("Trưởng ban")
    DEPUTY = "deputy", _("Phó trưởng ban")
    STANDING = "standing", _("Thường trực")
    MEMBER = "member", _("Thành viên")
