"""Review of the derived 'trained' (R1): the staff list, a staff member's page and the group page read who was trained
from the trainings in a fixed number of queries, however many staff and trainings there are."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.registry.records_factories import make_group, make_staff, make_training
from tretho.core.testing.suites import login

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    client.get(url)  # warm the per-request caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_staff_list_staff_page_and_group_page_queries_do_not_grow(client, world):
    group = make_group(world.commune_a1a)
    first = make_staff(group)
    make_training(world.commune_a1a, dt.date(2024, 3, 1), first)
    login(client, world.officer_a1a)
    pages = {"list": reverse("registry:staff_list"), "staff": first.get_absolute_url(),
             "group": group.get_absolute_url()}
    before = {name: queries(client, url) for name, url in pages.items()}
    people = [make_staff(group) for _ in range(6)]
    for n in range(4):
        make_training(world.commune_a1a, dt.date(2024, 4 + n, 1), first, *people[n:])
    make_training(world.commune_b1, dt.date(2024, 9, 1), first)  # another province's training, on his page
    after = {name: queries(client, url) for name, url in pages.items()}
    assert after == before
