"""Working days for the response time of board support: Monday to Friday without the Dutch public holidays.

The one name the rest of Ontmoet uses is :func:`is_working_day`; when a shared calendar of terms exists it can
replace the holiday table below without a change elsewhere.
"""

from __future__ import annotations

import datetime as dt
from functools import cache


def _easter(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@cache
def public_holidays(year: int) -> frozenset[dt.date]:
    """The general holidays of the Algemene termijnenwet (art. 3): the days a term does not end on."""
    easter = _easter(year)
    kings_day = dt.date(year, 4, 27)
    if kings_day.weekday() == 6:  # on a Sunday King's Day moves to the Saturday before
        kings_day = dt.date(year, 4, 26)
    days = {
        dt.date(year, 1, 1),
        easter,
        easter + dt.timedelta(days=1),
        kings_day,
        easter + dt.timedelta(days=39),  # Ascension Day
        easter + dt.timedelta(days=49),
        easter + dt.timedelta(days=50),  # Whit Monday
        dt.date(year, 12, 25),
        dt.date(year, 12, 26),
    }
    if year % 5 == 0:  # Liberation Day is a general holiday once every five years (Atw art. 3)
        days.add(dt.date(year, 5, 5))
    return frozenset(days)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


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
