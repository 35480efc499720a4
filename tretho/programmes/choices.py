from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitOfMeasure(models.TextChoices):
    PERCENT = "percent", _("Tỷ lệ (%)")
    COUNT = "count", _("Số lượng")
    MONEY = "money", _("Tiền (đồng)")
    TEXT = "text", _("Văn bản")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")
    SUPERSEDED = "superseded", _("Đã được sửa đổi, thay thế")


# Issued plans are published: lower levels may read them (they implement them), nobody may change them.
PUBLISHED_STATUSES = (PlanStatus.ISSUED, PlanStatus.SUPERSEDED)


class DocumentType(models.TextChoices):
    """Type codes of Nghị định 30/2020/NĐ-CP, Phụ lục III (công văn has none)."""

    PLAN = "KH", _("Kế hoạch")
    REPORT = "BC", _("Báo cáo")
    DECISION = "QĐ", _("Quyết định")
    NOTICE = "TB", _("Thông báo")
    GUIDANCE = "HD", _("Hướng dẫn")
    PROGRAMME = "CTr", _("Chương trình")
    MINUTES = "BB", _("Biên bản")
    SUBMISSION = "TTr", _("Tờ trình")


class SignerAuthority(models.TextChoices):
    """Thẩm quyền ký (Nghị định 30/2020, Điều 13)."""

    NONE = "", _("Ký trực tiếp")
    ON_BEHALF_OF = "TM.", _("TM. — thay mặt tập thể")
    DEPUTY = "KT.", _("KT. — ký thay người đứng đầu")
    ACTING = "Q.", _("Q. — quyền")
    BY_ORDER = "TL.", _("TL. — thừa lệnh")
    BY_AUTHORISATION = "TUQ.", _("TUQ. — thừa ủy quyền")


class ObjectiveKind(models.TextChoices):
    GENERAL = "general", _("Mục tiêu chung")
    SPECIFIC = "specific", _("Mục tiêu cụ thể")


class Comparison(models.TextChoices):
    EXACT = "", _("Đúng bằng")
    AT_LEAST = "at_least", _("Ít nhất")
    AT_MOST = "at_most", _("Không quá")


class BudgetSource(models.TextChoices):
    CENTRAL = "central", _("Ngân sách trung ương")
    LOCAL = "local", _("Ngân sách địa phương")
    ENTERPRISES = "enterprises", _("Doanh nghiệp")
    DONORS = "donors", _("Tài trợ, xã hội hóa")


class Frequency(models.TextChoices):
    YEARLY = "yearly", _("Hằng năm")
    HALF_YEARLY = "half_yearly", _("6 tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    MONTHLY = "monthly", _("Hằng tháng")
    ONCE = "once", _("Một lần")
    AD_HOC = "ad_hoc", _("Đột xuất")


class Channel(models.TextChoices):
    PAPER = "paper", _("Văn bản giấy")
    EMAIL = "email", _("Thư điện tử")
    SYSTEM = "system", _("Trên hệ thống")


class SectionKey(models.TextChoices):
    """The sections a plan may have; `Plan.section_order` lists them in the order of the document."""

    PURPOSE = "purpose", _("Mục đích, yêu cầu")
    OBJECTIVES = "objectives", _("Mục tiêu")
    TARGETS = "targets", _("Chỉ tiêu")
    TARGET_GROUPS = "target_groups", _("Đối tượng")
    SCOPE = "scope", _("Phạm vi thực hiện")
    TIMEFRAME = "timeframe", _("Thời gian thực hiện")
    TASKS = "tasks", _("Nhiệm vụ và giải pháp")
    BUDGET = "budget", _("Kinh phí thực hiện")
    ORGANISATION = "organisation", _("Tổ chức thực hiện")
    REPORTING = "reporting", _("Chế độ báo cáo")


# "a+b+c" puts several parts under one Roman-numbered heading ("II. ĐỐI TƯỢNG, PHẠM VI, THỜI GIAN THỰC HIỆN").
DEFAULT_SECTION_ORDER = [
    "purpose", "objectives", "targets", "target_groups+scope+timeframe", "tasks", "budget", "organisation",
    "reporting",
]
