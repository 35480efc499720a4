"""Supervision pages as a user reads them: the overdue page pre-fills the date the Vietnamese way, and the checklist's
own page and the visit's own page do not repeat the checklist's or the visit's name on every criterion row."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.registry.supervision_helpers import make_group, make_visit
from tests.registry.test_registry_supervision_checks import overdue
from tretho.core.testing.suites import login
from tretho.core.testing.world import build_world
from tretho.registry.models import VisitResult
from tretho.registry.supervision.standard import ensure_standard_checklist
from tretho.registry.supervision.tables import ChecklistCriterionTable, VisitResultTable

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def test_the_overdue_page_prefills_the_done_date_as_dd_mm_yyyy(world, client):
    ensure_standard_checklist()
    visit = overdue(world.commune_a1a)
    login(client, world.officer_a1a)
    html = client.get(reverse("registry:visit_overdue")).content.decode()
    today = timezone.localdate()
    field = re.search(rf'<input[^>]*name="v{visit.pk}-done_on"[^>]*>', html).group(0)
    assert f'value="{today.strftime("%d/%m/%Y")}"' in field, field
    assert today.isoformat() not in field
    # What it shows is what it takes back.
    response = client.post(reverse("registry:visit_follow_up_done", args=[visit.pk]),
                           {f"v{visit.pk}-done_on": today.strftime("%d/%m/%Y"), f"v{visit.pk}-version": visit.version})
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.follow_up_done_on == today


def test_the_checklists_page_lists_its_criteria_without_the_checklists_name(world, client):
    checklist = ensure_standard_checklist()
    login(client, world.superuser)
    html = client.get(checklist.get_absolute_url()).content.decode()
    table = html[html.index("<table"):html.index("</table>")]
    assert "criteria-sort=code" in table and "criteria-sort=template" not in table
    assert str(checklist) not in table
    # The list of all criteria (several checklists) keeps the column.
    html = client.get(reverse("registry:checklistcriterion_list")).content.decode()
    assert "sort=template" in html and html.count(str(checklist)) >= checklist.criteria.count()


def test_the_visits_page_does_not_repeat_the_visit_on_each_result(world, client):
    visit = make_visit(world.commune_a1a)
    login(client, world.superuser)
    html = client.get(visit.get_absolute_url()).content.decode()
    results = visit.results.count()
    assert results >= 10
    assert html.count(str(visit)) < 5, "the visit's name belongs in the title, not on every result row"
    assert html.count(str(visit.template)) < 3
    assert all(result.criterion.text in html for result in visit.results.select_related("criterion"))


def test_tables_drawn_on_the_parents_page_hide_the_parent_column(world, rf):
    visit = make_visit(world.commune_a1a)
    request = rf.get("/")
    request.user = world.superuser
    for table_class, rows, column in ((ChecklistCriterionTable, visit.template.criteria.all(), "template"),
                                      (VisitResultTable, VisitResult.objects.filter(visit=visit), "visit")):
        on_parent = table_class(rows, request=request, prefix="related-")
        on_parent.before_render(request)
        assert column not in [col.name for col in on_parent.columns], table_class
        listing = table_class(rows, request=request)
        listing.before_render(request)
        assert column in [col.name for col in listing.columns], table_class


def test_the_group_page_links_to_the_visit_form_for_the_group(world, client):
    ensure_standard_checklist()
    group = make_group(world.commune_a1a)
    link = f'{reverse("registry:supervisionvisit_add")}?group={group.pk}'
    login(client, world.officer_a1a)
    html = client.get(group.get_absolute_url()).content.decode()
    assert f'href="{link}"' in html and "Ghi kết quả giám sát" in html
    form = client.get(link)
    assert form.status_code == 200
    chosen = re.search(r'<option value="(\d+)"[^>]*selected', form.content.decode())
    assert chosen and int(chosen.group(1)) == group.pk
    login(client, world.viewer_a)  # who may not add sees no add links
    assert link not in client.get(group.get_absolute_url()).content.decode()
