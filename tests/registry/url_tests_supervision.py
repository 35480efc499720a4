URL_TESTS = {
    "registry:visit_overdue": "registry/test_registry_supervision_checks.py::test_overdue_follow_ups_per_unit",
    "registry:visit_follow_up_done":
        "registry/test_registry_supervision_checks.py::test_closing_a_follow_up_from_the_overdue_page",
}
