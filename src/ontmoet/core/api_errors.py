"""Exceptions of the API that apps raise (409, 413, 422), and how much of a client's value a message repeats.

In core because apps import them (ADR 0010); no import of DRF's views here, since the API's parser imports this
module and DRF's views import the parser through the settings.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.exceptions import ValidationError as DRFValidationError

#: How much of a value the client sent is echoed in a message (a 2 MB header is not repeated back).
ECHO_LIMIT = 100


class Conflict(APIException):
    """409: the request is valid but clashes with the state of the register (e.g. a cap of the plan)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Dit verzoek botst met de huidige toestand.")
    default_code = "conflict"


class RuleBroken(DRFValidationError):
    """422: the request is what the OpenAPI document describes, but breaks a rule the document cannot state.

    A reference to a place that does not exist, an end before its start, a type change dated before the place's
    first record, a ceiling for a year the scheme does not cover (ADR 0033). A 400 is kept for what the
    document does say (types, formats, enums, patterns, lengths, required fields), so that a client that follows
    the document never meets a 400, and a 400 always means the client did not follow it. Answered like a 400:
    problem details with ``invalidParams``.
    """

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "rule_broken"


def rule_broken(error: DjangoValidationError, names: Mapping[str, str] | None = None) -> RuleBroken:
    """A service's refusal (a Django ValidationError) as a 422, with the service's field names renamed to the
    API's (``names``; ``__all__`` becomes ``nonFieldErrors``)."""
    if not hasattr(error, "error_dict"):
        return RuleBroken(error.messages)
    rename = {"__all__": "nonFieldErrors", **(names or {})}
    return RuleBroken({rename.get(k, k): v for k, v in error.message_dict.items()})


TOO_LARGE = _("De body is groter dan %(limit)s bytes.")


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("Het verzoek is te groot.")
    default_code = "too_large"

    @classmethod
    def over(cls, limit: int | None) -> RequestTooLarge:
        return cls(str(TOO_LARGE) % {"limit": limit}) if limit else cls()


def echo(value: object) -> str:
    """A value the client sent, shortened for a message."""
    text = str(value)
    return text if len(text) <= ECHO_LIMIT else text[:ECHO_LIMIT] + "…"
