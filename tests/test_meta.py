"""Meta-tests: the declarations docs/adding-a-model.md asks of every module, checked so nobody can forget one.

- every URL's view says how it is scoped (`scoped_by`), apart from a short allow-list with reasons;
- every registered model has its filter set, table, form, serializer, API route and a shared-suite test class;
- every URL is exercised: a registered model's generated pages and API routes by its suite (PAGE_SUITES,
  ApiSuite), every other URL by a test named in OTHER_URL_TESTS.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.urlpatterns import format_suffix_patterns

from tretho.core.api import TrethoSerializer
from tretho.core.filters import TrethoFilterSet
from tretho.core.forms import TrethoModelForm
from tretho.core.registry import ACTION_PAGES, registrations
from tretho.core.tables import TrethoTable
from tretho.core.testing import suites
from tretho.core.views import SCOPE_ADMIN, SCOPE_PUBLIC, SCOPE_RESTRICT, SCOPE_SELF

TESTS_DIR = Path(__file__).parent
SCOPES = {SCOPE_RESTRICT, SCOPE_PUBLIC, SCOPE_SELF, SCOPE_ADMIN}

# Views that hold no records, so they declare no scope; each with its reason. Keep this list short.
UNSCOPED_VIEWS = {
    "drf_spectacular.views.SpectacularAPIView": "the OpenAPI schema describes endpoints, it holds no records",
    "drf_spectacular.views.SpectacularSwaggerSplitView": "a static page drawing that schema",
    "rest_framework.routers.APIRootView": "the API root lists the endpoints' URLs, no records",
}

# Every URL that is neither a registered model's generated page nor its API route, and the test exercising it
# ("<file under tests/>::<test function>"). A new URL fails test_every_url_is_exercised until it is listed here.
OTHER_URL_TESTS = {
    "core:home": "core/test_site_pages.py::test_home_shows_the_users_own_scope",
    "core:lookup": "core/test_site_pages.py::test_lookup_offers_only_units_the_user_may_use",
    "api:api-root": "core/test_site_pages.py::test_api_root_schema_and_docs",
    "api-schema": "core/test_site_pages.py::test_api_root_schema_and_docs",
    "api-docs": "core/test_site_pages.py::test_api_root_schema_and_docs",
    "api:token": "core/test_site_pages.py::test_api_token_gives_the_same_scope_as_the_site",
    "api:unit-successions-list": "core/test_site_pages.py::test_unit_successions_api_is_scoped",
    "api:unit-successions-detail": "core/test_site_pages.py::test_unit_successions_api_is_scoped",
    "programmes:plan_issue": "programmes/test_plan_workflow.py::test_issue_page_issues_a_complete_draft",
    "programmes:plan_amend": "programmes/test_plan_workflow.py::test_amend_page_creates_a_draft_amendment",
    "api:plans-issue": "programmes/test_plan_workflow.py::test_api_issue_and_amend",
    "api:plans-amend": "programmes/test_plan_workflow.py::test_api_issue_and_amend",
    "programmes:plan_tree": "programmes/work/test_cascade_pages.py::test_plan_tree_page",
    "programmes:plan_create_lower": "programmes/work/test_cascade_pages.py::test_create_lower_plan_page",
    "programmes:plan_copy_next_year": "programmes/work/test_cascade_pages.py::test_copy_next_year_page",
    "programmes:plan_docx": "programmes/work/test_cascade_pages.py::test_word_download_is_the_plan_and_is_logged",
    "programmes:plan_pdf": "programmes/work/test_cascade_pages.py::test_pdf_download_or_the_reason_it_is_missing",
    "programmes:plan_excel": "programmes/work/test_cascade_pages.py::test_excel_pages",
    "programmes:plan_excel_template": "programmes/work/test_cascade_pages.py::test_excel_pages",
    "programmes:plan_excel_import": "programmes/work/test_cascade_pages.py::test_excel_pages",
    "programmes:target_distribute": "programmes/work/test_cascade_pages.py::test_distribute_page",
    "programmes:task_board": "programmes/work/test_cascade_pages.py::test_task_board_shows_what_an_agency_owes_by_when",
    "api:plan-tree": "programmes/work/test_cascade_api.py::test_create_lower_plan_and_tree",
    "api:plan-create-lower": "programmes/work/test_cascade_api.py::test_create_lower_plan_and_tree",
    "api:plan-copy-next-year": "programmes/work/test_cascade_api.py::test_copy_next_year",
    "api:plan-distribution-warnings": "programmes/work/test_cascade_api.py::test_distribute_and_warnings",
    "api:plan-target-distribute": "programmes/work/test_cascade_api.py::test_distribute_and_warnings",
    "api:task-board": "programmes/work/test_cascade_api.py::test_task_board",
    "accounts:login": "accounts/test_auth_events.py::test_login_and_logout_are_recorded",
    "accounts:logout": "accounts/test_auth_events.py::test_login_and_logout_are_recorded",
    "accounts:password_change": "accounts/test_auth_events.py::test_password_change",
    "accounts:password_change_done": "accounts/test_auth_events.py::test_password_change",
    "accounts:password_reset": "accounts/test_auth_events.py::test_password_reset_by_email",
    "accounts:password_reset_done": "accounts/test_auth_events.py::test_password_reset_by_email",
    "accounts:password_reset_confirm": "accounts/test_auth_events.py::test_password_reset_by_email",
    "accounts:password_reset_complete": "accounts/test_auth_events.py::test_password_reset_by_email",
    "accounts:two_factor_verify": "accounts/test_2fa.py::test_with_a_device_no_page_opens_before_the_code",
    "accounts:two_factor_setup": "accounts/test_2fa.py::test_manager_sets_up_a_device_and_sees_recovery_codes_once",
    "accounts:recovery_codes": "accounts/test_2fa.py::test_recovery_codes_can_be_renewed_after_the_second_factor",
    "audit:access_report": "audit/test_access_report.py::test_report_answers_who_saw_or_changed_what_between_two_dates",
}
# Each app may keep its own list beside its tests: tests/<app>/url_tests*.py defining URL_TESTS (same shape).
for _path in sorted(TESTS_DIR.glob("*/url_tests*.py")):
    _spec = importlib.util.spec_from_file_location(f"url_tests_{_path.parent.name}_{_path.stem}", _path)
    assert _spec and _spec.loader
    _module = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(_module)
    OTHER_URL_TESTS |= _module.URL_TESTS
# Every list's Excel export ("<model>_export", generated with the list), exercised for all models by one test.
OTHER_URL_TESTS |= {
    f"{r.app_label}:{r.model_name}_export":
        "core/test_exports.py::test_every_list_exports_its_rows_to_excel_with_the_right_and_is_logged"
    for r in registrations() if "list" in r.pages
}


# -- the project's URLs ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Route:
    pattern: str
    name: str | None  # with its namespace: "orgs:agency_list"
    view: Any  # the view class (or the function for function views)

    @property
    def view_label(self) -> str:
        return f"{self.view.__module__}.{self.view.__qualname__}"


def view_of(callback: Any) -> Any:
    """The class behind a URL's callback: Django's view_class, DRF's cls (viewsets too), else the function."""
    return getattr(callback, "view_class", None) or getattr(callback, "cls", None) or callback


