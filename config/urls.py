from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("tretho.accounts.urls")),
    path("units/", include("tretho.geo.urls")),
    path("orgs/", include("tretho.orgs.urls")),
    path("plans/", include("tretho.programmes.urls")),
    path("registry/", include("tretho.registry.urls")),
    path("reports/", include("tretho.reporting.urls")),
    path("activities/", include("tretho.activities.urls")),
    path("metrics/", include("tretho.metrics.urls")),
    path("audit/", include("tretho.audit.urls")),
    path("api/v1/", include("tretho.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves its script as a file (script-src 'self'); the page keeps one small inline <style>.
    path("api/docs/", csp_update({"style-src": ["'unsafe-inline'"]})(SpectacularSwaggerSplitView.as_view(
        url_name="api-schema")), name="api-docs"),
    path("", include("tretho.core.urls")),
]

handler404 = "tretho.core.errors.not_found"
handler500 = "tretho.core.errors.server_error"
handler403 = "tretho.core.errors.forbidden"

# No /media/ route, even in DEBUG: uploaded files (activity attachments) are served only through their scoped views.
