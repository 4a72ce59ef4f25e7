"""The ranking dates (peilmomenten) of a scheme-year that distributes by ranking (Awb 4:26).

The plan names them as "MM-DD" in the scheme-year itself. A round on a day is held for the latest date on or
before that day and ranks the applications complete by the end of it (e.g. the Ogh inventory chapter: complete
from November to April, ranked on 1 May); while a later date of the year is to come, applications complete
later wait for it, and after the last date a round takes what is advised, so none is left undecided. Before
the first date there is no round. A year without dates ranks whatever is advised when the round is held.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class RankingMoment:
    """The ranking date a round now is held for (``None``: the year names no dates), the next one to come,
    and whether the first is still to come (no round yet)."""

    held_for: dt.date | None
    upcoming: dt.date | None
    too_early: bool


def moment_on(year: int, dates: Iterable[str], today: dt.date) -> RankingMoment:
    """Where the ranking of ``year`` with its ``dates`` ("MM-DD") stands on ``today``."""
    days = sorted(dt.date(year, int(d[:2]), int(d[3:5])) for d in dates)
    if not days:
        return RankingMoment(None, None, too_early=False)
    past = [d for d in days if d <= today]
    later = [d for d in days if d > today]
    return RankingMoment(past[-1] if past else None, later[0] if later else None, too_early=not past)
