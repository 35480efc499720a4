from tretho.core.urls_for_models import model_urls

from .models import AdministrativeUnit, IndustrialZone

app_name = "geo"
urlpatterns = [
    *model_urls(AdministrativeUnit, prefix=""),
    *model_urls(IndustrialZone, prefix="zones/"),
]
