"""Services of the register: each write is audited, the buurt is derived, the plan's caps hold."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from ontmoet.accounts.roles import Role
from ontmoet.core.audit import audit_events_for
from ontmoet.places import services
from ontmoet.places.models import MeetingPlace
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db
D = dt.date


def test_place_create_derives_the_buurt_from_the_coordinates(policy_officer):
    place = services.place_create(
        values={"name": "Nieuwe huiskamer", "latitude": Decimal("50.864300"), "longitude": Decimal("5.731435")},
        type="living_room", effective_date=D(2026, 11, 1), by=policy_officer)
    assert place.neighbourhood.code == "BU09350406"  # Amby
    # One door, one event: the creation carries the first type entry.
    event = audit_events_for(place).get()
    assert (event.action, event.actor) == ("place_create", policy_officer)
    assert event.changes["type"]["after"] == "living_room"


def test_place_create_refuses_a_point_outside_maastricht(policy_officer):
    with pytest.raises(ValidationError) as caught:
        services.place_create(values={"name": "Ver weg", "latitude": Decimal("52.37"), "longitude": Decimal("4.89")},
                              type="living_room", effective_date=D(2026, 11, 1), by=policy_officer)
    assert "latitude" in caught.value.message_dict
    assert not MeetingPlace.objects.filter(name="Ver weg").exists()


def test_change_type_records_history_and_audit_with_before_and_after(policy_officer, place):
    services.place_change_type(place=place, to="meeting_centre", effective_date=D(2026, 3, 1),
                               reason="Besluit bestuur", by=policy_officer)
    assert MeetingPlace.objects.with_type(D(2026, 2, 28)).get(pk=place.pk).type == "community_house"
    assert MeetingPlace.objects.with_type(D(2026, 3, 1)).get(pk=place.pk).type == "meeting_centre"
    event = audit_events_for(place).get(action="place_change_type")
    assert event.actor == policy_officer
    assert event.changes["type"] == {"before": "community_house", "after": "meeting_centre"}
    assert event.reason == "Besluit bestuur"


def test_twenty_first_oc_is_refused_without_override(policy_officer):
    for _ in range(20):
        PlaceFactory(type="meeting_centre", since=D(2026, 1, 1))
    house = PlaceFactory(type="community_house")
    with pytest.raises(ValidationError) as caught:
        services.place_change_type(place=house, to="meeting_centre", effective_date=D(2026, 6, 1),
                                   reason="", by=policy_officer)
    assert "maximum van 20" in caught.value.message_dict["to_type"][0]
    assert house.type_history.count() == 1


def test_override_of_the_cap_needs_a_reason_and_is_audited(policy_officer):
    for _ in range(20):
        PlaceFactory(type="meeting_centre", since=D(2026, 1, 1))
    house = PlaceFactory(type="community_house")
    with pytest.raises(ValidationError):
        services.place_change_type(place=house, to="meeting_centre", effective_date=D(2026, 6, 1),
                                   reason="  ", cap_override=True, by=policy_officer)
    change = services.place_change_type(place=house, to="meeting_centre", effective_date=D(2026, 6, 1),
                                        reason="Raad besloot tot extra OC", cap_override=True, by=policy_officer)
    assert change.cap_override
    assert audit_events_for(house).filter(action="place_cap_override", reason="Raad besloot tot extra OC").exists()


def test_only_register_keepers_change_types(user_with_role, place):
    for role in (Role.GRANT_OFFICER, Role.BOARD_MEMBER, Role.DATA_ANALYST):
        with pytest.raises(PermissionDenied):
            services.place_change_type(place=place, to="meeting_centre", effective_date=D(2026, 3, 1),
                                       reason="x", by=user_with_role(role))


def test_board_member_changes_only_public_information_of_own_place(board_member, place):
    place.board_accounts.add(board_member)
    services.place_update(place=place, values={"opening_hours": "Tu 10:00-14:00"}, by=board_member)
    with pytest.raises(PermissionDenied) as caught:
        services.place_update(place=place, values={"opening_hours": "We 09:00-12:00", "name": "Andere naam"},
                              by=board_member)
    assert "naam" in str(caught.value)  # refused by name, never dropped silently
    place.refresh_from_db()
    assert (place.opening_hours, place.name) == ("Tu 10:00-14:00", "Gemeenschapshuis Test")


def test_board_member_cannot_change_another_place(board_member, place):
    with pytest.raises(Http404):  # another board's place does not exist for this user
        services.place_update(place=place, values={"opening_hours": "x"}, by=board_member)


def test_a_failed_change_leaves_no_audit_event(policy_officer, place):
    before = audit_events_for(place).count()
    with pytest.raises(ValidationError):
        services.place_update(place=place, values={"latitude": Decimal("52.0"), "longitude": Decimal("4.0")},
                              by=policy_officer)
    assert audit_events_for(place).count() == before


def test_building_and_board_checks_are_audited(policy_officer, place):
    services.building_save(place=place, values={"owner_kind": "municipality", "energy_label": "C"}, by=policy_officer)
    services.board_save(place=place, values={"board_condition_met": True,
                                             "board_condition_checked_on": D(2026, 2, 1)}, by=policy_officer)
    member = services.board_member_add(place=place, name="J. Jansen", role="chair", contact="j@example.org",
                                       by=policy_officer)
    services.board_member_remove(member=member, by=policy_officer)
    actions = set(audit_events_for(place).values_list("action", flat=True))
    assert {"building_save", "board_save", "board_member_add", "board_member_remove"} <= actions
