"""API v1 of the activities: CRUD for boards on their own places only, camelCase, problem+json."""

from __future__ import annotations

import pytest

from ontmoet.accounts.roles import Role
from ontmoet.activities.models import Activity
from tests.factories import PlaceFactory
from tests.factories_activities import ActivityFactory

BODY = {"date": "2026-03-02", "startTime": "10:00", "endTime": "12:00", "title": "Koffieochtend",
        "category": "meeting", "initiatedBy": "residents", "organisedBy": "board", "participants": 14}


@pytest.fixture
def board(api_client_for):
    client = api_client_for(Role.BOARD_MEMBER)
    place = PlaceFactory(name="Eigen plek")
    place.board_accounts.add(client.user)
    return client, place


def test_create_read_change_cancel_and_delete(board):
    client, place = board
    created = client.post("/api/v1/activities", {**BODY, "place": place.pk}, format="json")
    assert created.status_code == 201, created.content
    data = created.json()
    assert created["Location"].endswith(f"/api/v1/activities/{data['id']}")
    assert (data["initiatedBy"], data["startTime"], data["isPublic"], data["cancelled"]) == (
        "residents", "10:00", True, False)
    url = f"/api/v1/activities/{data['id']}"
    changed = client.patch(url, {"participants": 20, "cancelled": True}, format="json")
    assert changed.status_code == 200 and changed.json()["participants"] == 20 and changed.json()["cancelled"]
    assert [a["id"] for a in client.get("/api/v1/activities").json()["results"]] == [data["id"]]
    assert client.delete(url).status_code == 204
    assert not Activity.objects.exists()


def test_another_places_activity_does_not_exist_and_cannot_be_created(board):
    client, _place = board
    other = ActivityFactory(place=PlaceFactory(name="Andere plek"))
    assert client.get(f"/api/v1/activities/{other.pk}").status_code == 404
    assert client.patch(f"/api/v1/activities/{other.pk}", {"participants": 1}, format="json").status_code == 404
    # A place in the body that the board member does not act for is answered as one that does not exist.
    refused = client.post("/api/v1/activities", {**BODY, "place": other.place_id}, format="json")
    missing = client.post("/api/v1/activities", {**BODY, "place": 987654}, format="json")
    assert refused.status_code == missing.status_code == 422
    assert refused.json()["invalidParams"] == missing.json()["invalidParams"]
    assert client.get("/api/v1/activities").json()["results"] == []


def test_invalid_input_is_a_problem_with_the_api_names(board):
    client, place = board
    response = client.post("/api/v1/activities", {**BODY, "place": place.pk, "endTime": "09:00",
                                                  "organised_by": "x"}, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert "organised_by" in names
    # An end before the start is a rule the document cannot state: a 422, with the same names (ADR 0033).
    response = client.post("/api/v1/activities", {**BODY, "place": place.pk, "endTime": "09:00"}, format="json")
    assert response.status_code == 422
    assert {p["name"] for p in response.json()["invalidParams"]} == {"endTime"}
