"""The legal terms of an application, behind one function each. They are counted by the terms module
(``ontmoet.domain.terms``: the Awb terms with the Algemene termijnenwet in full, docs/decisions/0301-legal-terms.md);
this module only says which term of the subsidy process is which, and how a suspension is recorded.

A suspension (Awb 4:15) is kept as the pair ``(asked, resumed)`` the terms module counts: ``asked`` the day of the
request to supplement, ``resumed`` the day the application was supplemented, or the last day of the supplement term
when it passed unused (``suspension``). The decision term then runs on for the days from ``asked`` + 1 up to, not
including, ``resumed``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ontmoet.domain import terms
from ontmoet.domain.terms import LegalTerm, TermReason

#: What every term function answers: start, nominal end, end and the reasons that reached it.
Deadline = LegalTerm

__all__ = ["Deadline", "TermReason", "decision_deadline", "objection_deadline", "objection_decision_deadline",
           "supplement_deadline", "suspension"]


def decision_deadline(received: dt.date, *, weeks: int, suspensions: Sequence[tuple[dt.date, dt.date]] = (),
                      postponement_weeks: int = 0) -> LegalTerm:
    """The decision term (Awb 4:13) from receipt, suspended while the applicant supplements (4:15) and extended
    by a postponement (4:14); ``suspensions`` are ``(asked, resumed)`` pairs (see ``suspension``)."""
    return terms.decision_deadline(received, weeks=weeks, suspensions=suspensions,
                                   postponement_weeks=postponement_weeks)


def supplement_deadline(requested: dt.date, *, days: int) -> LegalTerm:
    """The term to supplement (Awb 4:5): ``days`` from the day after the request."""
    return terms.supplement_deadline(requested, days=days)


def suspension(asked: dt.date, *, supplement_days: int, supplied: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The ``(asked, resumed)`` pair of one suspension (Awb 4:15 lid 1 sub a): ``resumed`` is the day of the
    supplement, or the supplement term's last day when the application was not supplemented within it."""
    term = terms.supplement_deadline(asked, days=supplement_days)
    return asked, terms.suspension_end(term, supplied)


def objection_deadline(notified: dt.date) -> LegalTerm:
    """Six weeks from the day after notification (Awb 6:7, 6:8)."""
    return terms.objection_deadline(notified)


def objection_decision_deadline(objection_term_end: dt.date) -> LegalTerm:
    """Six weeks after the end of the objection term (Awb 7:10)."""
    return terms.objection_decision_deadline(objection_term_end)
