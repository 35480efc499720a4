"""A commune officer records a supervision visit on a 360-px phone: picks the group, the checklist in force that
day appears with the values computed from the group's records already chosen, the rest is tapped in, and the
visit is saved with one result per criterion; its overdue recommendation is then marked done on the overdue page —
without any page scrolling sideways."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import assert_fits_width, log_in
from tests.registry.supervision_helpers import enrol, examine, hire, make_group
from tretho.core.testing.world import WORLD_PASSWORD, build_world
from tretho.registry.choices import CriterionResult, FollowUpStatus, VisitOutcome
from tretho.registry.models import SupervisionVisit
from tretho.registry.supervision.standard import ensure_standard_checklist

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server):
    world = build_world()
    checklist = ensure_standard_checklist()
    group = make_group(world.commune_a1a, name="Nhóm trẻ Họa Mi", has_fence_gate=False, care_room_area=Decimal("9"))
    enrol(group, as_of=dt.date(2025, 5, 1), c3_12=1, c13_24=2, c25_36=3)  # 6 children on 9 m²
    hire(group)
    hire(group)
    examine(group, day=dt.date(2025, 2, 20))
    return live_server.url, world, checklist, group


def test_officer_records_a_visit_on_a_phone(site, phone_page):
    base, world, checklist, group = site
    page = phone_page
    log_in(page, base, "officer_a1a", WORLD_PASSWORD)
    page.goto(f"{base}/registry/supervision/add/")
    assert_fits_width(page, 360)

    date = page.locator("#id_date")
    date.fill("10/06/2025")
    date.press("Tab")
    page.select_option("#id_group", str(group.pk))
    checklist_part = page.locator("#checklist")
    # htmx re-draws the checklist with the group's own figures: 6 children, 2 caregivers, 9 m².
    expect(checklist_part).to_contain_text("9,0 m² cho 6 trẻ (ngày 01/05/2025): 1,50 m² một trẻ")
    expect(checklist_part).to_contain_text("2 người chăm sóc")

    def result_input(code, value):
        criterion = checklist.criteria.get(code=code)
        return page.locator(f"input[name='c{criterion.pk}_result'][value='{value}']")

    expect(result_input("CS3", "fail")).to_be_checked()  # no fence or gate in the group's record
    expect(result_input("CS1", "pass")).to_be_checked()  # 9 m² / 6 = 1,5
    expect(result_input("GP", "pass")).to_be_checked()
    expect(result_input("QM2", "na")).to_be_checked()  # up to 7 children: the per-caregiver rule applies
    for code in ("CS5", "CS6", "HS1"):  # seen on the spot: nothing chosen yet
        expect(result_input(code, "pass")).not_to_be_checked()
        result_input(code, "pass").check(force=True)  # tapping the button-styled label
    hs1 = checklist.criteria.get(code="HS1")
    page.fill(f"#id_c{hs1.pk}_note", "Sổ theo dõi trẻ ghi đầy đủ")
    page.fill("#id_findings", "Phòng sạch, thoáng; chưa có cổng.")
    page.fill("#id_recommendations", "Làm cổng, tường rào trước 10/8/2025.")
    page.select_option("#id_follow_up_status", FollowUpStatus.OPEN)
    page.fill("#id_follow_up_deadline", "10/08/2025")
    assert_fits_width(page, 360)

    page.get_by_role("button", name="Lưu kết quả giám sát").click()
    page.wait_for_url("**/registry/supervision/*/")
    expect(page.locator("h1")).to_contain_text("10/06/2025 – Nhóm trẻ Họa Mi")
    expect(page.locator(".visit-results")).to_contain_text("Sổ theo dõi trẻ ghi đầy đủ")
    assert_fits_width(page, 360)

    visit = SupervisionVisit.objects.get(group=group)
    assert visit.template == checklist and visit.date == dt.date(2025, 6, 10)
    assert visit.outcome == VisitOutcome.MEETS_PARTLY
    assert visit.follow_up_deadline == dt.date(2025, 8, 10)
    results = {r.criterion.code: r.result for r in visit.results.select_related("criterion")}
    assert len(results) == 14
    assert results["CS3"] == CriterionResult.FAIL and results["HS1"] == CriterionResult.PASS
    assert visit.results.get(criterion__code="CS1").measured_value == Decimal("1.50")

    # The deadline has passed: the recommendation waits on the overdue page, where it is marked done.
    page.goto(f"{base}/registry/supervision/overdue/")
    card = page.locator(".overdue-list .card").filter(has_text="Nhóm trẻ Họa Mi")
    expect(card).to_contain_text("Làm cổng, tường rào")
    assert_fits_width(page, 360)
    card.get_by_role("button", name="Đã khắc phục").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã ghi nhận khắc phục xong")
    expect(page.locator(".overdue-list")).not_to_contain_text("Nhóm trẻ Họa Mi")
    visit.refresh_from_db()
    assert visit.follow_up_status == FollowUpStatus.DONE

    page.goto(f"{base}/registry/supervision/")
    expect(page.locator("main")).to_contain_text("10/06/2025 – Nhóm trẻ Họa Mi")
    assert_fits_width(page, 360)