def _skipped(pattern: URLPattern, namespace: str | None) -> bool:
    module = getattr(pattern.callback, "__module__", "")
    return (
        (namespace or "").split(":")[0] == "admin"  # Django's admin site, if ever mounted again
        or module.startswith(("django.views.i18n", "django.views.static", "django.contrib.staticfiles"))
        or "format" in pattern.pattern.regex.groupindex  # DRF's ".json" duplicates of each route
    )


def _walk(patterns: list, prefix: str, namespace: str | None):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(part for part in (namespace, entry.namespace) if part) or None
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and not _skipped(entry, namespace):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield Route(prefix + str(entry.pattern), name, view_of(entry.callback))


@cache
def project_routes() -> tuple[Route, ...]:
    return tuple(_walk(get_resolver().url_patterns, "", None))


# -- the suites in the test modules ----------------------------------------------------------------------------

@cache
def suites_by_model() -> dict[type, list[type]]:
    """Import every test module that uses the shared suites and collect its suite classes by model."""
    for path in sorted(TESTS_DIR.rglob("test_*.py")):
        if path.resolve() == Path(__file__).resolve():
            continue
        if "tretho.core.testing.suites" not in path.read_text(encoding="utf-8"):
            continue
        name = "meta_" + "_".join(path.relative_to(TESTS_DIR).with_suffix("").parts)
        if name not in sys.modules:
            spec = importlib.util.spec_from_file_location(name, path)
            module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
            sys.modules[name] = module
            spec.loader.exec_module(module)  # type: ignore[union-attr]
    found: dict[type, list[type]] = {}
    for suite in suites.SUITES:
        found.setdefault(suite.model, []).append(suite)
    return found


