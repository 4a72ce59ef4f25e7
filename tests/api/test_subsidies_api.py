"""The subsidy API (issue 9, point 10): schemes with their ceilings, applications and every step; 409 with the
reason for a step the state does not allow, 403 for four eyes, 404 for another board's application."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import token_issue
from ontmoet.subsidies.models import Application
from tests import factories_subsidies as fs
from tests.factories import PlaceFactory, UserFactory

pytestmark = pytest.mark.django_db


def _client(user: Any) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_issue(user=user, by=None)}")
    return client


@pytest.fixture
def clients() -> dict[str, APIClient]:
    board = UserFactory(username="api-bestuur", role=Role.BOARD_MEMBER)
    return {"keeper": _client(UserFactory(username="api-beleid", role=Role.POLICY_OFFICER)),
            "board": _client(board), "board_user": board,  # type: ignore[dict-item]
            "officer": _client(UserFactory(username="api-behandelaar", role=Role.GRANT_OFFICER)),
            "officer2": _client(UserFactory(username="api-behandelaar2", role=Role.GRANT_OFFICER)),
            "finance": _client(UserFactory(username="api-financien", role=Role.FINANCE_ADVISOR))}


def _post(client: APIClient, url: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(url, body or {}, format="json")


def test_a_scheme_is_created_and_shows_its_ceiling_committed_and_remaining(clients):
    created = _post(clients["keeper"], "/api/v1/schemes", {
        "name": "Buurtinitiatieven", "buildingBlock": "B4", "ceilings": [{"year": 2026, "amount": "30000"}],
        "distributionMethod": "order_of_receipt", "decisionTermWeeks": 13, "supplementTermDays": 14,
        "partialGrants": True})
    assert created.status_code == 201, created.content
    scheme = clients["keeper"].get(created["Location"]).json()
    assert scheme["decisionTermWeeks"] == 13 and scheme["buildingBlock"] == "B4"
    assert scheme["years"] == [{"year": 2026, "ceiling": "30000.00", "committed": "0.00", "remaining": "30000.00",
                                "distributionMethod": "order_of_receipt", "rankingDates": []}]


def test_unknown_and_snake_case_fields_are_refused_by_name(clients):
    refused = _post(clients["keeper"], "/api/v1/schemes", {"name": "X", "building_block": "B4",
                                                           "ceilings": [{"year": 2026, "amount": "1"}]})
    assert refused.status_code == 400
    assert {p["name"] for p in refused.json()["invalidParams"]} >= {"building_block", "buildingBlock"}


def test_the_journey_through_the_api(clients):
    scheme = fs.scheme(ceiling=25_000)
    place = PlaceFactory()
    place.board_accounts.add(clients["board_user"])
    created = _post(clients["board"], "/api/v1/applications", {"scheme": scheme.pk, "place": place.pk,
                                                               "year": 2026, "amountRequested": "30000"})
    assert created.status_code == 201, created.content
    app = created.json()
    assert (app["state"], app["decisionDeadline"]) == ("draft", None)
    url = f"/api/v1/applications/{app['id']}"
    submitted = _post(clients["board"], f"{url}/submit").json()
    assert submitted["state"] == "submitted" and submitted["decisionDeadline"]
    assert [letter["kind"] for letter in submitted["letters"]] == ["receipt"]
    assert _post(clients["officer"], f"{url}/request-supplement", {"note": "de begroting"}).json()["state"] == \
        "incomplete"
    assert _post(clients["board"], f"{url}/supplement", {"note": "bijgevoegd"}).json()["state"] == "supplemented"
    assert _post(clients["officer"], f"{url}/complete").json()["state"] == "in_assessment"
    advised = _post(clients["officer"], f"{url}/advice", {"advice": "grant", "amount": "30000",
                                                           "motivation": "Voldoet aan het kader"})
    assert advised.json()["state"] == "advised"
    four_eyes = _post(clients["officer"], f"{url}/decision", {"decision": "grant"})
    assert four_eyes.status_code == 403
    assert four_eyes["Content-Type"] == "application/problem+json" and "Vier ogen" in four_eyes.json()["detail"]
    decided = _post(clients["officer2"], f"{url}/decision", {"decision": "grant"})
    assert decided.status_code == 200, decided.content
    body = decided.json()
    assert (body["amountGranted"], body["decisionReason"]) == ("25000.00", "partial_ceiling")
    assert body["application"]["state"] == "granted"
    assert clients["keeper"].get(f"/api/v1/schemes/{scheme.pk}").json()["years"][0]["remaining"] == "0.00"
    assert _post(clients["finance"], f"{url}/advance", {"amount": "10000"}).json()["advancesPaid"] == "10000.00"
    assert _post(clients["board"], f"{url}/settlement-request", {"report": "Verslag"}).json()["state"] == \
        "settlement_requested"
    settled = _post(clients["officer2"], f"{url}/settlement", {"amount": "20000"}).json()
    assert (settled["state"], settled["amountSettled"]) == ("settled", "20000.00")
    objection = _post(clients["board"], f"{url}/objection", {"grounds": "Te laag vastgesteld"}).json()
    assert objection["state"] == "objection"


def test_a_step_the_state_does_not_allow_is_409_with_the_reason(clients):
    app = fs.application("draft")
    refused = _post(clients["officer"], f"/api/v1/applications/{app.pk}/complete")
    assert refused.status_code == 409
    assert refused["Content-Type"] == "application/problem+json"
    assert "concept" in refused.json()["detail"]


def test_a_role_the_step_does_not_name_is_403(clients):
    app = fs.application("advised")
    assert _post(clients["finance"], f"/api/v1/applications/{app.pk}/decision", {"decision": "grant"}
                 ).status_code == 403


def test_another_boards_application_does_not_exist(clients):
    app = fs.application("draft")
    assert clients["board"].get(f"/api/v1/applications/{app.pk}").status_code == 404
    assert _post(clients["board"], f"/api/v1/applications/{app.pk}/submit").status_code == 404
    assert clients["board"].get("/api/v1/applications").json()["results"] == []


def test_an_application_for_another_boards_place_is_a_422_as_for_a_place_that_does_not_exist(clients):
    """Found by the fuzzer with a board member's token: this was an undocumented 404 (and told the place exists)."""
    scheme, other = fs.scheme(), PlaceFactory()
    body = {"scheme": scheme.pk, "year": 2026, "amountRequested": "1000"}
    refused = _post(clients["board"], "/api/v1/applications", {**body, "place": other.pk})
    missing = _post(clients["board"], "/api/v1/applications", {**body, "place": 10**9})
    assert refused.status_code == missing.status_code == 422
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["invalidParams"] == missing.json()["invalidParams"]
    assert not Application.objects.filter(place=other).exists()


def test_the_list_filters(clients):
    one = fs.application("draft")
    fs.application("submitted")
    listed = clients["officer"].get("/api/v1/applications", {"state": "draft"}).json()["results"]
    assert [a["id"] for a in listed] == [one.pk]
    assert clients["officer"].get("/api/v1/applications", {"state": "nope"}).status_code == 400
    assert clients["officer"].get("/api/v1/applications", {"scheme": "x"}).status_code == 400
