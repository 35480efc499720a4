"""URLs of task progress and meeting follow-ups (tretho/activities/urls_progress.py, api_progress.py) and the tests
exercising them (see tests/test_meta.py)."""

PAGES = "activities/test_activities_progress_pages.py"
API = "activities/test_activities_progress_api.py"

URL_TESTS = {
    "activities:task_progress": f"{PAGES}::test_lead_agency_marks_a_task_done_with_evidence_and_activities",
    "activities:task_complete": f"{PAGES}::test_lead_agency_marks_a_task_done_with_evidence_and_activities",
    "activities:taskcompletion_detail": f"{PAGES}::test_lead_agency_marks_a_task_done_with_evidence_and_activities",
    "activities:taskcompletion_undo": f"{PAGES}::test_plan_manager_marks_any_task_and_undo_is_recorded",
    "activities:followup_overdue": f"{PAGES}::test_follow_ups_page_lists_open_items_in_scope_overdue_first",
    "activities:followup_done": f"{PAGES}::test_follow_up_done_action",
    "api:task-progress-list": f"{API}::test_plan_task_progress",
    "api:task-completions-list": f"{API}::test_task_completions_create_list_delete",
    "api:task-completions-detail": f"{API}::test_task_completions_create_list_delete",
}
