"""Errors as RFC 9457 problem details (NL API Design Rules, API-46), never a 500 for bad input."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.exceptions import ValidationError as DRFValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ValidationError):
        exc = DRFValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages})
    response = exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    problem: dict[str, Any] = {
        "type": "about:blank",
        "title": _title(exc, response.status_code),
        "status": response.status_code,
    }
    if isinstance(data, dict) and set(data) == {"detail"}:
        problem["detail"] = str(data["detail"])
    elif data is not None:
        problem["invalidParams"] = _invalid_params(data)
    response.data = problem
    response.content_type = "application/problem+json"
    return response


def _title(exc: Exception, code: int) -> str:
    if isinstance(exc, DRFValidationError):
        return "Ongeldige invoer"
    if isinstance(exc, Http404) or code == status.HTTP_404_NOT_FOUND:
        return "Niet gevonden"
    if isinstance(exc, PermissionDenied) or code == status.HTTP_403_FORBIDDEN:
        return "Geen toegang"
    if code == status.HTTP_401_UNAUTHORIZED:
        return "Niet ingelogd"
    if isinstance(exc, APIException):
        return str(exc.default_detail)
    return "Fout"


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
