"""Hostile input is a 4xx problem, never a 5xx: deep JSON, NUL bytes, lone surrogates, huge values, and the
query values that break ``str.isdigit`` (on the API and on the pages that read query parameters).

Runs on SQLite and, in ``make test``, again on PostgreSQL (where a NUL byte used to be a DataError).
"""

from __future__ import annotations

import json
import re

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

from ontmoet.accounts.roles import Role
from ontmoet.api import parsers
from tests.factories import PlaceFactory
from tests.factories_finance import InvestmentProjectFactory, ScenarioFactory

PROBLEM = "application/problem+json"
DEEP = "[" * 50_000 + "]" * 50_000


@pytest.fixture
def place(transactional_db):
    return PlaceFactory(name="Eigen plek", type="community_house")


@pytest.fixture
def officer(api_client_for):
    client = api_client_for(Role.POLICY_OFFICER)
    client.raise_request_exception = False  # a 500 must show as a 500 here, not as an exception
    return client


@pytest.fixture
def board(api_client_for, place):
    client = api_client_for(Role.BOARD_MEMBER)
    place.board_accounts.add(client.user)
    client.raise_request_exception = False
    return client


def writes(place) -> list[tuple[str, str]]:
    """Every write endpoint of the API."""
    return [("post", "/api/v1/places"), ("patch", f"/api/v1/places/{place.pk}"),
            ("post", f"/api/v1/places/{place.pk}/type-changes"), ("post", "/api/v1/assessments"),
            ("post", "/api/v1/budget/scenarios")]


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == PROBLEM
    return response.json()


def reasons(body: dict) -> dict[str, str]:
    return {p["name"]: p["reason"] for p in body.get("invalidParams", [])}


# --- bodies ---------------------------------------------------------------------------------------------------


def test_json_nested_50000_deep_is_a_400_on_every_write_endpoint(api_client_for, place):
    client = api_client_for(Role.ADMINISTRATOR)
    client.raise_request_exception = False
    for method, url in writes(place):
        body = assert_problem(getattr(client, method)(url, DEEP, content_type="application/json"), 400)
        assert body["detail"] == "De JSON is dieper genest dan 32 niveaus.", url


def test_a_board_member_cannot_break_the_patch_with_deep_json(board, place):
    assert_problem(board.patch(f"/api/v1/places/{place.pk}", DEEP, content_type="application/json"), 400)


@pytest.mark.parametrize(("depth", "refused"), [(32, False), (33, True)])
def test_the_depth_limit_is_exactly_32_levels(officer, depth, refused):
    body = '{"name": "x", "type": "living_room", "description": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"
    response = officer.post("/api/v1/places", body, content_type="application/json")
    assert response.status_code == 400
    assert (response.json()["detail"] == "De JSON is dieper genest dan 32 niveaus.") is refused


@pytest.mark.parametrize(("raw", "depth"), [
    (b"{}", 1), (b"[[], [[]]]", 3), (b'{"a": "[[[[[[", "b": ["]]]"]}', 2), (b'"\\"[[["', 0), (b"12", 0),
    (b'{"a": "\\\\", "b": [[]]}', 3),
])
def test_nesting_depth_ignores_brackets_inside_strings(raw, depth):
    assert parsers.nesting_depth(raw) == depth


@pytest.mark.parametrize(("field", "value"), [
    ("type", "\ud800"), ("name", "a\udfffb"), ("neighbourhood", "\udc00"),
])
def test_a_lone_surrogate_in_any_field_is_a_422_naming_it(officer, field, value):
    body = {"name": "Plek", "type": "living_room", field: value}
    raw = json.dumps(body)  # json escapes the surrogate as \\ud800, as a client would send it
    # Valid JSON, and a string as the document allows, but it cannot be stored: a rule (ADR 0033).
    problem = assert_problem(officer.post("/api/v1/places", raw, content_type="application/json"), 422)
    assert reasons(problem)[field] == str(parsers.SURROGATE_IN_TEXT)


def test_a_lone_surrogate_in_a_key_is_a_400(officer):
    raw = '{"name": "Plek", "type": "living_room", "\\ud800": 1}'
    problem = assert_problem(officer.post("/api/v1/places", raw, content_type="application/json"), 400)
    assert reasons(problem)["body"] == str(parsers.BAD_KEY)


@pytest.mark.parametrize("field", ["name", "neighbourhood", "type", "street", "website", "postcode"])
def test_a_nul_byte_in_any_body_field_is_a_422_naming_it(officer, field):
    body = {"name": "Plek", "type": "living_room", field: "a\x00b"}
    problem = assert_problem(officer.post("/api/v1/places", body, format="json"), 422)
    assert reasons(problem)[field] == str(parsers.NUL_IN_TEXT)


