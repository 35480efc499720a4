"""On a 360-px phone, a plan task's progress follows the activities that carry it out: the commune officer sees
the task "Chưa thực hiện" on the plan page, records a training of the commune carrying it out (the real add form:
dates typed dd/mm/yyyy, the task picked, the people reached typed in the audience grid), adds two caregivers of
the commune's childcare groups picked from the registry, and the plan page then shows the task "Đang thực hiện";
the lead agency's officer marks it done with evidence and the plan page shows "Đã hoàn thành". The staff trained
(distinct persons, computed from the participants) goes from 0 to 2 — without any page scrolling sideways."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.activities.progress_data import build_progress_world
from tests.e2e.helpers import PHONE, assert_fits_width, log_in
from tests.registry.records_factories import make_group, make_staff
from tretho.activities.metrics import staff_trained
from tretho.activities.models import TaskCompletion, Training, TrainingParticipant
from tretho.core.testing.world import build_world

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

YEAR_2017 = (dt.date(2017, 1, 1), dt.date(2017, 12, 31))
WIDTH = PHONE["width"]


@pytest.fixture
def site(live_server):
    world = build_world()
    pw = build_progress_world(world)  # the 2017 plan of Tỉnh Sông Hồng; pw.lead_user works for Sở GD&ĐT
    # "Kiện toàn nhóm trẻ tại xã Hòa An": a sub-item of task 1 (led by Sở GD&ĐT), assigned to Xã Hòa An, no deadline.
    task = pw.cascade.task_a1a
    hoa_mi = make_group(world.commune_a1a, "Nhóm trẻ Họa Mi")
    son_ca = make_group(world.commune_a1a, "Nhóm trẻ Sơn Ca")
    staff = [make_staff(hoa_mi, full_name="Nguyễn Thị Hồng Nhung", birth_year=1988),
             make_staff(son_ca, full_name="Lê Thị Thu Trang", birth_year=1992)]
    make_staff(son_ca, full_name="Phạm Thị Bích Ngọc", birth_year=1995)  # not trained
    make_staff(make_group(world.commune_a1b, "Nhóm trẻ Vành Khuyên"), full_name="Đỗ Thị Xuân")  # another commune
    return live_server.url, world, pw, task, staff


def task_row(page, task):
    return page.locator("main table tr").filter(has=page.get_by_role("link", name=task.title, exact=True))


def test_a_training_with_staff_moves_the_task_from_not_started_to_done(site, browser, phone_page):
    base, world, pw, task, (nhung, trang) = site
    plan_url = f"{base}{pw.cascade.plan.get_absolute_url()}"
    assert staff_trained(world.commune_a1a.path, *YEAR_2017) == 0

    # The commune officer opens the plan: the task has not started.
    page = phone_page
    log_in(page, base, "officer_a1a", world.password)
    page.goto(plan_url)
    expect(task_row(page, task)).to_contain_text("Chưa thực hiện")
    assert_fits_width(page, WIDTH)

    # Records the training through the add form.
    page.goto(f"{base}/activities/trainings/")
    page.locator("main").get_by_role("link", name="Thêm").first.click()
    page.wait_for_load_state("domcontentloaded")
    assert_fits_width(page, WIDTH)
    page.fill("#id_title", "Tập huấn kỹ năng chăm sóc trẻ cho bảo mẫu xã Hòa An")
    # The officer writes into one commune only: the form has already chosen it.
    expect(page.locator("#id_unit")).to_have_value(str(world.commune_a1a.pk))
    page.fill("#id_start_date", "15/05/2017")
    page.fill("#id_end_date", "16/05/2017")
    page.fill("#id_venue", "Hội trường UBND xã Hòa An")
    page.check(f"#id_tasks input[value='{task.pk}']")  # the plan tasks are checkboxes grouped by plan
    page.fill("#id_audience_bao_mau_female", "2")
    page.fill("#id_audience_chu_nhom_female", "1")
    assert_fits_width(page, WIDTH)
    page.locator("main form").get_by_role("button", name="Lưu").click()
    page.wait_for_url("**/activities/trainings/*/")
    expect(page.locator("h1")).to_contain_text("Tập huấn kỹ năng chăm sóc trẻ cho bảo mẫu xã Hòa An")
    expect(page.locator("#activity-tasks")).to_contain_text(task.title)
    expect(page.locator("#activity-audience tfoot")).to_contain_text("3")
    assert_fits_width(page, WIDTH)
    training = Training.objects.get(title="Tập huấn kỹ năng chăm sóc trẻ cho bảo mẫu xã Hòa An")
    assert training.unit == world.commune_a1a and training.start_date == dt.date(2017, 5, 15)
    assert training.end_date == dt.date(2017, 5, 16) and list(training.tasks.all()) == [task]

    # The participants' Excel import is offered too; here they are picked one by one.
    expect(page.locator("#activity-add")).to_contain_text("Nhập danh sách người tham dự từ Excel")
    # Two caregivers picked from the registry's staff of the commune's groups, one after the other.
    page.locator("#activity-add").get_by_role("link", name="Thêm người tham dự").click()
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator("#id_training")).to_have_value(str(training.pk))
    staff_field = page.locator("#id_staff")
    expect(staff_field.locator("option")).to_have_count(4)  # "---------" and the three staff of Xã Hòa An
    expect(staff_field).not_to_contain_text("Đỗ Thị Xuân")
    assert_fits_width(page, WIDTH)
    for person, last in ((nhung, False), (trang, True)):
        staff_field.select_option(str(person.pk))
        page.select_option("#id_sex", "nu")
        page.select_option("#id_category", "bao_mau")
        page.locator("main form").get_by_role("button", name="Lưu" if last else "Lưu và thêm người khác",
                                              exact=True).click()
        page.wait_for_load_state("domcontentloaded")
    # "Lưu" of the last one goes back to the training's page, where the list is.
    page.wait_for_url(f"**/activities/trainings/{training.pk}/")
    main = page.locator("main")
    expect(main).to_contain_text("Nguyễn Thị Hồng Nhung")
    expect(main).to_contain_text("Lê Thị Thu Trang")
    assert_fits_width(page, WIDTH)
    assert set(TrainingParticipant.objects.filter(training=training).values_list("staff", flat=True)) == {
        nhung.pk, trang.pk}
    assert staff_trained(world.commune_a1a.path, *YEAR_2017) == 2

    # Back on the plan page: the task is under way.
    page.goto(plan_url)
    expect(task_row(page, task)).to_contain_text("Đang thực hiện")
    assert_fits_width(page, WIDTH)

    # The officer of the lead agency (Sở GD&ĐT) marks it done, the training picked as evidence.
    context = browser.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    lead = context.new_page()
    lead.set_default_timeout(15_000)
    try:
        log_in(lead, base, "officer_education", world.password)
        lead.goto(plan_url)
        row = task_row(lead, task)
        expect(row).to_contain_text("Đang thực hiện")
        row.get_by_role("link", name="1 hoạt động").click()
        lead.wait_for_load_state("domcontentloaded")
        expect(lead.locator("main")).to_contain_text("Tập huấn kỹ năng chăm sóc trẻ cho bảo mẫu xã Hòa An")
        assert_fits_width(lead, WIDTH)
        lead.get_by_role("link", name="Xác nhận hoàn thành").click()
        lead.wait_for_load_state("domcontentloaded")
        today = timezone.localdate()
        lead.fill("#id_done_on", today.strftime("%d/%m/%Y"))
        lead.fill("#id_evidence", "Hai bảo mẫu của hai nhóm trẻ trên địa bàn đã hoàn thành lớp tập huấn.")
        lead.get_by_label("Tập huấn kỹ năng chăm sóc trẻ cho bảo mẫu xã Hòa An", exact=False).check()
        assert_fits_width(lead, WIDTH)
        lead.locator("main form").get_by_role("button", name="Xác nhận hoàn thành").click()
        lead.wait_for_url("**/activities/completions/*/")
        expect(lead.locator("main")).to_contain_text("Hai bảo mẫu của hai nhóm trẻ")
        assert_fits_width(lead, WIDTH)

        lead.goto(plan_url)
        expect(task_row(lead, task)).to_contain_text("Đã hoàn thành")
        assert_fits_width(lead, WIDTH)
    finally:
        context.close()

    completion = TaskCompletion.objects.get(task=task)
    assert completion.marked_by == pw.lead_user and completion.done_on == today
    assert "Tập huấn kỹ năng chăm sóc trẻ cho bảo mẫu xã Hòa An (15/05/2017)" in completion.evidence
    # The commune officer sees it done too.
    page.goto(plan_url)
    expect(task_row(page, task)).to_contain_text("Đã hoàn thành")
