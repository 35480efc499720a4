"""Review of the activities' metrics (R1): a participant whose sex is not recorded (carried over from the registry's
old "trained" flags, TrainingParticipant.sex blank) counts in the total and in their category — the categories
still add up to the total — and in no sex; staff trained follows the registry's rule (registry.selectors)."""

from __future__ import annotations

import datetime as dt

import pytest

from tretho.activities.choices import AudienceCategory as Cat
from tretho.activities.choices import Sex
from tretho.activities.models import Training, TrainingParticipant
from tretho.metrics import registry

pytestmark = pytest.mark.django_db


def test_participants_of_unknown_sex_count_in_their_category(world):
    made = Training.objects.create(unit=world.commune_a1a, title="Tập huấn bảo mẫu", start_date=dt.date(2024, 3, 1))
    for sex in ("", "", Sex.FEMALE, Sex.MALE):
        TrainingParticipant.objects.create(training=made, full_name="Lê Thị Hoa", category=Cat.CAREGIVERS, sex=sex)
    people = registry.compute("so_luot_nguoi_duoc_tap_huan", world.district_a1.path, dt.date(2024, 1, 1),
                              dt.date(2024, 12, 31))
    assert people[""] == 4
    assert people[f"doi_tuong={Cat.CAREGIVERS}"] == 4
    assert sum(people[f"doi_tuong={category}"] for category in Cat.values) == people[""]
    assert (people["gioi_tinh=nu"], people["gioi_tinh=nam"]) == (1, 1)
    assert people[f"doi_tuong={Cat.CAREGIVERS};gioi_tinh=nu"] == 1
