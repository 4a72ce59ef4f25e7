"""Rules of the register that every door enforces (services, so the page, the API and the import alike):
formats, control characters, the buurt of a point, the caps on every path that sets a type, and a type
history that is corrected or retracted by new entries, never edited in place."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from ontmoet.core.audit import audit_events_for
from ontmoet.places import services
from ontmoet.places.models import MeetingPlace, Neighbourhood, PlaceTypeChange
from ontmoet.places.selectors import board_condition_of, place_type_history
from tests.factories import BoardFactory, BoardMemberFactory, PlaceFactory
from tests.plans import SEED_PLAN

pytestmark = pytest.mark.django_db
D = dt.date
MALBERG = (Decimal("50.861690"), Decimal("5.652870"))  # the label point of buurt Malberg (BU09350207)


def _create(by, **values):
    return services.place_create(values={"name": "Nieuwe plek", **values}, type="living_room",
                                 effective_date=D(2026, 11, 1), by=by)


@pytest.mark.parametrize(("field", "value"), [
    ("postcode", "ABCDEFG"),
    ("postcode", "0123 AB"),
    ("house_number", "-5"),
    ("house_number", "0"),
    ("house_number", "12 abcdefgh"),
])
def test_address_formats_are_checked(policy_officer, field, value):
    with pytest.raises(ValidationError) as caught:
        _create(policy_officer, **{field: value})
    assert field in caught.value.message_dict
    assert not MeetingPlace.objects.filter(name="Nieuwe plek").exists()


def test_a_postcode_is_written_the_dutch_way(policy_officer):
    place = _create(policy_officer, postcode="6211ab", house_number="12a")
    assert (place.postcode, place.house_number) == ("6211 AB", "12a")


@pytest.mark.parametrize(("values", "field"), [
    ({"kvk_number": "abcdefgh"}, "kvk_number"),
    ({"kvk_number": "1234567"}, "kvk_number"),
    ({"board_condition_checked_on": D(2099, 1, 1)}, "board_condition_checked_on"),
    ({"kvk_checked_on": D(2099, 1, 1)}, "kvk_checked_on"),
])
def test_board_facts_are_checked(policy_officer, place, values, field):
    with pytest.raises(ValidationError) as caught:
        services.board_save(place=place, values=values, by=policy_officer)
    assert field in caught.value.message_dict


@pytest.mark.parametrize("name", ["Huis\x04", "Huis\x00de Brug", "Huis\nde Brug", "Huis\ud800"])
def test_control_characters_are_refused_in_a_name(policy_officer, name):
    with pytest.raises(ValidationError) as caught:
        _create(policy_officer, name=name)
    assert "name" in caught.value.message_dict


def test_long_text_keeps_newlines_and_tabs_but_not_other_control_characters(policy_officer, place):
    services.place_update(place=place, values={"description": "Regel 1\nRegel 2\tmet tab"}, by=policy_officer)
    with pytest.raises(ValidationError):
        services.place_update(place=place, values={"description": "Regel\x07"}, by=policy_officer)


def test_a_description_longer_than_the_limit_is_refused_for_everyone(policy_officer, board_member, place):
    place.board_accounts.add(board_member)
    huge = "x" * 2_600_000
    for user in (policy_officer, board_member):
        with pytest.raises(ValidationError) as caught:
            services.place_update(place=place, values={"description": huge}, by=user)
        assert "description" in caught.value.message_dict
    assert not audit_events_for(place).filter(action="place_update").exists()


def test_an_edit_that_changes_nothing_writes_no_audit_event(policy_officer, place):
    services.place_update(place=place, values={"opening_hours": "Mo 09:00-12:00"}, by=policy_officer)
    before = audit_events_for(place).count()
    services.place_update(place=place, values={"opening_hours": "Mo 09:00-12:00"}, by=policy_officer)
    assert audit_events_for(place).count() == before


def test_with_coordinates_the_buurt_follows_the_point(policy_officer):
    amby = Neighbourhood.objects.get(code="BU09350406")
    with pytest.raises(ValidationError) as caught:
        _create(policy_officer, latitude=MALBERG[0], longitude=MALBERG[1], neighbourhood=amby)
    assert "Malberg" in caught.value.message_dict["neighbourhood"][0]
    place = _create(policy_officer, latitude=MALBERG[0], longitude=MALBERG[1])
    assert place.neighbourhood.code == "BU09350207"


def test_moving_a_place_moves_its_buurt_and_a_contradicting_buurt_is_refused(policy_officer, place):
    amby = Neighbourhood.objects.get(code="BU09350406")
    services.place_update(place=place, values={"latitude": MALBERG[0], "longitude": MALBERG[1]}, by=policy_officer)
    place.refresh_from_db()
    assert place.neighbourhood.code == "BU09350207"
    with pytest.raises(ValidationError):
        services.place_update(place=place, values={"neighbourhood": amby}, by=policy_officer)


def test_without_coordinates_the_buurt_is_chosen(policy_officer):
    amby = Neighbourhood.objects.get(code="BU09350406")
    place = _create(policy_officer, neighbourhood=amby)
    assert place.neighbourhood == amby


# --- the caps on every path, with the figures a test states itself ------------------------------------------


def test_the_cap_comes_from_the_plan_and_holds_when_creating(policy_officer, plan_with):
    plan_with(places={"max_meeting_centres": 2})
    for name in ("Een", "Twee"):
        services.place_create(values={"name": name}, type="meeting_centre", effective_date=D(2026, 1, 1),
                              by=policy_officer)
    with pytest.raises(ValidationError) as caught:
        services.place_create(values={"name": "Drie"}, type="meeting_centre", effective_date=D(2026, 1, 1),
                              by=policy_officer)
    assert "maximum van 2" in caught.value.message_dict["to_type"][0]
    assert not MeetingPlace.objects.filter(name="Drie").exists()
    overridden = services.place_create(values={"name": "Drie"}, type="meeting_centre", effective_date=D(2026, 1, 1),
                                       by=policy_officer, cap_override=True, reason="Besluit van de raad")
    assert audit_events_for(overridden).get().action == "place_cap_override"


# --- the type history: bounded dates, corrections and retractions ---------------------------------------------


def test_a_type_change_before_the_first_entry_is_refused(policy_officer):
    place = PlaceFactory(type="community_house", since=D(2018, 1, 1))
    with pytest.raises(ValidationError) as caught:
        services.place_change_type(place=place, to="meeting_centre", effective_date=D(2017, 6, 1), reason="x",
                                   by=policy_officer)
    assert "01-01-2018" in caught.value.message_dict["effective_date"][0]


def test_a_type_change_beyond_the_plans_horizon_is_refused(policy_officer, place, plan_with):
    with pytest.raises(ValidationError) as caught:
        services.place_change_type(place=place, to="meeting_centre", effective_date=D(2056, 1, 1), reason="x",
                                   by=policy_officer)
    assert "31-12-2030" in caught.value.message_dict["effective_date"][0]  # the seed plan runs to 2030


def test_the_horizon_is_the_end_of_the_plans_last_year(policy_officer, place, settings):
    settings.POLICY_PLAN = dataclasses.replace(SEED_PLAN, years=(2026, 2027))
    with pytest.raises(ValidationError) as caught:
        services.place_change_type(place=place, to="meeting_centre", effective_date=D(2028, 1, 1), reason="x",
                                   by=policy_officer)
    assert "31-12-2027" in caught.value.message_dict["effective_date"][0]


@time_machine.travel(dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC))
def test_a_correction_supersedes_the_wrong_entry_and_both_stay_in_the_history(policy_officer):
    place = PlaceFactory(type="community_house", since=D(2018, 1, 1))
    wrong = services.place_change_type(place=place, to="meeting_centre", effective_date=D(2026, 3, 1),
                                       reason="Besluit bestuur", by=policy_officer)
    services.place_type_correct(place=place, entry=wrong, to="meeting_centre", effective_date=D(2026, 4, 1),
                                reason="Het besluit ging in op 1 april", by=policy_officer)
    assert MeetingPlace.objects.with_type(D(2026, 3, 15)).get(pk=place.pk).type == "community_house"
    assert MeetingPlace.objects.with_type(D(2026, 4, 1)).get(pk=place.pk).type == "meeting_centre"
    history = list(place_type_history(place))
    assert len(history) == 3  # first entry, the wrong one (kept), the correction
    assert [e.superseded for e in history] == [False, True, False]
    wrong.refresh_from_db()
    assert (wrong.effective_date, wrong.to_type) == (D(2026, 3, 1), "meeting_centre")  # never edited in place
    event = audit_events_for(place).get(action="place_type_correct")
    assert (event.actor, event.reason) == (policy_officer, "Het besluit ging in op 1 april")


@time_machine.travel(dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC))
def test_a_future_change_can_be_retracted_and_a_past_one_cannot(policy_officer):
    place = PlaceFactory(type="community_house", since=D(2018, 1, 1))
    past = services.place_change_type(place=place, to="meeting_centre", effective_date=D(2026, 3, 1), reason="a",
                                      by=policy_officer)
    future = services.place_change_type(place=place, to="neighbourhood_house", effective_date=D(2027, 6, 1),
                                        reason="b", by=policy_officer)
    with pytest.raises(ValidationError) as caught:
        services.place_type_retract(place=place, entry=past, reason="toch niet", by=policy_officer)
    assert caught.value.message_dict["entry"][0].startswith("Alleen een wijziging die nog moet ingaan")
    services.place_type_retract(place=place, entry=future, reason="Bestuur ziet ervan af", by=policy_officer)
    assert MeetingPlace.objects.with_type(D(2027, 7, 1)).get(pk=place.pk).type == "meeting_centre"
    assert PlaceTypeChange.objects.filter(place=place).count() == 4  # nothing deleted
    with pytest.raises(ValidationError):  # already retracted
        services.place_type_retract(place=place, entry=future, reason="nogmaals", by=policy_officer)


@time_machine.travel(dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC))
def test_a_retraction_frees_the_cap_for_another_place(policy_officer, plan_with):
    plan_with(places={"max_neighbourhood_houses": 1})
    first = PlaceFactory(type="community_house")
    second = PlaceFactory(type="community_house")
    planned = services.place_change_type(place=first, to="neighbourhood_house", effective_date=D(2027, 1, 1),
                                         reason="a", by=policy_officer)
    with pytest.raises(ValidationError):
        services.place_change_type(place=second, to="neighbourhood_house", effective_date=D(2027, 1, 1),
                                   reason="b", by=policy_officer)
    services.place_type_retract(place=first, entry=planned, reason="ziet ervan af", by=policy_officer)
    services.place_change_type(place=second, to="neighbourhood_house", effective_date=D(2027, 1, 1), reason="b",
                               by=policy_officer)


def test_correcting_a_type_respects_the_cap(policy_officer, plan_with):
    plan_with(places={"max_meeting_centres": 1})
    PlaceFactory(type="meeting_centre", since=D(2020, 1, 1))
    place = PlaceFactory(type="community_house", since=D(2018, 1, 1))
    first = place.type_history.get()
    with pytest.raises(ValidationError) as caught:
        services.place_type_correct(place=place, entry=first, to="meeting_centre", effective_date=D(2018, 1, 1),
                                    reason="was al OC", by=policy_officer)
    assert "maximum van 1" in caught.value.message_dict["to_type"][0]


# --- the board condition, derived -----------------------------------------------------------------------------


def test_the_board_condition_follows_the_members_and_the_plans_minimum(policy_officer, plan_with):
    board = BoardFactory(board_condition_met=True, board_condition_checked_on=D(2026, 1, 15))
    members = [BoardMemberFactory(board=board) for _ in range(3)]
    assert board_condition_of(board.place).met is True
    services.board_member_remove(member=members[0], by=policy_officer)
    condition = board_condition_of(board.place)
    assert (condition.member_count, condition.minimum, condition.met) == (2, 3, False)
    plan_with(assessment={"min_board_members": dataclasses.replace(SEED_PLAN.assessment.min_board_members,
                                                                   value=Decimal(2))})
    assert board_condition_of(board.place).met is True


def test_an_unchecked_yes_is_not_a_met_condition():
    board = BoardFactory(board_condition_met=True, board_condition_checked_on=None)
    for _ in range(3):
        BoardMemberFactory(board=board)
    assert board_condition_of(board.place).met is None


def test_the_first_entry_can_be_corrected_to_an_earlier_date_and_the_audit_names_what_it_replaced(
        policy_officer):
    """The refusal of dates before the first entry told the officer to correct that entry, which it then
    refused too: the entry being corrected does not bound its own correction."""
    place = PlaceFactory(type="living_room", since=D(2024, 5, 1))
    first = place.type_history.get()
    services.place_type_correct(place=place, entry=first, to="social_restaurant", effective_date=D(2024, 3, 1),
                                reason="Was vanaf de opening een sociaal restaurant", by=policy_officer)
    assert MeetingPlace.objects.with_type(D(2024, 3, 1)).get(pk=place.pk).type == "social_restaurant"
    event = audit_events_for(place).get(action="place_type_correct")
    assert event.changes == {"type": {"before": "living_room", "after": "social_restaurant"},
                             "effective_date": {"before": "2024-05-01", "after": "2024-03-01"}}
    later = services.place_change_type(place=place, to="community_house", effective_date=D(2025, 1, 1),
                                       reason="x", by=policy_officer)
    with pytest.raises(ValidationError) as refused:  # another entry still may not move before the first
        services.place_type_correct(place=place, entry=later, to="community_house", effective_date=D(2023, 1, 1),
                                    reason="y", by=policy_officer)
    assert "effective_date" in refused.value.message_dict
