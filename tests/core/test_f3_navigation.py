"""The top bar: the task board is called what the menu calls it; the language switch is compact (the code
shown, the name in the option's title) and the user menu is headed by the user's name."""

from __future__ import annotations

import re

from django.urls import reverse
from django.utils.translation import get_language_info

from tretho.core.context_processors import NAVIGATION
from tretho.core.testing.suites import login


def test_task_board_heading_is_the_menu_label(client, world):
    label = {url_name: str(text) for text, url_name in NAVIGATION}["programmes:task_board"]
    assert label == "Nhiệm vụ theo cơ quan"
    login(client, world.manager_a)
    html = client.get(reverse("programmes:task_board")).content.decode()
    assert re.search(r"<h1>\s*Nhiệm vụ theo cơ quan\s*</h1>", html)
    assert "Việc theo cơ quan" not in html


def test_language_switch_shows_codes_and_user_menu_names_the_user(client, world):
    login(client, world.manager_a)
    html = client.get(reverse("core:home")).content.decode()
    select = re.search(r'<select name="language".*?</select>', html, re.S).group(0)
    vietnamese = get_language_info("vi")["name_local"]  # each language named in its own language
    assert f'<option value="vi" title="{vietnamese}" selected>VI</option>' in select
    assert '<option value="en" title="English">EN</option>' in select
    assert f'<h6 class="dropdown-header user-name-header">{world.manager_a}</h6>' in html
    assert "navbar-expand-xl" in html
