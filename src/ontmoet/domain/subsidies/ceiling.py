"""The subsidy ceiling (subsidieplafond, Awb 4:22-4:27) as arithmetic on amounts.

A grant that would exceed the ceiling is refused insofar as it exceeds it (4:25 lid 2): with partial grants
allowed the applicant gets what is left, otherwise the application is refused for the ceiling. The services hold
the scheme-year's lock while they call these functions and commit the result (docs/decisions/0303).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class DecisionReason(StrEnum):
    GRANTED = "granted"  # granted as requested
    PARTIAL_CEILING = "partial_ceiling"  # refused insofar as it would exceed the ceiling (4:25 lid 2)
    REFUSED_CEILING = "refused_ceiling"  # refused: the ceiling has been reached (4:25)
    REFUSED = "refused"  # refused on its merits (the afwegingskader, eligibility)


class DistributionMethod(StrEnum):
    ORDER_OF_RECEIPT = "order_of_receipt"  # by the moment the application became complete
    RANKING = "ranking"  # ranked at a ranking date (peilmoment) by the afwegingskader score


@dataclass(frozen=True)
class CeilingOutcome:
    granted: Decimal
    reason: DecisionReason
    #: What was left of the ceiling before this decision (kept with the decision for an objection, 4:25 lid 3).
    remaining_before: Decimal

    @property
    def refused(self) -> bool:
        return self.granted == 0


def remaining(ceiling: Decimal, committed: Decimal) -> Decimal:
    return max(Decimal(ceiling) - Decimal(committed), Decimal(0))


def grant_under_ceiling(amount: Decimal, *, ceiling: Decimal, committed: Decimal,
                        partial_allowed: bool) -> CeilingOutcome:
    """Grant ``amount`` against a scheme-year of which ``committed`` is already granted."""
    amount = Decimal(amount)
    if amount <= 0:
        raise ValueError("a grant is for a positive amount")
    left = remaining(ceiling, committed)
    if amount <= left:
        return CeilingOutcome(amount, DecisionReason.GRANTED, left)
    if partial_allowed and left > 0:
        return CeilingOutcome(left, DecisionReason.PARTIAL_CEILING, left)
    return CeilingOutcome(Decimal(0), DecisionReason.REFUSED_CEILING, left)


def objection_under_ceiling(amount: Decimal, *, ceiling: Decimal, remaining_at_first_decision: Decimal,
                            already_granted: Decimal, committed_now: Decimal,
                            partial_allowed: bool) -> CeilingOutcome:
    """A founded objection, re-tested against the ceiling as it stood at the first decision (4:25 lid 3).

    The applicant is entitled to what the first decision should have given: the amount, as far as it fitted in
    what was left then. That is never less than what was granted already. The ceiling itself is never exceeded:
    where the ceiling has since been used by others, the extra is limited to what is left now and the decision
    says so with the ceiling reason (raising a ceiling is the college's decision, not the officer's).
    """
    amount, already = Decimal(amount), Decimal(already_granted)
    then = Decimal(remaining_at_first_decision)  # what this application's first decision could use
    if amount <= then:
        due = amount
    elif partial_allowed:
        due = max(then, already)
    else:
        due = already
    extra = max(due - already, Decimal(0))
    now_left = remaining(ceiling, committed_now)
    granted = already + min(extra, now_left)
    if granted == amount:
        reason = DecisionReason.GRANTED
    elif granted == 0:
        reason = DecisionReason.REFUSED_CEILING
    else:
        reason = DecisionReason.PARTIAL_CEILING
    return CeilingOutcome(granted, reason, now_left)


@dataclass(frozen=True)
class RankedApplication:
    id: int
    amount: Decimal
    #: When the application became complete (order of receipt).
    completed_at: dt.datetime
    #: The afwegingskader's ranking score (ranking); higher first.
    score: Decimal = Decimal(0)


def order_for_distribution(applications: Iterable[RankedApplication],
                           method: DistributionMethod) -> list[RankedApplication]:
    """The order in which applications are granted.

    Order of receipt: by the moment the application became complete; applications complete at the same moment
    go by their number, lowest first (the stated tie rule, published with the scheme). Ranking: by score,
    highest first; equal scores by the moment of completeness, then by number."""
    if method is DistributionMethod.ORDER_OF_RECEIPT:
        return sorted(applications, key=lambda a: (a.completed_at, a.id))
    return sorted(applications, key=lambda a: (-a.score, a.completed_at, a.id))


def rank_down(applications: Sequence[RankedApplication], *, method: DistributionMethod, ceiling: Decimal,
              committed: Decimal, partial_allowed: bool) -> list[tuple[RankedApplication, CeilingOutcome]]:
    """Grant down the list at the ranking date until the ceiling is used; the rest is refused for the ceiling
    (or, with partial grants, the first that no longer fits gets what is left)."""
    outcomes = []
    used = Decimal(committed)
    for application in order_for_distribution(applications, method):
        outcome = grant_under_ceiling(application.amount, ceiling=ceiling, committed=used,
                                      partial_allowed=partial_allowed)
        used += outcome.granted
        outcomes.append((application, outcome))
    return outcomes
