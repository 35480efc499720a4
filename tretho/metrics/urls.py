from tretho.core.urls_for_models import model_urls

from .models import Breakdown, BreakdownOption, DataElement, Metric

app_name = "metrics"
urlpatterns = [
    *model_urls(Metric, prefix=""),
    *model_urls(DataElement, prefix="data-elements/"),
    *model_urls(Breakdown, prefix="breakdowns/"),
    *model_urls(BreakdownOption, prefix="breakdown-options/"),
]
