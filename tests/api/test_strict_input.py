"""Every write endpoint refuses a field it does not know, by name (400), instead of ignoring it (B7)."""

from __future__ import annotations

import pytest

from ontmoet.accounts.roles import Role
from ontmoet.core.api_input import UNKNOWN_FIELD
from ontmoet.places.models import MeetingPlace
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def invalid(response) -> dict[str, str]:
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    return {p["name"]: p["reason"] for p in response.json()["invalidParams"]}


@pytest.fixture
def place(db):
    return PlaceFactory(name="OC Malberg", type="meeting_centre", source_title="Gemeente Maastricht")


def test_patch_refuses_is_demo_and_source_by_name_and_changes_nothing(api_client_for, place):
    client = api_client_for(Role.POLICY_OFFICER)
    reasons = invalid(client.patch(f"/api/v1/places/{place.pk}",
                                   {"isDemo": False, "source": "x", "openingHours": "ma 9-12"}, format="json"))
    assert set(reasons) == {"isDemo", "source"}
    assert reasons["isDemo"].startswith("Onbekend veld. Velden van deze invoer: accessibleToilet, city, ")
    place.refresh_from_db()
    assert (place.is_demo, place.source_title, place.opening_hours) == (True, "Gemeente Maastricht", "")


def test_the_unknown_field_message_lists_the_fields_of_the_input(api_client_for, place):
    reasons = invalid(api_client_for(Role.POLICY_OFFICER).patch(f"/api/v1/places/{place.pk}", {"opening_hours": "x"},
                                                                format="json"))
    fields = ("accessibleToilet, city, description, disabledParking, hearingLoop, houseNumber, latitude, longitude, "
              "name, neighbourhood, openingHours, postcode, stepFreeEntrance, street, type, website")
    assert reasons == {"opening_hours": str(UNKNOWN_FIELD) % {"allowed": fields}}


def test_a_board_member_learns_the_field_is_unknown_not_forbidden(api_client_for, place):
    client = api_client_for(Role.BOARD_MEMBER)
    place.board_accounts.add(client.user)
    assert set(invalid(client.patch(f"/api/v1/places/{place.pk}", {"isDemo": True}, format="json"))) == {"isDemo"}


def test_unknown_fields_are_reported_beside_invalid_ones(api_client_for):
    reasons = invalid(api_client_for(Role.POLICY_OFFICER).post(
        "/api/v1/places", {"name": "Plek", "type": "kasteel", "isDemo": True}, format="json"))
    assert set(reasons) == {"type", "isDemo"}
    assert not MeetingPlace.objects.filter(name="Plek").exists()


def test_the_assessment_refuses_unknown_fields_also_nested(api_client_for):
    body = {"type": "living_room", "neighbourhood": "BU09350207", "weighty_reason": "x",
            "modernisation": {"sustainabilityMeasures": [], "insulation": True}}
    reasons = invalid(api_client_for(Role.GRANT_OFFICER).post("/api/v1/assessments", body, format="json"))
    assert set(reasons) == {"weighty_reason", "modernisation.insulation"}


def test_a_very_long_unknown_name_is_shortened_in_the_answer(api_client_for, place):
    reasons = invalid(api_client_for(Role.POLICY_OFFICER).patch(f"/api/v1/places/{place.pk}", {"x" * 5000: 1},
                                                                format="json"))
    assert list(reasons) == ["x" * 100 + "…"]
