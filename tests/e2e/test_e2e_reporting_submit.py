"""In a real browser: a commune officer opens the year's report (pre-filled from the records), corrects nothing
that is pre-filled, types the rest, submits; the district approver sees it waiting, accepts it, and the district's
dashboard changes at once (the roll-up is written in the accepting transaction)."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import log_in
from tests.reporting.reporting_core_factories import add_field, make_deadlines, make_form, make_period
from tretho.core.testing.world import WORLD_PASSWORD, build_world
from tretho.metrics import registry
from tretho.metrics.models import DataElement, Metric
from tretho.metrics.sync import sync_computed_metrics
from tretho.programmes.models import Indicator, Programme
from tretho.reporting.choices import SubmissionStatus
from tretho.reporting.models import Submission

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

METRIC = "e2e_nhom_tre_hoat_dong"


def groups_in_records(unit_path: str, start: dt.date, end: dt.date) -> int:
    return 7 if unit_path else 0


@pytest.fixture
def cycle(live_server):
    registry.register_computed(METRIC, "Số nhóm trẻ đang hoạt động (sổ theo dõi)", groups_in_records,
                               unit_of_measure="nhóm")
    world = build_world()
    sync_computed_metrics()
    programme = Programme.objects.create(code="404", title="Hỗ trợ, phát triển nhóm trẻ độc lập tư thục",
                                         short_name="Đề án 404", start_year=2014, end_year=2025, unit=world.country)
    period = make_period(programme, "2024")
    make_deadlines(period, commune=dt.date(2030, 11, 20), district=dt.date(2030, 11, 30))
    form = make_form(programme, world.country, n_fields=0, name="Báo cáo kết quả thực hiện Đề án 404 (cấp xã)",
                     levels="3")
    groups = DataElement.objects.create(code="e2e_nhom_tre", name="Số nhóm trẻ độc lập tư thục", unit=world.country,
                                        unit_of_measure="nhóm")
    children = DataElement.objects.create(code="e2e_tre_duoi_36", name="Số trẻ dưới 36 tháng", unit=world.country,
                                          unit_of_measure="trẻ")
    groups_field = add_field(form, data_element=groups, label="Số nhóm trẻ độc lập tư thục trên địa bàn",
                             prefill_metric=Metric.objects.get(code=METRIC), required=True, section="I. Nhóm trẻ")
    children_field = add_field(form, data_element=children, label="Số trẻ dưới 36 tháng ở nhóm trẻ được quản lý",
                               required=True, section="II. Trẻ em")
    Indicator.objects.create(programme=programme, code="SO_NHOM", name="Số nhóm trẻ độc lập tư thục",
                             unit_of_measure="count", numerator=groups.metric, factor=1, decimals=0)
    yield live_server.url, world, period, form, groups_field, children_field
    registry.unregister(METRIC)


def go(page, locator) -> None:
    locator.click()
    page.wait_for_load_state("domcontentloaded")


def bar_values(page, site: str) -> dict[str, float]:
    """The dashboard's values by lower unit (the chart data it embeds as JSON)."""
    page.goto(f"{site}/reports/dashboard/")
    data = json.loads(page.locator("#dashboard-data").text_content())
    return dict(zip(data["bar"]["units"], data["bar"]["values"], strict=True))


def test_commune_officer_submits_a_prefilled_report_and_the_district_accepts_it(cycle, browser):
    site, world, period, form, groups_field, children_field = cycle

    officer = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN", is_mobile=True)
    page = officer.new_page()
    page.set_default_timeout(15_000)
    log_in(page, site, "officer_a1a", WORLD_PASSWORD)
    page.goto(f"{site}/reports/fill/")
    row = page.locator(".reports-to-make tr", has_text=world.commune_a1a.name)
    expect(row).to_contain_text("Năm 2024")
    go(page, row.get_by_role("button", name="Lập báo cáo"))

    # Pre-filled from the records: the value and the records' value beside it.
    submission = Submission.objects.get(unit=world.commune_a1a, period=period, form=form)
    assert page.url.endswith(f"/reports/submissions/{submission.pk}/fill/")
    groups_input = page.locator(f"input[name=value_{groups_field.pk}]")
    expect(groups_input).to_have_value("7")
    expect(page.locator(f'[data-field="{groups_field.pk}"] .prefilled')).to_contain_text("7")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # usable on a phone

    # Submitting without the required value is refused, the error beside the field.
    go(page, page.get_by_role("button", name="Gửi báo cáo"))
    expect(page.locator(f'[data-field="{children_field.pk}"] .field-errors')).to_contain_text("bắt buộc")
    # A wrong value is flagged beside its field as soon as it is typed (htmx), before any save.
    page.fill(f"input[name=value_{children_field.pk}]", "-3")
    page.locator(f"input[name=value_{children_field.pk}]").press("Tab")
    expect(page.locator(f'[data-field="{children_field.pk}"] .field-errors')).to_contain_text("không được âm")
    page.fill(f"input[name=value_{children_field.pk}]", "1.250")
    page.locator(f"input[name=value_{children_field.pk}]").press("Tab")
    expect(page.locator(f'[data-field="{children_field.pk}"] .field-errors')).to_have_count(0)
    page.fill("textarea[name=results_text]", "Rà soát 7 nhóm trẻ, tập huấn cho bảo mẫu.")
    go(page, page.get_by_role("button", name="Gửi báo cáo"))
    expect(page.locator(".alert-success")).to_contain_text("Đã gửi báo cáo")
    expect(page.locator(".submission-status")).to_have_text("Đã gửi")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    values = dict(submission.values.values_list("field_id", "value"))
    assert values == {groups_field.pk: Decimal(7), children_field.pk: Decimal(1250)}
    officer.close()

    approver = browser.new_context(viewport={"width": 1280, "height": 860}, locale="vi-VN")
    page = approver.new_page()
    page.set_default_timeout(15_000)
    log_in(page, site, "approver_a1", WORLD_PASSWORD)
    before = bar_values(page, site)
    assert not before.get(world.commune_a1a.name)  # nothing accepted yet

    page.goto(f"{site}/reports/fill/")
    go(page, page.locator(".reports-pending").get_by_role("link", name=world.commune_a1a.name))
    expect(page.locator("main")).to_contain_text("Rà soát 7 nhóm trẻ")
    page.fill("textarea[name=comment]", "Số liệu khớp với sổ theo dõi.")
    accept = page.locator("button[name=decision][value=accept]")
    expect(accept).to_have_text(re.compile("Duyệt"))
    go(page, accept)
    expect(page.locator(".alert-success")).to_contain_text("Đã duyệt báo cáo")
    expect(page.locator(".workflow-history")).to_contain_text("Số liệu khớp với sổ theo dõi.")

    after = bar_values(page, site)
    assert after[world.commune_a1a.name] == 7.0
    expect(page.locator("main")).to_contain_text(world.commune_a1a.name)
    approver.close()
