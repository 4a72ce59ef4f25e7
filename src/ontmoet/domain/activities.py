"""Activities at meeting places (issue 11, point 1): who initiates and organises them, and weekly series.

Pure Python: the app ``ontmoet.activities`` maps these to its models. A series is a rule (first date, every
``interval_weeks`` weeks, until a date); its occurrences are the dates the rule gives, each stored as an
activity of its own so that one occurrence can be edited or cancelled without touching the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum

#: A series never materialises more than this many occurrences (two years of weekly meetings); a longer
#: series is split by the board, so that a typo in the end date cannot write thousands of rows.
MAX_OCCURRENCES = 104


class Initiator(StrEnum):
    """Who took the initiative for an activity, or who organised it (seed §6, effect indicator 3)."""

    RESIDENTS = "residents"
    BOARD = "board"
    PROFESSIONAL = "professional"
    ORGANISATION = "organisation"


class SeriesTooLong(ValueError):
    """The rule gives more occurrences than :data:`MAX_OCCURRENCES`."""


def occurrence_dates(first: dt.date, until: dt.date, interval_weeks: int = 1) -> list[dt.date]:
    """The dates of a series: ``first``, then every ``interval_weeks`` weeks up to and including ``until``."""
    if interval_weeks < 1:
        raise ValueError("interval_weeks must be at least 1")
    if until < first:
        return []
    step = dt.timedelta(weeks=interval_weeks)
    count = (until - first) // step + 1
    if count > MAX_OCCURRENCES:
        raise SeriesTooLong(count)
    return list(_dates(first, step, count))


def _dates(first: dt.date, step: dt.timedelta, count: int) -> Iterator[dt.date]:
    for i in range(count):
        yield first + i * step


def plain_whole(text: str, *, max_digits: int = 9) -> int | None:
    """A whole number written in ASCII digits only ("12"), or None: ``str.isdigit`` also accepts "²" and other
    scripts' digits, and a 30-digit id would overflow the database's integer."""
    text = text.strip()
    if not text or len(text) > max_digits or not (text.isascii() and text.isdigit()):
        return None
    return int(text)
