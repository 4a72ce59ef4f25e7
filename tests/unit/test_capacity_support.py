"""Working days and the response times of board support; board health against the Ogh minimum."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from ontmoet.domain.capacity import (
    add_working_days,
    board_health,
    is_working_day,
    response_summary,
    working_days_between,
)
from ontmoet.domain.capacity.workdays import public_holidays


def test_holidays_2026():
    assert not is_working_day(dt.date(2026, 4, 6))  # Easter Monday
    assert not is_working_day(dt.date(2026, 4, 27))  # King's Day (Monday)
    assert not is_working_day(dt.date(2026, 5, 14))  # Ascension Day
    assert not is_working_day(dt.date(2026, 5, 25))  # Whit Monday
    assert not is_working_day(dt.date(2026, 12, 25))
    assert is_working_day(dt.date(2026, 5, 5))  # Liberation Day only every five years
    assert not is_working_day(dt.date(2025, 5, 5))
    assert not is_working_day(dt.date(2026, 1, 3))  # Saturday


def test_kings_day_on_sunday_moves_to_saturday():
    assert dt.date(2025, 4, 27).weekday() == 6
    assert dt.date(2025, 4, 26) in public_holidays(2025)
    assert dt.date(2025, 4, 27) not in public_holidays(2025)


def test_working_days_between_over_easter():
    # Thursday 2 April 2026 → Thursday 9 April: Fri 3, (Easter Monday 6 off), Tue 7, Wed 8, Thu 9 = 4.
    assert working_days_between(dt.date(2026, 4, 2), dt.date(2026, 4, 9)) == 4
    assert working_days_between(dt.date(2026, 4, 9), dt.date(2026, 4, 9)) == 0


def test_add_working_days_is_inverse():
    end = add_working_days(dt.date(2026, 4, 2), 10)
    assert end == dt.date(2026, 4, 17) and working_days_between(dt.date(2026, 4, 2), end) == 10


@given(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2032, 12, 31)), st.integers(0, 60))
def test_add_then_count(start, days):
    assert working_days_between(start, add_working_days(start, days)) == days


def test_response_summary():
    today = dt.date(2026, 6, 30)
    rows = [
        (dt.date(2026, 3, 2), dt.date(2026, 3, 4), dt.date(2026, 3, 20)),  # 2 days, lead 14
        (dt.date(2026, 3, 2), dt.date(2026, 3, 30), None),  # 20 days: late
        (dt.date(2026, 6, 1), None, None),  # waiting past the term: counts as late
        (dt.date(2026, 6, 29), None, None),  # waiting within the term: not counted yet
    ]
    times = response_summary(rows, term=10, today=today)
    assert (times.requests, times.taken_up, times.within_term) == (3, 2, 1)
    assert times.share_within_term == D("33.3")
    assert times.mean_response == D("11.0") and times.mean_lead == D("14.0")


def test_response_summary_empty():
    times = response_summary([], term=10, today=dt.date(2026, 1, 5))
    assert times.share_within_term is None and times.mean_response is None


def test_board_health():
    assert board_health(members=2, open_vacancies=0, minimum=3).needs_attention
    assert board_health(members=3, open_vacancies=1, minimum=3).suggest_recruiting
    healthy = board_health(members=5, open_vacancies=0, minimum=3)
    assert not healthy.needs_attention and not healthy.under_minimum
