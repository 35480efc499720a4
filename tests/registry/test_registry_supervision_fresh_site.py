"""A fresh site (no demo): `migrate` runs before the units exist, so the shipped checklist is created when
`tretho load_units` has loaded them (geo's units_loaded signal, connected in registry/apps.py) — once."""

from __future__ import annotations

from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from tretho.core.testing.world import build_world
from tretho.registry.models import ChecklistCriterion, ChecklistTemplate
from tretho.registry.supervision.standard import STANDARD_CRITERIA

pytestmark = pytest.mark.django_db


def test_load_units_ships_the_checklist_once(monkeypatch):
    assert not ChecklistTemplate.objects.exists()
    world = {}

    def fake_load_units(dry_run=False, with_history=True):  # the real lists take minutes; the units of the world
        if not dry_run and not world:
            world["units"] = build_world()
        return SimpleNamespace(lines=lambda: [], changed=not dry_run, dry_run=dry_run)

    monkeypatch.setattr("tretho.geo.management.commands.load_units.load_units", fake_load_units)
    call_command("load_units", "--dry-run", stdout=StringIO())
    assert not ChecklistTemplate.objects.exists(), "a dry run sends nothing"
    call_command("load_units", stdout=StringIO())
    template = ChecklistTemplate.objects.get()
    assert template.unit == world["units"].country and template.effective_to is None
    assert template.criteria.count() == len(STANDARD_CRITERIA)
    call_command("load_units", stdout=StringIO())
    assert ChecklistTemplate.objects.count() == 1 and ChecklistCriterion.objects.count() == len(STANDARD_CRITERIA)
