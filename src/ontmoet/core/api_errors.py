"""Exceptions of the API that apps raise (409, 413), and how much of a client's value a message repeats.

In core because apps import them (ADR 0010); no import of DRF's views here, since the API's parser imports this
module and DRF's views import the parser through the settings.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException

#: How much of a value the client sent is echoed in a message (a 2 MB header is not repeated back).
ECHO_LIMIT = 100


class Conflict(APIException):
    """409: the request is valid but clashes with the state of the register (e.g. a cap of the plan)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Dit verzoek botst met de huidige toestand.")
    default_code = "conflict"


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
