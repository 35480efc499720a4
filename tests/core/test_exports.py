"""Every list page has its "Xuất Excel": EXPORT right (viewers have none), the user's scope, the list's filters
and columns, personal columns only for roles that need them, and a security event with filters and row count."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
import python_calamine
from django.urls import reverse
from model_suites import login, registration_params, suite_for

from tretho.accounts.choices import SecurityEventKind
from tretho.accounts.models import SecurityEvent
from tretho.core.exports import REDACTED, exported_columns, table_sheet
from tretho.core.testing.world import PLACES

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def read_sheet(content: bytes) -> list[list[Any]]:
    workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(content))
    return workbook.get_sheet_by_index(0).to_python()


def export_url(registration: Any) -> str:
    return reverse(f"{registration.app_label}:{registration.model_name}_export")


def data_rows(sheet: list[list[Any]], headers: list[str]) -> list[list[Any]]:
    """The rows under the header row (a title may come first)."""
    start = next(i for i, row in enumerate(sheet) if [str(c) for c in row[:len(headers)]] == headers)
    return [row for row in sheet[start + 1:] if any(str(cell) for cell in row)]


def sheet_row(row: list[Any]) -> tuple[str, ...]:
    return tuple(normal(cell) for cell in row)


def normal(value: Any) -> str:
    """Cells as read back: 12 comes back 12.0, an empty cell as ""."""
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.date | dt.datetime):
        value = value.strftime("%d/%m/%Y")
    return str(value)


def row_of(table: Any, user: Any) -> tuple[str, ...]:
    """The one row of table as the export writes it."""
    sheet = table_sheet(table, user, "x")
    return tuple(normal(sheet.rows[0][column.key]) if sheet.rows[0][column.key] is not None else ""
                 for column in sheet.columns)


@pytest.mark.parametrize("registration", registration_params("list"))
def test_every_list_exports_its_rows_to_excel_with_the_right_and_is_logged(client, world, registration):
    suite = suite_for(registration.model)
    places = {label: suite.make(world, world.place(label)) for label in PLACES}
    reader_key = suite.actors["reader"]
    reader = world.user(reader_key)

    # Viewers have no EXPORT right: no button, and the URL does not exist for them.
    generic_list = "list" not in registration.extra.get("views", {})  # a custom list page draws its own buttons
    login(client, world.viewer_a)
    list_page = client.get(suite.url("list"))
    assert list_page.status_code in (200, 404)
    if list_page.status_code == 200 and generic_list:
        assert list_page.context["export_url"] is None
        assert export_url(registration).encode() not in list_page.content
    assert client.post(export_url(registration)).status_code == 404
    assert client.get(export_url(registration)).status_code in (404, 405)

    login(client, reader)
    if generic_list:
        list_page = client.get(suite.url("list"))
        assert list_page.context["export_url"] == export_url(registration)
        assert export_url(registration).encode() in list_page.content
    table = registration.table(registration.model.objects.restrict(reader, "view"))
    in_list = len(table.rows)  # counted before the export (security events: the export adds one)
    response = client.post(export_url(registration))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Cache-Control"] == "no-store"

    headers = [str(column.header) for column in table.columns if column.visible]
    rows = data_rows(read_sheet(response.content), headers)
    assert len(rows) == in_list, "the export holds the rows the list shows"
    exported = {sheet_row(row) for row in rows}
    for label, obj in places.items():
        one = registration.table(registration.model._default_manager.filter(pk=obj.pk))
        expected = label in suite.visible(reader_key)
        assert (row_of(one, reader) in exported) == expected, f"{label} record in {reader_key}'s export"

    event = SecurityEvent.objects.filter(kind=SecurityEventKind.EXPORT, user=reader).latest("at")
    assert event.detail == {"model": registration.model._meta.label, "format": "xlsx", "filters": {},
                            "rows": len(rows)}


def test_export_follows_the_filters_and_logs_them_without_search_words(client, world):
    from tretho.orgs.models import Agency

    login(client, world.manager_a)
    kept = Agency.objects.create(name="Hội Liên hiệp Phụ nữ xã A", kind="other", unit=world.commune_a1a)
    Agency.objects.create(name="Đoàn Thanh niên xã A", kind="other", unit=world.commune_a1a)
    filters = {"q": "phu nu", "within": world.district_a1.pk, "kind": "other"}
    response = client.post(reverse("orgs:agency_export"), filters)
    assert response.status_code == 200
    text = " ".join(str(cell) for row in read_sheet(response.content) for cell in row)
    assert kept.name in text
    assert "Đoàn Thanh niên" not in text
    event = SecurityEvent.objects.filter(kind=SecurityEventKind.EXPORT).latest("at")
    assert event.detail["rows"] == 1
    assert event.detail["filters"] == {"q": REDACTED, "within": world.district_a1.pk, "kind": "other"}
    assert event.path == reverse("orgs:agency_export")


def test_list_page_posts_its_filters_to_the_export(client, world):
    """The button repeats the list's filters as hidden fields: the export is what the list shows."""
    login(client, world.officer_a1a)
    html = client.get(reverse("orgs:agency_list"), {"q": "phu nu", "page": "2"}).content.decode()
    assert f'action="{reverse("orgs:agency_export")}"' in html
    assert '<input type="hidden" name="q" value="phu nu">' in html
    assert 'name="page"' not in html.split(reverse("orgs:agency_export"))[1].split("</form>")[0]


def test_personal_columns_are_left_out_for_roles_without_the_need(world):
    from tretho.orgs.models import Membership
    from tretho.orgs.tables import MembershipTable

    table = MembershipTable(Membership.objects.none())
    without = SimpleNamespace(can_view_personal_data=lambda: False)
    with_need = SimpleNamespace(can_view_personal_data=lambda: True)
    assert "person_name" not in [name for name, _header in exported_columns(table, without)]
    assert "person_name" in [name for name, _header in exported_columns(table, with_need)]
    assert "person_name" not in [c.key for c in table_sheet(table, without, "Thành viên").columns]
