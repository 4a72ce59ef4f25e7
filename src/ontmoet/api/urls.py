"""API v1 (NL API Design Rules): plural nouns, no trailing slashes, OpenAPI 3 at /api/v1/openapi.json."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularSwaggerView

from ontmoet.accounts.permissions import public
from ontmoet.api.views import OpenApiDocumentApi, UnknownPathApi

urlpatterns = [
    path("", include("ontmoet.places.api_urls")),
    path("", include("ontmoet.finance.api_urls")),
    path("", include("ontmoet.assessment.api_urls")),
    path("", include("ontmoet.activities.api_urls")),
    path("", include("ontmoet.monitoring.api_urls")),
    path("", include("ontmoet.capacity.api_urls")),
    path("", include("ontmoet.subsidies.api_urls")),
    path("openapi.json", public(OpenApiDocumentApi.as_view()), name="api-schema"),
    path("docs", public(SpectacularSwaggerView.as_view(url_name="api-schema")), name="api-docs"),
    # Last: whatever no route above names is a 404 problem, not Django's HTML page.
    re_path(r"^.*$", public(UnknownPathApi.as_view()), name="api-unknown"),
]
