"""The holidays of the Algemene termijnenwet (Atw), computed per year.

Atw art. 3 lid 1: "de Nieuwjaarsdag, de Christelijke tweede Paas- en Pinksterdag, de beide Kerstdagen, de
Hemelvaartsdag, de dag waarop de verjaardag van de Koning wordt gevierd en de vijfde mei"; lid 2 makes Goede Vrijdag
equal to them; lid 3 lets the Crown designate further days by a decree in the Staatscourant (``decree_days``).

Two points where a general holiday calendar is wrong for the Atw:

- 5 May is a holiday under the Atw **every year**, not only in a lustrum year (the ``holidays`` package and many
  collective agreements give a day off only every fifth year; the Atw does not care about days off).
- Koningsdag is "the day on which the King's birthday is celebrated": 27 April, but 26 April when 27 April is a
  Sunday (then the Atw holiday is a Saturday, and 27 April is just a Sunday). Before 2014 it was Koninginnedag,
  30 April, or 29 April when 30 April was a Sunday (the rule since 1980; earlier years are not supported here).

Easter Sunday comes from the Gregorian computus (the anonymous algorithm published by Meeus), from which Goede
Vrijdag (−2), tweede Paasdag (+1), Hemelvaartsdag (+39) and tweede Pinksterdag (+50) follow.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from ontmoet.domain.terms.decree_days import DECREES, decree_for

FIRST_YEAR = 1980  # the Koninginnedag rule below holds from 1980; earlier years are refused

DECREE_DAY_NL = "met een feestdag gelijkgestelde dag"
DECREE_DAY_EN = "day designated as equal to a public holiday"

NAMES_EN: dict[str, str] = {
    "Nieuwjaarsdag": "New Year's Day",
    "Goede Vrijdag": "Good Friday",
    "Tweede Paasdag": "Easter Monday",
    "Koningsdag": "King's Day",
    "Koninginnedag": "Queen's Day",
    "Bevrijdingsdag": "Liberation Day",
    "Hemelvaartsdag": "Ascension Day",
    "Tweede Pinksterdag": "Whit Monday",
    "Eerste Kerstdag": "Christmas Day",
    "Tweede Kerstdag": "Boxing Day",
    DECREE_DAY_NL: DECREE_DAY_EN,
}


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (Meeus's anonymous algorithm)."""
    golden = year % 19
    century, rest = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    moon_correction = (century - (century + 8) // 25 + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon_correction + 15) % 30
    rest_quarters, rest_rest = divmod(rest, 4)
    weekday_shift = (32 + 2 * century_rest + 2 * rest_quarters - epact - rest_rest) % 7
    late = (golden + 11 * epact + 22 * weekday_shift) // 451
    month, day = divmod(epact + weekday_shift - 7 * late + 114, 31)
    return dt.date(year, month, day + 1)


def kings_day(year: int) -> tuple[dt.date, str]:
    """The day the monarch's birthday is celebrated (Atw art. 3 lid 1), with its name."""
    if year >= 2014:
        day, name = dt.date(year, 4, 27), "Koningsdag"
    else:
        day, name = dt.date(year, 4, 30), "Koninginnedag"
    if day.weekday() == 6:  # a Sunday: celebrated the day before
        day -= dt.timedelta(days=1)
    return day, name


@cache
def statutory_holidays(year: int) -> dict[dt.date, tuple[str, ...]]:
    """The holidays of Atw art. 3 lid 1 and 2 in ``year``: date → Dutch name(s), without the decree days.

    One date can carry two names (5 May is Hemelvaartsdag in some years, e.g. 2016)."""
    if year < FIRST_YEAR or year > 9998:
        raise ValueError(f"Feestdagen volgens de Algemene termijnenwet worden berekend vanaf {FIRST_YEAR}; "
                         f"{year} valt daarbuiten.")
    easter = easter_sunday(year)
    days = dt.timedelta
    royal, royal_name = kings_day(year)
    entries = [
        (dt.date(year, 1, 1), "Nieuwjaarsdag"),
        (easter - days(2), "Goede Vrijdag"),
        (easter + days(1), "Tweede Paasdag"),
        (royal, royal_name),
        (dt.date(year, 5, 5), "Bevrijdingsdag"),
        (easter + days(39), "Hemelvaartsdag"),
        (easter + days(50), "Tweede Pinksterdag"),
        (dt.date(year, 12, 25), "Eerste Kerstdag"),
        (dt.date(year, 12, 26), "Tweede Kerstdag"),
    ]
    result: dict[dt.date, tuple[str, ...]] = {}
    for day, name in sorted(entries):
        result[day] = (*result.get(day, ()), name)
    return result


def holiday_names(day: dt.date) -> tuple[str, ...]:
    """Every Dutch name ``day`` carries under the Atw (statutory holidays and decree days); empty if none."""
    names = statutory_holidays(day.year).get(day, ())
    if decree_for(day) is not None:
        names = (*names, DECREE_DAY_NL)
    return names


def holiday_name(day: dt.date) -> str | None:
    """The Dutch name of ``day`` as an Atw holiday ("Bevrijdingsdag", "met een feestdag gelijkgestelde dag"), or
    None when it is not one. Saturdays and Sundays are not holidays in themselves (Easter Sunday → None)."""
    names = holiday_names(day)
    return " en ".join(names) if names else None


def holiday_name_en(day: dt.date) -> str | None:
    names = holiday_names(day)
    return " and ".join(NAMES_EN[n] for n in names) if names else None


def is_atw_holiday(day: dt.date) -> bool:
    """Whether ``day`` is a holiday in the sense of the Atw (art. 3 lid 1–3)."""
    return bool(holiday_names(day))


def holidays_in(year: int) -> list[tuple[dt.date, str]]:
    """Every Atw holiday of ``year`` (decree days included), in date order, with its Dutch name."""
    decree_days = {day for decree in DECREES for day in decree.days if day.year == year}
    days = sorted(set(statutory_holidays(year)) | decree_days)
    return [(d, holiday_name(d) or "") for d in days]