def covered_by(model: type, mixin: type) -> bool:
    return any(issubclass(suite, mixin) for suite in suites_by_model().get(model, []))


def api_models() -> dict[str, type]:
    """API basename → the model its viewset serves."""
    from tretho.api.urls import router

    return {basename: viewset.queryset.model for _prefix, viewset, basename in router.registry
            if getattr(viewset, "queryset", None) is not None}


def model_page(name: str) -> tuple[Any, str] | None:
    """(registration, page) when name is a page generated for a registered model ("orgs:agency_list")."""
    namespace, _, short = name.rpartition(":")
    for registration in registrations():
        prefix = f"{registration.model_name}_"
        if namespace.split(":")[-1] == registration.app_label and short.startswith(prefix):
            page = short[len(prefix):]
            if page in ACTION_PAGES:
                return registration, page
    return None


def test_exists(reference: str) -> bool:
    file_name, _, function = reference.partition("::")
    path = TESTS_DIR / file_name
    return path.is_file() and re.search(rf"^\s*def {re.escape(function)}\(", path.read_text(encoding="utf-8"),
                                        re.MULTILINE) is not None


test_exists.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


# -- the meta-tests --------------------------------------------------------------------------------------------

def undeclared(routes: tuple[Route, ...]) -> list[Route]:
    """Routes whose view neither declares a known scoped_by nor is allow-listed."""
    return [route for route in routes
            if route.view_label not in UNSCOPED_VIEWS and getattr(route.view, "scoped_by", None) not in SCOPES]


def test_every_url_declares_how_it_is_scoped():
    offenders = [f"  {r.pattern} ({r.name}) → {r.view_label}: scoped_by={getattr(r.view, 'scoped_by', None)!r}"
                 for r in undeclared(project_routes())]
    assert not offenders, (
        f"views must declare scoped_by, one of {sorted(SCOPES)} (core/views.py):\n" + "\n".join(offenders)
    )


def test_the_scope_check_catches_undeclared_views():
    """The walk sees function views, class views, viewsets and nested includes, and skips format suffixes."""
    from django.urls import include, path
    from django.views import View
    from rest_framework import routers, viewsets

    def function_view(request):
        raise AssertionError("never called")

    class DeclaredView(View):
        scoped_by = SCOPE_PUBLIC

    class MisspelledView(View):
        scoped_by = "everyone"

    class BareViewSet(viewsets.ViewSet):
        def list(self, request):
            raise AssertionError("never called")

    router = routers.SimpleRouter()
    router.register("bare", BareViewSet, basename="bare")
    patterns = [
        path("f/", function_view, name="f"),
        path("ok/", DeclaredView.as_view(), name="ok"),
        path("inner/", include(([path("typo/", MisspelledView.as_view(), name="typo")], "inner"))),
        path("api/", include((format_suffix_patterns(router.urls), "api"))),
    ]
    routes = tuple(_walk(patterns, "", None))
    assert sorted(r.name for r in undeclared(routes)) == ["api:bare-list", "f", "inner:typo"]


def test_the_unscoped_allow_list_is_current():
    in_use = {route.view_label for route in project_routes()}
    assert set(UNSCOPED_VIEWS) <= in_use, f"no longer routed, drop from UNSCOPED_VIEWS: {set(UNSCOPED_VIEWS) - in_use}"


