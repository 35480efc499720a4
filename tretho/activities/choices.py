"""Choice lists of the activities (Vietnamese labels)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    MALE = "nam", _("Nam")
    FEMALE = "nu", _("Nữ")


class AudienceCategory(models.TextChoices):
    """Who an activity reached. The codes are the options of the standard "doi_tuong" breakdown
    (tretho.metrics.standard), so counts can be reported and rolled up by them."""

    OFFICIALS = "can_bo", _("Cán bộ, công chức")
    COMMUNICATORS = "tuyen_truyen_vien", _("Tuyên truyền viên, cộng tác viên")
    GROUP_OWNERS = "chu_nhom", _("Chủ nhóm trẻ, người quản lý nhóm trẻ")
    TEACHERS = "giao_vien", _("Giáo viên")
    CAREGIVERS = "bao_mau", _("Bảo mẫu, người chăm sóc trẻ")
    PARENTS = "cha_me", _("Cha mẹ có con 0–36 tháng tuổi")
    MOTHERS = "me", _("Bà mẹ")
    FATHERS = "bo", _("Người cha")
    PREGNANT_WOMEN = "phu_nu_mang_thai", _("Phụ nữ mang thai")
    WORKERS = "cong_nhan", _("Công nhân, người lao động")
    OTHER = "khac", _("Đối tượng khác")


# Categories whose members are parents (parents reached by parenting education; mothers reached by communication).
PARENT_CATEGORIES = (AudienceCategory.PARENTS, AudienceCategory.MOTHERS, AudienceCategory.FATHERS)


class TrainingKind(models.TextChoices):
    TRAINING = "tap_huan", _("Tập huấn")
    REFRESHER = "boi_duong", _("Bồi dưỡng")
    WORKSHOP = "hoi_thao", _("Hội thảo chuyên đề")


class CommunicationChannel(models.TextChoices):
    MEETING = "meeting", _("Nói chuyện chuyên đề, họp dân")
    LOUDSPEAKER = "loudspeaker", _("Loa truyền thanh cơ sở")
    RADIO_TV = "radio_tv", _("Đài phát thanh, truyền hình địa phương")
    PRINT = "print", _("Tờ rơi, áp phích, pa nô")
    SOCIAL_MEDIA = "social_media", _("Mạng xã hội, trang thông tin điện tử")
    HOME_VISIT = "home_visit", _("Thăm hộ gia đình")
    COUNSELLING = "counselling", _("Tư vấn trực tiếp")
    OTHER = "other", _("Hình thức khác")


class ParentingFormat(models.TextChoices):
    GROUP_SESSION = "group", _("Sinh hoạt nhóm cha mẹ")
    CLUB = "club", _("Câu lạc bộ cha mẹ")
    HOME_VISIT = "home_visit", _("Thăm, hướng dẫn tại hộ gia đình")
    COUNSELLING = "counselling", _("Tư vấn cá nhân")


class MeetingKind(models.TextChoices):
    STEERING = "steering", _("Họp Ban Chỉ đạo định kỳ")
    PRELIMINARY_REVIEW = "so_ket", _("Hội nghị sơ kết")
    FINAL_REVIEW = "tong_ket", _("Hội nghị tổng kết")
    CONFERENCE = "conference", _("Dự hội nghị, hội thảo cấp trên")
    OTHER = "other", _("Cuộc họp khác")


class FollowUpState(models.TextChoices):
    OPEN = "open", _("Chưa thực hiện xong")
    DONE = "done", _("Đã thực hiện")


class RecipientKind(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")


class CommendationLevel(models.TextChoices):
    CENTRAL = "central", _("Trung ương (Thủ tướng, Bộ, ngành)")
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")


class CommendationForm(models.TextChoices):
    MERIT_CERTIFICATE = "bang_khen", _("Bằng khen")
    CERTIFICATE = "giay_khen", _("Giấy khen")
    EMULATION_FLAG = "co_thi_dua", _("Cờ thi đua")
    LETTER = "thu_khen", _("Thư khen")
    OTHER = "khac", _("Hình thức khác")


class ProposalKind(models.TextChoices):
    DIFFICULTY = "difficulty", _("Khó khăn, vướng mắc")
    RECOMMENDATION = "recommendation", _("Kiến nghị, đề xuất")


class AddressedLevel(models.TextChoices):
    CENTRAL = "central", _("Trung ương")
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")


class ProposalStatus(models.TextChoices):
    OPEN = "open", _("Chưa trả lời")
    IN_PROGRESS = "in_progress", _("Đang xem xét")
    ANSWERED = "answered", _("Đã trả lời")
    CLOSED = "closed", _("Đã giải quyết")


class AttachmentKind(models.TextChoices):
    PHOTO = "photo", _("Ảnh hoạt động")
    MINUTES = "minutes", _("Biên bản")
    ATTENDANCE = "attendance", _("Danh sách tham dự")
    DECISION = "decision", _("Quyết định, văn bản")
    MATERIAL = "material", _("Tài liệu")
    OTHER = "other", _("Khác")


# Attendance sheets list people by name: they are personal data (hidden from roles that do not need it).
PERSONAL_ATTACHMENT_KINDS = (AttachmentKind.ATTENDANCE,)


class TaskProgress(models.TextChoices):
    """A plan task's progress, derived (tretho.activities.progress), never typed."""

    NOT_STARTED = "not_started", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")
    OVERDUE = "overdue", _("Quá hạn")
