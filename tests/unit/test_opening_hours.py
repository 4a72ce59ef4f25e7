"""Opening hours in the OSM syntax: parsing, refusals with their reason, holidays, "open now" and words."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ontmoet.domain.opening_hours import (
    HoursProblem,
    OpeningHoursError,
    Span,
    describe,
    dutch_public_holidays,
    parse_opening_hours,
)

MONDAY = dt.date(2026, 11, 30)


def at(day: dt.date, hhmm: str) -> dt.datetime:
    hours, minutes = map(int, hhmm.split(":"))
    return dt.datetime(day.year, day.month, day.day, hours, minutes)  # noqa: DTZ001  # wall-clock time


@pytest.mark.parametrize(("text", "normal"), [
    ("Mo-Fr 09:00-17:00", "Mo,Tu,We,Th,Fr 09:00-17:00"),
    ("Mo-Fr 09:00-17:00; PH off", "Mo,Tu,We,Th,Fr 09:00-17:00; PH off"),
    ("Sa,PH 10:00-12:00", "Sa,PH 10:00-12:00"),
    ("24/7", "24/7"),
    ("10:00-16:00", "10:00-16:00"),
    ("Fr-Mo 20:00-01:00", "Mo,Fr,Sa,Su 20:00-01:00"),
    ("Mo 09:00-12:00,13:00-17:00", "Mo 09:00-12:00,13:00-17:00"),
    ("  Mo   09:00-24:00 ;; ", "Mo 09:00-24:00"),
])
def test_parses_the_supported_syntax(text: str, normal: str) -> None:
    assert parse_opening_hours(text).text == normal


@pytest.mark.parametrize(("text", "problem", "part"), [
    ("ma-vr 9-17", HoursProblem.UNKNOWN_DAY, "ma"),
    ("Mo 9:00-17:00", HoursProblem.BAD_TIME, "9:00"),
    ("Mo 09:00-25:00", HoursProblem.BAD_TIME, "25:00"),
    ("Mo 09:00", HoursProblem.BAD_SPAN, "09:00"),
    ("Mo 09:00-09:00", HoursProblem.EMPTY_SPAN, "09:00-09:00"),
    ("Mo 09:00-12:00,11:00-13:00", HoursProblem.OVERLAP, "09:00-12:00,11:00-13:00"),
    ("Jan-Mar Mo 09:00-12:00", HoursProblem.UNSUPPORTED, "Jan-Mar Mo 09:00-12:00"),
    ("sunrise-sunset", HoursProblem.UNSUPPORTED, "sunrise-sunset"),
    (" ; ", HoursProblem.NOTHING, " ; "),
])
def test_refuses_with_the_reason_and_the_part(text: str, problem: HoursProblem, part: str) -> None:
    with pytest.raises(OpeningHoursError) as caught:
        parse_opening_hours(text)
    assert (caught.value.problem, caught.value.part) == (problem, part)


def test_dutch_public_holidays() -> None:
    holidays = dutch_public_holidays(2026)
    assert {dt.date(2026, 1, 1), dt.date(2026, 4, 6), dt.date(2026, 4, 27), dt.date(2026, 5, 14),
            dt.date(2026, 5, 25), dt.date(2026, 12, 26)} <= holidays
    assert len(holidays) == 10 and dt.date(2026, 4, 5) in holidays and dt.date(2026, 4, 3) not in holidays
    # King's Day moves to the 26th when the 27th is a Sunday (2025).
    assert dt.date(2025, 4, 26) in dutch_public_holidays(2025)


def test_open_now_with_holidays_and_midnight() -> None:
    hours = parse_opening_hours("Mo-Fr 09:00-17:00; Fr 20:00-01:00; PH off")
    assert hours.is_open(at(MONDAY, "09:00")) and not hours.is_open(at(MONDAY, "17:00"))
    friday = MONDAY + dt.timedelta(days=4)
    assert hours.is_open(at(friday, "23:30"))
    assert hours.is_open(at(friday + dt.timedelta(days=1), "00:30"))
    assert not hours.is_open(at(friday + dt.timedelta(days=1), "01:00"))
    # Easter Monday 2026 is a public holiday: closed although a Monday.
    assert not hours.is_open(at(dt.date(2026, 4, 6), "10:00"))
    assert hours.open_on(MONDAY) and not hours.open_on(dt.date(2026, 4, 6))


def test_later_rules_replace_earlier_ones() -> None:
    hours = parse_opening_hours("Mo-Fr 09:00-17:00; We off")
    assert not hours.open_on(MONDAY + dt.timedelta(days=2))
    assert hours.spans_on(MONDAY) == (Span(540, 1020),)


def test_in_words() -> None:
    hours = parse_opening_hours("Mo-Fr 09:00-17:00; Sa 10:00-12:00,13:00-15:00; PH off")
    assert describe(hours) == ["maandag t/m vrijdag: 09:00 tot 17:00",
                               "zaterdag: 10:00 tot 12:00 en 13:00 tot 15:00", "zondag: gesloten",
                               "feestdagen: gesloten"]
    assert describe(hours, "en")[0] == "Monday to Friday: 09:00 to 17:00"
    assert describe(parse_opening_hours("24/7")) == ["altijd open"]
    assert describe(parse_opening_hours("Sa,Su 10:00-12:00"))[-1] == "zaterdag en zondag: 10:00 tot 12:00"


@given(st.text(max_size=60))
def test_any_text_parses_or_is_refused_with_a_reason(text: str) -> None:
    try:
        hours = parse_opening_hours(text)
    except OpeningHoursError:
        return
    else:
        # What the parser writes back, it reads again as the same hours.
        assert parse_opening_hours(hours.text) == parse_opening_hours(hours.text)
        assert parse_opening_hours(hours.text).rules == hours.rules
