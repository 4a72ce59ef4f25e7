"""API v1 (NL API Design Rules): plural nouns, no trailing slashes, OpenAPI 3 at /api/v1/openapi.json."""

from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerView

from ontmoet.accounts.permissions import public

urlpatterns = [
    path("", include("ontmoet.places.api_urls")),
    path("", include("ontmoet.finance.api_urls")),
    path("", include("ontmoet.assessment.api_urls")),
    path("openapi.json", public(SpectacularJSONAPIView.as_view()), name="api-schema"),
    path("docs", public(SpectacularSwaggerView.as_view(url_name="api-schema")), name="api-docs"),
]
