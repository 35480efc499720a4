"""Choices of the childcare registry (DOMAIN.md "Childcare groups")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupKind(models.TextChoices):
    CHILDCARE_GROUP = "nhom_tre", _("Nhóm trẻ")
    KINDERGARTEN_CLASS = "lop_mau_giao", _("Lớp mẫu giáo")
    PRESCHOOL_CLASS = "lop_mam_non", _("Lớp mầm non độc lập")


class GroupStatus(models.TextChoices):
    OPERATING = "operating", _("Đang hoạt động")
    SUSPENDED = "suspended", _("Tạm dừng")
    CLOSED = "closed", _("Đã giải thể")


class ProgrammeSupportKind(models.TextChoices):
    CONSOLIDATED = "consolidated", _("Kiện toàn")
    NEWLY_ESTABLISHED = "new", _("Thành lập mới")


class FundingSource(models.TextChoices):
    STATE_BUDGET = "state_budget", _("Ngân sách nhà nước")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    DONOR = "donor", _("Nhà tài trợ")
    COMMUNITY = "community", _("Xã hội hóa, cộng đồng")
    OTHER = "other", _("Khác")


class PaymentKind(models.TextChoices):
    """Support money under Nghị định 105/2020/NĐ-CP."""

    ONE_OFF = "one_off", _("Hỗ trợ một lần cho nhóm trẻ")
    PER_CHILD_MONTH = "per_child_month", _("Hỗ trợ trẻ em theo tháng")
    PER_TEACHER_MONTH = "per_teacher_month", _("Hỗ trợ giáo viên theo tháng")


class StaffRole(models.TextChoices):
    OWNER_MANAGER = "owner_manager", _("Chủ nhóm, quản lý")
    TEACHER = "teacher", _("Giáo viên")
    CAREGIVER = "caregiver", _("Bảo mẫu, người chăm sóc trẻ")
    COOK = "cook", _("Cấp dưỡng")


# Roles that look after children: the "children per caregiver" rule counts these.
CARING_ROLES = (StaffRole.TEACHER, StaffRole.CAREGIVER, StaffRole.OWNER_MANAGER)


class Qualification(models.TextChoices):
    NONE = "none", _("Chưa qua đào tạo")
    CERTIFICATE = "certificate", _("Chứng chỉ bồi dưỡng chăm sóc, giáo dục trẻ")
    INTERMEDIATE = "intermediate", _("Trung cấp sư phạm mầm non")
    COLLEGE = "college", _("Cao đẳng sư phạm mầm non")
    UNIVERSITY = "university", _("Đại học trở lên")


class ContributionKind(models.TextChoices):
    MONEY = "money", _("Tiền")
    IN_KIND = "in_kind", _("Hiện vật")


class CriterionKind(models.TextChoices):
    YES_NO = "yes_no", _("Có / không")
    NUMBER_MAX = "number_max", _("Số, không vượt quá")
    NUMBER_MIN = "number_min", _("Số, không dưới")


class AutoCheck(models.TextChoices):
    """What the visit form can pre-compute from the group's own records."""

    NONE = "", _("Không tự tính")
    CHILDREN_PER_CAREGIVER = "children_per_caregiver", _("Số trẻ trên một người chăm sóc")
    CHILDREN_3_12 = "children_3_12", _("Số trẻ 3–12 tháng trong nhóm")
    CHILDREN_13_24 = "children_13_24", _("Số trẻ 13–24 tháng trong nhóm")
    CHILDREN_25_36 = "children_25_36", _("Số trẻ 25–36 tháng trong nhóm")
    AREA_PER_CHILD = "area_per_child", _("Diện tích phòng nuôi dưỡng trên một trẻ (m²)")
    LICENSED = "licensed", _("Có giấy phép hoạt động")
    STAFF_QUALIFIED = "staff_qualified", _("Người chăm sóc trẻ đã qua đào tạo, bồi dưỡng")
    HEALTH_CHECK_RECENT = "health_check_recent", _("Khám sức khỏe cho trẻ trong 12 tháng qua")
    PLAY_AREA = "play_area", _("Có sân chơi")
    FENCE_GATE = "fence_gate", _("Có tường rào, cổng")
    SEPARATE_KITCHEN = "separate_kitchen", _("Bếp riêng, an toàn (nếu tổ chức ăn)")


class CriterionResult(models.TextChoices):
    PASS = "pass", _("Đạt")
    FAIL = "fail", _("Không đạt")
    NOT_APPLICABLE = "na", _("Không áp dụng")


class VisitOutcome(models.TextChoices):
    MEETS_ALL = "meets_all", _("Đạt tất cả tiêu chí")
    MEETS_PARTLY = "meets_partly", _("Đạt một phần")
    DOES_NOT_MEET = "does_not_meet", _("Không đạt")


class FollowUpStatus(models.TextChoices):
    NONE = "none", _("Không cần khắc phục")
    OPEN = "open", _("Chưa khắc phục")
    IN_PROGRESS = "in_progress", _("Đang khắc phục")
    DONE = "done", _("Đã khắc phục")
