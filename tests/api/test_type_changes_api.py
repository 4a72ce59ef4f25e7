"""POST /api/v1/places/{id}/type-changes: a dated type change through the register's service, with the plan's
caps (409 unless overridden with a reason), and the type history as a sub-collection (NL API Design Rules
/core/resource-operations)."""

from __future__ import annotations

import datetime as dt
import sys
import threading

import pytest
from django.conf import settings
from django.db import connection

from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import token_issue
from ontmoet.core.audit import audit_events_for
from ontmoet.places import errors
from ontmoet.places.models import MeetingPlace, PlaceTypeChange
from tests.factories import PlaceFactory, UserFactory

PROBLEM = "application/problem+json"
DAY = "2026-03-01"


@pytest.fixture
def officer(api_client_for):
    return api_client_for(Role.POLICY_OFFICER)


@pytest.fixture
def house(transactional_db):
    return PlaceFactory(name="Gemeenschapshuis De Brug", type="community_house")


def url(place) -> str:
    return f"/api/v1/places/{place.pk}/type-changes"


#: The cap of Huizen van de Wijk these tests put in force (the plan file's own figure may change).
CAP = 2


@pytest.fixture(autouse=True)
def _cap(plan_with):
    plan_with(places={"max_neighbourhood_houses": CAP})


def fill_up_to_the_cap(count: int) -> None:
    for i in range(count):
        PlaceFactory(name=f"Huis van de Wijk {i}", type="neighbourhood_house")


def type_on(place, day: str) -> str:
    return MeetingPlace.objects.with_type(on=dt.date.fromisoformat(day)).get(pk=place.pk).type


