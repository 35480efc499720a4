"""URLs of filling and deciding reports (tretho/reporting/views_fill.py) and the tests exercising them
(see tests/test_meta.py)."""

URL_TESTS = {
    "reporting:my_reports": "reporting/test_reporting_fill.py::"
                            "test_the_list_offers_the_officer_their_unit_and_opening_creates_a_prefilled_draft",
    "reporting:submission_start": "reporting/test_reporting_fill.py::"
                                  "test_the_list_offers_the_officer_their_unit_and_opening_creates_a_prefilled_draft",
    "reporting:submission_fill": "reporting/test_reporting_fill.py::"
                                 "test_overriding_a_prefilled_value_needs_a_reason_and_both_values_stay",
    "reporting:submission_decide": "reporting/test_reporting_fill.py::"
                                   "test_the_officer_submits_and_the_approver_accepts_through_the_pages",
    "reporting:submission_check": "reporting/test_reporting_fill.py::"
                                  "test_typed_values_are_checked_beside_their_fields_before_anything_is_saved",
}
