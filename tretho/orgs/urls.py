from tretho.core.urls_for_models import model_urls

from .models import Agency, Membership, SteeringCommittee

app_name = "orgs"
urlpatterns = [
    *model_urls(Agency, prefix="agencies/"),
    *model_urls(SteeringCommittee, prefix="committees/"),
    *model_urls(Membership, prefix="members/"),
]
