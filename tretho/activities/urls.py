"""The activities' URLs, one list per area so each can grow on its own."""

from .urls_attachments import urlpatterns as attachment_urls
from .urls_calendar import urlpatterns as calendar_urls
from .urls_crud import urlpatterns as crud_urls
from .urls_import import urlpatterns as import_urls
from .urls_progress import urlpatterns as progress_urls

app_name = "activities"
# Fixed paths first: they must win over generated ones ("trainings/calendar/" before "trainings/<pk>/").
urlpatterns = [*calendar_urls, *import_urls, *progress_urls, *attachment_urls, *crud_urls]
