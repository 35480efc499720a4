"""The group list's filters: unit subtree, zone, status, licence, support type, not supervised for N months (never
visited included), accent-insensitive search and Vietnamese sort; what a filter offers stays within the scope."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.registry.records_factories import (
    make_enterprise,
    make_group,
    make_payment,
    make_programme_support,
    make_staff,
    make_training,
    make_visit,
    make_zone,
)
from tretho.core.testing.suites import login
from tretho.registry.choices import GroupStatus, PaymentKind, ProgrammeSupportKind, StaffRole
from tretho.registry.filters import ChildcareGroupFilterSet
from tretho.registry.selectors import months_before

LIST = "registry:childcaregroup_list"


def names(client, url_name=LIST, **params):
    response = client.get(reverse(url_name), params | {"per_page": 100})
    assert response.status_code == 200
    return [row.record.name for row in response.context["table"].page.object_list]


@pytest.fixture
def groups(world):
    a1a, a1b = world.commune_a1a, world.commune_a1b
    zone = make_zone(world.district_a1, "KCN Long Bình")
    return {
        "licensed": make_group(a1a, "Nhóm trẻ Ánh Dương", is_licensed=True, licence_number="01/GP", zone=zone),
        "suspended": make_group(a1a, "Nhóm trẻ Đức Hòa", status=GroupStatus.SUSPENDED),
        "other_commune": make_group(a1b, "Nhóm trẻ Bé Ngoan", zone=zone),
        "closed": make_group(a1b, "Nhóm trẻ Hoa Mai", status=GroupStatus.CLOSED, closed_on=dt.date(2024, 1, 1)),
        "elsewhere": make_group(world.commune_b1, "Nhóm trẻ Ánh Sao"),
    }


def test_unit_subtree_zone_status_and_licence(client, world, groups):
    login(client, world.manager_a)
    assert set(names(client)) == {g.name for k, g in groups.items() if k != "elsewhere"}
    assert set(names(client, within=world.district_a1.pk)) == set(names(client))
    assert set(names(client, zone=groups["licensed"].zone.pk)) == {"Nhóm trẻ Ánh Dương", "Nhóm trẻ Bé Ngoan"}
    assert names(client, status=GroupStatus.SUSPENDED) == ["Nhóm trẻ Đức Hòa"]
    assert names(client, licensed="yes") == ["Nhóm trẻ Ánh Dương"]
    assert "Nhóm trẻ Ánh Dương" not in names(client, licensed="no")
    # The province B group is out of scope: choosing province B as "Thuộc" is not even offered.
    assert client.get(reverse(LIST), {"within": world.province_b.pk}).context["filterset"].is_valid() is False


def test_search_ignores_accents_and_d(client, world, groups):
    login(client, world.manager_a)
    assert names(client, q="duc hoa") == ["Nhóm trẻ Đức Hòa"]
    assert names(client, q="ĐỨC HOÀ") == ["Nhóm trẻ Đức Hòa"]
    assert names(client, q="anh") == ["Nhóm trẻ Ánh Dương"]  # Ánh Sao is in province B


def test_names_sort_in_vietnamese_order(client, world, groups):
    login(client, world.manager_a)
    # a < ă < â < b … d < đ … ; "Ánh" sorts with "Anh" before "Bé", "Đức" after every "D…".
    make_group(world.commune_a1a, "Nhóm trẻ Dạ Lan")
    make_group(world.commune_a1a, "Nhóm trẻ Ân Tình")
    rows = names(client, sort="name")
    assert rows == ["Nhóm trẻ Ánh Dương", "Nhóm trẻ Ân Tình", "Nhóm trẻ Bé Ngoan", "Nhóm trẻ Dạ Lan",
                    "Nhóm trẻ Đức Hòa", "Nhóm trẻ Hoa Mai"]
    assert names(client, sort="-name") == rows[::-1]


def test_support_type(client, world, groups):
    make_programme_support(groups["licensed"], ProgrammeSupportKind.CONSOLIDATED)
    make_programme_support(groups["other_commune"], ProgrammeSupportKind.NEWLY_ESTABLISHED)
    make_payment(groups["suspended"], PaymentKind.ONE_OFF)
    make_payment(groups["other_commune"], PaymentKind.PER_TEACHER_MONTH)
    login(client, world.manager_a)
    assert names(client, support="programme:consolidated") == ["Nhóm trẻ Ánh Dương"]
    assert names(client, support="programme:new") == ["Nhóm trẻ Bé Ngoan"]
    assert names(client, support="payment:one_off") == ["Nhóm trẻ Đức Hòa"]
    assert names(client, support="payment:per_teacher_month") == ["Nhóm trẻ Bé Ngoan"]
    assert names(client, support="payment:per_child_month") == []
    assert client.get(reverse(LIST), {"support": "nonsense"}).context["filterset"].is_valid() is False


def test_not_supervised_for_n_months_includes_never_visited(client, world, groups):
    today = dt.date.today()
    make_visit(world, groups["licensed"], today - dt.timedelta(days=20))
    make_visit(world, groups["suspended"], months_before(today, 7))
    make_visit(world, groups["suspended"], months_before(today, 14))
    make_visit(world, groups["other_commune"], months_before(today, 13))
    login(client, world.manager_a)
    # Last visit older than 6 months, or none: not the group seen 20 days ago.
    assert set(names(client, not_visited_months=6)) == {"Nhóm trẻ Đức Hòa", "Nhóm trẻ Bé Ngoan", "Nhóm trẻ Hoa Mai"}
    assert set(names(client, not_visited_months=12)) == {"Nhóm trẻ Bé Ngoan", "Nhóm trẻ Hoa Mai"}
    assert names(client, visited="never") == ["Nhóm trẻ Hoa Mai"]
    assert set(names(client, visited="ever")) == {"Nhóm trẻ Ánh Dương", "Nhóm trẻ Đức Hòa", "Nhóm trẻ Bé Ngoan"}
    # The list shows each group's last visit.
    page = client.get(reverse(LIST), {"q": "duc hoa"})
    assert months_before(today, 7).strftime("%d/%m/%Y") in page.content.decode()


def test_months_before_keeps_the_end_of_month():
    assert months_before(dt.date(2025, 5, 31), 3) == dt.date(2025, 2, 28)
    assert months_before(dt.date(2024, 5, 31), 3) == dt.date(2024, 2, 29)
    assert months_before(dt.date(2025, 1, 15), 13) == dt.date(2023, 12, 15)


def test_filter_choices_are_scoped(rf, world, groups):
    """The zone and "Thuộc" lists offer only what the user may see."""
    foreign_zone = make_zone(world.province_b, "KCN Núi Bạc")
    request = rf.get("/")
    request.user = world.officer_a1a
    form = ChildcareGroupFilterSet(request=request, queryset=groups["licensed"].__class__.objects.none()).form
    assert foreign_zone not in form.fields["zone"].queryset
    assert world.province_b not in form.fields["within"].queryset


def test_staff_and_enterprise_lists_filter_by_group_and_zone(client, world, groups):
    teacher = make_staff(groups["licensed"], role=StaffRole.TEACHER)
    cook = make_staff(groups["licensed"], role=StaffRole.COOK, end_date=dt.date(2020, 1, 1))
    carer = make_staff(groups["other_commune"], role=StaffRole.CAREGIVER)
    # Trained: completed a training (no staff field); the carer's is still to come, the cook left.
    make_training(world.commune_a1a, dt.date(2019, 5, 1), teacher, cook)
    make_training(groups["other_commune"].unit, timezone.localdate() + dt.timedelta(days=30), carer)
    login(client, world.manager_a)
    response = client.get(reverse("registry:staff_list"), {"q": "anh duong"})
    assert {row.record.group_id for row in response.context["table"].page.object_list} == {groups["licensed"].pk}
    assert len(response.context["table"].page.object_list) == 2
    response = client.get(reverse("registry:staff_list"), {"working": "yes", "trained": "yes"})
    assert [row.record.role for row in response.context["table"].page.object_list] == [StaffRole.TEACHER]
    response = client.get(reverse("registry:staff_list"), {"trained": "no"})
    assert [row.record.role for row in response.context["table"].page.object_list] == [StaffRole.CAREGIVER]
    response = client.get(reverse("registry:staff_list"), {"trained": "yes"})
    assert {row.record.pk for row in response.context["table"].page.object_list} == {teacher.pk, cook.pk}
    assert "Đã tập huấn" in response.content.decode() and "01/05/2019" in response.content.decode()
    # The API: read-only derived fields and the same filter.
    rows = client.get("/api/v1/group-staff/", {"trained": "true"}).json()
    rows = rows.get("results", rows) if isinstance(rows, dict) else rows
    assert {(row["id"], row["trained"], row["last_trained_on"]) for row in rows} == {
        (teacher.pk, True, "2019-05-01"), (cook.pk, True, "2019-05-01")}
    rows = client.get("/api/v1/group-staff/", {"trained": "false"}).json()
    rows = rows.get("results", rows) if isinstance(rows, dict) else rows
    assert [(row["id"], row["trained"], row["last_trained_on"]) for row in rows] == [(carer.pk, False, None)]
    zone = groups["licensed"].zone
    make_enterprise(world.commune_a1a, name="Công ty TNHH Changshin Việt Nam", zone=zone)
    make_enterprise(world.commune_a1b, name="Công ty CP Tổng hợp Gỗ Tân Mai")
    assert names(client, "registry:enterprise_list", zone=zone.pk) == ["Công ty TNHH Changshin Việt Nam"]
    assert names(client, "registry:enterprise_list", q="tan mai") == ["Công ty CP Tổng hợp Gỗ Tân Mai"]
