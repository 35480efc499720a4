"""The menu shows "Nhập từ Excel" only to users who may import (viewers and approvers got a 403 from it); the
check is the general per-entry NAVIGATION_CHECKS of the core's menu."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tretho.core.context_processors import NAVIGATION, NAVIGATION_CHECKS, NAVIGATION_MENU, entry_check
from tretho.core.testing.suites import login

pytestmark = pytest.mark.django_db
IMPORT = "registry:group_import"


def test_the_import_entry_shows_only_to_those_who_may_import(world, client):
    link = f'href="{reverse(IMPORT)}"'
    for user, may in ((world.viewer_a, False), (world.approver_a1, False), (world.officer_a1a, True),
                      (world.superuser, True)):
        login(client, user)
        page = client.get(reverse("registry:childcaregroup_list"))
        assert page.status_code == 200
        assert (link in page.content.decode()) is may, user
        assert (client.get(reverse(IMPORT)).status_code == 200) is may, user  # the menu and the page agree
        home = client.get("/")
        assert [name for _label, name in home.context["navigation"]].count(IMPORT) == (1 if may else 0)
        # The rest of the group stays.
        assert f'href="{reverse("registry:childcaregroup_list")}"' in page.content.decode()


def test_every_checked_entry_is_in_the_menu_and_others_are_shown_to_all(world):
    names = {name for _label, name in NAVIGATION}
    assert set(NAVIGATION_CHECKS) <= names
    shown = entry_check(world.viewer_a)
    assert not shown(IMPORT)
    assert all(shown(name) for name in names - set(NAVIGATION_CHECKS))
    assert not entry_check(None)(IMPORT)
    assert any(isinstance(target, tuple) for _label, target in NAVIGATION_MENU)
