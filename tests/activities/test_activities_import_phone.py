"""The participants' import page on a 360-px phone, before and after a check that finds errors: its breadcrumbs,
form and error table fit the width (nothing scrolls sideways)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.activities.test_activities_import import user_file
from tests.e2e.conftest import browser, phone_page  # noqa: F401 - fixtures
from tests.e2e.helpers import PHONE, assert_fits_width, log_in
from tretho.activities.models import Training
from tretho.core.testing.world import build_world

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_import_page_and_its_errors_fit_a_phone(live_server, phone_page, tmp_path):  # noqa: F811
    import datetime as dt

    world = build_world()
    training = Training.objects.create(
        unit=world.district_a1, title="Tập huấn hướng dẫn sử dụng bộ tài liệu Đề án 404/CP cho cán bộ Hội cơ sở",
        start_date=dt.date(2017, 5, 2))
    bad = tmp_path / "danh-sach.xlsx"
    bad.write_bytes(user_file([[1, "Nguyễn Thị Một Cái Tên Rất Dài", "Khác", 1890,
                                "Không có đối tượng này trong danh mục chuẩn", "", "0912abc", "NTKHONGCO1234567890",
                                "Có lẽ"]]))
    page = phone_page
    log_in(page, live_server.url, "manager_a", world.password)
    page.goto(f"{live_server.url}/activities/trainings/{training.pk}/participants/import/")
    expect(page.locator(".breadcrumb .active")).to_have_text("Nhập danh sách")
    expect(page.locator(".breadcrumb")).to_contain_text("Lớp tập huấn")
    assert_fits_width(page, PHONE["width"])
    page.set_input_files("input[type=file]", str(bad))
    page.get_by_role("button", name="Kiểm tra (chưa lưu)").click()
    expect(page.locator(".alert-danger")).to_contain_text("Chưa nhập dòng nào")
    expect(page.locator("table")).to_contain_text("Năm sinh phải từ")
    assert_fits_width(page, PHONE["width"])
