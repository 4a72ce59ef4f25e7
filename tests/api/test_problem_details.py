"""Error answers are RFC 9457 problem details in Dutch: filled-in titles, a Dutch detail, the path as instance,
and 201 answers say where the new resource is."""

from __future__ import annotations

import pytest

from ontmoet.accounts.roles import Role
from ontmoet.api import errors
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture
def officer(api_client_for):
    return api_client_for(Role.POLICY_OFFICER)


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status
    assert "{" not in body["title"] and "{" not in body["detail"], body  # no unfilled placeholder
    return body


def test_method_not_allowed_names_the_method_and_the_allowed_ones(officer):
    body = assert_problem(officer.delete("/api/v1/places"), 405)
    assert body["title"] == "Methode niet toegestaan"
    assert body["detail"] == "De methode DELETE is hier niet toegestaan. Toegestaan: GET, POST, HEAD."


def test_unsupported_media_type_names_the_type_that_was_sent(officer):
    body = assert_problem(officer.post("/api/v1/places", "name=x", content_type="text/plain"), 415)
    assert body["title"] == "Inhoudstype niet ondersteund"
    assert body["detail"] == "Het inhoudstype 'text/plain' wordt niet ondersteund; stuur application/json."


def test_not_acceptable(officer):
    body = assert_problem(officer.get("/api/v1/places", HTTP_ACCEPT="text/csv"), 406)
    assert body["title"] == "Antwoordformaat niet beschikbaar"


def test_not_found_is_dutch_and_does_not_name_the_model(officer):
    body = assert_problem(officer.get("/api/v1/places/999999"), 404)
    assert body["title"] == "Niet gevonden"
    assert body["detail"] == str(errors.NOT_FOUND_DETAIL)
    assert "MeetingPlace" not in body["detail"] and "matches" not in body["detail"]
    assert body["instance"] == "/api/v1/places/999999"


def test_a_board_member_gets_the_same_404_for_another_boards_place(api_client_for):
    other = PlaceFactory(name="Andere plek")
    body = assert_problem(api_client_for(Role.BOARD_MEMBER).get(f"/api/v1/places/{other.pk}"), 404)
    assert body["detail"] == str(errors.NOT_FOUND_DETAIL)


@pytest.mark.parametrize("method", ["get", "post", "put", "patch", "delete", "options", "head"])
@pytest.mark.parametrize("path", ["/api/v1/bestaat-niet", "/api/v1/places/", "/api/v1/", "/api/v1/places/1/x/y"])
def test_unknown_api_paths_are_a_404_problem_for_every_method_even_without_login(client, method, path):
    response = getattr(client, method)(path)
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    if method != "head":
        assert response.json()["title"] == "Niet gevonden"


def test_not_logged_in_says_how_to_log_in(client):
    body = assert_problem(client.get("/api/v1/places"), 401)
    assert body["detail"] == "Stuur een geldige token mee: 'Authorization: Bearer <token>'."
    assert client.get("/api/v1/places")["WWW-Authenticate"].startswith("Bearer")


def test_a_bad_token_is_a_dutch_401(client):
    body = assert_problem(client.get("/api/v1/places", HTTP_AUTHORIZATION="Bearer onzin"), 401)
    assert body["title"] == "Niet ingelogd"


def test_invalid_input_lists_every_field_and_its_reason(officer):
    body = assert_problem(officer.post("/api/v1/places", {"name": "", "type": "kasteel", "postcode": "x"},
                                       format="json"), 400)
    assert body["title"] == "Ongeldige invoer"
    assert body["detail"] == "Een of meer velden kloppen niet; zie invalidParams."
    assert {p["name"] for p in body["invalidParams"]} == {"name", "type", "postcode"}


def test_create_answers_201_with_the_location_of_the_new_place(officer):
    response = officer.post("/api/v1/places", {"name": "Nieuwe huiskamer", "type": "living_room",
                                               "neighbourhood": "BU09350207"}, format="json")
    assert response.status_code == 201, response.content
    place_id = response.json()["id"]
    assert response["Location"] == f"http://testserver/api/v1/places/{place_id}"
    assert officer.get(response["Location"]).json()["name"] == "Nieuwe huiskamer"


def test_a_missing_name_or_type_on_create_is_a_400_naming_both(officer):
    body = assert_problem(officer.post("/api/v1/places", {"city": "Maastricht"}, format="json"), 400)
    assert {p["name"]: p["reason"] for p in body["invalidParams"]} == {"name": "Dit veld is verplicht.",
                                                                      "type": "Dit veld is verplicht."}


def test_problems_are_english_when_the_user_chose_english(officer):
    officer.cookies["django_language"] = "en"
    body = assert_problem(officer.delete("/api/v1/places"), 405)
    assert (body["title"], body["detail"]) == ("Method not allowed",
                                               "The method DELETE is not allowed here. Allowed: GET, POST, HEAD.")
    body = assert_problem(officer.get("/api/v1/places?type=zwembad"), 400)
    assert body["invalidParams"][0]["reason"].startswith("Unknown value 'zwembad'. Choose from: ")
