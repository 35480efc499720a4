"""Personal data over every registered model: no mass assignment through forms or the API, record pages kept
out of caches and their opening logged, no names or phones in str(), links, logs or error reports."""

from __future__ import annotations

import datetime as dt
import logging
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote, unquote

import pytest
from django import forms
from django.core import mail
from django.db import connection, models
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import path, reverse
from model_suites import login, registration_params, suite_for

from config import urls as site_urls
from tretho.audit.logging import PersonalDataLogFilter
from tretho.audit.models import RecordAccess
from tretho.core.testing.world import PLACES

INJECTED_TEXT = "INJECTED-VALUE"
INJECTED_DAY = dt.date(2001, 1, 1)
# Fields no form or serializer may take from a request, whatever it declares.
BOOKKEEPING = ("id", "created_by", "created_at", "updated_at", "version")
HISTORY_FIELDS = ("history_id", "history_user", "history_date", "history_type", "history_change_reason")
DERIVED = {"updated_at", "version", "search_key", "sort_key"}  # recomputed by every save


def personal_params(page: str | None = None) -> list[Any]:
    return [param for param in registration_params(page) if getattr(param.values[0].model, "personal_fields", ())]


def personal_values(obj: models.Model) -> list[str]:
    return [str(getattr(obj, name)) for name in obj.personal_fields if getattr(obj, name)]  # type: ignore[attr-defined]


def injected_value(field: models.Field, world: Any, for_api: bool = False) -> Any:
    """A value a forged request could send for field: another user, a day long ago, a recognisable text."""
    if field.is_relation:
        return world.superuser.pk if field.related_model is type(world.superuser) else 999_999
    if isinstance(field, models.DateTimeField):
        return "2001-01-01T00:00:00Z" if for_api else "01/01/2001 00:00:00"
    if isinstance(field, models.DateField):
        return "2001-01-01" if for_api else "01/01/2001"
    if isinstance(field, models.BooleanField):
        return True if for_api else "on"
    if isinstance(field, models.IntegerField | models.AutoField | models.BigAutoField | models.DecimalField):
        return 999_999
    return INJECTED_TEXT


def forged(model: type[models.Model], declared: set[str], world: Any, for_api: bool = False) -> dict[str, Any]:
    """Every concrete field the form or serializer does not declare, plus history fields and `id`."""
    data: dict[str, Any] = dict.fromkeys(HISTORY_FIELDS, INJECTED_TEXT)
    for field in model._meta.concrete_fields:
        if field.name not in declared and field.name != "version":  # version is the concurrency token
            data[field.name] = injected_value(field, world, for_api)
    return data


def looks_injected(obj: models.Model, field: models.Field, world: Any) -> bool:
    value = getattr(obj, field.attname)
    if field.is_relation:
        return value in (999_999, world.superuser.pk) and field.name in ("created_by",)
    if isinstance(value, dt.datetime):
        return value.date() == INJECTED_DAY
    if isinstance(value, dt.date):
        return value == INJECTED_DAY
    if isinstance(value, int) and not isinstance(value, bool):
        return value == 999_999
    return value == INJECTED_TEXT


def assert_untouched(before: models.Model, after: models.Model, declared: set[str], world: Any) -> None:
    for field in type(after)._meta.concrete_fields:
        if field.name in declared:
            continue
        assert not looks_injected(after, field, world), f"{field.name} was taken from the request"
        if field.name not in DERIVED and field.name in BOOKKEEPING:
            assert getattr(after, field.attname) == getattr(before, field.attname), f"{field.name} changed"


