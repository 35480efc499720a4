"""What the generated pages of the reporting core show a user: a report form with its levels by name and its
fields (pre-fill, part of), the completeness page's period select naming the period shown, the menu's wording
and entries, and the submission page as the level above sees it."""

from __future__ import annotations

import re

from django.urls import reverse

from tests.reporting.reporting_core_factories import make_period, make_submission, setup_cycle
from tretho.core.context_processors import NAVIGATION_MENU
from tretho.core.testing.suites import login
from tretho.metrics.models import Metric
from tretho.reporting.choices import SubmissionStatus


def fields_table(page: str) -> str:
    start = page.index("Các ô báo cáo")
    return page[start:page.index("</table>", start)]


def test_form_page_names_levels_and_shows_each_fields_prefill_and_total(world, client):
    period, form, (total, girls) = setup_cycle(world)
    form.levels = "3"
    form.save()
    metric = Metric.objects.filter(kind="computed").first() or Metric.objects.first()
    assert metric is not None, "the standard metrics are loaded by the migrations"
    total.prefill_metric = metric
    total.save()
    login(client, world.manager_a)
    page = client.get(form.get_absolute_url()).content.decode()
    # "Cấp báo cáo" is the level's name, not the digit stored.
    assert re.search(r"Cấp báo cáo</dt>\s*<dd[^>]*>Xã</dd>", page), page
    table = fields_table(page)
    assert form.name not in table  # the form's own name is not repeated on every row
    assert "Điền sẵn từ số liệu" in table and str(metric) in table
    assert "Là một phần của" in table
    girls_row = table[table.index("Trong đó: trẻ em gái"):]
    girls_row = girls_row[:girls_row.index("</tr>")]
    assert f'href="{total.get_absolute_url()}"' in girls_row and total.label in girls_row
    # The list of forms names the levels too.
    listing = client.get(reverse("reporting:reportform_list")).content.decode()
    assert form.name in listing
    row = listing[listing.index(form.name):]
    assert re.search(r"<td[^>]*>Xã</td>", row[:row.index("</tr>")])


def test_completeness_select_names_the_period_shown_and_has_no_dashes(world, client):
    period, _form, _fields = setup_cycle(world)
    later = make_period(period.programme, "2025")
    login(client, world.manager_a)
    page = client.get(reverse("reporting:completeness")).content.decode()
    select = page[page.index('name="period"'):]
    select = select[:select.index("</select>")]
    assert "---------" not in select
    selected = re.search(r'<option value="(\d+)"[^>]*selected', select)
    assert selected and int(selected.group(1)) == later.pk  # the latest period, shown below
    assert f"<h2 class=\"h5\">{later}" in page
    # Another level chosen, no period: still the period shown is the one selected.
    page = client.get(reverse("reporting:completeness"), {"level": 3}).content.decode()
    select = page[page.index('name="period"'):page.index("</select>", page.index('name="period"'))]
    assert int(re.search(r'<option value="(\d+)"[^>]*selected', select).group(1)) == later.pk
    # An explicit period is kept.
    page = client.get(reverse("reporting:completeness"), {"period": period.pk}).content.decode()
    select = page[page.index('name="period"'):page.index("</select>", page.index('name="period"'))]
    assert int(re.search(r'<option value="(\d+)"[^>]*selected', select).group(1)) == period.pk
    assert f"<h2 class=\"h5\">{period}" in page


def menu_label(url_name: str) -> str:
    for _group, target in NAVIGATION_MENU:
        for label, name in target if isinstance(target, tuple) else ((_group, target),):
            if name == url_name:
                return str(label)
    raise AssertionError(f"{url_name} is not in the menu")


def test_completeness_heading_is_the_menus_wording(world, client):
    login(client, world.manager_a)
    page = client.get(reverse("reporting:completeness")).content.decode()
    label = menu_label("reporting:completeness")
    assert f"<h1>{label}</h1>" in page
    assert f"<title>{label}" in page


def test_reminder_log_is_in_the_reports_menu_and_opens(world, client):
    groups = {str(label): target for label, target in NAVIGATION_MENU}
    assert "reporting:reminderlog_list" in [name for _label, name in groups["Báo cáo"]]
    login(client, world.manager_a)
    page = client.get(reverse("reporting:completeness")).content.decode()  # the menu is on every page
    assert f'href="{reverse("reporting:reminderlog_list")}"' in page
    assert client.get(reverse("reporting:reminderlog_list")).status_code == 200


def test_approver_sees_accept_and_return_on_a_submitted_report_not_the_officers_notice(world, client):
    period, form, (total, _girls) = setup_cycle(world)
    submission = make_submission(world.commune_a1a, period, form, {total: 5}, status=SubmissionStatus.SUBMITTED)
    login(client, world.approver_a1)
    page = client.get(submission.get_absolute_url()).content.decode()
    assert 'class="card mb-3 border-primary decision-panel"' in page
    assert 'value="accept"' in page and 'value="return"' in page
    assert reverse("reporting:submission_decide", args=[submission.pk]) in page
    assert "đang chờ cấp trên duyệt" not in page
    # The officer who sent it sees the notice and no decision.
    client.logout()
    login(client, world.officer_a1a)
    page = client.get(submission.get_absolute_url()).content.decode()
    assert "đang chờ cấp trên duyệt" in page
    assert 'value="accept"' not in page
    # Deciding from the detail page works.
    client.logout()
    login(client, world.approver_a1)
    response = client.post(reverse("reporting:submission_decide", args=[submission.pk]), {"decision": "accept"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.ACCEPTED
    page = client.get(submission.get_absolute_url()).content.decode()
    assert 'value="reopen"' in page and 'value="accept"' not in page


def test_submission_page_lists_values_by_label_in_vietnamese_numbers_without_repeating_the_report(world, client):
    period, form, (total, girls) = setup_cycle(world)
    submission = make_submission(world.commune_a1a, period, form, {total: 1234, girls: "5.5"},
                                 status=SubmissionStatus.SUBMITTED)
    login(client, world.manager_a)
    page = client.get(submission.get_absolute_url()).content.decode()
    start = page.index("Giá trị</h2>")
    table = page[start:page.index("</table>", start)]
    assert str(submission) not in table  # the report's own name is not on every row
    assert f">{total.label}<" in table and f"{form.code}:" not in table
    assert ">1.234<" in table and ">5,5<" in table and "1234,0000" not in table
    assert "Lịch sử xử lý" in page
