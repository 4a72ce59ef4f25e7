"""Properties of the legal terms over any date and length (ADR 0301): inside the Atw the end is a working day, never
before the nominal end and no later than art. 1 and 2 require; outside it (art. 4) the end is never moved."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from ontmoet.domain.terms import (
    TermKind,
    decision_deadline,
    easter_sunday,
    is_atw_holiday,
    is_working_day,
    legal_term,
    working_days,
)

DAY = dt.timedelta(days=1)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
kinds = st.sampled_from(list(TermKind))
inside = st.one_of(st.tuples(st.just("weeks"), st.integers(1, 12)), st.tuples(st.just("days"), st.integers(1, 90)),
                   st.tuples(st.just("months"), st.integers(1, 3)))
outside = st.one_of(st.tuples(st.just("weeks"), st.integers(13, 520)),
                    st.tuples(st.just("days"), st.integers(91, 3650)),
                    st.tuples(st.just("months"), st.integers(4, 120)))


def gauss_easter(year: int) -> dt.date:
    """An independent oracle: Gauss's Easter formula for the Gregorian calendar, with its two exceptions."""
    a, b, c = year % 19, year % 4, year % 7
    k = year // 100
    p, q = (13 + 8 * k) // 25, k // 4
    m, n = (15 - p + k - q) % 30, (4 + k - q) % 7
    d = (19 * a + m) % 30
    e = (2 * b + 4 * c + 6 * d + n) % 7
    if d == 29 and e == 6:
        return dt.date(year, 4, 19)
    if d == 28 and e == 6 and (11 * m + 11) % 30 < 19:
        return dt.date(year, 4, 18)
    return dt.date(year, 3, 22) + dt.timedelta(days=d + e)


@given(st.integers(1980, 9000))
def test_easter_agrees_with_gauss_and_falls_on_a_sunday_between_22_march_and_25_april(year):
    easter = easter_sunday(year)
    assert easter == gauss_easter(year)
    assert easter.weekday() == 6
    assert dt.date(year, 3, 22) <= easter <= dt.date(year, 4, 25)


@given(st.integers(1980, 2200))
def test_the_fixed_holidays_hold_every_year(year):
    for month, day in ((1, 1), (5, 5), (12, 25), (12, 26)):
        assert is_atw_holiday(dt.date(year, month, day))


@settings(max_examples=300)
@given(dates, inside, kinds)
def test_inside_the_atw_the_end_is_the_first_working_day_that_satisfies_art_1_and_2(trigger, length, kind):
    unit, count = length
    term = legal_term(trigger, kind=kind, **{unit: count})
    assert term.start == trigger + DAY
    assert term.atw_applies
    assert term.end >= term.nominal_end
    # Art. 1: never a Saturday, Sunday or holiday.
    assert term.end.weekday() < 5
    assert not is_atw_holiday(term.end)
    # Art. 2: at least two working days in a term of at least three days.
    if (term.nominal_end - trigger).days >= 3:
        assert working_days(term.start, term.end) >= 2
    # No later than needed: a working day stepped over only when art. 2 demanded more.
    codes = {reason.code for reason in term.reasons}
    skipped_working = [d for d in _days(term.nominal_end, term.end - DAY) if is_working_day(d)]
    if skipped_working:
        assert "art2_two_working_days" in codes
    if term.end > term.nominal_end:
        assert codes & {"weekend", "holiday", "art2_two_working_days"}
    assert term.reasons[-1].code == "end"
    assert term.reasons[-1].date == term.end


@given(dates, outside, kinds)
def test_a_term_longer_than_12_weeks_90_days_or_3_months_is_never_moved(trigger, length, kind):
    unit, count = length
    term = legal_term(trigger, kind=kind, **{unit: count})
    assert term.end == term.nominal_end
    assert not term.atw_applies
    assert "art4_not_applicable" in {reason.code for reason in term.reasons}


@given(dates, st.integers(1, 52))
def test_weeks_end_on_the_weekday_of_the_trigger(trigger, weeks):
    assert legal_term(trigger, weeks=weeks).nominal_end.weekday() == trigger.weekday()


@given(dates, st.integers(1, 12), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=3),
       st.integers(0, 4))
def test_suspensions_and_postponement_never_bring_the_decision_deadline_forward(received, weeks, gaps, postponed):
    suspensions = [(received + dt.timedelta(days=after), received + dt.timedelta(days=after + length))
                   for after, length in gaps]
    plain = decision_deadline(received, weeks=weeks)
    term = decision_deadline(received, weeks=weeks, suspensions=suspensions, postponement_weeks=postponed)
    assert term.nominal_end == plain.nominal_end == received + dt.timedelta(weeks=weeks)
    assert term.end >= plain.end >= plain.nominal_end
    if weeks + postponed <= 12:
        assert is_working_day(term.end)
    else:
        assert not term.atw_applies


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
