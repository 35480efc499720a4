URL_TESTS = {
    "registry:visit_overdue": "registry/test_registry_supervision_checks.py::test_overdue_follow_ups_per_unit",
    "registry:visit_follow_up_done":
        "registry/test_registry_supervision_checks.py::test_closing_a_follow_up_from_the_overdue_page",
    "registry:checklisttemplate_new_version":
        "registry/test_registry_supervision_checks.py::test_a_new_version_copies_the_criteria_and_closes_the_old_one",
}
