"""The version is claimed by compare-and-set in one UPDATE: of two writers racing on the same version exactly one
wins, even when both read the record before either wrote (PostgreSQL, two real connections)."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, transaction

from tretho.core.api import parse_if_match
from tretho.core.integrity import claim_version, stale_message_lines
from tretho.core.testing.world import build_world
from tretho.geo.models import IndustrialZone


def test_if_match_forms() -> None:
    assert parse_if_match('W/"7"') == 7
    assert parse_if_match('"7"') == 7
    assert parse_if_match("7") == 7
    assert parse_if_match("*") is None
    assert parse_if_match('W/"bảy"') == -1  # matches no version


def test_stale_message_names_the_field_the_other_person_changed(db) -> None:
    world = build_world()
    zone = IndustrialZone.objects.create(name="KCN Hố Nai", unit=world.commune_a1a)
    zone._history_user = world.officer_a1a  # type: ignore[attr-defined]
    assert claim_version(IndustrialZone, zone.pk, 1)
    zone.version, zone.address = 2, "Đường 1A"
    zone.save()
    lines = stale_message_lines(IndustrialZone, zone.pk, 1, world.manager_a)
    text = "\n".join(lines)
    assert "Địa chỉ: «» → «Đường 1A»" in text
    assert str(world.officer_a1a) in text
    assert not claim_version(IndustrialZone, zone.pk, 1)  # the old version can no longer be claimed


@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.django_db(transaction=True)
def test_of_two_racing_writers_exactly_one_claims_the_version() -> None:
    world = build_world()
    zone = IndustrialZone.objects.create(name="KCN Amata", unit=world.commune_a1a)
    results: dict[str, bool] = {}
    first_claimed, release = threading.Event(), threading.Event()

    def first() -> None:
        try:
            with transaction.atomic():
                results["first"] = claim_version(IndustrialZone, zone.pk, 1)
                first_claimed.set()
                release.wait(5)  # holds the row until the main thread lets go
        finally:
            connection.close()

    def second() -> None:
        try:
            first_claimed.wait(5)
            with transaction.atomic():
                results["second"] = claim_version(IndustrialZone, zone.pk, 1)  # waits for first's row lock
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    first_claimed.wait(5)
    time.sleep(0.3)
    assert threads[1].is_alive(), "the second writer should wait for the first one's row lock"
    release.set()
    for thread in threads:
        thread.join(10)
    assert results == {"first": True, "second": False}
    zone.refresh_from_db()
    assert zone.version == 2
