"""Vietnamese first, English switchable: the catalogue is complete, the switch works, formats are Vietnamese."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "tretho/locale/en/LC_MESSAGES/django.po"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="Debian gettext not installed (make test installs it)")
def test_every_message_in_the_code_has_an_english_translation():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/translate_check.py")], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compiled_catalogue_is_committed_beside_the_po():
    assert CATALOGUE.exists()
    assert CATALOGUE.with_suffix(".mo").exists()


# `{{ obj.pk }}` renders 1.383 once pks pass 999, because numbers are localized with a thousand separator:
# a broken <option value> or ?user= link. Ids in templates go through `|unlocalize` (or `{% url %}`).
LOCALIZED_ID = re.compile(r"\{\{\s*(?P<expr>[\w.]*(?<!attrs)\.(?:pk|id)|[\w.]*_id)\s*\}\}")


def test_ids_in_templates_are_not_localized():
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in sorted((ROOT / "tretho").rglob("*"))
        if path.suffix in {".html", ".txt"}
        for match in LOCALIZED_ID.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, "add |unlocalize: " + "; ".join(offenders)


def test_a_large_pk_would_be_grouped_without_unlocalize():
    with translation.override("vi"):
        assert render("{{ value }}", value=1383) == "1.383"
        assert render("{% load l10n %}{{ value|unlocalize }}", value=1383) == "1383"


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


@pytest.mark.parametrize(
    ("source", "value", "expected"),
    [
        ("{{ value }}", dt.date(2020, 2, 5), "05/02/2020"),
        ("{{ value|date:'SHORT_DATE_FORMAT' }}", dt.date(2025, 7, 1), "01/07/2025"),
        ("{{ value }}", 1234.5, "1.234,5"),
        ("{{ value|floatformat:1 }}", Decimal("1234.5"), "1.234,5"),
        ("{{ value|floatformat:2 }}", 1234567.891, "1.234.567,89"),
        ("{% load humanize %}{{ value|intcomma }}", 1234567, "1.234.567"),
    ],
)
def test_vietnamese_dates_and_numbers(source, value, expected):
    with translation.override("vi"):
        assert render(source, value=value) == expected


def test_english_keeps_day_first_dates():
    with translation.override("en"):
        assert render("{{ value }}", value=dt.date(2020, 2, 5)) == "05/02/2020"
        assert render("{{ value|floatformat:1 }}", value=1234.5) == "1,234.5"


@pytest.mark.django_db
def test_login_page_is_vietnamese_by_default(client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert 'lang="vi"' in page
    assert "Đăng nhập tretho" in page
    assert "Log in to tretho" not in page


@pytest.mark.django_db
def test_switching_to_english_translates_the_login_page(client):
    login_url = reverse("accounts:login")
    response = client.post(reverse("set_language"), {"language": "en", "next": login_url})
    assert response.status_code == 302
    assert response.url == login_url

    page = client.get(login_url).content.decode()
    assert 'lang="en"' in page
    assert "Log in to tretho" in page
    assert "Forgot your password?" in page
    assert "Đăng nhập tretho" not in page

    client.post(reverse("set_language"), {"language": "vi", "next": login_url})
    assert "Đăng nhập tretho" in client.get(login_url).content.decode()