# -- mass assignment -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("registration", registration_params("edit"))
def test_edit_form_takes_no_undeclared_field_from_the_request(client, world, registration):
    """Posting owner, history and bookkeeping fields the form does not declare changes none of them."""
    suite = suite_for(registration.model)
    obj = suite.make(world, world.place("A1a"))
    login(client, suite.actor(world, "editor"))
    page = client.get(suite.url("edit", obj.pk))
    declared = set(page.context["form"].fields)
    data = suite.edit_page_data(client, obj) | forged(registration.model, declared, world)
    response = client.post(suite.url("edit", obj.pk), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    after = suite.reload(obj)
    assert_untouched(obj, after, declared, world)
    assert after.version == obj.version + 1


@pytest.mark.parametrize("registration", registration_params("edit"))
def test_edit_form_refuses_a_forged_version(client, world, registration):
    """The version is the concurrency token: one the record does not have saves nothing."""
    suite = suite_for(registration.model)
    obj = suite.make(world, world.place("A1a"))
    login(client, suite.actor(world, "editor"))
    data = suite.edit_page_data(client, obj) | suite.edit_changes(world, obj) | {"version": obj.version + 40}
    response = client.post(suite.url("edit", obj.pk), data)
    assert response.status_code == 400
    assert suite.reload(obj).version == obj.version


@pytest.mark.parametrize("registration", registration_params("add"))
def test_add_form_takes_no_undeclared_field_from_the_request(client, world, registration):
    suite = suite_for(registration.model)
    creator = login(client, suite.actor(world, "creator"))
    declared = set(client.get(suite.url("add")).context["form"].fields)
    before = set(suite.manager.values_list("pk", flat=True))
    data = suite.form_data(world, world.place("A1a"))
    response = client.post(suite.url("add"), forged(registration.model, declared | set(data), world) | data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    (created,) = suite.manager.exclude(pk__in=before)
    assert created.pk != 999_999
    for field in registration.model._meta.concrete_fields:
        if field.name not in declared | set(data):
            assert not looks_injected(created, field, world), f"{field.name} was taken from the request"
    if hasattr(created, "created_by_id"):
        assert created.created_by_id == creator.pk


def api_route(model: type[models.Model]) -> tuple[str, Any] | None:
    from tretho.api.urls import router

    for _prefix, viewset, basename in router.registry:
        queryset = getattr(viewset, "queryset", None)
        if queryset is not None and queryset.model is model:
            return basename, viewset
    return None


@pytest.mark.parametrize("registration", registration_params())
def test_api_update_keeps_read_only_and_undeclared_fields(api_client, world, registration):
    route = api_route(registration.model)
    if route is None or "patch" not in route[1].http_method_names or not hasattr(route[1], "partial_update"):
        pytest.skip("the API does not update these records")
    basename, viewset = route
    suite = suite_for(registration.model)
    obj = suite.make(world, world.place("A1a"))
    editor = suite.actor(world, "editor")
    api_client.force_authenticate(editor)
    url = reverse(f"api:{basename}-detail", args=[obj.pk])
    serializer = viewset.serializer_class(context={"request": SimpleNamespace(user=editor)})
    writable = {name for name, field in serializer.fields.items() if not field.read_only}
    payload = forged(registration.model, writable, world, for_api=True)
    response = api_client.patch(url, payload, format="json")
    assert response.status_code < 500, response.content
    after = suite.reload(obj)
    assert_untouched(obj, after, writable, world)
    read_only = {name for name, field in serializer.fields.items() if field.read_only} - DERIVED
    for name in read_only:
        field = next((f for f in registration.model._meta.concrete_fields if f.name == name), None)
        if field is not None:
            assert getattr(after, field.attname) == getattr(obj, field.attname), f"read-only {name} changed"


# -- what a record's str() and a list's links carry ------------------------------------------------------------

@pytest.mark.parametrize("registration", personal_params())
def test_records_str_names_no_person_where_viewers_see_it(world, registration):
    """Titles, breadcrumbs and messages print str(record): for models viewers may read, it holds no personal
    value (models only administrators read — users — may name the person)."""
    suite = suite_for(registration.model)
    if not suite.visible("viewer_a"):
        pytest.skip("viewers do not read these records")
    obj = suite.make(world, world.place("A1a"))
    values = personal_values(obj)
    assert values, "the suite's make() should fill the personal fields"
    assert not [value for value in values if value in str(obj) or value in repr(obj)]


@pytest.mark.parametrize("registration", personal_params("list"))
def test_list_links_carry_no_personal_values(client, world, registration):
    """No link or form target on a list of personal records echoes a name or phone, even for the roles that
    see them in the table, and a search keeps them out of every link but the page's own address."""
    suite = suite_for(registration.model)
    objs = [suite.make(world, world.place(label)) for label in PLACES]
    values = [value for obj in objs for value in personal_values(obj)]
    login(client, suite.actor(world, "reader"))
    for query in ({}, {"sort": registration.model.personal_fields[0]}):
        html = client.get(suite.url("list"), query).content.decode()
        targets = [unquote(part.split('"', 1)[0]) for part in html.split('href="')[1:] + html.split('action="')[1:]]
        targets = [target for target in targets if not target.startswith(("mailto:", "tel:"))]  # contact links
        leaked = [(value, target) for value in values for target in targets if value in target]
        assert not leaked, leaked


# -- record pages: no cache, every opening logged --------------------------------------------------------------

def record_access_inserts(queries: Any) -> int:
    return sum(1 for query in queries if query["sql"].lstrip().upper().startswith("INSERT")
               and RecordAccess._meta.db_table in query["sql"])


@pytest.mark.parametrize("registration", personal_params("detail"))
def test_record_pages_are_not_cached_and_each_opening_is_logged(client, world, registration):
    suite = suite_for(registration.model)
    obj = suite.make(world, world.place("A1a"))
    reader = login(client, suite.actor(world, "reader"))
    pages = [page for page in ("detail", "edit", "history") if page in registration.pages]
    for page in pages:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(suite.url(page, obj.pk), REMOTE_ADDR="10.1.2.3")
        if page == "edit" and response.status_code == 404:
            continue  # the reader may not edit: the page does not exist for them
        assert response.status_code == 200, page
        assert response["Cache-Control"] == "no-store", page
        assert record_access_inserts(queries.captured_queries) == 1, f"{page}: one insert per opening"
        access = RecordAccess.objects.latest("id")
        assert (access.user, access.action, access.object_id, access.ip_address, access.path) == (
            reader, "view", str(obj.pk), "10.1.2.3", suite.url(page, obj.pk))
        assert access.content_type.model_class() is registration.model


@pytest.mark.parametrize("registration", personal_params("edit"))
def test_a_change_through_the_edit_page_is_logged(client, world, registration):
    suite = suite_for(registration.model)
    obj = suite.make(world, world.place("A1a"))
    editor = login(client, suite.actor(world, "editor"))
    data = suite.edit_page_data(client, obj) | suite.edit_changes(world, obj)
    response = client.post(suite.url("edit", obj.pk), data)
    assert response.status_code == 302
    access = RecordAccess.objects.latest("id")
    assert (access.user, access.action, access.object_id) == (editor, "change", str(obj.pk))


def test_records_without_personal_data_are_not_logged(client, world):
    from tretho.orgs.models import Agency

    agency = Agency.objects.create(name="Hội Nông dân xã", kind="other", unit=world.commune_a1a)
    login(client, world.officer_a1a)
    response = client.get(reverse("orgs:agency_detail", args=[agency.pk]))
    assert response.status_code == 200
    assert not RecordAccess.objects.exists()
    assert response.get("Cache-Control") != "no-store"


# -- logs and error reports ------------------------------------------------------------------------------------

PERSON = "Nguyễn Thị Bích Hạnh"
PHONE = "0912 345 678"


def failing_view(request: Any, pk: int) -> HttpResponse:
    """Reads a record with personal data, then fails the way real code does: naming the record it handled."""
    from tretho.orgs.models import Membership

    membership = Membership.objects.get(pk=pk)
    person_name, position = membership.person_name, request.POST.get("position")  # noqa: F841  # frame locals
    raise RuntimeError(f"could not process {membership!r}")


# The site's URLs plus the failing view (the error page draws the site's navigation).
urlpatterns = [path("boom/<int:pk>/", failing_view, name="boom"), *site_urls.urlpatterns]
handler500 = site_urls.handler500


@pytest.fixture
def membership(world):
    from tretho.orgs.models import Agency, Membership, SteeringCommittee

    agency = Agency.objects.create(name="Hội LHPN xã", kind="other", unit=world.commune_a1a)
    committee = SteeringCommittee.objects.create(name="Ban chỉ đạo xã", unit=world.commune_a1a)
    return Membership.objects.create(committee=committee, agency=agency, person_name=PERSON,
                                     position="Phó Chủ tịch", role="member")


def test_a_failing_request_leaves_no_personal_data_in_logs_or_error_reports(world, membership, settings, caplog,
                                                                           tmp_path):
    settings.ROOT_URLCONF = __name__
    settings.ADMINS = [("Quản trị", "admin@example.org")]
    log_file = tmp_path / "tretho.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    # A file handler configured like the site's console handler, printing the request too.
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s %(request)s"))
    handler.addFilter(PersonalDataLogFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    client = Client(raise_request_exception=False)
    login(client, world.officer_a1a)
    url = reverse("boom", args=[membership.pk]) + f"?q={PERSON}"
    try:
        with caplog.at_level(logging.INFO):
            response = client.post(url, {"person_name": PERSON, "phone": PHONE, "position": PHONE})
    finally:
        logger.removeHandler(handler)
        handler.close()
    assert response.status_code == 500
    assert PERSON not in response.request["PATH_INFO"]
    logged = caplog.text + log_file.read_text(encoding="utf-8")
    assert "Internal Server Error" in logged, "the failure itself is logged"
    assert reverse("boom", args=[membership.pk]) in logged
    for value in (PERSON, PHONE, "Bích Hạnh", "0912", quote(PERSON), "?q="):
        assert value not in logged
    # The e-mail Django sends ADMINS on a 500: path, exception and stack, no posted, query or local values.
    (report,) = mail.outbox
    body = report.body + "".join(str(content) for content, _type in getattr(report, "alternatives", []))
    assert "could not process" in body and "failing_view" in body
    for value in (PERSON, PHONE, "Bích Hạnh", "0912", world.officer_a1a.full_name or PERSON):
        assert value not in body, value


def test_every_log_handler_of_the_site_filters_requests():
    """The deployed settings (the test settings keep Django's defaults quiet) filter every handler."""
    from config.settings import base

    handlers = base.LOGGING["handlers"]
    assert handlers and all("no_personal_data" in handler.get("filters", ()) for handler in handlers.values())
    assert base.DEFAULT_EXCEPTION_REPORTER_FILTER == "tretho.audit.reporting.PersonalDataReporterFilter"


def test_form_errors_render_but_are_not_logged(client, world, membership, caplog):
    """A refused form (400) re-renders the posted values to its author only: the log line names the path."""
    login(client, world.manager_a)
    url = reverse("orgs:membership_edit", args=[membership.pk])
    with caplog.at_level(logging.INFO):
        response = client.post(url, {"person_name": PERSON, "phone": PHONE, "committee": ""})
    assert response.status_code == 400
    assert response["Cache-Control"] == "no-store"
    assert PERSON not in caplog.text and PHONE not in caplog.text


def test_the_form_widgets_used_here_are_plain(world):
    """forged() posts dates dd/mm/yyyy: the forms parse dates that way (a check on this test's own inputs)."""
    field = forms.DateField(input_formats=["%d/%m/%Y"])
    assert field.clean("01/01/2001") == INJECTED_DAY
