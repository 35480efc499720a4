"""URLs of the participants' import (tretho/activities/urls_import.py) and the tests exercising them."""

URL_TESTS = {
    "activities:participant_import":
        "activities/test_activities_import.py::test_a_good_file_imports_every_row_linked_to_staff",
    "activities:participant_template":
        "activities/test_activities_import.py::test_template_has_the_columns_and_a_category_dropdown",
}
