"""Every API call's query is held to the published document (ontmoet.api.query, ADR 0033), and the 400/422 split:
a 400 means the request is not what the document describes, a 422 that it is, but breaks a rule."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from ontmoet.accounts.roles import Role
from ontmoet.api import query
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


def _query_schemas() -> list[tuple[str, str, str, dict[str, Any]]]:
    document = Client().get("/api/v1/openapi.json").json()
    return [(path, method, p["name"], p.get("schema", {}))
            for path, item in document["paths"].items() for method, op in item.items()
            for p in op.get("parameters", []) if p.get("in") == "query"]


def test_the_check_understands_every_keyword_the_document_uses():
    # A new kind of query parameter (an array, a number) must be taught to the check, or it would pass unchecked.
    found = _query_schemas()
    assert len(found) > 40
    for path, method, name, schema in found:
        assert set(schema) <= query.KEYWORDS | query.DESCRIPTIVE, (method, path, name, schema)
        assert schema.get("type") in ("integer", "string", "boolean"), (method, path, name, schema)


def test_the_check_finds_the_operation_of_every_documented_path():
    for path, method, name, _schema in _query_schemas():
        sample = "/api/v1" + path.replace("{id}", "7").replace("{changeId}", "3").replace("{code}", "BU1")
        assert name in (query.declared(sample, method) or {}), (method, path, name)
    # A literal path is not taken for a path with a parameter that would match it too.
    assert "projects" in query.declared("/api/v1/budget", "GET")  # type: ignore[operator]
    assert query.declared("/api/v1/nergens", "GET") is None


def test_filters_are_declared_for_reading_only():
    # A list's filters are not parameters of its POST (they were, and a client might think they do something).
    posts = {(path, name) for path, method, name, _ in _query_schemas() if method == "post"}
    assert posts == {("/budget/scenarios", "projects")}


@pytest.mark.parametrize(("url", "name", "reason"), [
    ("/api/v1/places?type=zwembad", "type", "Onbekende waarde 'zwembad'"),
    ("/api/v1/places?type=", "type", "Onbekende waarde ''"),
    ("/api/v1/places?page=0", "page", "Ten minste 1"),
    ("/api/v1/places?page=", "page", "Verwacht een geheel getal"),
    ("/api/v1/places?pageSize=201", "pageSize", "Ten hoogste 200"),
    ("/api/v1/places?pageSize=1.5", "pageSize", "Verwacht een geheel getal"),
    ("/api/v1/places?page=1&page=2", "page", "Eén waarde verwacht, niet 2"),
    ("/api/v1/activities?from=2026-02-30", "from", "Verwacht een datum"),
    ("/api/v1/activities?place=-1", "place", "Ten minste 0"),
    ("/api/v1/board-support-requests?kind=", "kind", "Onbekende waarde"),
    ("/api/v1/community-work-hours?year=1999", "year", "Ten minste 2000"),
    ("/api/v1/indicators?year=", "year", "Verwacht een geheel getal"),
    ("/api/v1/budget?projects=ja", "projects", "Verwacht true of false"),
    ("/api/v1/applications?state=%3DSUM(A1)", "state", "Onbekende waarde '=SUM(A1)'"),
])
def test_a_query_the_document_does_not_allow_is_a_400_naming_the_parameter(api_client_for, url, name, reason):
    response = api_client_for(Role.ADMINISTRATOR).get(url)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["title"] == "Ongeldige invoer"
    assert [p["name"] for p in body["invalidParams"]] == [name]
    assert body["invalidParams"][0]["reason"].startswith(reason)


def test_a_query_the_document_allows_passes_and_unknown_parameters_are_left_alone(api_client_for):
    PlaceFactory(type="community_house")
    client = api_client_for(Role.ADMINISTRATOR)
    for url in ("/api/v1/places?type=community_house&page=1&pageSize=200", "/api/v1/places?utm_source=nieuwsbrief",
                "/api/v1/activities?from=2026-01-01&to=2026-12-31&place=0", "/api/v1/budget?projects=false",
                "/api/v1/indicators?year=2027"):
        assert client.get(url).status_code == 200, url


def test_the_check_comes_after_the_guard_and_names_no_operation_outside_the_document(api_client_for):
    client = api_client_for(Role.ADMINISTRATOR)
    assert client.get("/api/v1/places?type=%00").json()["detail"].startswith("Het verzoek bevat een NUL-teken")
    assert client.get("/api/v1/bestaat-niet?page=x").status_code == 404


def test_a_rule_is_a_422_and_the_shape_a_400(api_client_for):
    client = api_client_for(Role.POLICY_OFFICER)
    # The shape: a decimal that is not one.
    shape = client.post("/api/v1/community-work-requests", {"place": 1, "year": 2027, "fte": "abc", "purpose": "x"},
                        format="json")
    assert shape.status_code == 400
    assert {p["name"] for p in shape.json()["invalidParams"]} >= {"fte"}
    # A rule: the place does not exist (and nothing else is wrong).
    rule = client.post("/api/v1/community-work-requests", {"place": 987654, "year": 2027, "fte": "0.25",
                                                           "purpose": "Buurt"}, format="json")
    assert rule.status_code == 422
    assert rule["Content-Type"] == PROBLEM
    assert rule.json()["title"] == "Botst met een regel"
    assert [p["name"] for p in rule.json()["invalidParams"]] == ["place"]
    # Both at once: the shape wins, so that a client first learns to follow the document.
    both = client.post("/api/v1/community-work-requests", {"place": 987654, "year": 2027, "fte": "", "purpose": "x"},
                       format="json")
    assert both.status_code == 400
