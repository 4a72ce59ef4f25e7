"""Working days for the response time of board support: Monday to Friday without the holidays of the Algemene
termijnenwet (art. 3), from the one calendar of legal terms (``ontmoet.domain.terms``)."""

from __future__ import annotations

import datetime as dt

from ontmoet.domain.terms import is_working_day as _atw_working_day


def is_working_day(day: dt.date) -> bool:
    """Not a Saturday, Sunday or Atw holiday (the shared calendar of legal terms)."""
    return _atw_working_day(day)


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when taken up the same day or earlier)."""
    if end <= start:
        return 0
    count = 0
    day = start + dt.timedelta(days=1)
    while day <= end:
        count += is_working_day(day)
        day += dt.timedelta(days=1)
    return count


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The day ``days`` working days after ``start``: the last day of a response term."""
    day = start
    while days > 0:
        day += dt.timedelta(days=1)
        days -= is_working_day(day)
    return day