def test_an_officer_records_a_type_change_and_gets_its_location(officer, house):
    response = officer.post(url(house), {"type": "meeting_centre", "effectiveDate": DAY,
                                         "reason": "Het bestuur kiest voor een OC."}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert {k: body[k] for k in ("fromType", "type", "effectiveDate", "reason", "capOverride")} == {
        "fromType": "community_house", "type": "meeting_centre", "effectiveDate": DAY,
        "reason": "Het bestuur kiest voor een OC.", "capOverride": False}
    assert response["Location"] == f"http://testserver/api/v1/places/{house.pk}/type-changes/{body['id']}"
    assert officer.get(response["Location"]).json() == body
    assert type_on(house, DAY) == "meeting_centre" and type_on(house, "2026-02-28") == "community_house"
    assert audit_events_for(house).filter(action="place_change_type", actor=officer.user).count() == 1


def test_the_history_lists_every_change_in_date_order(officer, house):
    officer.post(url(house), {"type": "meeting_centre", "effectiveDate": DAY}, format="json")
    history = officer.get(url(house)).json()
    assert [(c["fromType"], c["type"], c["effectiveDate"]) for c in history["results"]] == [
        (None, "community_house", "2018-01-01"), ("community_house", "meeting_centre", DAY)]


def test_a_change_past_the_plans_cap_is_a_409_with_the_reason_and_records_nothing(officer, house):
    fill_up_to_the_cap(CAP)
    response = officer.post(url(house), {"type": "neighbourhood_house", "effectiveDate": DAY}, format="json")
    assert response.status_code == 409, response.content
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["title"] == "Botst met de huidige toestand"
    assert problem["detail"] == ("Deze wijziging brengt het aantal Huis van de Wijk op 3 op 01-03-2026, boven het "
                                 "maximum van 2 uit het beleidsplan. Bevestig de overschrijding bewust en geef een "
                                 "reden.")
    assert PlaceTypeChange.objects.filter(place=house).count() == 1


def test_the_cap_may_be_passed_knowingly_with_a_reason(officer, house):
    fill_up_to_the_cap(CAP)
    response = officer.post(url(house), {"type": "neighbourhood_house", "effectiveDate": DAY, "overrideCap": True,
                                         "reason": "Raadsbesluit: vijfde HvdW in Malberg."}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["capOverride"] is True
    assert audit_events_for(house).filter(action="place_cap_override", actor=officer.user).count() == 1


def test_overriding_the_cap_without_a_reason_is_a_422_naming_reason(officer, house):
    fill_up_to_the_cap(CAP)
    response = officer.post(url(house), {"type": "neighbourhood_house", "effectiveDate": DAY, "overrideCap": True},
                            format="json")
    assert response.status_code == 422
    assert response.json()["invalidParams"] == [{"name": "reason", "reason": str(errors.OVERRIDE_NEEDS_REASON)}]


def test_the_same_type_again_is_a_422_naming_type(officer, house):
    response = officer.post(url(house), {"type": "community_house", "effectiveDate": DAY}, format="json")
    assert response.status_code == 422
    assert response.json()["invalidParams"] == [{"name": "type", "reason": str(errors.SAME_TYPE)}]


@pytest.mark.parametrize(("body", "names"), [
    ({}, {"type", "effectiveDate"}),
    ({"type": "kasteel", "effectiveDate": DAY}, {"type"}),
    ({"type": "meeting_centre", "effectiveDate": "1-3-2026"}, {"effectiveDate"}),
    ({"type": "meeting_centre", "effectiveDate": DAY, "to_type": "x", "capOverride": True},
     {"to_type", "capOverride"}),
    ({"type": "meeting_centre", "effectiveDate": DAY, "overrideCap": "misschien"}, {"overrideCap"}),
])
def test_bad_input_is_a_400_naming_every_field(officer, house, body, names):
    response = officer.post(url(house), body, format="json")
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == names


@pytest.mark.parametrize("role", [Role.BOARD_MEMBER, Role.GRANT_OFFICER, Role.FINANCE_ADVISOR, Role.DATA_ANALYST])
def test_only_register_keepers_record_type_changes(api_client_for, house, role):
    client = api_client_for(role)
    if role == Role.BOARD_MEMBER:
        house.board_accounts.add(client.user)
    response = client.post(url(house), {"type": "meeting_centre", "effectiveDate": DAY}, format="json")
    assert response.status_code == 403
    assert PlaceTypeChange.objects.filter(place=house).count() == 1


def test_a_board_member_reads_the_history_of_their_own_place_only(api_client_for, house):
    client = api_client_for(Role.BOARD_MEMBER)
    house.board_accounts.add(client.user)
    other = PlaceFactory(name="Andere plek")
    assert client.get(url(house)).status_code == 200
    assert client.get(url(other)).status_code == 404
    change = other.type_history.get()
    assert client.get(f"{url(other)}/{change.pk}").status_code == 404


def test_a_change_of_another_place_is_not_found_under_this_place(officer, house):
    other = PlaceFactory(name="Andere plek")
    assert officer.get(f"{url(house)}/{other.type_history.get().pk}").status_code == 404


def test_patching_the_type_points_to_the_type_change_endpoint(officer, house):
    response = officer.patch(f"/api/v1/places/{house.pk}", {"type": "meeting_centre"}, format="json")
    assert response.status_code == 422
    reason = f"Het type wijzigt u met een ingangsdatum: POST /api/v1/places/{house.pk}/type-changes."
    assert response.json()["invalidParams"] == [{"name": "type", "reason": reason}]


@pytest.mark.skipif(not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
                    reason="the register lock is a PostgreSQL row lock; SQLite serialises writers anyway")
@pytest.mark.parametrize("round_", range(3))
def test_officers_at_once_never_pass_the_cap_together(transactional_db, round_):
    """Changes that each fit under the cap but not together: exactly one is recorded, the others are a 409."""
    officers = 4
    fill_up_to_the_cap(CAP - 1)
    houses = [PlaceFactory(name=f"Gemeenschapshuis {i}", type="community_house") for i in range(officers)]
    tokens = [token_issue(user=UserFactory(username=f"officer-{round_}-{i}", role=Role.POLICY_OFFICER), by=None)
              for i in range(officers)]
    barrier = threading.Barrier(officers)
    statuses: list[int] = []
    switch = sys.getswitchinterval()

    def record(place, token: str) -> None:
        from rest_framework.test import APIClient

        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        barrier.wait()
        try:
            statuses.append(client.post(url(place), {"type": "neighbourhood_house", "effectiveDate": DAY},
                                        format="json").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=record, args=pair) for pair in zip(houses, tokens, strict=True)]
    sys.setswitchinterval(1e-6)  # let the threads interleave inside the requests, as separate workers do
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(switch)
    assert sorted(statuses) == [201] + [409] * (officers - 1)
    on_day = MeetingPlace.objects.with_type(on=dt.date.fromisoformat(DAY))
    assert on_day.filter(type="neighbourhood_house").count() == CAP
