"""The NL API Design Rules, each checked on the published OpenAPI document and on real answers.

Every rule the official linter checks (run on /api/v1/openapi.json) has a test of its own here, named after the
rule, so that the document cannot drift back: servers and version in the URI, contact, the API-Version header,
a 400 problem for every operation, problem details for every error, semver, casing of paths and query keys.
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.urls import reverse

from ontmoet.accounts.roles import Role
from tests.factories import PlaceFactory
from tests.factories_finance import ScenarioFactory

pytestmark = pytest.mark.django_db

METHODS = {"get", "put", "post", "delete", "patch", "options", "head", "trace"}
STANDARD_METHODS = {"get", "put", "post", "delete", "patch"}


@pytest.fixture
def document(client):
    return client.get("/api/v1/openapi.json").json()


def operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def test_the_document_is_openapi_3(document):
    assert re.fullmatch(r"3\.\d+\.\d+", document["openapi"])


def test_servers_name_the_base_path_with_the_major_version_only(document):
    # /core/uri-version: the major version in the URI; never plain http (/core/transport/tls).
    assert document["servers"], "servers must be present and not empty"
    for server in document["servers"]:
        assert re.search(r"/v\d+$", server["url"]), server
        assert not server["url"].startswith("http://")
    assert sum(1 for s in document["servers"] if not s["url"].startswith("https://")) <= 1  # one relative URL


def test_the_server_url_and_the_paths_make_the_real_addresses(document, api_client_for):
    client = api_client_for(Role.POLICY_OFFICER)
    base = document["servers"][0]["url"]
    assert "/places" in document["paths"]
    assert client.get(base + "/places").status_code == 200


def test_info_contact_has_name_url_and_email(document):
    # /core/doc-openapi-contact
    contact = document["info"]["contact"]
    assert contact["name"] and contact["url"].startswith("https://") and "@" in contact["email"]


def test_info_version_is_semver(document):
    # /core/semver
    assert re.fullmatch(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)", document["info"]["version"])


def test_every_success_response_documents_the_api_version_header(document):
    # /core/version-header: every 2xx/3xx response lists API-Version among its headers.
    missing = [(path, method, code) for path, method, operation in operations(document)
               for code, response in operation["responses"].items()
               if code[0] in "23" and "API-Version" not in response.get("headers", {})]
    assert missing == []
    header = document["components"]["headers"]["API-Version"]
    assert header["schema"]["type"] == "string"


def test_every_operation_documents_a_400_problem_answer(document):
    # /core/error-handling/invalid-input: the linter asks it of writes and of reads with parameters; here every
    # operation can answer 400 (a NUL byte in a query or header is refused everywhere).
    missing = [(path, method) for path, method, operation in operations(document)
               if "400" not in operation["responses"]]
    assert missing == []
    assert len(list(operations(document))) >= 14


def test_every_error_response_is_a_problem_with_status_title_and_detail(document):
    # /core/problem-details (RFC 9457): problem+json, with status, title and detail among its properties.
    schemas = document["components"]["schemas"]
    for path, method, operation in operations(document):
        for code, response in operation["responses"].items():
            if code[0] not in "45":
                continue
            content = response.get("content", {})
            assert set(content) == {"application/problem+json"}, (path, method, code)
            ref = content["application/problem+json"]["schema"]["$ref"]
            schema = schemas[ref.rsplit("/", 1)[1]]
            assert {"status", "title", "detail"} <= set(schema["properties"]), (path, method, code)
            assert {"status", "title", "detail", "type"} <= set(schema["required"])


def test_only_standard_http_methods(document):
    # /core/http-methods
    assert {method for _path, method, _op in operations(document)} <= STANDARD_METHODS


def test_no_trailing_slashes(document):
    # /core/no-trailing-slash
    assert [path for path in document["paths"] if path.endswith("/")] == []


def test_path_segments_are_kebab_case(document):
    # /core/path-segments-kebab-case: lowercase words with hyphens; variables as {name}.
    segment = re.compile(r"[a-z0-9-]+|\{[^}]+\}")
    bad = [path for path in document["paths"] if not all(segment.fullmatch(s) for s in path.strip("/").split("/"))]
    assert bad == []


def test_query_keys_are_lower_camel_case(document):
    # /core/query-keys-camel-case
    keys = {p["name"] for _path, _m, op in operations(document) for p in op.get("parameters", []) if p["in"] == "query"}
    assert {"pageSize", "page", "type", "neighbourhood", "projects"} <= keys
    assert [k for k in keys if not re.fullmatch(r"[a-z][a-z\d]*([A-Z][a-z\d]*)*", k)] == []


def test_property_names_are_lower_camel_case(document):
    # One casing across the API: every property of every schema (request and answer).
    bad = [f"{name}.{prop}" for name, schema in document["components"]["schemas"].items()
           for prop in schema.get("properties", {})
           if not re.fullmatch(r"[a-z][a-zA-Z\d]*|\d{4}|structural|B\d", prop)]
    assert bad == []


def test_schema_names_are_upper_camel_case(document):
    assert [n for n in document["components"]["schemas"] if not re.fullmatch(r"[A-Z][A-Za-z\d]*", n)] == []


def test_the_document_is_public_and_readable_from_any_origin(client):
    # /core/publish-openapi: no login, and CORS open for this one resource.
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"].split(";")[0] == "application/vnd.oai.openapi+json"


def _example_request(path: str, method: str, place, scenario) -> tuple[str, dict | None]:
    url = "/api/v1" + path.replace("{id}", str(place.pk if path.startswith("/places") else scenario.pk))
    url = url.replace("{changeId}", str(place.type_history.first().pk)).replace("{code}", "BU09350207")
    bodies = {"post": {}, "patch": {}}
    return url, bodies.get(method)


def test_every_operation_answers_with_the_full_version_in_a_header(document, api_client_for):
    # /core/version-header, at run time: the header equals info.version, on success and on error alike.
    client = api_client_for(Role.ADMINISTRATOR)
    place, scenario = PlaceFactory(name="Versieplek"), ScenarioFactory()
    version = document["info"]["version"]
    seen = set()
    for path, method, _operation in operations(document):
        url, body = _example_request(path, method, place, scenario)
        response = getattr(client, method)(url, body, format="json")
        assert response.status_code < 500, (method, url, response.content)
        assert response["API-Version"] == version, (method, url)
        seen.add(response.status_code)
    assert {200, 400} <= seen  # both answers and errors were looked at


@pytest.mark.parametrize(("method", "url", "status"), [
    ("get", "/api/v1/places", 401),  # without credentials
    ("get", "/api/v1/bestaat-niet", 404),
    ("delete", "/api/v1/places", 401),
    ("get", "/api/v1/openapi.json", 200),
    ("get", "/api/v1/places?neighbourhood=%00", 400),
])
def test_answers_without_an_operation_carry_the_version_too(client, method, url, status):
    response = getattr(client, method)(url)
    assert response.status_code == status
    assert response["API-Version"] == settings.API_VERSION


def test_security_headers_on_every_api_answer(client):
    # /core/transport/security-headers (those that Django does not send on every page already).
    response = client.get("/api/v1/places")
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Security-Policy"] == "frame-ancestors 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_pages_do_not_get_the_api_headers(client):
    response = client.get(reverse("accounts:login"))
    assert "API-Version" not in response


def test_every_operation_is_described_and_its_tag_is_declared(document):
    # /core/doc-openapi ("clear descriptions"); the document's tags describe each group in Dutch.
    tags = {tag["name"]: tag["description"] for tag in document["tags"]}
    for path, method, operation in operations(document):
        assert operation.get("description", "").strip(), (path, method)
        assert set(operation["tags"]) <= set(tags), (path, method)
    assert all(tags.values())


# --- found by fuzzing with every role (tests/api/test_api_fuzz_roles.py): the document says what is refused -------


def test_every_request_body_refuses_unknown_fields_in_the_document_too(document):
    """The inputs refuse an unknown field by name (core.api_input.StrictInput); the document said nothing, so a
    body with an extra field was valid by the document and then refused."""
    schemas = document["components"]["schemas"]
    bodies = [name for name in schemas if name.endswith("Request")]
    assert bodies
    assert [name for name in bodies if schemas[name].get("additionalProperties") is not False] == []
    assert document["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http", "scheme": "bearer", "description": "Een API-token van Ontmoet (ont_...)."}


@pytest.mark.parametrize(("path", "name", "minimum", "maximum"), [
    ("/community-work-requests", "year", 2000, 2100), ("/board-support-requests", "place", 1, 2**31 - 1),
    ("/indicators", "year", 2000, 2100), ("/activities", "place", 0, 999_999_999),
    ("/applications", "year", 0, 10**15 - 1), ("/applications", "place", 0, 10**15 - 1)])
def test_query_numbers_declare_the_range_that_is_accepted(document, api_client_for, path, name, minimum, maximum):
    parameter = next(p for p in document["paths"][path]["get"]["parameters"] if p["name"] == name)
    assert (parameter["schema"]["minimum"], parameter["schema"]["maximum"]) == (minimum, maximum)
    client = api_client_for(Role.ADMINISTRATOR)
    assert client.get(f"/api/v1{path}", {name: maximum + 1}).status_code == 400
    assert client.get(f"/api/v1{path}", {name: minimum}).status_code in (200, 404)