def test_every_registered_model_declares_its_parts():
    problems = []
    api = set(api_models().values())
    for registration in registrations():
        model, label = registration.model, registration.model._meta.label
        parts = [("filterset", registration.filterset, TrethoFilterSet, registration.filterset._meta.model),
                 ("table", registration.table, TrethoTable, registration.table._meta.model),
                 ("serializer", registration.serializer, TrethoSerializer, registration.serializer.Meta.model)]
        if {"add", "edit"} & set(registration.pages):
            parts.append(("form", registration.form, TrethoModelForm, registration.form._meta.model))
        elif not issubclass(registration.form, TrethoModelForm):
            problems.append(f"{label}: form must be a TrethoModelForm")
        for part, cls, base, for_model in parts:
            if not issubclass(cls, base):
                problems.append(f"{label}: {part} {cls.__name__} is not a {base.__name__}")
            if for_model is not model:
                problems.append(f"{label}: {part} {cls.__name__} is for {for_model}")
        if not getattr(model, "scope_path_field", ""):
            problems.append(f"{label}: no scope_path_field")
        if not hasattr(model._default_manager, "restrict"):
            problems.append(f"{label}: default manager has no restrict()")
        if "history" in registration.pages and not hasattr(model, "history"):
            problems.append(f"{label}: a history page but no HistoricalRecords")
        if model not in api:
            problems.append(f"{label}: no API route (api.ROUTES)")
    assert not problems, "\n".join(problems)


def test_every_registered_model_has_a_suite_test_class():
    missing = [r.model._meta.label for r in registrations() if r.model not in suites_by_model()]
    assert not missing, (
        "registered models without a test class on tretho.core.testing.suites.ModelSuite (see "
        f"docs/adding-a-model.md): {missing}"
    )


def test_every_url_is_exercised():
    apis = api_models()
    problems = []
    for route in project_routes():
        name = route.name
        if name is None:
            problems.append(f"  {route.pattern}: unnamed, cannot be checked")
            continue
        found = model_page(name)
        namespace, _, short = name.rpartition(":")
        basename = re.sub(r"-(list|detail)$", "", short) if namespace == "api" else None
        if found is not None:
            registration, page = found
            if not covered_by(registration.model, suites.PAGE_SUITES[page]):
                problems.append(f"  {name}: no suite of {registration.model.__name__} includes "
                                f"{suites.PAGE_SUITES[page].__name__}")
        elif name in OTHER_URL_TESTS:
            if not test_exists(OTHER_URL_TESTS[name]):
                problems.append(f"  {name}: {OTHER_URL_TESTS[name]} does not exist")
        elif basename in apis:
            if not covered_by(apis[basename], suites.ApiSuite):
                problems.append(f"  {name}: no ApiSuite for {apis[basename].__name__}")
        else:
            problems.append(f"  {name} ({route.pattern}): no test; add one to OTHER_URL_TESTS")
    assert not problems, "URLs no test exercises:\n" + "\n".join(problems)


def test_other_url_tests_name_only_routed_urls():
    names = {route.name for route in project_routes()}
    assert set(OTHER_URL_TESTS) <= names, f"not routed any more: {set(OTHER_URL_TESTS) - names}"


def test_every_registered_model_is_in_the_scope_matrix():
    """Each model's suite runs the scope matrix, and its table names exactly the world's users."""
    for registration in registrations():
        for suite in suites_by_model().get(registration.model, []):
            assert issubclass(suite, suites.ScopeMatrixSuite), suite
            assert set(suite.scope_matrix) == set(suites.WORLD_USERS), suite


def test_url_names_are_matched_to_models_and_tests():
    registration, page = model_page("orgs:agency_history")
    assert (registration.model._meta.label, page) == ("orgs.Agency", "history")
    assert model_page("orgs:agency_browse") is None  # not a generated page: needs its own test
    assert model_page("geo:agency_list") is None  # another app's namespace
    assert test_exists("core/test_site_pages.py::test_home_shows_the_users_own_scope")
    assert not test_exists("core/test_site_pages.py::test_that_was_never_written")
