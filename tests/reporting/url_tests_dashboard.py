"""URLs of the dashboards and their files, and the test exercising each (tests/test_meta.py reads URL_TESTS)."""

DASHBOARD = "reporting/test_reporting_dashboard.py::"
EXPORTS = "reporting/test_reporting_exports.py::"

URL_TESTS = {
    "reporting:dashboard": DASHBOARD + "test_province_dashboard_shows_results_lower_units_charts_and_completeness",
    "reporting:result_detail": DASHBOARD + "test_result_detail_shows_the_numbers_behind_a_value",
    "reporting:dashboard_docx": EXPORTS + "test_word_report_of_the_period_reads_back",
    "reporting:dashboard_xlsx": EXPORTS + "test_excel_holds_every_table_shown",
    "reporting:dashboard_adx": EXPORTS + "test_adx_and_json_carry_the_roll_ups_of_the_units_shown",
    "reporting:dashboard_json": EXPORTS + "test_adx_and_json_carry_the_roll_ups_of_the_units_shown",
    "api:results-list": DASHBOARD + "test_results_api_gives_the_dashboards_numbers_scoped",
}
