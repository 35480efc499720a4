"""The calendar of activities (tretho/activities/views_calendar.py): the month grid and the list by day, scope,
filters (unit subtree, kinds, plan), month navigation and a query count that does not grow with activities. An
activity of a few days (up to LONG_DAYS) is on each of its days; a longer one is a bar across each week of the grid
and a single line of the list, so that a campaign of weeks does not crowd the days' trainings out."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from tests.programmes.factories import make_plan
from tretho.activities.models import (
    Commendation,
    CommunicationEvent,
    Meeting,
    ParentingSession,
    Proposal,
    Training,
)
from tretho.core.testing.suites import login
from tretho.programmes.models import PlanTask

CALENDAR = "activities:calendar"
D = dt.date


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def training(unit, title, start, end=None, **fields):
    return Training.objects.create(unit=unit, title=title, start_date=start, end_date=end, **fields)


def make_may_2017(world):
    """One activity of each kind in May 2017 in province A, and one in province B."""
    a1a, a1b = world.commune_a1a, world.commune_a1b
    return {
        "training": training(a1a, "Tập huấn chăm sóc trẻ Hòa An", D(2017, 5, 3), D(2017, 5, 5)),
        "communication": CommunicationEvent.objects.create(
            unit=a1b, title="Truyền thông nuôi con bằng sữa mẹ", start_date=D(2017, 5, 30), end_date=D(2017, 6, 2),
            channel="meeting"),
        "parenting": ParentingSession.objects.create(unit=a1a, title="Sinh hoạt câu lạc bộ cha mẹ",
                                                     start_date=D(2017, 4, 28), end_date=D(2017, 5, 1)),
        "meeting": Meeting.objects.create(unit=world.district_a1, title="Họp Ban Chỉ đạo quý II",
                                          start_date=D(2017, 5, 10)),
        "commendation": Commendation.objects.create(
            unit=world.province_a, recipient_name="Nhóm trẻ Hoa Mai", level="province", form="bang_khen",
            reason="Thành tích xuất sắc", decision_number="123/QĐ-UBND", decision_date=D(2017, 5, 15)),
        "proposal": Proposal.objects.create(unit=a1a, title="Đề nghị hỗ trợ kinh phí tập huấn",
                                            content="Thiếu kinh phí", raised_on=D(2017, 5, 20),
                                            addressed_level="province"),
        "other_province": training(world.commune_b1, "Tập huấn tỉnh Núi Bạc", D(2017, 5, 10)),
        "june": training(a1a, "Tập huấn tháng sáu", D(2017, 6, 5)),
    }


def day_titles(response) -> dict[dt.date, list[str]]:
    """The titles shown on each day of the month grid (from the view's context)."""
    return {day.date: [entry.title for entry in day.entries]
            for week in response.context["weeks"] for day in week.days if day.entries}


def bars(html: str) -> list[tuple[str, str]]:
    """The long activities' bars of the grid as drawn, week after week: (colspan, title)."""
    return re.findall(r'<td class="calendar-span" colspan="(\d)"><a class="calendar-bar[^"]*" href="[^"]*" '
                      r'title="[^"]*" data-kind="\w+">(?:<i [^>]*></i>)?([^<]+?) <span', html)


def lanes(html: str) -> list[str]:
    """Each lane row of the grid as "gap:2 bar:3 gap:2" (every row fills the seven columns)."""
    rows = re.findall(r'<tr class="calendar-lane">(.*?)</tr>', html, re.S)
    return [" ".join(f"{kind}:{span}" for kind, span in re.findall(r'<td class="calendar-(span|gap)" colspan="(\d)"',
                                                                  row)) for row in rows]


def cell(html: str, day: str) -> str:
    match = re.search(rf'<td class="calendar-day[^"]*"[^>]*data-date="{day}">(.*?)</td>', html, re.S)
    assert match, day
    return match.group(1)


def test_month_grid_shows_each_activity_on_its_days_monday_first(client, world):
    records = make_may_2017(world)
    login(client, world.manager_a)
    response = client.get(reverse(CALENDAR), {"month": "2017-05"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tháng 5/2017" in html
    assert re.findall(r'<th scope="col" class="text-center">(\w+)</th>', html) == [
        "T2", "T3", "T4", "T5", "T6", "T7", "CN"]
    weeks = response.context["weeks"]
    assert weeks[0].days[0].date == D(2017, 5, 1) and weeks[-1].days[-1].date == D(2017, 6, 4)  # a Monday
    assert all(day.date.weekday() == index for week in weeks for index, day in enumerate(week.days))

    days = day_titles(response)
    assert days == {  # the training of three days on each of them
        D(2017, 5, 3): ["Tập huấn chăm sóc trẻ Hòa An"],
        D(2017, 5, 4): ["Tập huấn chăm sóc trẻ Hòa An"],
        D(2017, 5, 5): ["Tập huấn chăm sóc trẻ Hòa An"],
        D(2017, 5, 10): ["Họp Ban Chỉ đạo quý II"],
        D(2017, 5, 15): [str(records["commendation"])],
        D(2017, 5, 20): ["Đề nghị hỗ trợ kinh phí tập huấn"],
    }
    # Four days and more: a bar over the month's days of its week, not on each day. The club session of 28/04–01/05
    # covers 1 May only (it began before: no rounded left end); the event of 30/05–02/06 stops at 31 May.
    assert bars(html) == [("1", "Sinh hoạt câu lạc bộ cha mẹ"), ("2", "Truyền thông nuôi con bằng sữa mẹ")]
    assert lanes(html) == ["span:1 gap:6", "gap:1 span:2 gap:4"]
    assert "calendar-bar-from-before" in html and "calendar-bar-goes-on" in html
    assert "(28/04/2017 – 01/05/2017)" in html and "(30/05/2017 – 02/06/2017)" in html  # the bars' tooltips
    # The June days at the end of the grid stay empty, though the communication event runs on.
    assert not any(day.entries for day in weeks[-1].days if day.date.month == 6)
    # Linked to each activity's page, coloured by kind; the commendation shows no recipient's name.
    for key in ("training", "meeting", "proposal", "commendation"):
        assert f'href="{records[key].get_absolute_url()}"' in html
    assert 'data-kind="training"' in cell(html, "04/05/2017") and "text-bg-primary" in cell(html, "04/05/2017")
    assert "text-bg-warning" in cell(html, "10/05/2017")
    assert "Nhóm trẻ Hoa Mai" not in html
    # Other province's activity and other months' are absent.
    assert "Tập huấn tỉnh Núi Bạc" not in html and "Tập huấn tháng sáu" not in html
    assert response.context["count"] == 6


def test_scope_each_user_sees_their_own_subtree(client, world):
    make_may_2017(world)
    login(client, world.officer_b1)
    response = client.get(reverse(CALENDAR), {"month": "2017-05"})
    assert day_titles(response) == {D(2017, 5, 10): ["Tập huấn tỉnh Núi Bạc"]}

    login(client, world.officer_a1a)  # commune A1a: not A1b's event, nor the district's meeting
    response = client.get(reverse(CALENDAR), {"month": "2017-05"})
    titles = {title for titles in day_titles(response).values() for title in titles}
    titles |= {entry.title for entry in response.context["ongoing"]}  # the club session of four days: a bar
    assert [title for _colspan, title in bars(response.content.decode())] == ["Sinh hoạt câu lạc bộ cha mẹ"]
    assert titles == {"Sinh hoạt câu lạc bộ cha mẹ", "Tập huấn chăm sóc trẻ Hòa An", "Đề nghị hỗ trợ kinh phí tập huấn"}

    login(client, world.nobody)
    response = client.get(reverse(CALENDAR), {"month": "2017-05"})
    assert response.status_code == 200 and response.context["count"] == 0
    assert "Không có hoạt động nào trong tháng này." in response.content.decode()


def test_anonymous_is_sent_to_log_in(client, world):
    response = client.get(reverse(CALENDAR))
    assert response.status_code == 302 and "login" in response["Location"]


def test_filters_unit_subtree_kinds_and_plan(client, world):
    records = make_may_2017(world)
    plan = make_plan(world.district_a1)
    task = PlanTask.objects.create(plan=plan, title="Tập huấn cho bảo mẫu")
    records["training"].tasks.add(task)
    records["meeting"].tasks.add(task)
    login(client, world.manager_a)
    url = reverse(CALENDAR)

    def titles(**params) -> set[str]:
        response = client.get(url, {"month": "2017-05", **params})
        assert response.status_code == 200
        return {entry.title for day in response.context["days"] for entry in day.entries} | {
            entry.title for entry in response.context["ongoing"]}

    assert titles(within=world.district_a1.pk) == {
        "Sinh hoạt câu lạc bộ cha mẹ", "Tập huấn chăm sóc trẻ Hòa An", "Họp Ban Chỉ đạo quý II",
        "Đề nghị hỗ trợ kinh phí tập huấn", "Truyền thông nuôi con bằng sữa mẹ"}  # not the province's commendation
    assert titles(kinds=["meeting", "proposal"]) == {"Họp Ban Chỉ đạo quý II", "Đề nghị hỗ trợ kinh phí tập huấn"}
    assert titles(plan=plan.pk) == {"Tập huấn chăm sóc trẻ Hòa An", "Họp Ban Chỉ đạo quý II"}
    assert titles(plan=plan.pk, kinds=["training"]) == {"Tập huấn chăm sóc trẻ Hòa An"}
    # A unit outside the user's scope is not a choice: the filter is refused and nothing else leaks.
    response = client.get(url, {"month": "2017-05", "within": world.province_b.pk})
    assert "Tập huấn tỉnh Núi Bạc" not in response.content.decode()
    assert response.context["form"].errors["within"]


def test_list_view_is_chronological_grouped_by_day(client, world):
    make_may_2017(world)
    training(world.commune_a1a, "Bồi dưỡng chủ nhóm trẻ", D(2017, 5, 10))  # same day as the meeting
    login(client, world.manager_a)
    response = client.get(reverse(CALENDAR), {"month": "2017-05", "view": "list"})
    html = response.content.decode()
    days = response.context["days"]
    assert [day.date for day in days] == sorted(day.date for day in days)
    assert days[0].date == D(2017, 5, 3)
    tenth = next(day for day in days if day.date == D(2017, 5, 10))
    assert [entry.title for entry in tenth.entries] == ["Bồi dưỡng chủ nhóm trẻ", "Họp Ban Chỉ đạo quý II"]
    headings = re.findall(r'<section class="mb-3 calendar-list-day" data-date="([0-9/]+)">', html)
    assert headings == ["03/05/2017", "04/05/2017", "05/05/2017", "10/05/2017", "15/05/2017", "20/05/2017"]
    assert "calendar-month" not in html  # the list only
    assert html.count("(03/05/2017 – 05/05/2017)") == 3  # a training of three days on each, with its span
    # The longer ones once, above the days, with their whole span.
    ongoing = re.search(r'<section class="mb-3 calendar-ongoing">(.*?)</section>', html, re.S).group(1)
    assert "Đang diễn ra trong tháng" in ongoing
    assert re.findall(r'<a href="[^"]+">([^<]+)</a>', ongoing) == [
        "Sinh hoạt câu lạc bộ cha mẹ", "Truyền thông nuôi con bằng sữa mẹ"]
    assert "(28/04/2017 – 01/05/2017)" in ongoing and "(30/05/2017 – 02/06/2017)" in ongoing
    assert html.count("Sinh hoạt câu lạc bộ cha mẹ") == 1 and html.count("Truyền thông nuôi con bằng sữa mẹ") == 1


def test_a_campaign_of_weeks_is_one_bar_a_week_and_leaves_the_days_to_the_trainings(client, world):
    """The demo's April–June loudspeaker campaign: once per week row, never in a day's cell."""
    make_may_2017(world)
    CommunicationEvent.objects.create(unit=world.commune_a1a, title="Phát thanh trên loa truyền thanh",
                                      start_date=D(2017, 4, 3), end_date=D(2017, 6, 30), channel="loudspeaker")
    CommunicationEvent.objects.create(unit=world.commune_a1b, title="Chiến dịch tờ rơi",
                                      start_date=D(2017, 5, 8), end_date=D(2017, 5, 19), channel="print")
    login(client, world.manager_a)
    response = client.get(reverse(CALENDAR), {"month": "2017-05"})
    html = response.content.decode()
    campaign = [bar for bar in bars(html) if bar[1] == "Phát thanh trên loa truyền thanh"]
    assert campaign == [("7", "Phát thanh trên loa truyền thanh")] * 4 + [("3", "Phát thanh trên loa truyền thanh")]
    assert [bar for bar in bars(html) if bar[1] == "Chiến dịch tờ rơi"] == [("7", "Chiến dịch tờ rơi"),
                                                                          ("5", "Chiến dịch tờ rơi")]
    # Lanes by start: 1–7 May the campaign, then the club session (both on 1 May); 8–14 and 15–21 the campaign and
    # the leaflets; 22–28 the campaign alone; 29/05–04/06 the campaign and the event of 30/05–02/06 (one lane each,
    # only over May's days).
    assert lanes(html) == ["span:7", "span:1 gap:6", "span:7", "span:7", "span:7", "span:5 gap:2", "span:7",
                           "span:3 gap:4", "gap:1 span:2 gap:4"]
    assert "Phát thanh trên loa truyền thanh" not in "".join(cell(html, f"{day:02d}/05/2017") for day in range(1, 32))
    assert day_titles(response)[D(2017, 5, 4)] == ["Tập huấn chăm sóc trẻ Hòa An"]  # the training stays in its days
    assert "(03/04/2017 – 30/06/2017)" in html
    listed = client.get(reverse(CALENDAR), {"month": "2017-05", "view": "list"}).content.decode()
    assert listed.count("Phát thanh trên loa truyền thanh") == 1 and "(03/04/2017 – 30/06/2017)" in listed
    assert response.context["count"] == 8


def test_month_navigation_keeps_filters_and_defaults_to_this_month(client, world):
    login(client, world.manager_a)
    response = client.get(reverse(CALENDAR), {"month": "2017-01", "kinds": "training", "view": "list"})
    context = response.context
    assert context["previous_query"] == "?month=2016-12&kinds=training&view=list"
    assert context["next_query"] == "?month=2017-02&kinds=training&view=list"
    assert context["month_view_query"] == "?month=2017-01&kinds=training&view=month"

    today = timezone.localdate()
    response = client.get(reverse(CALENDAR))
    assert response.context["month"] == today.replace(day=1) and response.context["view"] == "month"
    html = response.content.decode()
    assert 'aria-current="date"' in html and f'data-date="{today:%d/%m/%Y}"' in html
    assert client.get(reverse(CALENDAR), {"month": "2017-13"}).context["month"] == today.replace(day=1)


def test_query_count_does_not_grow_with_activities(client, world):
    make_may_2017(world)
    login(client, world.manager_a)
    url = reverse(CALENDAR)
    params = {"month": "2017-05", "within": world.province_a.pk}
    client.get(url, params)  # warm up (session, content types)
    with CaptureQueriesContext(connection) as few:
        client.get(url, params)
    for index in range(10):
        training(world.commune_a1b, f"Tập huấn thêm {index}", D(2017, 5, 2 + index), D(2017, 5, 4 + index))
        Proposal.objects.create(unit=world.commune_a1b, title=f"Kiến nghị {index}", content="…",
                                raised_on=D(2017, 5, 12 + index), addressed_level="district")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url, params)
    assert response.context["count"] == 26
    assert len(many.captured_queries) == len(few.captured_queries)
    activity_queries = [query["sql"] for query in many.captured_queries if '"activities_' in query["sql"]]
    assert len(activity_queries) == 6  # one per kind of activity


def test_ics_export_of_the_filtered_month(client, world):
    from tretho.accounts.models import SecurityEvent

    records = make_may_2017(world)
    login(client, world.manager_a)
    page = client.get(reverse(CALENDAR), {"month": "2017-05", "kinds": ["training", "commendation"]})
    assert 'href="/activities/calendar/lich.ics?month=2017-05&amp;kinds=training&amp;kinds=commendation"' in (
        page.content.decode())
    response = client.get(reverse("activities:calendar_ics"), {"month": "2017-05", "kinds": ["training",
                                                                                              "commendation"]})
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="lich-hoat-dong-2017-05.ics"'
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    assert unfolded.count("BEGIN:VEVENT") == 2
    training_pk = records["training"].pk
    assert (f"UID:training-{training_pk}@testserver\r\nDTSTAMP:" in unfolded
            and "DTSTART;VALUE=DATE:20170503\r\nDTEND;VALUE=DATE:20170506\r\n" in unfolded)
    assert "SUMMARY:Lớp tập huấn: Tập huấn chăm sóc trẻ Hòa An\r\n" in unfolded
    assert "SUMMARY:Khen thưởng: Bằng khen – Tập thể – 123/QĐ-UBND\r\n" in unfolded
    assert f"URL:http://testserver{records['training'].get_absolute_url()}\r\n" in unfolded
    assert "Nhóm trẻ Hoa Mai" not in unfolded  # the recipient's name stays out
    assert "Tập huấn tỉnh Núi Bạc" not in unfolded
    event = SecurityEvent.objects.filter(kind="export").latest("pk")
    assert event.detail["format"] == "ics" and event.detail["rows"] == 2 and event.user == world.manager_a

    login(client, world.viewer_a)  # viewers take no exports: an empty calendar, and no button
    assert "BEGIN:VEVENT" not in client.get(reverse("activities:calendar_ics"), {"month": "2017-05"}).content.decode()
    assert "calendar-ics" not in client.get(reverse(CALENDAR), {"month": "2017-05"}).content.decode()


def test_breadcrumbs_put_the_calendar_under_activities_and_the_chosen_unit(client, world):
    from tests.activities.test_activities_import import crumbs

    login(client, world.manager_a)
    html = client.get(reverse(CALENDAR), {"month": "2017-05"}).content.decode()
    assert crumbs(html) == [f"Trang chủ→{reverse('core:home')}", "Hoạt động", "Lịch hoạt động"]
    html = client.get(reverse(CALENDAR), {"month": "2017-05", "within": world.district_a1.pk}).content.decode()
    assert crumbs(html) == [f"Trang chủ→{reverse('core:home')}", "Hoạt động",
                            f"{world.province_a.name}→{world.province_a.get_absolute_url()}",
                            f"{world.district_a1.name}→{world.district_a1.get_absolute_url()}", "Lịch hoạt động"]
