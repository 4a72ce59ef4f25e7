"""Errors as RFC 9457 problem details (NL API Design Rules /core/problem-details), never a 500 for bad input.

Every error answer of the API has one shape (``ontmoet.core.api_schemas.PROBLEM_SCHEMA``): ``type``, ``title``,
``status``, ``detail`` and ``instance``, and for invalid input ``invalidParams`` (the field and the reason).
Titles and details are Dutch msgids filled in here: never a template with open placeholders, never the name
of a model or a framework.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import BadRequest, RequestDataTooBig, SuspiciousOperation, ValidationError
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.exceptions import APIException
from rest_framework.exceptions import ValidationError as DRFValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler

from ontmoet.core.api_errors import RequestTooLarge, RuleBroken, echo
from ontmoet.core.api_schemas import PROBLEM

TITLES: dict[int, Promise] = {
    status.HTTP_400_BAD_REQUEST: _("Ongeldig verzoek"),
    status.HTTP_401_UNAUTHORIZED: _("Niet ingelogd"),
    status.HTTP_403_FORBIDDEN: _("Geen toegang"),
    status.HTTP_404_NOT_FOUND: _("Niet gevonden"),
    status.HTTP_405_METHOD_NOT_ALLOWED: _("Methode niet toegestaan"),
    status.HTTP_406_NOT_ACCEPTABLE: _("Antwoordformaat niet beschikbaar"),
    status.HTTP_409_CONFLICT: _("Botst met de huidige toestand"),
    status.HTTP_413_REQUEST_ENTITY_TOO_LARGE: _("Verzoek te groot"),
    status.HTTP_415_UNSUPPORTED_MEDIA_TYPE: _("Inhoudstype niet ondersteund"),
    status.HTTP_422_UNPROCESSABLE_ENTITY: _("Botst met een regel"),
    status.HTTP_429_TOO_MANY_REQUESTS: _("Te veel verzoeken"),
}
TITLE_OTHER = _("Fout")
INVALID_INPUT = _("Ongeldige invoer")
INVALID_INPUT_DETAIL = _("Een of meer velden kloppen niet; zie invalidParams.")
RULE_BROKEN_DETAIL = _("De invoer is zoals het OpenAPI-document haar beschrijft, maar botst met een regel; "
                       "zie invalidParams.")
NOT_FOUND_DETAIL = _("Op dit adres is niets te vinden, of u mag het niet zien.")
METHOD_NOT_ALLOWED_DETAIL = _("De methode %(method)s is hier niet toegestaan. Toegestaan: %(allowed)s.")
UNSUPPORTED_MEDIA_TYPE_DETAIL = _("Het inhoudstype '%(media_type)s' wordt niet ondersteund; stuur application/json.")
NOT_ACCEPTABLE_DETAIL = _("Dit antwoord is er alleen als application/json (fouten als application/problem+json).")
NOT_AUTHENTICATED_DETAIL = _("Stuur een geldige token mee: 'Authorization: Bearer <token>'.")
BAD_REQUEST_DETAIL = _("Het verzoek kan niet worden gelezen.")

def problem(code: int, *, detail: str, title: str | None = None, instance: str | None = None,
            invalid_params: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """The body of an error answer."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title if title is not None else str(TITLES.get(code, TITLE_OTHER)),
        "status": code,
        "detail": detail,
    }
    if instance is not None:
        body["instance"] = instance
    if invalid_params is not None:
        body["invalidParams"] = invalid_params
    return body


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's exception handler, answering problem+json. Unknown exceptions stay 500s (they are bugs)."""
    if isinstance(exc, ValidationError):  # a service's refusal that reached the view: a rule, not the shape
        exc = RuleBroken(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    elif isinstance(exc, RequestDataTooBig):  # Django read the body before the parser could
        exc = RequestTooLarge.over(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    elif isinstance(exc, SuspiciousOperation | BadRequest):  # e.g. too many fields: Django's own limits
        exc = exceptions.ParseError(str(BAD_REQUEST_DETAIL))
    response = exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    code = response.status_code
    if isinstance(exc, DRFValidationError) and _only_rules(exc.get_codes()):  # ADR 0033: the values, not the shape
        code = response.status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
        response.data = problem(code, detail=str(RULE_BROKEN_DETAIL), instance=_instance(request),
                                invalid_params=_invalid_params(response.data))
    elif isinstance(exc, DRFValidationError):
        response.data = problem(code, title=str(INVALID_INPUT), detail=str(INVALID_INPUT_DETAIL),
                                instance=_instance(request), invalid_params=_invalid_params(response.data))
    else:
        response.data = problem(code, detail=_detail(exc, request, context.get("view")), instance=_instance(request))
    response.content_type = PROBLEM
    return response


#: The error codes of a value that breaks a rule, where the request has the shape the document describes: an
#: object that does not exist, a rule (RuleBroken, also a decimal string's bounds: core.api_input.DecimalText).
#: Any other code (a type, a format, a pattern, a length, a bound the document states) keeps the 400.
RULE_CODES = frozenset({RuleBroken.default_code, "does_not_exist"})


def _only_rules(codes: Any) -> bool:
    if isinstance(codes, dict):
        return bool(codes) and all(_only_rules(c) for c in codes.values())
    if isinstance(codes, list):
        return bool(codes) and all(_only_rules(c) for c in codes)
    return codes in RULE_CODES


def _instance(request: Any) -> str | None:
    return echo(request.path) if request is not None else None


def _detail(exc: Exception, request: Any, view: Any) -> str:
    if isinstance(exc, Http404 | exceptions.NotFound):
        return str(NOT_FOUND_DETAIL)
    if isinstance(exc, exceptions.MethodNotAllowed):
        allowed = ", ".join(m for m in getattr(view, "allowed_methods", []) if m != "OPTIONS")
        return str(METHOD_NOT_ALLOWED_DETAIL) % {"method": echo(request.method if request else ""),
                                                  "allowed": allowed or "-"}
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return str(UNSUPPORTED_MEDIA_TYPE_DETAIL) % {"media_type": echo(request.content_type if request else "")}
    if isinstance(exc, exceptions.NotAcceptable):
        return str(NOT_ACCEPTABLE_DETAIL)
    if isinstance(exc, exceptions.NotAuthenticated):
        return str(NOT_AUTHENTICATED_DETAIL)
    if isinstance(exc, DjangoPermissionDenied) and exc.args:
        return str(exc.args[0])
    if isinstance(exc, APIException) and isinstance(exc.detail, str):
        return str(exc.detail)
    return str(TITLE_OTHER)


def _invalid_params(data: Any, prefix: str = "") -> list[dict[str, str]]:
    params: list[dict[str, str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            params.extend(_invalid_params(value, name))
    elif isinstance(data, list):
        if all(not isinstance(v, dict | list) for v in data):
            params.extend({"name": prefix or "body", "reason": str(v)} for v in data)
        else:
            for i, value in enumerate(data):
                params.extend(_invalid_params(value, f"{prefix}[{i}]"))
    else:
        params.append({"name": prefix or "body", "reason": str(data)})
    return params
