"""The query parameters of every API call are checked against the published OpenAPI document, before the view.

The document is the contract (ADR 0033): a query parameter it declares as an integer from 2000 to 2100, a
date, or one of an enum is refused with a 400 when it is not, instead of each view parsing it in its own way
(and some ignoring ``?kind=`` or ``?pageSize[]=x``). A parameter the document does not declare for the
operation is left alone: proxies and browsers add their own. The views still read the values they use; this
check only guarantees that what they read is what the document promised.

Only the keywords in ``KEYWORDS`` are understood; tests/api/test_query_contract.py fails when the document
uses another one, so that a new kind of parameter cannot go unchecked.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from ontmoet.api.errors import INVALID_INPUT, INVALID_INPUT_DETAIL, problem
from ontmoet.core.api_errors import echo

API_BASE = "/api/v1"
#: The schema keywords this check understands (and the ones that only describe).
KEYWORDS = frozenset({"type", "format", "enum", "minimum", "maximum", "pattern", "minLength", "maxLength"})
DESCRIPTIVE = frozenset({"description", "example", "default", "title"})
TRUE, FALSE = ("true", "1"), ("false", "0")


@dataclass(frozen=True)
class Operation:
    path: str  # as in the document, e.g. /places/{id}
    pattern: re.Pattern[str]
    parameters: dict[str, dict[str, Any]]  # method -> {name: schema} of the query parameters


@cache
def operations() -> tuple[Operation, ...]:
    """The document's paths with their query parameters, literal paths before those with a parameter (so that
    /budget/scenarios is not taken for /budget/{something})."""
    from drf_spectacular.generators import SchemaGenerator

    document = SchemaGenerator().get_schema(request=None, public=True)  # type: ignore[no-untyped-call]
    found = []
    for path, item in document["paths"].items():
        regex = "^" + re.escape(API_BASE) + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path)) + "$"
        parameters = {method.upper(): {p["name"]: p.get("schema", {}) for p in op.get("parameters", [])
                                       if p.get("in") == "query"}
                      for method, op in item.items() if isinstance(op, dict)}
        found.append(Operation(path, re.compile(regex), parameters))
    return tuple(sorted(found, key=lambda o: (o.path.count("{"), o.path)))


def declared(path: str, method: str) -> dict[str, dict[str, Any]] | None:
    """The query parameters the document declares for this call, or None when it names no operation."""
    for operation in operations():
        if operation.pattern.match(path):
            return operation.parameters.get(method.upper())
    return None


def _integer(raw: str) -> int | None:
    return int(raw) if re.fullmatch(r"-?[0-9]{1,30}", raw) else None


def _date(raw: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(raw) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw) else None
    except ValueError:
        return None


def problem_with(raw: str, schema: dict[str, Any]) -> str | None:
    """Why ``raw`` (a query string value) does not meet ``schema``, in the user's language; None when it does."""
    kind = schema.get("type", "string")
    value: Any = raw
    if kind == "integer":
        value = _integer(raw)
        if value is None:
            return _("Verwacht een geheel getal, niet '%(value)s'.") % {"value": echo(raw)}
    elif kind == "boolean":
        if raw not in TRUE + FALSE:
            return _("Verwacht true of false, niet '%(value)s'.") % {"value": echo(raw)}
        return None
    elif schema.get("format") == "date" and _date(raw) is None:
        return _("Verwacht een datum als JJJJ-MM-DD, niet '%(value)s'.") % {"value": echo(raw)}
    if "enum" in schema and value not in schema["enum"]:
        return _("Onbekende waarde '%(value)s'. Kies uit: %(choices)s.") % {
            "value": echo(raw), "choices": ", ".join(str(c) for c in schema["enum"])}
    if "minimum" in schema and value < schema["minimum"]:
        return _("Ten minste %(minimum)s, niet %(value)s.") % {"minimum": schema["minimum"], "value": echo(raw)}
    if "maximum" in schema and value > schema["maximum"]:
        return _("Ten hoogste %(maximum)s, niet %(value)s.") % {"maximum": schema["maximum"], "value": echo(raw)}
    if "minLength" in schema and len(raw) < schema["minLength"]:
        return _("Ten minste %(count)s tekens.") % {"count": schema["minLength"]}
    if "maxLength" in schema and len(raw) > schema["maxLength"]:
        return _("Ten hoogste %(count)s tekens.") % {"count": schema["maxLength"]}
    if "pattern" in schema and not re.search(schema["pattern"], raw):
        return _("Heeft niet de vorm %(pattern)s.") % {"pattern": schema["pattern"]}
    return None


def query_problems(request: HttpRequest) -> list[dict[str, str]]:
    """The query parameters of this request that the document does not allow, as problem details' invalidParams."""
    parameters = declared(request.path_info, request.method or "GET")
    if not parameters:
        return []
    found = []
    for name, values in request.GET.lists():
        schema = parameters.get(name)
        if schema is None:
            continue
        if len(values) != 1:
            found.append({"name": echo(name), "reason": _("Eén waarde verwacht, niet %(count)s.") % {
                "count": len(values)}})
            continue
        reason = problem_with(values[0], schema)
        if reason is not None:
            found.append({"name": echo(name), "reason": reason})
    return found


class QueryContractMiddleware:
    """Answers a 400 problem (with ``invalidParams``) for a query the document does not allow."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(API_BASE + "/") and request.GET:
            invalid = query_problems(request)
            if invalid:
                body = problem(400, title=str(INVALID_INPUT), detail=str(INVALID_INPUT_DETAIL),
                               instance=echo(request.path), invalid_params=invalid)
                return HttpResponse(json.dumps(body, ensure_ascii=False), status=400,
                                    content_type="application/problem+json")
        return self.get_response(request)
