"""The legal terms of an application, behind one function each so the terms module (the Algemene termijnenwet,
``ontmoet.domain.terms``) is the one place that counts them.

Until that module is in place these count calendar days only: no weekend or holiday moves a date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Deadline:
    start: dt.date
    nominal_end: dt.date
    end: dt.date
    #: How the date was reached, each (code, date, Dutch text, English text).
    reasons: tuple[tuple[str, dt.date, str, str], ...] = ()


def decision_deadline(received: dt.date, *, weeks: int, suspensions: Sequence[tuple[dt.date, dt.date]] = (),
                      postponement_weeks: int = 0) -> Deadline:
    """The decision term (Awb 4:13) from receipt, suspended while the applicant supplements (4:15) and extended
    by a postponement (4:14)."""
    nominal = received + dt.timedelta(weeks=weeks)
    suspended = sum(((to - since).days for since, to in suspensions), 0)
    end = nominal + dt.timedelta(days=suspended, weeks=postponement_weeks)
    return Deadline(received, nominal, end)


def supplement_deadline(requested: dt.date, *, days: int) -> Deadline:
    """The term to supplement (Awb 4:5), counted from the day of the request."""
    end = requested + dt.timedelta(days=days)
    return Deadline(requested, end, end)


def objection_deadline(notified: dt.date) -> Deadline:
    """Six weeks from the day after notification (Awb 6:7, 6:8)."""
    start = notified + dt.timedelta(days=1)
    end = notified + dt.timedelta(weeks=6)
    return Deadline(start, end, end)


def objection_decision_deadline(objection_term_end: dt.date) -> Deadline:
    """Six weeks after the end of the objection term (Awb 7:10)."""
    end = objection_term_end + dt.timedelta(weeks=6)
    return Deadline(objection_term_end, end, end)
