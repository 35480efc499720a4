"""URLs of task progress and meeting follow-ups (included by urls.py, namespace "activities")."""

from django.urls import path

from . import views_progress

urlpatterns: list = [
    path("tasks/<int:pk>/progress/", views_progress.TaskProgressView.as_view(), name="task_progress"),
    path("tasks/<int:pk>/complete/", views_progress.TaskCompleteView.as_view(), name="task_complete"),
    path("completions/<int:pk>/", views_progress.CompletionDetailView.as_view(), name="taskcompletion_detail"),
    path("completions/<int:pk>/undo/", views_progress.CompletionUndoView.as_view(), name="taskcompletion_undo"),
    path("follow-ups/", views_progress.FollowUpOverdueView.as_view(), name="followup_overdue"),
    path("follow-ups/<int:pk>/done/", views_progress.FollowUpDoneView.as_view(), name="followup_done"),
]