def test_a_nul_byte_in_a_nested_field_names_its_path(officer):
    body = {"type": "living_room", "neighbourhood": "BU09350207",
            "modernisation": {"sustainabilityMeasures": ["isolatie", "zon\x00"]}}
    problem = assert_problem(officer.post("/api/v1/assessments", body, format="json"), 422)
    assert reasons(problem) == {"modernisation.sustainabilityMeasures[1]": str(parsers.NUL_IN_TEXT)}


@pytest.mark.parametrize(("raw", "detail"), [
    ('{"name": 1' + "0" * 5000 + "}", parsers.NOT_JSON_VALUE),
    ('{"name": NaN}', parsers.NOT_JSON_VALUE),
    ('{"name": Infinity}', parsers.NOT_JSON_VALUE),
    ('{"name": "x",', None),
    (b"\xff\xfe{}", parsers.NOT_UTF8),
])
def test_malformed_bodies_are_a_400_with_a_dutch_detail(officer, raw, detail):
    problem = assert_problem(officer.post("/api/v1/places", raw, content_type="application/json"), 400)
    if detail is None:
        assert problem["detail"].startswith("De body is geen geldige JSON (regel 1, kolom")
    else:
        assert problem["detail"] == str(detail)


def test_a_body_larger_than_the_upload_limit_is_a_413(officer):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    raw = json.dumps({"name": "x" * limit, "type": "living_room"})
    problem = assert_problem(officer.post("/api/v1/places", raw, content_type="application/json"), 413)
    assert problem["title"] == "Verzoek te groot"
    assert problem["detail"] == f"De body is groter dan {limit} bytes."


@pytest.mark.parametrize(("field", "value"), [
    ("name", "x" * 100_000), ("latitude", 1e308), ("latitude", 10**400), ("longitude", -1e308),
    ("houseNumber", 10**30), ("stepFreeEntrance", "ja" * 1000), ("website", "http://" + "a" * 5000),
])
def test_huge_values_are_a_400_naming_the_field(officer, field, value):
    body = {"name": "Plek", "type": "living_room", field: value}
    raw = json.dumps(body) if not isinstance(value, int) else json.dumps(body).replace(json.dumps(value), str(value))
    problem = assert_problem(officer.post("/api/v1/places", raw, content_type="application/json"), 400)
    assert field in reasons(problem) or field == "latitude"


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://example.org\",\"klik\")", "+31 43 123", "-1", "@SUM(A1)",
                                  "tab\tin", "bel\x07"])
def test_formula_prefixes_and_control_characters_are_never_a_server_error(officer, name):
    response = officer.post("/api/v1/places", {"name": name, "type": "living_room",
                                               "neighbourhood": "BU09350207"}, format="json")
    assert response.status_code < 500
    if response.status_code == 201:
        assert response.json()["name"] == name  # stored as typed; exports escape formulas themselves
    else:
        assert response["Content-Type"] == PROBLEM


# --- queries, paths, headers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "/api/v1/places?neighbourhood=%00", "/api/v1/places?type=a%00", "/api/v1/places?%00=1",
    "/api/v1/budget?projects=%00", "/api/v1/neighbourhoods/%00", "/api/v1/places/1/%00",
])
def test_a_nul_byte_in_a_query_or_path_is_a_400_problem(api_client_for, transactional_db, url):
    client = api_client_for(Role.FINANCE_ADVISOR)
    client.raise_request_exception = False
    problem = assert_problem(client.get(url), 400)
    assert problem["title"] == "Ongeldig verzoek"
    assert "NUL-teken" in problem["detail"]


@pytest.mark.parametrize(("header", "value"), [
    ("HTTP_AUTHORIZATION", "Bearer abc\x00def"), ("HTTP_AUTHORIZATION", "Token \x00"),
    ("HTTP_COOKIE", "sessionid=abc\x00def"), ("HTTP_ACCEPT_LANGUAGE", "nl\x00"), ("HTTP_X_ANYTHING", "\ud800"),
])
def test_a_nul_byte_or_surrogate_in_a_header_is_a_400_problem(client, transactional_db, header, value):
    client.raise_request_exception = False
    problem = assert_problem(client.get("/api/v1/places", **{header: value}), 400)
    assert "header" in problem["detail"]


@pytest.mark.parametrize("url", ["/api/v1/places?neighbourhood=%ED%A0%80", "/api/v1/places?type=%ED%A0%80",
                                 "/api/v1/neighbourhoods/%ED%A0%80", "/api/v1/places?%FF%FE=1"])
def test_the_bytes_of_a_surrogate_or_invalid_utf8_in_a_url_are_never_a_server_error(api_client_for,
                                                                                   transactional_db, url):
    client = api_client_for(Role.POLICY_OFFICER)
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code in (200, 400, 404)
    if response.status_code != 200:
        assert response["Content-Type"] == PROBLEM


