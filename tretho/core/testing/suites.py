"""Shared test suites ("tests as declarations"): a model's test class supplies a factory and form data, the
suites supply the tests every registered model must pass.

    class TestIndustrialZone(ModelSuite):
        model = IndustrialZone

        def make(self, world, unit):
            return IndustrialZone.objects.create(name=unique("KCN"), unit=unit)

        def form_data(self, world, unit):
            return {"name": unique("KCN"), "kind": "kcn", "unit": unit.pk}

        def api_data(self, world, unit):           # optional: no API create test without it
            return self.form_data(world, unit)

Every test runs in a fresh scope world (`world.py`) with one record in each of the communes A1a, A1b and B1
(`places`). Who may see or change which of them is the table `scope_matrix`; the list, detail, API and matrix
tests all check against it. Pages the registration lists in `without` are skipped.

The mixins map to pages (PAGE_SUITES) so the meta-test can check that every generated URL is exercised.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any, ClassVar

import pytest
from django import forms
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats
from django.utils.html import escape
from django.utils.text import capfirst

from tretho.core.forms import STALE_MESSAGE
from tretho.core.integrity import claim_version
from tretho.core.registry import ModelRegistration, get_registration
from tretho.core.scoping import ACTIONS, CHANGE, DELETE, VIEW, path_of, user_can

from .world import PLACES, WORLD_USERS, World, build_world

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"

_numbers = itertools.count(1)


def unique(prefix: str) -> str:
    """A value no other record of the test has: "KCN 0007"."""
    return f"{prefix} {next(_numbers):04d}"


def login(client: Any, user: Any) -> Any:
    """Sign user in on a django.test.Client (the first backend, django-axes, cannot load users)."""
    client.force_login(user, backend=MODEL_BACKEND)
    return user


def scope_table(text: str) -> dict[str, dict[str, frozenset[str]]]:
    """Parse a scope matrix: a header of actions, then one row per world user; cells are comma-separated place
    labels, "-" for none."""
    rows = [line.split() for line in text.strip().splitlines() if line.strip() and not line.lstrip().startswith("#")]
    header, *body = rows
    actions = header[1:]
    unknown = set(actions) - set(ACTIONS)
    assert not unknown, f"unknown actions in scope table: {unknown}"
    table = {
        user: {action: frozenset() if cell == "-" else frozenset(cell.split(",")) for action, cell in
               zip(actions, cells, strict=True)}
        for user, *cells in body
    }
    assert set(table) == set(WORLD_USERS), f"scope table must list exactly {WORLD_USERS}"
    return table


# Models any role may work with, inside its units' subtrees (DESIGN.md "Security model").
STANDARD_MATRIX = scope_table("""
    user          view          change        delete
    admin_a       A1a,A1b       A1a,A1b       A1a,A1b
    manager_a     A1a,A1b       A1a,A1b       A1a,A1b
    officer_a1a   A1a           A1a           -
    approver_a1   A1a,A1b       -             -
    viewer_a      A1a,A1b       -             -
    officer_b1    B1            B1            -
    nobody        -             -             -
    superuser     A1a,A1b,B1    A1a,A1b,B1    A1a,A1b,B1
""")

# Models only administrators handle (users, role assignments, security events).
ADMIN_ONLY_MATRIX = scope_table("""
    user          view          change        delete
    admin_a       A1a,A1b       A1a,A1b       A1a,A1b
    manager_a     -             -             -
    officer_a1a   -             -             -
    approver_a1   -             -             -
    viewer_a      -             -             -
    officer_b1    -             -             -
    nobody        -             -             -
    superuser     A1a,A1b,B1    A1a,A1b,B1    A1a,A1b,B1
