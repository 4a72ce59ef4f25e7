"""API of community work and board support: the shapes of the issue, ownership, and refusals as problem+json."""

from __future__ import annotations

import datetime as dt

import pytest

from ontmoet.accounts.roles import Role
from ontmoet.capacity import services
from tests.factories import PlaceFactory
from tests.factories_capacity import centre

pytestmark = pytest.mark.django_db(transaction=True)


def test_board_member_asks_for_community_work_for_own_place(api_client_for):
    client = api_client_for(Role.BOARD_MEMBER)
    own, other = centre("Eigen"), centre("Ander")
    own.board_accounts.add(client.user)
    created = client.post("/api/v1/community-work-requests",
                          {"place": own.pk, "year": 2027, "fte": "0.25", "purpose": "Buurt"}, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["fte"] == "0.25" and created.json()["place"] == own.pk
    refused = client.post("/api/v1/community-work-requests",
                          {"place": other.pk, "year": 2027, "fte": "0.25", "purpose": "Buurt"}, format="json")
    assert refused.status_code == 422 and refused["Content-Type"] == "application/problem+json"
    listed = client.get("/api/v1/community-work-requests?year=2027").json()["results"]
    assert [r["placeName"] for r in listed] == ["Eigen"]


def test_an_ineligible_place_gets_a_clear_refusal(api_client_for):
    client = api_client_for(Role.POLICY_OFFICER)
    house = PlaceFactory(name="Huis", type="community_house")
    answer = client.post("/api/v1/community-work-requests",
                         {"place": house.pk, "year": 2027, "fte": "0.25", "purpose": "Buurt"}, format="json")
    assert answer.status_code == 422
    assert "1 januari 2027" in str(answer.json()["invalidParams"])


def test_allocations_after_apply(api_client_for):
    client = api_client_for(Role.POLICY_OFFICER)
    place = centre("Plek")
    services.community_work_request_create(place=place, year=2027, fte="0.4", purpose="x", by=None)
    services.community_work_allocation_apply(year=2027, by=None)
    rows = client.get("/api/v1/community-work-allocations?year=2027").json()["results"]
    assert rows[0]["allocatedFte"] == "0.25" and rows[0]["rank"] == 1
    assert client.get("/api/v1/community-work-allocations?year=abc").status_code == 400


def test_hours_by_a_community_worker(api_client_for):
    client = api_client_for(Role.COMMUNITY_WORKER)
    place = centre("Plek")
    answer = client.post("/api/v1/community-work-hours", {"place": place.pk, "month": "2026-02", "hours": "7.5"},
                         format="json")
    assert answer.status_code == 201, answer.content
    assert answer.json() | {"id": 0} == {"id": 0, "place": place.pk, "month": "2026-02", "hours": "7.50"}
    bad = client.post("/api/v1/community-work-hours", {"place": place.pk, "month": "2026-2", "hours": "1"},
                      format="json")
    assert bad.status_code == 400


def test_board_support_lifecycle(api_client_for):
    board = api_client_for(Role.BOARD_MEMBER)
    officer = api_client_for(Role.POLICY_OFFICER, username="officer")
    place = PlaceFactory(name="Eigen")
    place.board_accounts.add(board.user)
    created = board.post("/api/v1/board-support-requests",
                         {"place": place.pk, "kind": "recruiting", "description": "Penningmeester gezocht"},
                         format="json")
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    taken = officer.post(f"/api/v1/board-support-requests/{pk}/take-up",
                         {"provider": "municipality", "contactPerson": "G. Gemeente"}, format="json")
    assert taken.status_code == 200 and taken.json()["status"] == "taken_up"
    assert taken.json()["responseDays"] == 0
    again = officer.post(f"/api/v1/board-support-requests/{pk}/take-up",
                         {"provider": "municipality", "contactPerson": "G. Gemeente"}, format="json")
    assert again.status_code == 422  # a rule (taken up once), not the document's shape (ADR 0033)
    closed = officer.post(f"/api/v1/board-support-requests/{pk}/close", {"result": "done", "outcome": "Gevonden"},
                          format="json")
    assert closed.status_code == 200 and closed.json()["status"] == "done"
    assert board.get("/api/v1/board-support-requests?status=done").json()["count"] == 1
    assert board.get("/api/v1/board-support-requests?kind=bogus").status_code == 400
    assert board.post(f"/api/v1/board-support-requests/{pk}/close", {}, format="json").status_code == 403


def test_another_boards_request_does_not_exist(api_client_for):
    worker = api_client_for(Role.COMMUNITY_WORKER)
    board = api_client_for(Role.BOARD_MEMBER, username="bestuur2")
    other = services.board_support_request_create(place=PlaceFactory(), kind="legal", description="x",
                                                  requested_on=dt.date(2026, 3, 2), by=None)
    assert board.get("/api/v1/board-support-requests").json()["count"] == 0
    assert worker.post(f"/api/v1/board-support-requests/{other.pk + 999}/take-up",
                       {"provider": "trajekt", "contactPerson": "T"}, format="json").status_code == 404


@pytest.mark.parametrize("value", ["\x00", "=HYPERLINK(\"x\")", "x" * 3000])
def test_hostile_descriptions(api_client_for, value):
    client = api_client_for(Role.POLICY_OFFICER)
    place = PlaceFactory()
    answer = client.post("/api/v1/board-support-requests", {"place": place.pk, "kind": "other",
                                                             "description": value}, format="json")
    assert answer.status_code in (201, 400, 422)  # 3000 characters: too long (400); a NUL: not storable (422)
    assert answer.status_code != 201 or answer.json()["description"] == value
