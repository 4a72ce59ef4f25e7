"""Board support (seed §6 B5, "vraaggericht"): response times and the health of a board.

"Demand-driven" is measured as the share of requests taken up within the plan's response term (working days from
the request to taken up). A board under the Ogh minimum of three members needs attention, and so does a board with
open vacancies: it is "steeds moeilijker om bestuursleden te vinden" (seed §5 toelichting).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ontmoet.domain.capacity.workdays import working_days_between


@dataclass(frozen=True)
class SupportTimes:
    """Response and lead times of a set of requests, in working days."""

    requests: int
    taken_up: int
    within_term: int
    response_days: tuple[int, ...]
    lead_days: tuple[int, ...]
    term: int

    @property
    def share_within_term(self) -> Decimal | None:
        """Share of the requests that are taken up within the term, of those taken up or already overdue."""
        if self.requests == 0:
            return None
        return (Decimal(self.within_term) / self.requests * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def mean_response(self) -> Decimal | None:
        if not self.response_days:
            return None
        return (Decimal(sum(self.response_days)) / len(self.response_days)).quantize(Decimal("0.1"),
                                                                                      rounding=ROUND_HALF_UP)

    @property
    def mean_lead(self) -> Decimal | None:
        if not self.lead_days:
            return None
        return (Decimal(sum(self.lead_days)) / len(self.lead_days)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def response_summary(rows: Iterable[tuple[dt.date, dt.date | None, dt.date | None]], *, term: int,
                     today: dt.date) -> SupportTimes:
    """``rows`` are (asked on, taken up on, closed on). A request still waiting counts against the share once its
    term has passed; one waiting within its term is not yet counted at all (it may still be taken up in time)."""
    counted = taken = within = 0
    responses: list[int] = []
    leads: list[int] = []
    for asked, taken_on, closed_on in rows:
        if taken_on is None:
            if working_days_between(asked, today) > term:
                counted += 1
            continue
        days = working_days_between(asked, taken_on)
        counted += 1
        taken += 1
        within += days <= term
        responses.append(days)
        if closed_on is not None:
            leads.append(working_days_between(asked, closed_on))
    return SupportTimes(requests=counted, taken_up=taken, within_term=within, response_days=tuple(responses),
                        lead_days=tuple(leads), term=term)


@dataclass(frozen=True)
class BoardHealth:
    members: int
    open_vacancies: int
    minimum: int

    @property
    def under_minimum(self) -> bool:
        return self.members < self.minimum

    @property
    def needs_attention(self) -> bool:
        return self.under_minimum or self.open_vacancies > 0

    @property
    def suggest_recruiting(self) -> bool:
        """Recruiting board members is the support kind to offer when the board is short."""
        return self.needs_attention


def board_health(*, members: int, open_vacancies: int, minimum: int) -> BoardHealth:
    return BoardHealth(members=members, open_vacancies=open_vacancies, minimum=minimum)
