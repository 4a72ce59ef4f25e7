"""API v1 of the register: NL API Design Rules, filters, pagination, ownership and validation."""

from __future__ import annotations

import pytest
from django.db import transaction

from ontmoet.accounts.roles import Role
from ontmoet.core.audit import audit_events_for
from ontmoet.places.models import MeetingPlace
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(db):
    with transaction.atomic():
        return [
            PlaceFactory(name="OC Malberg", type="meeting_centre", neighbourhood_id=None),
            PlaceFactory(name="Huiskamer Amby", type="living_room"),
            PlaceFactory(name="Gemeenschapshuis Heer", type="community_house"),
        ]


def test_openapi_document_is_public_json_at_the_base(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["servers"] == [{"url": "/api/v1", "description": "Deze installatie"}]
    assert "/places" in document["paths"]
    assert not any(path.endswith("/") for path in document["paths"])  # API-48: no trailing slashes


def test_human_docs_page_is_served(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert b"swagger" in response.content.lower()


def test_list_filters_by_type_and_paginates(api_client_for, places):
    client = api_client_for(Role.GRANT_OFFICER)
    body = client.get("/api/v1/places", {"type": "living_room"}).json()
    assert [p["name"] for p in body["results"]] == ["Huiskamer Amby"]
    page = client.get("/api/v1/places", {"pageSize": 2}).json()
    assert page["count"] == 3 and len(page["results"]) == 2 and page["next"]


def test_list_filters_by_neighbourhood_code(api_client_for, places):
    client = api_client_for(Role.GRANT_OFFICER)
    body = client.get("/api/v1/places", {"neighbourhood": "BU09350000"}).json()
    assert {p["name"] for p in body["results"]} == {"Huiskamer Amby", "Gemeenschapshuis Heer"}


def test_detail_has_the_agreed_fields(api_client_for, places):
    body = api_client_for(Role.POLICY_OFFICER).get(f"/api/v1/places/{places[1].pk}").json()
    assert {"id", "name", "type", "latitude", "longitude", "neighbourhood"} <= body.keys()
    assert body["type"] == "living_room" and body["neighbourhood"] == "BU09350000"
    assert body["latitude"] == 50.84939


def test_unknown_type_filter_is_a_400_problem(api_client_for, places):
    response = api_client_for(Role.POLICY_OFFICER).get("/api/v1/places", {"type": "zwembad"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == "type"


def test_trailing_slash_is_not_an_alias(api_client_for, places):
    assert api_client_for(Role.POLICY_OFFICER).get("/api/v1/places/").status_code == 404


def test_officer_creates_a_place_and_the_buurt_is_derived(api_client_for):
    client = api_client_for(Role.POLICY_OFFICER)
    response = client.post("/api/v1/places", {"name": "Nieuwe huiskamer", "type": "living_room",
                                              "latitude": 50.8643, "longitude": 5.731435}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["neighbourhood"] == "BU09350406"
    place = MeetingPlace.objects.get(name="Nieuwe huiskamer")
    assert audit_events_for(place).filter(action="place_create", actor=client.user).exists()


def test_create_outside_maastricht_is_a_422_naming_the_field(api_client_for):
    response = api_client_for(Role.POLICY_OFFICER).post(
        "/api/v1/places", {"name": "Amsterdam", "type": "living_room", "latitude": 52.37, "longitude": 4.89},
        format="json")
    assert response.status_code == 422  # the municipality's area is a rule the document does not state
    assert response.json()["invalidParams"][0]["name"] == "latitude"


def test_board_member_sees_and_patches_only_own_place(api_client_for, places):
    client = api_client_for(Role.BOARD_MEMBER)
    places[0].board_accounts.add(client.user)
    assert [p["name"] for p in client.get("/api/v1/places").json()["results"]] == ["OC Malberg"]
    assert client.get(f"/api/v1/places/{places[1].pk}").status_code == 404
    ok = client.patch(f"/api/v1/places/{places[0].pk}", {"openingHours": "Th 14:00-16:00"}, format="json")
    assert ok.status_code == 200 and ok.json()["openingHours"] == "Th 14:00-16:00"
    refused = client.patch(f"/api/v1/places/{places[0].pk}", {"name": "Nieuwe naam"}, format="json")
    assert refused.status_code == 403
    assert client.patch(f"/api/v1/places/{places[1].pk}", {"openingHours": "x"}, format="json").status_code == 404


def test_token_login_with_the_token_keyword_works_too(api_client_for, places):
    client = api_client_for(Role.DATA_ANALYST)
    token = client._credentials["HTTP_AUTHORIZATION"].split()[1]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = client.get("/api/v1/neighbourhoods")
    assert response.status_code == 200, response.content
    assert len(response.json()["results"]) == 44


def test_a_new_place_needs_name_and_type_and_the_document_says_so(api_client_for, client):
    """Found by fuzzing: POST /places declared no required field, so an empty body was valid by the document."""
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["PlaceCreateInputRequest"]
    assert set(schema["required"]) == {"name", "type"}
    refused = api_client_for(Role.ADMINISTRATOR).post("/api/v1/places", {}, format="json")
    assert refused.status_code == 400
    assert {p["name"] for p in refused.json()["invalidParams"]} == {"name", "type"}
