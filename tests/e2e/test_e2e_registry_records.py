"""A commune officer on a 360-px phone: the childcare group list (filters folded behind one button) and the group
page (latest snapshot, staff, open recommendations) without sideways scrolling; the add button opens the form
with the group chosen."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import PHONE, assert_fits_width, log_in
from tests.registry.records_factories import make_enrolment, make_group, make_staff, make_visit
from tretho.core.testing.world import build_world
from tretho.registry.choices import FollowUpStatus, VisitOutcome

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_group_list_and_page_on_a_phone(live_server, phone_page):
    world = build_world()
    group = make_group(world.commune_a1a, "Nhóm trẻ Hoa Phượng Đỏ Khu Phố Bốn Phường Long Bình Tân",
                       address="Số 12, đường Bùi Văn Hòa, khu phố 4")
    make_group(world.commune_a1a, "Nhóm trẻ Bông Sen")
    make_enrolment(group, as_of=dt.date(2025, 9, 5), bands=(3, 8, 10, 1), workers=15)
    for _ in range(3):
        make_staff(group)
    make_visit(world, group, dt.date(2025, 4, 2), outcome=VisitOutcome.MEETS_PARTLY,
               recommendations="Bổ sung tường rào, cổng có khóa; tách bếp khỏi phòng nuôi dưỡng trẻ",
               follow_up_status=FollowUpStatus.OPEN, follow_up_deadline=dt.date(2025, 7, 1))
    page = phone_page
    log_in(page, live_server.url, "officer_a1a", world.password)

    page.goto(f"{live_server.url}/registry/groups/")
    expect(page.locator("h1")).to_contain_text("Nhóm trẻ")
    filters = page.locator("#list-filters")
    expect(filters).to_be_hidden()
    page.get_by_role("button", name="Tìm kiếm và lọc").click()
    expect(filters).to_be_visible()
    filters.locator("input[name=q]").fill("hoa phuong")
    filters.locator("button[type=submit]").click()
    page.wait_for_load_state("domcontentloaded")
    table = page.locator("main table")
    expect(table).to_contain_text("Nhóm trẻ Hoa Phượng")
    expect(table).not_to_contain_text("Bông Sen")
    assert_fits_width(page, PHONE["width"])

    table.get_by_role("link", name="Nhóm trẻ Hoa Phượng Đỏ Khu Phố Bốn Phường Long Bình Tân").click()
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator("#latest-enrolment")).to_contain_text("22")
    expect(page.locator("#staff-summary")).to_contain_text("3")
    expect(page.locator("#open-recommendations")).to_contain_text("Quá hạn")
    assert_fits_width(page, PHONE["width"])

    page.get_by_role("button", name="Thêm thông tin của nhóm").click()
    page.get_by_role("link", name="Thêm lần khám sức khỏe").click()
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator("select[name=group]")).to_have_value(str(group.pk))
    assert_fits_width(page, PHONE["width"])
