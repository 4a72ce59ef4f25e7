"""Schemathesis against the published OpenAPI document: no input makes the API answer with a 5xx.

Two parts: generated cases for every operation (schemathesis' own strategies), and the hostile inputs of the
issue "Make what exists trustworthy" (B4) placed by hand into every query parameter, path parameter and body
property that the document declares: NUL bytes, lone surrogates, control characters, formula prefixes, huge
and deep values. Every answer must be documented-conformant, and every 4xx a problem+json.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import token_issue
from tests.factories import PlaceFactory, UserFactory

# The document is read once from the running application (no database access is needed for it).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
OPERATIONS = [result.ok() for result in schema.get_all_operations()]

HOSTILE_TEXT = ["\x00", "a\x00b", "\ud800", "x\udfffy", "\x07\x1b[31m\x7f", '=HYPERLINK("http://example.org","klik")',
                "+31", "-1", "@SUM(A1)", "²", "99999999999999999999", "x" * 100_000, " ", ""]
# A URL carries UTF-8 only: a lone surrogate cannot be sent in a query or path (its bytes, %ED%A0%80, arrive as
# invalid UTF-8 instead; tests/api/test_hostile_input.py sends those).
IN_URLS = [v for v in HOSTILE_TEXT if not any("\ud800" <= c <= "\udfff" for c in v)]
HOSTILE_VALUES: list[Any] = [*HOSTILE_TEXT, 10**30, -(10**30), 1e308, -1e308, 0.1, True, None, [], {},
                             ["\x00"], {"\ud800": 1}, {"a": {"b": {"c": {"d": ["\x00"]}}}}, [[[[[[[[]]]]]]]]]


@pytest.fixture
def admin_token(transactional_db):
    PlaceFactory(name="Fuzz plek", type="community_house")
    user = UserFactory(username="fuzz-admin", role=Role.ADMINISTRATOR)
    return token_issue(user=user, by=None)


def test_the_fuzzer_calls_the_real_endpoints():
    # The base path comes from the document's servers; a wrong one would only meet the catch-all 404.
    assert schema.get_full_path("/places") == "/api/v1/places"
    assert {f"{op.method.upper()} {op.path}" for op in OPERATIONS} >= {
        "GET /places", "POST /places", "PATCH /places/{id}", "POST /places/{id}/type-changes",
        "POST /assessments", "POST /budget/scenarios", "GET /neighbourhoods/{code}"}


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_api_never_answers_with_a_server_error(case, admin_token):
    case.call_and_validate(headers={"Authorization": f"Bearer {admin_token}"},
                           checks=[not_a_server_error, response_schema_conformance])


def _resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        node = schema.raw_schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _body_properties(operation: Any) -> list[str]:
    content = operation.definition.raw.get("requestBody", {}).get("content", {})
    body = _resolve(content.get("application/json", {}).get("schema", {}))
    return list(body.get("properties", {}))


def _content_type(response: Any) -> str:
    return response.headers.get("content-type", [""])[0]


def hostile_cases() -> list[tuple[Any, dict[str, Any]]]:
    """(operation, Case arguments): each hostile value in each place the document declares."""
    cases: list[tuple[Any, dict[str, Any]]] = []
    for operation in OPERATIONS:
        path_defaults = {p.name: "1" for p in operation.path_parameters}
        for parameter in operation.query:
            cases.extend((operation, {"query": {parameter.name: v}, "path_parameters": path_defaults})
                         for v in IN_URLS)
        for parameter in operation.path_parameters:
            cases.extend((operation, {"path_parameters": {**path_defaults, parameter.name: v}})
                         for v in IN_URLS if v.strip())
        for name in _body_properties(operation):
            cases.extend((operation, {"body": {name: v}, "path_parameters": path_defaults, "media_type":
                                      "application/json"}) for v in HOSTILE_VALUES)
        if _body_properties(operation):
            cases.append((operation, {"body": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],
                                      "path_parameters": path_defaults, "media_type": "application/json"}))
    return cases


def test_hostile_inputs_in_every_declared_place_are_4xx_problems_never_5xx(admin_token):
    cases = hostile_cases()
    assert len(cases) > 500  # every operation, parameter and property contributed
    failures = []
    for operation, arguments in cases:
        case = operation.Case(**arguments)
        response = case.call(headers={"Authorization": f"Bearer {admin_token}"})
        try:
            case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])
        except Exception as error:  # collect all, report together
            failures.append(f"{operation.label} {str(arguments)[:200]}: {type(error).__name__} {error}"[:400])
            continue
        if 400 <= response.status_code < 500 and _content_type(response) != "application/problem+json":
            failures.append(f"{operation.label} {arguments}: {response.status_code} is not problem+json")
    assert failures == []


@pytest.mark.parametrize("header", ["Bearer \x00", "Bearer a\x00b", "Token \x00\x00", "\x00"])
def test_a_nul_byte_in_the_authorization_header_is_a_400_on_every_operation(admin_token, header):
    for operation in OPERATIONS:
        case = operation.Case(path_parameters={p.name: "1" for p in operation.path_parameters})
        response = case.call(headers={"Authorization": header})
        assert response.status_code == 400, (operation.label, response.status_code)
        assert _content_type(response) == "application/problem+json"
