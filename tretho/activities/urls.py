"""The activities' URLs, one list per area so each can grow on its own."""

app_name = "activities"
urlpatterns: list = []
