"""Navigation by module for the base template."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

NAVIGATION = [
    (_("Đơn vị hành chính"), "geo:administrativeunit_list"),
    (_("Khu công nghiệp"), "geo:industrialzone_list"),
    (_("Cơ quan"), "orgs:agency_list"),
    (_("Ban chỉ đạo"), "orgs:steeringcommittee_list"),
    (_("Kế hoạch"), "programmes:plan_list"),
    (_("Đề án"), "programmes:programme_list"),
    (_("Chỉ số"), "programmes:indicator_list"),
    (_("Số liệu"), "metrics:metric_list"),
]
ADMIN_NAVIGATION = [
    (_("Người dùng"), "accounts:user_list"),
    (_("Phân quyền"), "accounts:roleassignment_list"),
    (_("Sự kiện an ninh"), "accounts:securityevent_list"),
]


def navigation(request: Any) -> dict[str, Any]:
    user = getattr(request, "user", None)
    is_admin = bool(user and user.is_authenticated and user.is_admin())
    return {"navigation": NAVIGATION, "admin_navigation": ADMIN_NAVIGATION if is_admin else []}