""")

# Which world user plays which part in the page tests.
STANDARD_ACTORS = {
    "reader": "officer_a1a",  # lists and opens records
    "creator": "officer_a1a",  # adds a record for A1a
    "editor": "officer_a1a",  # edits the A1a record
    "deleter": "manager_a",  # deletes the A1a record
    "admin": "admin_a",  # sees deleted records and restores them
    "outsider": "viewer_a",  # sees A1a but may not add
}
ADMIN_ONLY_ACTORS = dict.fromkeys(("reader", "creator", "editor", "deleter", "admin"), "admin_a") | {
    "outsider": "manager_a",
}


# -- helpers ---------------------------------------------------------------------------------------------------

def form_post_data(form: forms.BaseForm) -> dict[str, Any]:
    """What a browser would post back for an unchanged form (its initial values, as strings)."""
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field, forms.BooleanField):
            if value:
                data[name] = "on"
        elif value is None:
            data[name] = ""
        elif isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        elif isinstance(value, dt.datetime):
            data[name] = value.strftime("%d/%m/%Y %H:%M:%S")
        elif isinstance(value, dt.date):
            data[name] = value.strftime("%d/%m/%Y")
        elif field.localize:
            data[name] = formats.localize_input(value)  # 10,951 as the page shows it, not 10.951
        else:
            data[name] = str(value)
    return data


def form_errors(response: Any) -> Any:
    """The form errors of a response, for assertion messages."""
    context = getattr(response, "context", None)
    form = context.get("form") if context else None
    return form.errors if form is not None else response.content[:2000]


def display(obj: models.Model, name: str) -> str:
    """A field's value the way pages show it: choice labels, related objects by name."""
    field = obj._meta.get_field(name)
    if getattr(field, "choices", None):
        return str(getattr(obj, f"get_{name}_display")())
    value = getattr(obj, name)
    return "" if value is None else str(value)


def api_route(model: type[models.Model]) -> tuple[str, type] | None:
    """(basename, viewset) of the API route serving model, from the router of tretho.api."""
    from tretho.api.urls import router

    for _prefix, viewset, basename in router.registry:
        queryset = getattr(viewset, "queryset", None)
        if queryset is not None and queryset.model is model:
            return basename, viewset
    return None


def api_rows(response: Any) -> list[dict[str, Any]]:
    payload = response.json()
    return payload["results"] if isinstance(payload, dict) and "results" in payload else payload


# -- the suites ------------------------------------------------------------------------------------------------

SUITES: list[type] = []


class SuiteBase:
    """What every suite needs: the model's declarations, the world, one record in each place."""

    model: ClassVar[type[models.Model] | None] = None
    scope_matrix: ClassVar[dict[str, dict[str, frozenset[str]]]] = STANDARD_MATRIX
    actors: ClassVar[dict[str, str]] = STANDARD_ACTORS

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("model") is not None:
            SUITES.append(cls)

    # -- what a model's test supplies --------------------------------------------------------------------------
    def make(self, world: World, unit: Any) -> models.Model:
        """Create and return an instance owned by unit."""
        raise NotImplementedError

    def form_data(self, world: World, unit: Any) -> dict[str, Any]:
        """Valid POST data for the add form, creating a record owned by unit."""
        raise NotImplementedError

    def api_data(self, world: World, unit: Any) -> dict[str, Any] | None:
        """Valid JSON for an API create owned by unit; None when the API does not create."""
        return None

    def edit_changes(self, world: World, obj: models.Model) -> dict[str, Any]:
        """Form values that change obj (each call a different value). The default renames it."""
        return {"name": unique(capfirst(str(self.model._meta.verbose_name)))}

    def list_text(self, obj: models.Model) -> str:
        """Text the list page shows for obj (unique among the records of a test)."""
        return str(obj)

    def detail_text(self, obj: models.Model) -> str:
        return str(obj)

    def add_lands_on(self, obj: models.Model) -> str:
        """Where the add form sends its author after saving obj."""
        return self.url("detail", obj.pk)

    # -- fixtures ----------------------------------------------------------------------------------------------
    @pytest.fixture
    def world(self, db: Any) -> World:
        return build_world()

    @pytest.fixture
    def places(self, world: World) -> dict[str, models.Model]:
        return {label: self.make(world, world.place(label)) for label in PLACES}

    @pytest.fixture
    def api_client(self) -> Any:
        from rest_framework.test import APIClient

        return APIClient()

    # -- helpers -----------------------------------------------------------------------------------------------
    @property
    def registration(self) -> ModelRegistration:
        return get_registration(self.model)

    @property
    def manager(self) -> models.Manager:
        return self.model._default_manager  # type: ignore[union-attr]

    @property
    def owner_field(self) -> str:
        return self.model.scope_path_field.split("__")[0]  # type: ignore[union-attr]

    def require(self, *pages: str) -> None:
        missing = [page for page in pages if page not in self.registration.pages]
        if missing:
            pytest.skip(f"{self.model.__name__} has no {', '.join(missing)} page")  # type: ignore[union-attr]

    def url(self, page: str, *args: Any) -> str:
        return reverse(self.registration.url_name(page), args=args)

    def actor(self, world: World, part: str) -> Any:
        return world.user(self.actors[part])

    def visible(self, user_key: str, action: str = VIEW) -> frozenset[str]:
        return self.scope_matrix[user_key][action]

    def reload(self, obj: models.Model) -> models.Model:
        return self.manager.get(pk=obj.pk)

    def has_field(self, name: str) -> bool:
        return any(f.name == name for f in self.model._meta.get_fields())  # type: ignore[union-attr]

    def second_editor(self) -> str:
        """Another world user who may change the A1a record (the editor's colleague), for concurrency tests."""
        editor = self.actors["editor"]
        return next(key for key in sorted(self.scope_matrix, key=lambda key: key == "superuser")
                    if key != editor and "A1a" in self.visible(key, CHANGE))

    def edit_page_data(self, client: Any, obj: models.Model) -> dict[str, Any]:
        response = client.get(self.url("edit", obj.pk))
        assert response.status_code == 200, response.status_code
        return form_post_data(response.context["form"])


