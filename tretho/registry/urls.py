"""The registry's URLs, one list per area so each can grow on its own."""

from .supervision.urls import urlpatterns as supervision_urls
from .urls_crud import urlpatterns as crud_urls
from .urls_import import urlpatterns as import_urls
from .urls_map import urlpatterns as map_urls

app_name = "registry"
# Import and map pages first: their fixed paths ("groups/import/") must win over generated ones.
urlpatterns = [*import_urls, *map_urls, *supervision_urls, *crud_urls]