def test_huge_ids_and_page_numbers_are_4xx(api_client_for, transactional_db):
    client = api_client_for(Role.FINANCE_ADVISOR)
    client.raise_request_exception = False
    assert_problem(client.get("/api/v1/budget/scenarios/99999999999999999999"), 404)
    assert_problem(client.get("/api/v1/budget/scenarios?page=99999999999999999999"), 404)
    # The document says at most 200 a page (ontmoet.api.query holds every call to it): a 400, not a silent cap.
    assert_problem(client.get("/api/v1/budget/scenarios?pageSize=99999999999999999999"), 400)
    assert_problem(client.get("/api/v1/places/99999999999999999999999"), 404)


# --- pages ----------------------------------------------------------------------------------------------------


@pytest.fixture
def finance_page(client, user_with_role, transactional_db):
    client.force_login(user_with_role(Role.FINANCE_ADVISOR))
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("value", ["²", "٣", "1²", "99999999999999999999999"])
def test_budget_export_with_a_scenario_that_is_no_id_is_a_404(finance_page, value):
    ScenarioFactory(name="Bestaand")
    assert finance_page.get("/financien/export.csv", {"scenario": value}).status_code == 404


def test_budget_export_with_a_real_scenario_id_still_works(finance_page):
    scenario = ScenarioFactory(name="Bestaand")
    assert finance_page.get("/financien/export.csv", {"scenario": str(scenario.pk)}).status_code == 200


@pytest.mark.parametrize("value", ["99999999999999999999", "9" * 40])
def test_comparing_a_scenario_id_beyond_the_database_is_a_form_error(finance_page, value):
    scenario = ScenarioFactory(name="Bestaand")
    response = finance_page.get("/financien/scenarios/vergelijken", {"scenarios": [str(scenario.pk), value]})
    assert response.status_code == 200
    errors = response.context["form"].errors["scenarios"]
    assert errors == [f"Selecteer een geldige keuze. {value[:40]} is geen beschikbare keuze."]


def test_comparing_without_a_choice_shows_the_empty_form(finance_page):
    response = finance_page.get("/financien/scenarios/vergelijken")
    assert response.status_code == 200
    assert not response.context["form"].is_bound


@pytest.mark.parametrize("value", ["²", "٢٠٢٤", "99999999999999999999"])
def test_vulnerability_page_with_a_year_that_is_no_year_shows_the_default(client, user_with_role, value):
    client.force_login(user_with_role(Role.POLICY_OFFICER))
    client.raise_request_exception = False
    response = client.get("/afwegingskader/kwetsbaarheid", {"jaar": value})
    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/register/?q=%00", "/financien/export.csv?scenario=%00", "/register/%00",
                                 "/accounts/login?next=%00"])
def test_a_nul_byte_on_a_page_is_a_400(client, user_with_role, url):
    client.force_login(user_with_role(Role.POLICY_OFFICER))
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code == 400
    assert "application/problem+json" not in response["Content-Type"]


def test_a_nul_byte_in_the_session_cookie_of_a_page_is_a_400(client, db):
    client.raise_request_exception = False
    assert client.get("/accounts/login", HTTP_COOKIE="sessionid=ab\x00cd").status_code == 400


def _page_routes(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _page_routes(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and not prefix.startswith("api/"):
            yield prefix + str(entry.pattern)


HOSTILE_QUERY = {"scenario": "²", "jaar": "²", "page": "99999999999999999999", "q": "\ufffd" * 3, "type": "²",
                 "latitude": "²", "longitude": "1e999", "scenarios": "99999999999999999999", "year": "٣",
                 "neighbourhood": "x" * 5000, "place": "99999999999999999999", "format": "²"}


def test_no_page_answers_hostile_query_values_with_a_server_error(client, user_with_role):
    place = PlaceFactory(name="Plek")
    ScenarioFactory()
    InvestmentProjectFactory()
    client.force_login(user_with_role(Role.ADMINISTRATOR))
    client.raise_request_exception = False
    failures, pages = [], 0
    for route in _page_routes(get_resolver()):
        url = "/" + re.sub(r"<int:\w+>", str(place.pk), route)
        url = re.sub(r"<\w+:\w+>", "x", url)
        pages += 1
        status = client.get(url, HOSTILE_QUERY).status_code
        if status >= 500:
            failures.append((url, status))
    assert pages > 20
    assert failures == []


@pytest.mark.parametrize("charset", ["utf-16", "utf-32"])
def test_a_nul_escape_in_another_charset_is_refused_too(officer, charset):
    raw = '{"name": "a\\u0000b", "type": "living_room"}'.encode(charset)
    response = officer.post("/api/v1/places", raw, content_type=f"application/json; charset={charset}")
    problem = assert_problem(response, 422)
    assert reasons(problem) == {"name": str(parsers.NUL_IN_TEXT)}


def test_an_escaped_backslash_before_u0000_is_plain_text(officer):
    response = officer.post("/api/v1/places", '{"name": "C:\\\\u0000", "type": "living_room"}',
                            content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["name"] == "C:\\u0000"
