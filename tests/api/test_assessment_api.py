"""POST /api/v1/assessments: the framework's JSON answer, role checks and problem+json on bad input."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ontmoet.accounts.roles import Role
from ontmoet.assessment import errors
from ontmoet.assessment.models import AssessmentRecord
from tests.factories import PlaceFactory
from tests.factories_assessment import point_at

URL = "/api/v1/assessments"
VRIJTHOF = {"latitude": 50.8488, "longitude": 5.6887}
STAFF = sorted(set(Role) - {Role.BOARD_MEMBER})


def _oc(metres: float, name: str = "OC Centrum"):
    lat, lon = point_at(metres)
    return PlaceFactory(name=name, type="meeting_centre", latitude=Decimal(f"{lat:.6f}"),
                        longitude=Decimal(f"{lon:.6f}"))


def test_answer_has_advice_score_plan_and_findings_with_distance_facts(api_client_for):
    oc = _oc(400)
    response = api_client_for(Role.GRANT_OFFICER).post(URL, {"type": "living_room", **VRIJTHOF}, format="json")
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["advice"] == "conditional"
    assert data["plan"] == {"id": "maastricht-2026", "version": "2025-11-25"}
    assert isinstance(data["score"], float)
    assert [f["rule"] for f in data["findings"]] == [
        "co_location", "near_community_house", "vulnerability_priority", "integral_execution",
        "neighbourhood_involvement", "eligibility", "facilitating_role"]
    for rule in ("co_location", "near_community_house"):
        finding = next(f for f in data["findings"] if f["rule"] == rule)
        assert finding["outcome"] == "attention"
        assert finding["facts"]["nearestPlaceId"] == oc.pk
        assert finding["facts"]["nearestPlaceName"] == "OC Centrum"
        assert finding["facts"]["distanceM"] == pytest.approx(400, abs=1)
        assert finding["units"]["distanceM"] == "m"
        assert finding["explanation"] and finding["explanationEn"]
    assert next(f for f in data["findings"] if f["rule"] == "co_location")["facts"]["thresholdM"] == 1000
    assert data["subject"]["neighbourhood"] == "BU09350000"
    assert AssessmentRecord.objects.count() == 0  # a computation: nothing is stored


def test_weighty_reason_and_application_facts_are_used(api_client_for):
    _oc(400)
    body = {"type": "living_room", **VRIJTHOF, "weightyReason": "Het OC is op de openingsdagen vol.",
            "involvement": "Buurtavond met 30 bewoners.", "buildingOwner": "municipality",
            "placeRunByMunicipality": False,
            "modernisation": {"sustainabilityMeasures": ["isolatie"], "accessibilityMeasures": []}}
    data = api_client_for(Role.POLICY_OFFICER).post(URL, body, format="json").json()
    outcomes = {f["rule"]: f["outcome"] for f in data["findings"]}
    assert outcomes == {"co_location": "passed", "near_community_house": "passed",
                        "vulnerability_priority": "not_applicable", "integral_execution": "attention",
                        "neighbourhood_involvement": "passed", "eligibility": "not_applicable",
                        "facilitating_role": "passed"}


def test_a_buurt_instead_of_coordinates(api_client_for):
    data = api_client_for(Role.POLICY_OFFICER).post(URL, {"type": "living_room", "neighbourhood": "BU09350207"},
                                                    format="json").json()
    assert data["subject"]["neighbourhood"] == "BU09350207"


@pytest.mark.parametrize(
    ("body", "status", "name", "reason"),
    [
        # 422: the shape the document describes, a rule it cannot state (ADR 0033).
        ({"type": "living_room", "latitude": 52.37, "longitude": 4.89}, 422, "latitude",
         str(errors.OUTSIDE_MAASTRICHT)),
        ({"type": "living_room", "latitude": 50.85}, 422, "longitude", str(errors.COORDINATES_PAIR)),
        ({"type": "living_room"}, 422, "latitude", str(errors.LOCATION_REQUIRED)),
        ({"type": "living_room", "neighbourhood": "BU99"}, 422, "neighbourhood",
         errors.NEIGHBOURHOOD_UNKNOWN % {"value": "BU99"}),
        ({"type": "living_room", "place": 999999}, 422, "place", errors.PLACE_UNKNOWN % {"value": 999999}),
        # 400: not what the document describes.
        ({"type": "living_room", "latitude": 95, "longitude": 5.7}, 400, "latitude", None),
        ({"type": "kasteel", **VRIJTHOF}, 400, "type", None),
        ({"type": "living_room", "latitude": "veel", "longitude": 5.7}, 400, "latitude", None),
        ({"type": "living_room", **VRIJTHOF, "modernisation": {"sustainabilityMeasures": "isolatie"}}, 400,
         "modernisation.sustainabilityMeasures", None),
    ],
)
def test_bad_input_is_a_problem_naming_the_field(api_client_for, body, status, name, reason):
    response = api_client_for(Role.POLICY_OFFICER).post(URL, body, format="json")
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    params = {p["name"]: p["reason"] for p in response.json()["invalidParams"]}
    assert name in params, params
    if reason is not None:
        assert params[name] == reason


@pytest.mark.parametrize("role", sorted(Role))
def test_staff_may_ask_board_members_may_not(api_client_for, role):
    response = api_client_for(role).post(URL, {"type": "living_room", **VRIJTHOF}, format="json")
    assert response.status_code == (200 if role in STAFF else 403)


def test_without_credentials_is_401(client):
    response = client.post(URL, {"type": "living_room", **VRIJTHOF}, content_type="application/json")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_openapi_documents_the_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/assessments"]["post"]
    assert set(operation["responses"]) >= {"200", "400"}
    output = schema["components"]["schemas"]["AssessmentOutput"]
    assert set(output["properties"]) >= {"advice", "score", "plan", "findings"}
