"""Refuse requests whose path, query string or headers hold a NUL byte or a lone surrogate: a 400, never a 500.

PostgreSQL refuses NUL in text (``DataError`` on ``?neighbourhood=%00``, ``/neighbourhoods/%00`` or a NUL in
the ``Authorization`` token), and a lone surrogate cannot be encoded back into any answer. No legitimate
request carries either, so they are stopped here, before a session, user or view touches the database.
Bodies are checked where they are parsed: Django's form fields refuse NUL, the API's JSON parser both.

Pages answer with Django's 400 view; the API (under /api/) with problem details (RFC 9457).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

#: Where the API lives (config/urls.py); its errors are problem details.
API_PREFIX = "/api/"


def _unsafe(text: str) -> bool:
    if "\x00" in text:
        return True
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (U+D800–U+DFFF)
        return True
    return False


def unsafe_part(request: HttpRequest) -> str | None:
    """The part of the request that holds an unsafe character, in words for the message, or None."""
    if _unsafe(request.path_info):
        return _("het pad")
    if any(_unsafe(key) or any(_unsafe(v) for v in values) for key, values in request.GET.lists()):
        return _("de zoekparameters")
    for name, value in _headers(request):
        if isinstance(value, str) and _unsafe(value):
            return _("de header %(name)s") % {"name": name}
    return None


def _headers(request: HttpRequest) -> Iterable[tuple[str, object]]:
    for key, value in request.META.items():
        if key.startswith("HTTP_") or key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            yield key.removeprefix("HTTP_").replace("_", "-").title(), value


class UnsafeCharactersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        part = unsafe_part(request)
        if part is None:
            return self.get_response(request)
        detail = _("Het verzoek bevat een NUL-teken of een los surrogaatteken in %(part)s.") % {"part": part}
        if request.path_info.startswith(API_PREFIX):
            body = {"type": "about:blank", "title": _("Ongeldig verzoek"), "status": 400, "detail": detail}
            return HttpResponse(json.dumps(body, ensure_ascii=False), status=400,
                                content_type="application/problem+json")
        raise BadRequest(detail)
