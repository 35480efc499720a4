"""An activity's page links to its parts' own lists (filters, Excel export) for that activity: the page shows one
page of participants; the list and its export carry them all, and nothing of another training."""

from __future__ import annotations

import io

import pytest
import python_calamine
from django.urls import reverse

from tests.activities.activities_crud_factories import make_participant, make_training
from tretho.core.testing.suites import login

pytestmark = pytest.mark.django_db


def test_training_page_links_to_its_participants_list_and_export(client, world):
    training = make_training(world.commune_a1a, title="Tập huấn bảo mẫu xã A")
    other = make_training(world.commune_a1a, title="Tập huấn khác")
    make_participant(training, full_name="Nguyễn Thị Mơ")
    make_participant(other, full_name="Trần Thị Khác")
    login(client, world.manager_a)

    page = client.get(training.get_absolute_url()).content.decode()
    url = f"{reverse('activities:trainingparticipant_list')}?training={training.pk}"
    assert f'href="{url}"' in page.replace("&amp;", "&")

    listed = client.get(url).content.decode()
    assert "Nguyễn Thị Mơ" in listed and "Trần Thị Khác" not in listed
    exported = client.post(reverse("activities:trainingparticipant_export"), {"training": training.pk})
    assert exported.status_code == 200
    sheet = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(exported.content)).get_sheet_by_index(0)
    text = " ".join(str(cell) for row in sheet.to_python() for cell in row)
    assert "Nguyễn Thị Mơ" in text and "Trần Thị Khác" not in text
