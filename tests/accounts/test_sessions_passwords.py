"""Password policy per ASVS 5.0: at least 12 characters, up to 128 allowed (longer refused), common passwords
refused, no composition rules."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import CommonPasswordValidator, validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from tretho.core.testing.suites import login


def codes(password, user=None):
    try:
        validate_password(password, user)
    except ValidationError as error:
        return {e.code for e in error.error_list}
    return set()


def test_length_from_12_to_128():
    assert codes("a" * 5 + "bcdefg") == {"password_too_short"}  # 11
    assert codes("xe đạp lên dốc") == set()  # 14, spaces and accents welcome
    assert codes("đ" * 128) == set()
    assert codes("đ" * 129) == {"password_too_long"}


@pytest.mark.parametrize("password", ["tatcachulathuong", "ALLCAPITALSHERE", "1234509876123"])
def test_no_composition_rules(password):
    assert codes(password) == set()


def test_common_passwords_are_refused():
    common = next(word for word in sorted(CommonPasswordValidator().passwords) if len(word) >= 12)
    assert codes(common) == {"password_too_common"}


def test_password_change_page_refuses_a_129_character_password(client, world):
    login(client, world.officer_a1a)
    too_long = "mật khẩu rất dài " * 8  # 136
    response = client.post(reverse("accounts:password_change"), {
        "old_password": world.password, "new_password1": too_long, "new_password2": too_long})
    assert response.status_code == 200
    assert "128" in str(response.context["form"].errors)
