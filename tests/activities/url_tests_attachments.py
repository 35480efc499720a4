"""The attachment pages and API routes, and the test exercising each (merged by tests/test_meta.py)."""

_PAGES = "activities/test_activities_attachments.py"
_API = "activities/test_activities_attachments_api.py"

URL_TESTS = {
    "activities:attachment_add": f"{_PAGES}::test_upload_then_download_gives_the_same_bytes_under_a_random_stored_name",
    "activities:attachment_detail": f"{_PAGES}::test_detail_page_shows_the_file_and_what_the_user_may_do",
    "activities:attachment_download":
        f"{_PAGES}::test_upload_then_download_gives_the_same_bytes_under_a_random_stored_name",
    "activities:attachment_delete": f"{_PAGES}::test_an_officer_removes_an_attachment_and_its_file_goes",
    "api:activity-attachments-list": f"{_API}::test_api_lists_creates_and_downloads_within_scope",
    "api:activity-attachments-detail": f"{_API}::test_api_removes_for_those_who_may_change_the_owner",
    "api:activity-attachments-download": f"{_API}::test_api_lists_creates_and_downloads_within_scope",
}
