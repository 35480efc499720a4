"""A commune officer in a real browser: opens the province plan (issued, read only for them), creates the commune's
plan from it, gives a target its value, completes and issues the plan (number and date), downloads the .docx and
the file reads as that plan (python-docx)."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from playwright.sync_api import expect

from tests.e2e.helpers import log_in
from tests.programmes.work.cascade_data import build_cascade
from tretho.core.testing.world import WORLD_PASSWORD, build_world
from tretho.documents.readback import outline
from tretho.programmes.models import Plan

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def province_plan(live_server):
    world = build_world()
    return live_server.url, build_cascade(world)


def open_and_wait(page, locator) -> None:
    locator.click()
    page.wait_for_load_state("domcontentloaded")


def test_commune_officer_makes_issues_and_downloads_the_commune_plan(province_plan, desktop_page):
    site, cascade = province_plan
    page = desktop_page
    log_in(page, site, "officer_a1a", WORLD_PASSWORD)

    # The province plan: readable, not editable; the way down is offered.
    page.goto(f"{site}{cascade.plan.get_absolute_url()}")
    main = page.locator("main")
    expect(page.locator("h1").first).to_contain_text("109/KH-BCĐ")
    expect(main).to_contain_text("Kế hoạch đã ban hành ngày 01/03/2017")
    expect(main.get_by_role("link", name=re.compile("^ *Sửa$"))).to_have_count(0)
    open_and_wait(page, main.get_by_role("link", name=re.compile("Tạo kế hoạch cấp dưới")))

    # Only their own commune to choose.
    options = page.locator("select[name=unit] option[value]:not([value=''])")
    expect(options).to_have_count(1)
    page.select_option("select[name=unit]", str(cascade.world.commune_a1a.pk))
    open_and_wait(page, page.get_by_role("button", name="Tạo bản dự thảo"))
    lower = Plan.objects.get(unit=cascade.world.commune_a1a)
    assert page.url.endswith(lower.get_absolute_url())
    expect(page.locator("main")).to_contain_text("Thực hiện Kế hoạch số 109/KH-BCĐ ngày 01/03/2017")

    # Give the count target its value (it came down empty, waiting for the commune's share).
    open_and_wait(page, page.locator("main table a", has_text="nhóm trẻ được hỗ trợ kiện toàn").first)
    open_and_wait(page, page.locator("main").get_by_role("link", name=re.compile("Sửa")).first)
    page.fill("input[name=value]", "12")
    open_and_wait(page, page.get_by_role("button", name="Lưu"))
    target = lower.targets.get(parent_target=cascade.groups)
    assert target.value == 12

    # The signer's name, then issue with number and date.
    page.goto(f"{site}{lower.get_absolute_url()}")
    open_and_wait(page, page.locator("main .page-header").get_by_role("link", name=re.compile("Sửa")))
    page.fill("input[name=signer_name]", "Nguyễn Văn Bình")
    open_and_wait(page, page.get_by_role("button", name="Lưu"))
    page.goto(f"{site}{lower.get_absolute_url()}")
    open_and_wait(page, page.locator("main .page-header").get_by_role("link", name=re.compile("Ban hành")))
    page.fill("input[name=number]", "15")
    page.fill("input[name=issued_on]", "02/04/2017")
    open_and_wait(page, page.locator("main form").get_by_role("button", name="Ban hành"))
    lower.refresh_from_db()
    assert lower.status == "issued" and lower.document_number == "15/KH-UBND"
    expect(page.locator("main")).to_contain_text("Kế hoạch đã ban hành ngày 02/04/2017")

    # The Word file, read back.
    with page.expect_download() as download_info:
        page.locator("main").get_by_role("link", name=re.compile(r"Tải văn bản \(\.docx\)")).click()
    download = download_info.value
    assert download.suggested_filename == "15-KH-UBND-2017.docx"
    data = open(download.path(), "rb").read()  # noqa: SIM115 - Playwright owns the file
    document = Document(io.BytesIO(data))
    texts = [paragraph.text for paragraph in document.paragraphs if paragraph.text.strip()]
    assert texts[0] == "KẾ HOẠCH"
    assert texts[1] == lower.summary and texts[1].endswith("trên địa bàn xã Hòa An năm 2017")
    assert ("- Nhóm trẻ được hỗ trợ kiện toàn và phát triển mới, mỗi nhóm từ 15 đến 50 cháu: 12 nhóm trẻ "
            "(năm 2017), trong đó:") in texts
    read = outline(data)
    assert read.number_line == "Số: 15/KH-UBND"
    assert read.dateline == "Xã Hòa An, ngày 02 tháng 4 năm 2017"
    assert read.draft_mark == ""
    assert read.signature == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Bình"]
