"""The user guide's screenshots (docs/screenshots/*.png), taken in a real browser on the demo data.

Skipped unless asked for, since it rewrites files in docs/:

    TRETHO_SCREENSHOTS=1 .venv/bin/pytest tests/e2e/test_screenshots.py

Uses the real unit lists when `tretho load_units` is available (so the province lists look as they will),
the small test set otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.management import call_command, get_commands
from playwright.sync_api import expect

from tests.demo.demo_units import build_demo_units
from tests.e2e.helpers import DESKTOP, PHONE, assert_fits_width, log_in
from tretho.accounts.demo_logins import DEMO_PASSWORD
from tretho.activities.models import Training
from tretho.geo.models import AdministrativeUnit
from tretho.orgs.models import Agency, SteeringCommittee
from tretho.programmes.models import Plan
from tretho.registry.models import ChecklistTemplate, ChildcareGroup, SupervisionVisit
from tretho.reporting.choices import SubmissionStatus
from tretho.reporting.models import ReportForm, ReportingPeriod, Submission

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.screenshots,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(os.environ.get("TRETHO_SCREENSHOTS") != "1", reason="chụp ảnh màn hình: TRETHO_SCREENSHOTS=1"),
]

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
MANAGER = "demo.dongnai.manager"
OFFICER = "demo.longbinh2025.officer"
APPROVER = "demo.bienhoa.approver"
OLD_OFFICER = "demo.longbinh.officer"


@pytest.fixture
def demo_site(live_server, monkeypatch):
    monkeypatch.setenv("TRETHO_DEMO", "1")  # the login page lists the demo accounts
    if "load_units" in get_commands():
        call_command("load_units", verbosity=0)
    else:
        build_demo_units()
    call_command("demo", verbosity=0)
    OUT.mkdir(parents=True, exist_ok=True)
    return live_server.url


def shoot(page, name: str, full_page: bool = True) -> None:
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=full_page)


def new_page(browser, viewport: dict):
    context = browser.new_context(viewport=viewport, locale="vi-VN", device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def unit_pk(code: str, level: int, after_reform: bool) -> int:
    return AdministrativeUnit.objects.get(code=code, level=level, valid_from__isnull=not after_reform).pk


def test_take_the_user_guide_screenshots(demo_site, browser):
    base = demo_site
    context, page = new_page(browser, DESKTOP)

    page.goto(f"{base}/accounts/login/")
    expect(page.locator("#demo-logins")).to_contain_text(OFFICER)
    shoot(page, "01-dang-nhap")

    log_in(page, base, OFFICER, DEMO_PASSWORD)
    expect(page.locator("h1")).to_contain_text("Võ Thị Kim Ngân")
    shoot(page, "02-trang-chu-pham-vi")
    context.close()

    context, page = new_page(browser, DESKTOP)
    log_in(page, base, MANAGER, DEMO_PASSWORD)
    page.goto(f"{base}/units/")
    shoot(page, "03-don-vi-hanh-chinh")

    page.locator("main input[name=q]").first.fill("long binh")
    page.locator("main input[name=q]").first.press("Enter")
    expect(page.locator("main")).to_contain_text("Phường Long Bình")
    shoot(page, "04-tim-khong-dau")

    page.goto(f"{base}/units/{unit_pk('26020', 3, True)}/")
    shoot(page, "05-don-vi-va-don-vi-cu")

    page.goto(f"{base}/units/{unit_pk('731', 2, False)}/?as_of=01/03/2017")
    expect(page.locator("h1")).to_contain_text("Biên Hòa")
    shoot(page, "06-don-vi-truoc-sap-xep")

    page.goto(f"{base}/orgs/agencies/")
    shoot(page, "07-co-quan")

    committee = SteeringCommittee.objects.get(name="Ban Điều hành Đề án 404 tỉnh Đồng Nai")
    page.goto(f"{base}/orgs/committees/{committee.pk}/")
    shoot(page, "08-ban-chi-dao")

    # An edit through the form, so the history page has something to show.
    agency = Agency.objects.get(name="Hội Liên hiệp Phụ nữ tỉnh Đồng Nai")
    page.goto(f"{base}/orgs/agencies/{agency.pk}/edit/")
    page.fill("input[name=address]", "Số 2 đường Nguyễn Văn Trị, phường Thanh Bình, thành phố Biên Hòa")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state("domcontentloaded")
    page.goto(f"{base}/orgs/agencies/{agency.pk}/history/")
    expect(page.locator("main")).to_contain_text("Nguyễn Văn Trị")
    shoot(page, "09-lich-su")

    page.goto(f"{base}/accounts/password/change/")
    shoot(page, "10-doi-mat-khau")

    page.goto(f"{base}/")
    page.select_option("select[name=language]", "en")
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    shoot(page, "11-tieng-anh")
    context.close()

    context, page = new_page(browser, PHONE)
    log_in(page, base, OFFICER, DEMO_PASSWORD)
    assert_fits_width(page, PHONE["width"])
    shoot(page, "12-dien-thoai-trang-chu")
    page.goto(f"{base}/units/?q=dong+nai")
    assert_fits_width(page, PHONE["width"])
    shoot(page, "13-dien-thoai-tim-don-vi")
    context.close()


def test_take_the_registry_and_reporting_screenshots(demo_site, browser, tmp_path):
    """Sections 14–20 of the guide: childcare groups, Excel import, map, supervision; the reporting cycle."""
    from tests.registry.test_registry_import import group_row, workbook

    base = demo_site
    context, page = new_page(browser, DESKTOP)
    log_in(page, base, MANAGER, DEMO_PASSWORD)

    # Childcare groups: the list, one group's page, staff, enterprises.
    page.goto(f"{base}/registry/groups/")
    expect(page.locator("main")).to_contain_text("Nhóm trẻ")
    shoot(page, "16-nhom-tre")
    group = (ChildcareGroup.objects.filter(visits__isnull=False).distinct().order_by("name").first()
             or ChildcareGroup.objects.order_by("name").first())
    page.goto(f"{base}/registry/groups/{group.pk}/")
    expect(page.locator("h1")).to_contain_text(group.name)
    shoot(page, "17-trang-nhom-tre")
    page.goto(f"{base}/registry/staff/")
    shoot(page, "18-nguoi-cham-soc-tre")
    page.goto(f"{base}/registry/enterprises/")
    shoot(page, "19-doanh-nghiep")

    # Excel import: a file with two wrong rows is refused, row by row, nothing saved.
    page.goto(f"{base}/registry/groups/import/")
    shoot(page, "20-nhap-excel")
    bad = tmp_path / "nhom-tre-loi.xlsx"
    bad.write_bytes(workbook(groups=[
        group_row(commune="26020", code="NT90", name="Nhóm trẻ Hướng Dương", licence_date=None, is_licensed=False,
                  licence_number=""),
        group_row(commune="26999", code="NT91", name="Nhóm trẻ Vành Khuyên"),
        group_row(commune="26020", code="NT92", name="Nhóm trẻ Ban Mai", capacity=-5),
    ]))
    page.set_input_files("input[name=file]", str(bad))
    page.get_by_role("button", name="Tải lên").click()
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator("table.import-errors")).to_be_visible()
    shoot(page, "21-nhap-excel-loi")

    page.goto(f"{base}/registry/groups/map/")
    page.wait_for_timeout(1500)  # the chart draws after the page's script runs
    shoot(page, "22-ban-do-nhom-tre")

    # Supervision: the visits, one visit, a new visit's form, the checklist, overdue recommendations.
    page.goto(f"{base}/registry/supervision/")
    shoot(page, "23-giam-sat")
    visit = SupervisionVisit.objects.exclude(recommendations="").order_by("-date").first() or \
        SupervisionVisit.objects.order_by("-date").first()
    page.goto(f"{base}/registry/supervision/{visit.pk}/")
    shoot(page, "24-phieu-giam-sat")
    page.goto(f"{base}/registry/supervision/add/")
    date = page.locator("#id_date")
    date.fill("10/11/2025")
    date.press("Tab")
    page.select_option("#id_group", str(group.pk))
    expect(page.locator("#checklist input[type=radio]").first).to_be_attached()
    page.wait_for_timeout(500)
    shoot(page, "25-ghi-ket-qua-giam-sat", full_page=False)
    template = ChecklistTemplate.objects.order_by("-effective_from").first()
    page.goto(f"{base}/registry/checklists/{template.pk}/")
    shoot(page, "26-bo-tieu-chi")
    page.goto(f"{base}/registry/supervision/overdue/")
    shoot(page, "27-kien-nghi-qua-han")

    # Reporting: periods and deadlines, a form.
    period = ReportingPeriod.objects.get(programme__code="404", period_id="2020")
    page.goto(f"{base}/reports/periods/")
    shoot(page, "28-ky-bao-cao")
    page.goto(f"{base}/reports/periods/{period.pk}/")
    shoot(page, "29-ky-bao-cao-han-nop")
    form = ReportForm.objects.filter(programme__code="404").order_by("pk").first()
    page.goto(f"{base}/reports/forms/{form.pk}/")
    shoot(page, "30-mau-bao-cao", full_page=False)

    # Completeness and the results dashboard of the province.
    page.goto(f"{base}/reports/completeness/?period={period.pk}&state=all")
    shoot(page, "35-tien-do-nop-bao-cao", full_page=False)
    page.goto(f"{base}/reports/dashboard/")
    page.wait_for_timeout(1500)
    shoot(page, "36-ket-qua-thuc-hien", full_page=False)
    page.locator("#chart-bar").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -80)")
    shoot(page, "36b-bieu-do-ket-qua", full_page=False)
    detail = page.locator("main a[href*='/reports/dashboard/result/']").first
    if detail.count():
        detail.click()
        page.wait_for_load_state("domcontentloaded")
        shoot(page, "37-so-lieu-mot-chi-so")
    context.close()

    # A commune officer (before the reform): the reports to make, the 2020 report pre-filled from the records;
    # one pre-filled value changed, which asks for a reason.
    context, page = new_page(browser, DESKTOP)
    log_in(page, base, OLD_OFFICER, DEMO_PASSWORD)
    page.goto(f"{base}/reports/fill/")
    shoot(page, "31-bao-cao-can-lam")
    page.goto(f"{base}/reports/dashboard/")
    page.wait_for_timeout(1000)
    shoot(page, "38-ket-qua-cap-xa", full_page=False)
    draft = Submission.objects.get(status=SubmissionStatus.DRAFT, unit__code="26020", unit__valid_from__isnull=True,
                                   period__programme__code="404")
    page.goto(f"{base}/reports/submissions/{draft.pk}/fill/")
    shoot(page, "32-lap-bao-cao", full_page=False)
    prefilled = page.locator(".field-row").filter(has=page.locator(".prefilled")).first
    value = prefilled.locator("input[name^=value_]")
    value.fill(str(int(value.input_value() or "0") + 1))
    value.press("Tab")
    expect(prefilled.locator(".field-errors")).to_be_visible()
    prefilled.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -120)")
    shoot(page, "32b-sua-gia-tri-dien-san", full_page=False)
    context.close()

    context, page = new_page(browser, PHONE)
    log_in(page, base, OLD_OFFICER, DEMO_PASSWORD)
    page.goto(f"{base}/reports/submissions/{draft.pk}/fill/")
    assert_fits_width(page, PHONE["width"])
    shoot(page, "33-dien-thoai-lap-bao-cao", full_page=False)
    context.close()

    # The district approver decides a commune's submitted report.
    context, page = new_page(browser, DESKTOP)
    log_in(page, base, APPROVER, DEMO_PASSWORD)
    page.goto(f"{base}/reports/fill/")
    submitted = Submission.objects.get(status=SubmissionStatus.SUBMITTED, unit__code="26068",
                                       period__programme__code="404")
    page.goto(f"{base}/reports/submissions/{submitted.pk}/fill/")
    shoot(page, "34-duyet-bao-cao", full_page=False)
    context.close()


def test_take_the_activities_screenshots(demo_site, browser, tmp_path):
    """Section 24 of the guide: the activities that carry out plan tasks, on the Đồng Nai 2017 demo."""
    from tests.activities.test_activities_import import user_file

    base = demo_site
    dong_nai = AdministrativeUnit.objects.get(code="75", level=1, valid_from__isnull=True)
    plan = Plan.objects.get(programme__code="404", unit=dong_nai, start_year=2017)
    staff_training = Training.objects.get(title__startswith="Bồi dưỡng kỹ năng chăm sóc trẻ",
                                          title__endswith="phường Long Bình")
    open_task = plan.tasks.filter(completion__isnull=True, trainings__isnull=False).distinct().order_by(
        "order", "pk").first()

    # A commune officer (before the reform) sees the names of a training's participants.
    context, page = new_page(browser, DESKTOP)
    log_in(page, base, OLD_OFFICER, DEMO_PASSWORD)
    page.goto(f"{base}{staff_training.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text("Người tham dự")
    shoot(page, "39-lop-tap-huan")
    page.goto(f"{base}/activities/trainings/add/")
    page.fill("#id_title", "Tập huấn kỹ năng chăm sóc trẻ cho bảo mẫu mới")
    page.fill("#id_start_date", "12/09/2017")
    page.fill("#id_audience_bao_mau_female", "12")
    page.fill("#id_audience_chu_nhom_female", "3")
    # The plan tasks are ticked in a box of checkboxes grouped by plan (no multiple select).
    expect(page.locator(".task-picker input[type=checkbox][name=tasks]").first).to_be_visible()
    expect(page.locator("select[name=tasks]")).to_have_count(0)
    shoot(page, "40-them-lop-tap-huan")
    page.goto(f"{base}{staff_training.get_absolute_url()}")
    page.locator("#activity-add").get_by_role("link", name="Nhập danh sách người tham dự từ Excel").click()
    page.wait_for_load_state("domcontentloaded")
    bad = tmp_path / "nguoi-tham-du-loi.xlsx"
    bad.write_bytes(user_file([
        [1, "Trương Thị Ngọc Ánh", "Nữ", 1981, "Cán bộ, công chức", "Hội LHPN phường Long Bình", "", None, "Có"],
        [2, "Phạm Thị Mai", "X", 1992, "Giáo viên", "", "", None, None],
        [3, "Đỗ Thị Cúc", "Nữ", 1890, "Bảo mẫu, người chăm sóc trẻ", "", "", "LB01", None],
        [4, "Hà Thị Thu", "Nữ", 1990, "Bảo mẫu, người chăm sóc trẻ", "", "", "LB99", None],
        [5, "Vũ Văn Nam", "Nam", 1980, "", "", "", None, None],
    ]))
    page.set_input_files("input[name=file]", str(bad))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator("table.import-errors")).to_be_visible()
    shoot(page, "41-nhap-nguoi-tham-du-loi")
    context.close()

    # The province: the calendar, the plan's task progress, the task board, marking a task done, follow-ups.
    context, page = new_page(browser, DESKTOP)
    log_in(page, base, MANAGER, DEMO_PASSWORD)
    page.goto(f"{base}/activities/calendar/?month=2017-05&view=month&within={dong_nai.pk}")
    expect(page.locator("table.calendar-month")).to_be_visible()
    # The 3-month broadcasting campaign is one bar per week row, not an entry in each day.
    expect(page.locator("table.calendar-month .calendar-bar").first).to_contain_text("Phát thanh")
    shoot(page, "42-lich-hoat-dong")
    page.goto(f"{base}{plan.get_absolute_url()}")
    expect(page.locator(".task-progress").first).to_be_visible()
    page.locator(".task-progress").first.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -120)")
    shoot(page, "43-tien-do-nhiem-vu", full_page=False)
    page.locator(".task-progress-summary").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -80)")
    shoot(page, "43b-tien-do-theo-co-quan", full_page=False)
    # Sở GD&ĐT cooperates in tasks 1 (done) and 2 (supervision, no activity) of the plan.
    education = Agency.objects.get(name="Sở Giáo dục và Đào tạo tỉnh Đồng Nai")
    page.goto(f"{base}/plans/board/?agency={education.pk}")
    expect(page.locator(".task-progress").first).to_be_visible()
    shoot(page, "44-bang-nhiem-vu-tien-do")
    page.goto(f"{base}/activities/tasks/{open_task.pk}/progress/")
    shoot(page, "45-tien-do-mot-nhiem-vu")
    page.goto(f"{base}/activities/tasks/{open_task.pk}/complete/")
    expect(page.locator("h1")).to_contain_text("Xác nhận hoàn thành")
    page.fill("#id_done_on", "15/12/2017")
    page.fill("#id_evidence", "Đã tổ chức 11 lớp tập huấn tại 11 huyện, thị, thành phố (báo cáo số 45/BC-HLHPN).")
    checks = page.locator("input[name=activities]")
    for index in range(checks.count()):
        checks.nth(index).check()
    shoot(page, "46-xac-nhan-hoan-thanh")
    page.goto(f"{base}/activities/follow-ups/")
    shoot(page, "47-viec-giao-sau-hop")
    context.close()

    context, page = new_page(browser, PHONE)
    log_in(page, base, OLD_OFFICER, DEMO_PASSWORD)
    page.goto(f"{base}{staff_training.get_absolute_url()}")
    assert_fits_width(page, PHONE["width"])
    shoot(page, "48-dien-thoai-lop-tap-huan", full_page=False)
    context.close()
