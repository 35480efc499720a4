"""A commune officer on a 360-px phone imports groups from Excel: the template downloads, a file with an error
lists it by row without sideways scrolling and saves nothing, the corrected file imports."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import PHONE, assert_fits_width, log_in
from tests.registry.test_registry_import import full_file, group_row, workbook
from tretho.core.testing.world import build_world
from tretho.registry.models import ChildcareGroup, Staff

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_import_on_a_phone(live_server, phone_page, tmp_path):
    world = build_world()
    page = phone_page
    log_in(page, live_server.url, "officer_a1a", world.password)
    page.goto(f"{live_server.url}/registry/groups/import/")
    expect(page.locator("h1")).to_contain_text("Nhập nhóm trẻ từ Excel")
    assert_fits_width(page, PHONE["width"])

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải tệp mẫu").click()
    assert download.value.suggested_filename == "mau-nhap-nhom-tre.xlsx"

    bad = tmp_path / "loi.xlsx"
    bad.write_bytes(workbook(groups=[group_row(), group_row(code="NT2", name="Nhóm trẻ B1", commune="P92001")]))
    page.set_input_files("input[name=file]", str(bad))
    page.get_by_role("button", name="Tải lên").click()
    page.wait_for_load_state("domcontentloaded")
    errors = page.locator("table.import-errors")
    expect(errors).to_contain_text("Bạn không có quyền thêm nhóm trẻ ở xã, phường này.")
    expect(errors).to_contain_text("P92001")
    assert_fits_width(page, PHONE["width"])
    assert not ChildcareGroup.objects.exists()

    good = tmp_path / "nhom-tre.xlsx"
    good.write_bytes(full_file())
    page.set_input_files("input[name=file]", str(good))
    page.get_by_role("button", name="Tải lên").click()
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator(".import-result")).to_contain_text("Đã nhập xong: 7 dòng mới, 0 dòng cập nhật.")
    expect(page.locator("table.import-counts")).to_contain_text("Người chăm sóc trẻ")
    assert_fits_width(page, PHONE["width"])
    assert (ChildcareGroup.objects.count(), Staff.objects.count()) == (2, 3)
