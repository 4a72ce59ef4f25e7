"""Type history and the plan's caps (seed §5: at most 20 OC and 4 HvdW)."""

from __future__ import annotations

import datetime as dt

import pytest

from ontmoet.domain.register import PlaceKind, TypeEvent, cap_breaches, kind_on

CH, OC, HVDW = PlaceKind.COMMUNITY_HOUSE, PlaceKind.MEETING_CENTRE, PlaceKind.NEIGHBOURHOOD_HOUSE
D = dt.date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2017, 12, 31), None),           # before registration
        (D(2018, 1, 1), CH),               # registered as community house
        (D(2026, 2, 28), CH),              # the day before the board's choice takes effect
        (D(2026, 3, 1), OC),               # the choice takes effect on its date
        (D(2030, 1, 1), OC),
    ],
)
def test_kind_on_follows_the_dated_history(day, expected):
    history = [TypeEvent(D(2026, 3, 1), OC), TypeEvent(D(2018, 1, 1), CH)]  # order of recording is irrelevant
    assert kind_on(history, day) == expected


def _houses(n_oc: int, n_ch: int, start: int = 0) -> dict[int, list[TypeEvent]]:
    places = {}
    for i in range(n_oc):
        places[start + i] = [TypeEvent(D(2018, 1, 1), CH), TypeEvent(D(2026, 1, 1), OC)]
    for i in range(n_ch):
        places[start + n_oc + i] = [TypeEvent(D(2018, 1, 1), CH)]
    return places


def test_change_within_the_cap_is_no_breach():
    histories = _houses(n_oc=19, n_ch=1)
    assert cap_breaches(histories, {OC: 20, HVDW: 4}, changed_place=19, change=TypeEvent(D(2026, 6, 1), OC)) == []


def test_twenty_first_meeting_centre_breaches_the_cap_on_its_date():
    histories = _houses(n_oc=20, n_ch=1)
    [breach] = cap_breaches(histories, {OC: 20, HVDW: 4}, changed_place=20, change=TypeEvent(D(2026, 6, 1), OC))
    assert (breach.kind, breach.day, breach.count, breach.cap) == (OC, D(2026, 6, 1), 21, 20)


def test_a_later_scheduled_choice_of_another_board_counts():
    # 19 OC now; place 20 becomes OC in 2027. Making place 21 an OC now is fine today but breaches in 2027.
    histories = _houses(n_oc=19, n_ch=2)
    histories[19].append(TypeEvent(D(2027, 1, 1), OC))
    [breach] = cap_breaches(histories, {OC: 20, HVDW: 4}, changed_place=20, change=TypeEvent(D(2026, 6, 1), OC))
    assert breach.day == D(2027, 1, 1)
    assert breach.count == 21


def test_leaving_a_capped_kind_never_breaches():
    histories = _houses(n_oc=21, n_ch=0)  # already over the cap (e.g. an earlier override)
    assert cap_breaches(histories, {OC: 20, HVDW: 4}, changed_place=0, change=TypeEvent(D(2026, 6, 1), CH)) == []


def test_fifth_neighbourhood_house_breaches():
    histories = {i: [TypeEvent(D(2026, 1, 1), HVDW)] for i in range(4)} | {4: [TypeEvent(D(2018, 1, 1), CH)]}
    [breach] = cap_breaches(histories, {OC: 20, HVDW: 4}, changed_place=4, change=TypeEvent(D(2026, 2, 1), HVDW))
    assert (breach.kind, breach.count) == (HVDW, 5)
