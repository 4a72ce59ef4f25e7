"""The dates of a weekly series (domain.activities)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ontmoet.domain.activities import MAX_OCCURRENCES, SeriesTooLong, occurrence_dates


def test_weekly_series_includes_the_last_date() -> None:
    dates = occurrence_dates(dt.date(2026, 3, 2), dt.date(2026, 3, 30))
    assert dates == [dt.date(2026, 3, 2), dt.date(2026, 3, 9), dt.date(2026, 3, 16), dt.date(2026, 3, 23),
                     dt.date(2026, 3, 30)]


def test_fortnightly_series_stops_before_the_end() -> None:
    assert occurrence_dates(dt.date(2026, 1, 1), dt.date(2026, 1, 28), 2) == [
        dt.date(2026, 1, 1), dt.date(2026, 1, 15)]


def test_end_before_start_is_empty_and_too_long_is_refused() -> None:
    assert occurrence_dates(dt.date(2026, 2, 1), dt.date(2026, 1, 1)) == []
    with pytest.raises(SeriesTooLong):
        occurrence_dates(dt.date(2026, 1, 1), dt.date(2026, 1, 1) + dt.timedelta(weeks=MAX_OCCURRENCES))


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 1, 1)), st.integers(0, 300),
       st.integers(1, 8))
def test_every_date_is_on_the_first_weekday_and_within_the_range(first: dt.date, days: int, weeks: int) -> None:
    until = first + dt.timedelta(days=days)
    try:
        dates = occurrence_dates(first, until, weeks)
    except SeriesTooLong:
        return
    assert dates[0] == first
    assert all(d.weekday() == first.weekday() and first <= d <= until for d in dates)
    assert until - dates[-1] < dt.timedelta(weeks=weeks)


@pytest.mark.parametrize(("text", "expected"), [("12", 12), (" 7 ", 7), ("²", None), ("٣", None), ("", None),
                                                ("1234567890", None), ("-1", None), ("1.5", None)])
def test_plain_whole_takes_ascii_digits_only(text, expected):
    from ontmoet.domain.activities import plain_whole

    assert plain_whole(text) == expected
