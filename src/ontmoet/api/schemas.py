"""The OpenAPI document follows the NL API Design Rules in one place: the postprocessing hook below.

For every operation the hook documents what the API does for every request anyway, so that no view can forget
it: the ``API-Version`` header on every answer (/core/version-header, set by ``ontmoet.api.middleware``), and
the error answers as problem details (/core/problem-details): 400 for every operation (any request may carry
invalid input, at least a NUL byte in a query or header, see ``ontmoet.core.request_guard``), 401 and 403, 406,
404 where the path names a resource or a page, 415 and 422 where there is a body (ADR 0033: a 400 for what the
document says, a 422 for a rule it cannot state). A view documents its own other errors (409)
with a description only; the hook gives every 4xx/5xx answer the problem schema.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from ontmoet.core.api_schemas import PROBLEM, PROBLEM_SCHEMA

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
VERSION_HEADER_REF = {"$ref": "#/components/headers/API-Version"}
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

#: The error answers every operation has, and when (status, description, applies to the operation).
STANDARD_ERRORS: tuple[tuple[str, str, Any], ...] = (
    ("400", "Ongeldig verzoek of ongeldige invoer; bij invoer staan de velden in invalidParams.", lambda p, o: True),
    ("401", "Niet ingelogd: stuur 'Authorization: Bearer <token>'.", lambda p, o: True),
    ("403", "Uw rol of uw plekken geven geen toegang.", lambda p, o: True),
    ("404", "Deze bron of pagina bestaat niet, of u mag haar niet zien.", lambda p, o: "{" in p or _paginated(o)),
    ("406", "Alleen application/json is beschikbaar.", lambda p, o: True),
    ("415", "Stuur de body als application/json.", lambda p, o: "requestBody" in o),
    ("422", "De invoer is zoals dit document haar beschrijft, maar botst met een regel die het niet kan uitdrukken "
            "(bv. een plek die niet bestaat, een einde voor het begin); de velden staan in invalidParams.",
     lambda p, o: "requestBody" in o),
)


def _paginated(operation: dict[str, Any]) -> bool:
    """A list with pages answers 404 for a page past the last one."""
    return any(p.get("name") == "page" and p.get("in") == "query" for p in operation.get("parameters", []))


def apply_design_rules(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"])."""
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    components.setdefault("headers", {})["API-Version"] = {
        "description": "De volledige versie van de API (semver); de URI bevat alleen de hoofdversie.",
        "schema": {"type": "string", "example": settings.API_VERSION},
    }
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            responses = operation.setdefault("responses", {})
            for code, description, applies in STANDARD_ERRORS:
                if applies(path, operation):
                    responses.setdefault(code, {"description": description})
            for code, response in responses.items():
                response.setdefault("headers", {})["API-Version"] = VERSION_HEADER_REF
                if code[0] in "45":
                    response["content"] = {PROBLEM: {"schema": PROBLEM_REF}}
    return result