class ListSuite(SuiteBase):
    def test_list_shows_rows_in_scope_only(self, client: Any, world: World, places: dict) -> None:
        self.require("list")
        reader = self.actors["reader"]
        login(client, world.user(reader))
        response = client.get(self.url("list"))
        assert response.status_code == 200
        html = response.content.decode()
        for label, obj in places.items():
            shown = escape(self.list_text(obj)) in html
            assert shown == (label in self.visible(reader)), f"{reader} list, record in {label}: shown={shown}"

    def test_list_query_count_does_not_grow_with_rows(self, client: Any, world: World, places: dict) -> None:
        self.require("list")
        login(client, self.actor(world, "reader"))
        url = self.url("list")
        client.get(url)
        with CaptureQueriesContext(connection) as few:
            assert client.get(url).status_code == 200
        for _ in range(3):
            self.make(world, world.commune_a1a)
        with CaptureQueriesContext(connection) as many:
            assert client.get(url).status_code == 200
        assert len(many) == len(few), "\n".join(q["sql"] for q in many.captured_queries)

    def test_list_needs_login(self, client: Any, world: World) -> None:
        self.require("list")
        response = client.get(self.url("list"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


class DetailSuite(SuiteBase):
    def test_detail_in_and_out_of_scope(self, client: Any, world: World, places: dict) -> None:
        self.require("detail")
        reader = self.actors["reader"]
        login(client, world.user(reader))
        for label, obj in places.items():
            response = client.get(self.url("detail", obj.pk))
            if label in self.visible(reader):
                assert response.status_code == 200, f"{reader} opens record in {label}"
                assert escape(self.detail_text(obj)) in response.content.decode()
            else:
                assert response.status_code == 404, f"{reader} opens record in {label}: {response.status_code}"

    def test_detail_missing_is_404(self, client: Any, world: World, places: dict) -> None:
        self.require("detail")
        login(client, world.superuser)
        missing = (self.manager.aggregate(top=models.Max("pk"))["top"] or 0) + 1000
        assert client.get(self.url("detail", missing)).status_code == 404

    def test_detail_without_assignment_is_404(self, client: Any, world: World, places: dict) -> None:
        self.require("detail")
        login(client, world.nobody)
        for obj in places.values():
            assert client.get(self.url("detail", obj.pk)).status_code == 404


    def test_detail_masks_personal_fields_for_viewers(self, client: Any, world: World, places: dict) -> None:
        self.require("detail")
        personal = set(getattr(self.model, "personal_fields", ()))
        if not personal or "A1a" not in self.visible("viewer_a"):
            pytest.skip(f"{self.model.__name__} shows no personal fields to viewers")  # type: ignore[union-attr]
        obj = places["A1a"]
        labels = {str(obj._meta.get_field(name).verbose_name) for name in personal}
        for user, masked in ((world.viewer_a, True), (self.actor(world, "reader"), False)):
            login(client, user)
            fields = client.get(self.url("detail", obj.pk)).context["fields"]
            rows = {str(label): value for label, value in fields}
            assert labels & set(rows), "the detail page lists no personal field"
            shown = {label for label in labels if label in rows and rows[label] != "•••"}
            assert shown == (set() if masked else labels & set(rows)), f"{user}: personal fields shown {shown}"


    def test_personal_data_stays_off_the_pages_of_viewers(self, client: Any, world: World, places: dict) -> None:
        """Names and phones appear nowhere on the list, detail or history pages a viewer opens (titles,
        breadcrumbs and table columns included), while roles that need them see them."""
        personal = list(getattr(self.model, "personal_fields", ()))
        if not personal or "A1a" not in self.visible("viewer_a"):
            pytest.skip(f"{self.model.__name__} shows no personal fields to viewers")  # type: ignore[union-attr]
        obj = places["A1a"]
        values = [escape(str(getattr(obj, name))) for name in personal if getattr(obj, name)]
        assert values, "make() should fill the personal fields"
        pages = [self.url(page, *([obj.pk] if page != "list" else [])) for page in ("list", "detail", "history")
                 if page in self.registration.pages]
        login(client, world.viewer_a)
        for url in pages:
            html = client.get(url).content.decode()
            assert not [value for value in values if value in html], f"personal data on {url} for a viewer"
        login(client, self.actor(world, "reader"))
        html = client.get(self.url("detail", obj.pk)).content.decode()
        assert all(value in html for value in values), "personal data hidden from a role that needs it"


class AddSuite(SuiteBase):
    def _add_in_a1a(self, client: Any, world: World) -> tuple[Any, Any]:
        creator = login(client, self.actor(world, "creator"))
        page = client.get(self.url("add"))
        assert page.status_code == 200
        before = set(self.manager.values_list("pk", flat=True))
        response = client.post(self.url("add"), self.form_data(world, world.commune_a1a))
        assert response.status_code == 302, form_errors(response)
        created = self.manager.exclude(pk__in=before)
        assert created.count() == 1
        return creator, response

    def test_add_in_scope(self, client: Any, world: World) -> None:
        self.require("add")
        creator, response = self._add_in_a1a(client, world)
        obj = self.manager.latest("pk")
        if self.has_field("created_by"):
            assert obj.created_by == creator
        if not getattr(self.model, "scope_through_many", False):
            assert (path_of(obj) or "").startswith(world.commune_a1a.path)
        assert response["Location"] == self.add_lands_on(obj)

    def test_add_lands_on_a_page_its_author_may_see(self, client: Any, world: World) -> None:
        self.require("add", "detail")
        _creator, response = self._add_in_a1a(client, world)
        assert client.get(response["Location"]).status_code == 200

    def test_add_for_a_unit_out_of_scope_is_refused(self, client: Any, world: World) -> None:
        self.require("add")
        login(client, self.actor(world, "creator"))
        form = client.get(self.url("add")).context["form"]
        if self.owner_field not in form.fields:
            pytest.skip(f"the add form of {self.model.__name__} has no owner field")
        before = self.manager.count()
        response = client.post(self.url("add"), self.form_data(world, world.commune_b1))
        assert response.status_code == 400
        assert self.owner_field in response.context["form"].errors
        assert self.manager.count() == before

    def test_add_is_not_found_for_roles_that_may_not_add(self, client: Any, world: World) -> None:
        self.require("add")
        login(client, self.actor(world, "outsider"))
        before = self.manager.count()
        assert client.get(self.url("add")).status_code == 404
        assert client.post(self.url("add"), self.form_data(world, world.commune_a1a)).status_code == 404
        assert self.manager.count() == before


class EditSuite(SuiteBase):
    def _assert_values(self, obj: models.Model, changes: dict[str, Any]) -> None:
        for name, value in changes.items():
            field = obj._meta.get_field(name)
            assert str(getattr(obj, field.attname)) == str(value), name

    def test_edit_changes_a_field_and_the_version(self, client: Any, world: World, places: dict) -> None:
        self.require("edit")
        obj = places["A1a"]
        login(client, self.actor(world, "editor"))
        changes = self.edit_changes(world, obj)
        response = client.post(self.url("edit", obj.pk), self.edit_page_data(client, obj) | changes)
        assert response.status_code == 302, form_errors(response)
        saved = self.reload(obj)
        self._assert_values(saved, changes)
        assert saved.version == obj.version + 1

    def test_edit_with_a_stale_version_is_refused(self, client: Any, world: World, places: dict) -> None:
        self.require("edit")
        obj = places["A1a"]
        login(client, self.actor(world, "editor"))
        opened = self.edit_page_data(client, obj)  # two people open the same version
        first = self.edit_changes(world, obj)
        assert client.post(self.url("edit", obj.pk), opened | first).status_code == 302
        second = self.edit_changes(world, self.reload(obj))
        response = client.post(self.url("edit", obj.pk), opened | second)
        assert response.status_code == 400
        assert escape(str(STALE_MESSAGE)) in response.content.decode()
        saved = self.reload(obj)
        self._assert_values(saved, first)
        assert saved.version == obj.version + 1

    def test_two_officials_save_the_same_version_the_second_is_refused(self, client: Any, world: World,
                                                                      places: dict) -> None:
        """No lost update: both open the record, the first saves, the second is told what changed (field and
        the first one's value) and nothing of theirs is saved."""
        self.require("edit")
        obj = places["A1a"]
        first_user, second_user = self.actor(world, "editor"), world.user(self.second_editor())
        first_client, second_client = client, type(client)()
        login(first_client, first_user)
        login(second_client, second_user)
        opened_first = self.edit_page_data(first_client, obj)
        opened_second = self.edit_page_data(second_client, obj)
        first = self.edit_changes(world, obj)
        response = first_client.post(self.url("edit", obj.pk), opened_first | first)
        assert response.status_code == 302, form_errors(response)
        saved = self.reload(obj)
        second = self.edit_changes(world, saved)
        response = second_client.post(self.url("edit", obj.pk), opened_second | second)
        assert response.status_code == 400
        page = response.content.decode()
        assert escape(str(STALE_MESSAGE)) in page
        for name in first:
            field = obj._meta.get_field(name)
            assert escape(capfirst(str(field.verbose_name))) in page, f"the stale message names {name}"
            if not (field.is_relation or field.choices) and name not in getattr(self.model, "personal_fields", ()):
                assert escape(str(first[name])) in page, f"the stale message shows the new {name}"
        after = self.reload(obj)
        self._assert_values(after, first)
        assert after.version == saved.version == obj.version + 1

    def test_edit_out_of_scope_is_404(self, client: Any, world: World, places: dict) -> None:
        self.require("edit")
        editor = self.actors["editor"]
        login(client, world.user(editor))
        for label, obj in places.items():
            if label in self.visible(editor, CHANGE):
                continue
            assert client.get(self.url("edit", obj.pk)).status_code == 404
            response = client.post(self.url("edit", obj.pk), self.edit_changes(world, obj))
            assert response.status_code == 404
            assert self.reload(obj).version == obj.version


class DeleteSuite(SuiteBase):
    def test_delete_in_scope(self, client: Any, world: World, places: dict) -> None:
        self.require("delete")
        obj = places["A1a"]
        login(client, self.actor(world, "deleter"))
        page = client.get(self.url("delete", obj.pk))
        assert page.status_code == 200
        assert escape(self.detail_text(obj)) in page.content.decode()
        response = client.post(self.url("delete", obj.pk))
        assert response.status_code == 302
        assert not self.manager.filter(pk=obj.pk).exists()

    def test_delete_out_of_scope_or_without_the_right_is_404(self, client: Any, world: World, places: dict) -> None:
        self.require("delete")
        for user_key in WORLD_USERS:
            login(client, world.user(user_key))
            for label, obj in places.items():
                if label in self.visible(user_key, DELETE):
                    continue
                response = client.post(self.url("delete", obj.pk))
                assert response.status_code == 404, f"{user_key} deletes record in {label}"
        assert self.manager.filter(pk__in=[o.pk for o in places.values()]).count() == len(places)


class HistorySuite(SuiteBase):
    def test_history_shows_the_creation(self, client: Any, world: World, places: dict) -> None:
        self.require("history")
        reader = self.actors["reader"]
        login(client, world.user(reader))
        for label, obj in places.items():
            response = client.get(self.url("history", obj.pk))
            if label in self.visible(reader):
                assert response.status_code == 200
                assert "Tạo mới" in response.content.decode()
            else:
                assert response.status_code == 404

    def test_history_shows_the_change_and_who_made_it(self, client: Any, world: World, places: dict) -> None:
        self.require("history", "edit")
        obj = places["A1a"]
        editor = login(client, self.actor(world, "editor"))
        changes = self.edit_changes(world, obj)
        assert client.post(self.url("edit", obj.pk), self.edit_page_data(client, obj) | changes).status_code == 302
        saved = self.reload(obj)
        html = client.get(self.url("history", obj.pk)).content.decode()
        assert escape(str(editor)) in html
        for name in changes:
            field = obj._meta.get_field(name)
            assert escape(capfirst(str(field.verbose_name))) in html, name
            old, new = display(obj, name), display(saved, name)
            assert escape(new) in html, f"new value of {name}: {new}"
            if old:
                assert f"<del>{escape(old)}</del>" in html, f"old value of {name}: {old}"


class RestoreSuite(SuiteBase):
    def _history(self, pk: Any) -> models.QuerySet:
        return self.model.history.filter(**{self.model._meta.pk.name: pk})  # type: ignore[union-attr]

    def test_admin_restores_a_deleted_record_with_its_history(self, client: Any, world: World, places: dict) -> None:
        self.require("delete", "deleted", "restore")
        obj = places["A1a"]
        kept = set(self._history(obj.pk).values_list("history_id", flat=True))
        login(client, self.actor(world, "deleter"))
        assert client.post(self.url("delete", obj.pk)).status_code == 302
        login(client, self.actor(world, "admin"))
        deleted_page = client.get(self.url("deleted"))
        assert deleted_page.status_code == 200
        assert escape(self.detail_text(obj)) in deleted_page.content.decode()
        record = self._history(obj.pk).filter(history_type="-").latest("history_date")
        response = client.post(self.url("restore", record.history_id))
        assert response.status_code == 302
        assert self.manager.filter(pk=obj.pk).exists()
        history = set(self._history(obj.pk).values_list("history_id", flat=True))
        assert kept < history
        assert len(history) == len(kept) + 2  # the deletion and the restoration

    def test_deleted_records_are_for_administrators_only(self, client: Any, world: World, places: dict) -> None:
        self.require("delete", "deleted", "restore")
        obj = places["A1a"]
        pk = obj.pk
        obj.delete()
        record = self._history(pk).filter(history_type="-").latest("history_date")
        for user_key in ("manager_a", "officer_a1a", "viewer_a", "nobody"):
            login(client, world.user(user_key))
            assert client.get(self.url("deleted")).status_code in (403, 404), user_key
            assert client.post(self.url("restore", record.history_id)).status_code in (403, 404), user_key
        assert not self.manager.filter(pk=pk).exists()

    def test_restore_out_of_scope_is_404(self, client: Any, world: World, places: dict) -> None:
        self.require("delete", "deleted", "restore")
        obj = places["B1"]
        pk = obj.pk
        obj.delete()
        record = self._history(pk).filter(history_type="-").latest("history_date")
        login(client, self.actor(world, "admin"))
        assert escape(self.detail_text(obj)) not in client.get(self.url("deleted")).content.decode()
        assert client.post(self.url("restore", record.history_id)).status_code == 404
        assert not self.manager.filter(pk=pk).exists()
        login(client, world.superuser)
        assert client.post(self.url("restore", record.history_id)).status_code == 302
        assert self.manager.filter(pk=pk).exists()


class ApiSuite(SuiteBase):
    def route(self) -> tuple[str, type]:
        found = api_route(self.model)  # type: ignore[arg-type]
        if found is None:
            pytest.skip(f"{self.model.__name__} has no API route")  # type: ignore[union-attr]
        return found

    def api_url(self, kind: str, *args: Any) -> str:
        basename, _viewset = self.route()
        return reverse(f"api:{basename}-{kind}", args=args)

    def allows(self, method: str) -> bool:
        _basename, viewset = self.route()
        action = {"post": "create", "patch": "partial_update"}[method]
        return hasattr(viewset, action) and method in viewset.http_method_names

    def test_api_list_is_scoped(self, api_client: Any, world: World, places: dict) -> None:
        reader = self.actors["reader"]
        api_client.force_authenticate(world.user(reader))
        response = api_client.get(self.api_url("list"), {"limit": 1000})
        assert response.status_code == 200
        ids = {row["id"] for row in api_rows(response)}
        for label, obj in places.items():
            assert (obj.pk in ids) == (label in self.visible(reader)), f"{reader} API list, record in {label}"

    def test_api_detail_out_of_scope_is_404(self, api_client: Any, world: World, places: dict) -> None:
        reader = self.actors["reader"]
        api_client.force_authenticate(world.user(reader))
        for label, obj in places.items():
            response = api_client.get(self.api_url("detail", obj.pk))
            if label in self.visible(reader):
                assert response.status_code == 200
                assert response.json()["id"] == obj.pk
            else:
                assert response.status_code == 404, f"{reader} API detail, record in {label}"

    def test_api_needs_authentication(self, api_client: Any, world: World, places: dict) -> None:
        assert api_client.get(self.api_url("list")).status_code in (401, 403)
        assert api_client.get(self.api_url("detail", places["A1a"].pk)).status_code in (401, 403)

    def test_api_create_in_scope(self, api_client: Any, world: World) -> None:
        data = self.api_data(world, world.commune_a1a)
        if data is None or not self.allows("post"):
            pytest.skip("the API does not create these records")
        creator = self.actor(world, "creator")
        api_client.force_authenticate(creator)
        response = api_client.post(self.api_url("list"), data, format="json")
        assert response.status_code == 201, response.content
        obj = self.manager.get(pk=response.json()["id"])
        if self.has_field("created_by"):
            assert obj.created_by == creator

    def test_api_create_out_of_scope_is_refused(self, api_client: Any, world: World) -> None:
        data = self.api_data(world, world.commune_b1)
        if data is None or not self.allows("post"):
            pytest.skip("the API does not create these records")
        api_client.force_authenticate(self.actor(world, "creator"))
        before = self.manager.count()
        response = api_client.post(self.api_url("list"), data, format="json")
        assert response.status_code in (400, 403), response.content
        assert self.manager.count() == before

    def test_api_update_in_scope_and_out(self, api_client: Any, world: World, places: dict) -> None:
        if not self.allows("patch"):
            pytest.skip("the API does not update these records")
        editor = self.actors["editor"]
        api_client.force_authenticate(world.user(editor))
        for label, obj in places.items():
            changes = self.edit_changes(world, obj)
            response = api_client.patch(self.api_url("detail", obj.pk), changes, format="json")
            if label in self.visible(editor, CHANGE):
                assert response.status_code == 200, response.content
                assert self.reload(obj).version == obj.version + 1
            else:
                assert response.status_code == 404, f"{editor} API update, record in {label}"
                assert self.reload(obj).version == obj.version

    def _writers(self, world: World) -> tuple[Any, Any]:
        from rest_framework.test import APIClient

        clients = (APIClient(), APIClient())
        clients[0].force_authenticate(self.actor(world, "editor"))
        clients[1].force_authenticate(world.user(self.second_editor()))
        return clients

    def test_api_detail_sends_the_version_as_etag(self, api_client: Any, world: World, places: dict) -> None:
        obj = places["A1a"]
        if not self.has_field("version"):
            pytest.skip("no version")
        api_client.force_authenticate(self.actor(world, "reader"))
        response = api_client.get(self.api_url("detail", obj.pk))
        assert response.status_code == 200
        assert response["ETag"] == f'W/"{obj.version}"'

    def test_api_two_officials_save_the_same_version_the_second_is_refused(self, world: World,
                                                                          places: dict) -> None:
        """ETag/If-Match: the second writer gets 412 with what changed; the first one's change survives."""
        if not self.allows("patch"):
            pytest.skip("the API does not update these records")
        obj = places["A1a"]
        first, second = self._writers(world)
        url = self.api_url("detail", obj.pk)
        tag = first.get(url)["ETag"]
        assert second.get(url)["ETag"] == tag
        response = first.patch(url, self.edit_changes(world, obj), format="json", HTTP_IF_MATCH=tag)
        assert response.status_code == 200, response.content
        assert response["ETag"] == f'W/"{obj.version + 1}"'
        saved = self.reload(obj)
        changed = self.edit_changes(world, saved)
        response = second.patch(url, changed, format="json", HTTP_IF_MATCH=tag)
        assert response.status_code == 412, response.content
        body = response.json()
        assert str(STALE_MESSAGE) in body["detail"]
        assert body["version"] == saved.version
        assert len(body["changes"]) >= 1
        after = self.reload(obj)
        for name in changed:
            field = obj._meta.get_field(name)
            assert getattr(after, field.attname) == getattr(saved, field.attname), f"{name} was overwritten"
        assert after.version == saved.version
        # A version in the body is checked the same way (409); the current one is accepted.
        response = second.patch(url, changed | {"version": obj.version}, format="json")
        assert response.status_code == 409, response.content
        assert self.reload(obj).version == saved.version
        response = second.patch(url, changed | {"version": saved.version}, format="json")
        assert response.status_code == 200, response.content
        assert self.reload(obj).version == saved.version + 1

    def test_api_delete_of_a_stale_version_is_refused(self, world: World, places: dict) -> None:
        _basename, viewset = self.route()
        if not (hasattr(viewset, "destroy") and "delete" in viewset.http_method_names):
            pytest.skip("the API does not delete these records")
        obj = places["A1a"]
        if "A1a" not in self.visible(self.actors["deleter"], DELETE):
            pytest.skip("the deleter may not delete here")
        _first, deleter = self._writers(world)
        url = self.api_url("detail", obj.pk)
        stale = f'W/"{obj.version}"'
        assert claim_version(self.model, obj.pk, obj.version)  # type: ignore[arg-type]  # someone saved since
        response = deleter.delete(url, HTTP_IF_MATCH=stale)
        assert response.status_code in (412, 409), response.content
        assert self.manager.filter(pk=obj.pk).exists()
        response = deleter.delete(url, HTTP_IF_MATCH=f'W/"{obj.version + 1}"')
        assert response.status_code in (204, 409), response.content  # 409: a lock (issued plan) may refuse

    def test_api_hides_personal_fields_from_viewers(self, api_client: Any, world: World, places: dict) -> None:
        personal = set(getattr(self.model, "personal_fields", ()))
        if not personal:
            pytest.skip(f"{self.model.__name__} has no personal fields")  # type: ignore[union-attr]
        obj = places["A1a"]
        api_client.force_authenticate(world.viewer_a)
        response = api_client.get(self.api_url("detail", obj.pk))
        if "A1a" in self.visible("viewer_a"):
            assert response.status_code == 200
            assert not personal & set(response.json()), "personal fields shown to a viewer"
        else:
            assert response.status_code == 404
        api_client.force_authenticate(self.actor(world, "reader"))
        assert personal <= set(api_client.get(self.api_url("detail", obj.pk)).json())


class ScopeMatrixSuite(SuiteBase):
    @pytest.mark.parametrize("user_key", WORLD_USERS)
    def test_scope_matrix(self, world: World, places: dict, user_key: str) -> None:
        user = world.user(user_key)
        pks = [obj.pk for obj in places.values()]
        for action, expected in self.scope_matrix[user_key].items():
            rows = set(self.manager.restrict(user, action).filter(pk__in=pks).values_list("pk", flat=True))
            got = {label for label, obj in places.items() if obj.pk in rows}
            assert got == expected, f"{user_key} may {action}: wanted {sorted(expected)}, restrict() {sorted(got)}"
            # The one-object rule (detail pages, forms) agrees with the queryset rule (lists, API).
            one_by_one = {label for label, obj in places.items() if user_can(user, action, obj)}
            assert one_by_one == expected, f"{user_key} may {action}: user_can() gave {sorted(one_by_one)}"


class ModelSuite(ListSuite, DetailSuite, AddSuite, EditSuite, DeleteSuite, HistorySuite, RestoreSuite, ApiSuite,
                 ScopeMatrixSuite):
    """Every suite at once: what a registered model's test class subclasses."""


class AdminOnlyModelSuite(ModelSuite):
    """For models only administrators handle: users, role assignments, security events."""

    scope_matrix = ADMIN_ONLY_MATRIX
    actors = ADMIN_ONLY_ACTORS


# The suite that exercises each generated page (the meta-test checks every URL is covered).
PAGE_SUITES: dict[str, type] = {
    "list": ListSuite,
    "detail": DetailSuite,
    "add": AddSuite,
    "edit": EditSuite,
    "delete": DeleteSuite,
    "history": HistorySuite,
    "deleted": RestoreSuite,
    "restore": RestoreSuite,
}
