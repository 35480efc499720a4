"""Navigation by module for the base template."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

# Top-level entries; a tuple of entries makes a drop-down menu (the bar must fit a laptop and fold on a phone).
NAVIGATION_MENU: list[tuple[Any, Any]] = [
    (_("Kế hoạch"), (
        (_("Danh sách kế hoạch"), "programmes:plan_list"),
        (_("Nhiệm vụ theo cơ quan"), "programmes:task_board"),
    )),
    (_("Báo cáo"), (
        (_("Kết quả thực hiện"), "reporting:dashboard"),
        (_("Báo cáo cần làm, cần duyệt"), "reporting:my_reports"),
        (_("Báo cáo các đơn vị"), "reporting:submission_list"),
        (_("Tiến độ nộp báo cáo"), "reporting:completeness"),
        (_("Kỳ báo cáo"), "reporting:reportingperiod_list"),
        (_("Mẫu báo cáo"), "reporting:reportform_list"),
        (_("Thư nhắc báo cáo"), "reporting:reminderlog_list"),
    )),
    (_("Hoạt động"), (
        (_("Lịch hoạt động"), "activities:calendar"),
        (_("Tập huấn, bồi dưỡng"), "activities:training_list"),
        (_("Truyền thông"), "activities:communicationevent_list"),
        (_("Giáo dục làm cha mẹ"), "activities:parentingsession_list"),
        (_("Họp, sơ kết, tổng kết"), "activities:meeting_list"),
        (_("Việc giao sau cuộc họp"), "activities:followup_overdue"),
        (_("Khen thưởng"), "activities:commendation_list"),
        (_("Khó khăn, kiến nghị"), "activities:proposal_list"),
    )),
    (_("Nhóm trẻ"), (
        (_("Nhóm trẻ"), "registry:childcaregroup_list"),
        (_("Bản đồ nhóm trẻ"), "registry:group_map"),
        (_("Người chăm sóc trẻ"), "registry:staff_list"),
        (_("Doanh nghiệp"), "registry:enterprise_list"),
        (_("Nhập từ Excel"), "registry:group_import"),
        (_("Giám sát"), "registry:supervisionvisit_list"),
        (_("Kiến nghị quá hạn"), "registry:visit_overdue"),
    )),
    (_("Đơn vị hành chính"), "geo:administrativeunit_list"),
    (_("Tổ chức"), (
        (_("Cơ quan"), "orgs:agency_list"),
        (_("Ban chỉ đạo"), "orgs:steeringcommittee_list"),
        (_("Khu công nghiệp, khu chế xuất"), "geo:industrialzone_list"),
    )),
    (_("Danh mục"), (
        (_("Đề án"), "programmes:programme_list"),
        (_("Chỉ số"), "programmes:indicator_list"),
        (_("Số liệu"), "metrics:metric_list"),
        (_("Bộ tiêu chí giám sát"), "registry:checklisttemplate_list"),
    )),
]
# The same entries flat, for the home page's tiles.
NAVIGATION = [
    entry
    for label, target in NAVIGATION_MENU
    for entry in (target if isinstance(target, tuple) else ((label, target),))
]
# Entries that only some users may open (the page answers 403 to the others), by URL name: the dotted path of a
# function of the user saying whether to show the entry (imported when asked: core imports no app).
NAVIGATION_CHECKS: dict[str, str] = {
    "registry:group_import": "tretho.registry.views_import.may_import",
}
ADMIN_NAVIGATION = [
    (_("Người dùng"), "accounts:user_list"),
    (_("Phân quyền"), "accounts:roleassignment_list"),
    (_("Sự kiện an ninh"), "accounts:securityevent_list"),
    (_("Ai đã xem hoặc sửa bản ghi nào"), "audit:access_report"),
]


def entry_check(user: Any) -> Callable[[str], bool]:
    """Whether `user` is shown the entry of a URL name (NAVIGATION_CHECKS; every other entry is shown)."""
    answers: dict[str, bool] = {}

    def shown(url_name: str) -> bool:
        path = NAVIGATION_CHECKS.get(url_name)
        if path is None:
            return True
        if url_name not in answers:
            answers[url_name] = bool(user and user.is_authenticated and import_string(path)(user))
        return answers[url_name]

    return shown


def navigation(request: Any) -> dict[str, Any]:
    user = getattr(request, "user", None)
    is_admin = bool(user and user.is_authenticated and user.is_admin())
    shown = entry_check(user)
    menu: list[dict[str, Any]] = []
    for label, target in NAVIGATION_MENU:
        if isinstance(target, tuple):
            children = tuple(entry for entry in target if shown(entry[1]))
            if children:
                menu.append({"label": label, "children": children})
        elif shown(target):
            menu.append({"label": label, "url_name": target})
    return {
        "navigation": [entry for entry in NAVIGATION if shown(entry[1])],
        "navigation_menu": menu,
        "admin_navigation": ADMIN_NAVIGATION if is_admin else [],
    }
