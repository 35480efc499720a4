"""The calendar on a 360-px phone: the month falls back to the list of its days (the grid hidden) under the
activities going on all month, nothing scrolls sideways; on a desktop the grid shows the three-day training on each
of its days and a campaign of weeks as one bar per week row."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.activities.test_activities_calendar import make_may_2017
from tests.e2e.conftest import browser, desktop_page, phone_page  # noqa: F401 - fixtures
from tests.e2e.helpers import PHONE, assert_fits_width, log_in
from tretho.activities.models import CommunicationEvent
from tretho.core.testing.world import build_world

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_calendar_on_a_phone_and_a_desktop(live_server, phone_page, desktop_page):  # noqa: F811
    world = build_world()
    make_may_2017(world)
    CommunicationEvent.objects.create(unit=world.commune_a1a, title="Phát thanh trên loa truyền thanh",
                                      start_date=dt.date(2017, 4, 3), end_date=dt.date(2017, 6, 30),
                                      channel="loudspeaker")
    page = phone_page
    log_in(page, live_server.url, "manager_a", world.password)
    page.goto(f"{live_server.url}/activities/calendar/?month=2017-05")
    expect(page.locator("h2.calendar-title")).to_have_text("Tháng 5/2017")
    expect(page.locator("table.calendar-month")).to_be_hidden()
    ongoing = page.locator(".calendar-ongoing")
    expect(ongoing).to_contain_text("Đang diễn ra trong tháng")
    expect(ongoing.locator("li")).to_have_count(3)  # the campaign, the club session, the event of 30/05–02/06
    expect(ongoing.locator("li").first).to_contain_text("Phát thanh trên loa truyền thanh")
    expect(ongoing.locator("li").first).to_contain_text("(03/04/2017 – 30/06/2017)")
    expect(page.get_by_text("Phát thanh trên loa truyền thanh", exact=True)).to_have_count(1)
    days = page.locator(".calendar-list-day")
    expect(days.first).to_contain_text("03/05/2017")
    expect(page.locator(".calendar-list")).to_contain_text("Tập huấn chăm sóc trẻ Hòa An")
    assert_fits_width(page, PHONE["width"])
    page.get_by_role("link", name="Tháng sau").click()
    expect(page.locator("h2.calendar-title")).to_have_text("Tháng 6/2017")
    assert_fits_width(page, PHONE["width"])

    desktop = desktop_page
    log_in(desktop, live_server.url, "manager_a", world.password)
    desktop.goto(f"{live_server.url}/activities/calendar/?month=2017-05")
    grid = desktop.locator("table.calendar-month")
    expect(grid).to_be_visible()
    expect(grid.locator("thead th")).to_have_text(["T2", "T3", "T4", "T5", "T6", "T7", "CN"])
    for day in ("03/05/2017", "04/05/2017", "05/05/2017"):
        expect(grid.locator(f'td[data-date="{day}"] a.calendar-entry')).to_have_text("Tập huấn chăm sóc trẻ Hòa An")
    expect(grid.locator('td[data-date="06/05/2017"] a.calendar-entry')).to_have_count(0)
    # The campaign: one bar in each of the five week rows, the whole week wide but the last (29–31 May).
    campaign = grid.locator("a.calendar-bar", has_text="Phát thanh trên loa truyền thanh")
    expect(campaign).to_have_count(5)
    assert [bar.evaluate("a => a.parentElement.colSpan") for bar in campaign.all()] == [7, 7, 7, 7, 3]
    expect(grid.locator("td.calendar-day a", has_text="Phát thanh trên loa truyền thanh")).to_have_count(0)
    first_week_bar, week_row = campaign.first.bounding_box(), grid.locator("tbody.calendar-week").first.bounding_box()
    assert first_week_bar["width"] > 0.9 * week_row["width"]  # drawn across the week, not squeezed into a day
