"""Error answers: a styled page in the interface language, or problem details under /api/.

Django calls these for 400, 403, 404 and 500 when DEBUG is off (``handler400`` ... in ``config/urls.py``) and
for a failed CSRF check (``CSRF_FAILURE_VIEW``). A page has the site header, says what happened in plain
Dutch (or English, when the user chose it) and offers a way back. Under ``/api/`` the answer has the shape of
``ontmoet.api.errors`` (RFC 9457, NL API Design Rules API-46), so that unknown API paths answer like the
endpoints do.

A 404 says nothing about why: a board member asking for another board's place gets the same page as for a
mistyped address, so that existence is not disclosed. A 403 shows the reason the service gave.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.functional import Promise
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from ontmoet.core.api_schemas import PROBLEM

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
TEMPLATE = "errors/error.html"

#: status → (page title, explanation, problem title for the API). The API titles follow ontmoet.api.errors.
TEXTS: dict[int, tuple[Promise, Promise, str]] = {
    400: (_("Ongeldig verzoek"),
          _("Ontmoet kon dit verzoek niet verwerken. Controleer het adres of ga terug en probeer het opnieuw."),
          "Ongeldig verzoek"),
    403: (_("Geen toegang"),
          _("U hebt geen toegang tot deze pagina met uw rol. Denkt u dat dit niet klopt, vraag dan de "
            "beheerder van Ontmoet om de juiste rol."),
          "Geen toegang"),
    404: (_("Pagina niet gevonden"),
          _("Deze pagina bestaat niet (meer) of u hebt er geen toegang toe. Misschien is het adres verkeerd "
            "getypt of is de plek verwijderd."),
          "Niet gevonden"),
    503: (_("Ontmoet is even niet bereikbaar"),
          _("Ontmoet kan de gegevens op dit moment niet bereiken. Er is niets opgeslagen van wat u net deed. "
            "Probeer het over een halve minuut opnieuw."),
          "Tijdelijk niet beschikbaar"),
    500: (_("Er ging iets mis"),
          _("Er is een fout opgetreden in Ontmoet. De fout is vastgelegd. Probeer het over enkele minuten "
            "opnieuw; blijft het misgaan, meld het dan bij de beheerder."),
          "Interne fout"),
}
CSRF_TITLE = _("Formulier verlopen")
CSRF_EXPLANATION = _(
    "Het formulier kon niet veilig worden verwerkt. Dat gebeurt als de pagina lang open heeft gestaan, als u "
    "intussen opnieuw bent ingelogd of als uw browser geen cookies toestaat. Ga terug, vernieuw de pagina en "
    "probeer het opnieuw. Wat u had ingevuld is niet opgeslagen.")
API_DETAIL = {
    400: "Het verzoek kon niet worden verwerkt.",
    403: "U hebt geen rol die deze handeling mag uitvoeren.",
    404: "Er is niets op dit adres. Zie /api/v1/openapi.json voor de adressen van de API.",
    500: "Er is een fout opgetreden; de fout is vastgelegd.",
    503: "De database is tijdelijk niet bereikbaar; er is niets opgeslagen. Probeer het opnieuw na Retry-After.",
}
#: A lost or refused database connection is an outage, not a defect: 503 with a time to come back (RFC 9110
#: 15.6.4). The connection health check drops the broken connection before the next request.
OUTAGES = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
CSRF_API_DETAIL = "De CSRF-controle is mislukt: stuur een Bearer-token mee, of het CSRF-token bij een sessie."


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _answer(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _answer(request, 403, reason=_message(exception))


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _answer(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this inside its handler for the uncaught exception, so the exception is still at hand.
    if isinstance(sys.exc_info()[1], OUTAGES):
        response = _answer(request, 503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return _answer(request, 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    # `reason` is Django's technical English ("CSRF cookie not set."); django.security.csrf logs it.
    if _is_api(request):
        return _problem(403, TEXTS[403][2], CSRF_API_DETAIL)
    return _page(request, 403, title=CSRF_TITLE, explanation=CSRF_EXPLANATION, back_label=_("Terug naar het formulier"))


def _answer(request: HttpRequest, status: int, reason: str = "") -> HttpResponse:
    title, explanation, api_title = TEXTS[status]
    if _is_api(request):
        return _problem(status, api_title, reason or API_DETAIL[status])
    return _page(request, status, title=title, explanation=explanation, reason=reason)


def _is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def _problem(status: int, title: str, detail: str) -> JsonResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    return JsonResponse(body, status=status, content_type=PROBLEM, json_dumps_params={"ensure_ascii": False})


def _message(exception: Exception | None) -> str:
    """The reason a service gave for refusing (``PermissionDenied(_("..."))``), if any."""
    if exception is None or not exception.args or not isinstance(exception.args[0], str | Promise):
        return ""
    return str(exception.args[0])


def _page(request: HttpRequest, status: int, *, title: Promise, explanation: Promise, reason: str = "",
          back_label: Promise | None = None) -> HttpResponse:
    context: dict[str, Any] = {
        "status": status, "title": title, "explanation": explanation, "reason": reason,
        "back_url": _same_site_referer(request), "back_label": back_label or _("Terug naar de vorige pagina"),
    }
    try:
        context["show_login"] = not getattr(getattr(request, "user", None), "is_authenticated", False)
        return render(request, TEMPLATE, context, status=status)
    except Exception:
        # The full page reads the session and the user (the database). When that is what failed, the error
        # must still be answered: the same page without the request's context (no menu, no user).
        logger.exception("Error page %s rendered without the request context", status)
        context.update(show_login=False, back_url="")
        return HttpResponse(render_to_string(TEMPLATE, context), status=status)


def _same_site_referer(request: HttpRequest) -> str:
    referer = str(request.META.get("HTTP_REFERER", ""))
    try:
        host = request.get_host()
    except Exception:  # DisallowedHost: the 400 for an unknown Host header offers no link back
        return ""
    if referer and url_has_allowed_host_and_scheme(referer, allowed_hosts={host}, require_https=request.is_secure()):
        return referer
    return ""
