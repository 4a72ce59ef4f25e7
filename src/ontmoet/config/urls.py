"""URL map. No Django admin: every write goes through a service that writes the audit trail.

Every view declares its roles (accounts.permissions); tests/integration/test_access.py checks it."""

from django.urls import include, path
from django.views.i18n import set_language

from ontmoet.accounts.permissions import public
from ontmoet.accounts.two_factor import before_second_step
from ontmoet.config import health
from ontmoet.finder.views import front_door

urlpatterns = [
    # The finder for visitors, the start page (ontmoet.home) for a logged-in user.
    path("", front_door, name="home"),
    path("accounts/", include("ontmoet.accounts.urls")),
    path("i18n/setlang", before_second_step(public(set_language)), name="set_language"),
    path("register/", include("ontmoet.places.urls")),
    path("financien/", include("ontmoet.finance.urls")),
    path("afwegingskader/", include("ontmoet.assessment.urls")),
    path("activiteiten/", include("ontmoet.activities.urls")),
    path("monitoring/", include("ontmoet.monitoring.urls")),
    path("ondersteuning/", include("ontmoet.capacity.urls")),
    path("api/v1/hsds", include("ontmoet.finder.hsds_urls")),  # open data (HSDS), before the v1 API's own 404
    path("subsidies/", include("ontmoet.subsidies.urls")),
    path("api/v1/", include("ontmoet.api.urls")),
    path("health", health.health, name="health"),
    path("ready", health.ready, name="ready"),
    path("", include("ontmoet.finder.urls")),
]

# Error answers when DEBUG is off: styled pages in the interface language, problem+json under /api/.
handler400 = "ontmoet.config.error_views.bad_request"
handler403 = "ontmoet.config.error_views.permission_denied"
handler404 = "ontmoet.config.error_views.page_not_found"
handler500 = "ontmoet.config.error_views.server_error"
