"""URLs of the reporting core (completeness page, workflow actions of the submissions API) and the tests
exercising each (tests/test_meta.py reads URL_TESTS)."""

WORKFLOW = "reporting/test_reporting_workflow.py::test_submit_return_resubmit_accept_and_reopen_through_the_api"

FILL = "reporting/test_reporting_workflow.py::test_fill_deadlines_through_the_api_and_the_period_page"

URL_TESTS = {
    "reporting:completeness": "reporting/test_reporting_core_completeness.py::"
                              "test_completeness_page_lists_who_is_missing_in_the_users_scope",
    "api:completeness-list": "reporting/test_reporting_core_completeness.py::test_completeness_api_is_scoped",
    "api:reporting-periods-fill-deadlines": FILL,
    "reporting:period_fill_deadlines": FILL,
    "api:submissions-submit": WORKFLOW,
    "api:submissions-return": WORKFLOW,
    "api:submissions-accept": WORKFLOW,
    "api:submissions-reopen": WORKFLOW,
}
