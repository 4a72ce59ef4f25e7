"""Days designated by royal decree as equal to a holiday for the Algemene termijnenwet (Atw art. 3 lid 3).

Art. 3 lid 3 Atw lets the Crown designate further days "voor de toepassing van deze wet"; the decree is published
in the Staatscourant. In practice one decree covers three years and designates the Friday after Hemelvaartsdag
and the bridge day next to a holiday on a Thursday or Tuesday. These days cannot be computed: they are kept here
as data, each with the decree that designates it.

Sources. The decree of 31 October 2016 carries its Staatscourant number (Stcrt. 2016, 58653). For the decrees of
2023–2025 and 2026–2028 the days are taken from the decrees' official titles, which list every designated day;
their Staatscourant numbers were not verified and are left empty (``staatscourant=None``) rather than guessed.
The decree for 2020–2022 could not be traced and is not included: terms in those years are history here.
When a new decree appears (the next one covers 2029–2031), add a ``Decree`` below with its days and number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Decree:
    """One royal decree under Atw art. 3 lid 3 and the days it designates."""

    title: str
    staatscourant: str | None  # "Stcrt. 2016, 58653"; None where the number was not verified
    days: tuple[dt.date, ...]
    years: tuple[int, ...]  # the years the decree covers: a year without a decree has no designated days known
    note: str = ""

    def citation(self) -> str:
        return f"{self.title} ({self.staatscourant})" if self.staatscourant else self.title


DECREES: tuple[Decree, ...] = (
    Decree(
        title="Koninklijk besluit van 31 oktober 2016 (gelijkstelling van dagen in 2017, 2018 en 2019 met een "
              "algemeen erkende feestdag)",
        staatscourant="Stcrt. 2016, 58653",
        days=(dt.date(2017, 4, 28), dt.date(2017, 5, 26), dt.date(2018, 5, 11), dt.date(2018, 12, 24),
              dt.date(2018, 12, 31), dt.date(2019, 5, 31), dt.date(2019, 12, 27)),
        years=(2017, 2018, 2019),
    ),
    Decree(
        title="Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 "
              "met een algemeen erkende feestdag",
        staatscourant=None,
        days=(dt.date(2023, 4, 28), dt.date(2023, 5, 19), dt.date(2024, 5, 10), dt.date(2024, 12, 27),
              dt.date(2025, 5, 30)),
        years=(2023, 2024, 2025),
        note="days from the decree's official title; Staatscourant number not verified",
    ),
    Decree(
        title="Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 "
              "met een algemeen erkende feestdag",
        staatscourant=None,
        days=(dt.date(2026, 1, 2), dt.date(2026, 5, 15), dt.date(2027, 5, 7), dt.date(2028, 4, 28),
              dt.date(2028, 5, 26)),
        years=(2026, 2027, 2028),
        note="days from the decree's official title; Staatscourant number not verified",
    ),
)

_BY_DAY: dict[dt.date, Decree] = {day: decree for decree in DECREES for day in decree.days}
YEARS_COVERED: frozenset[int] = frozenset(year for decree in DECREES for year in decree.years)
LAST_YEAR_COVERED: int = max(YEARS_COVERED)


def decree_for(day: dt.date) -> Decree | None:
    """The decree that designates ``day``, or None."""
    return _BY_DAY.get(day)


def decree_days_known(year: int) -> bool:
    """Whether a decree for ``year`` is in the data (if not, designated days of that year may be missing)."""
    return year in YEARS_COVERED
