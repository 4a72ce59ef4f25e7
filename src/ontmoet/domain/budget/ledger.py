"""Budget vs. commitments vs. realisation per building block and year (domain.md §4, "Actual figures").

Every granted subsidy or community-work allocation is a commitment on a block and a year; every settlement or
payment is a realisation. What is still free under a block is its budget minus what is committed; what is still
to be paid is what is committed minus what is realised.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ontmoet.domain.budget.model import BLOCK_ROWS, Budget

TOTAL = "total"


class EntryKind(StrEnum):
    COMMITMENT = "commitment"
    REALISATION = "realisation"


@dataclass(frozen=True)
class LedgerSum:
    """The sum of ledger entries of one kind on one block and year."""

    block: str
    year: int
    kind: EntryKind
    amount: Decimal


@dataclass(frozen=True)
class Position:
    block: str
    year: int
    budget: Decimal
    committed: Decimal
    realised: Decimal

    @property
    def free(self) -> Decimal:
        """Budget not yet committed (negative: more committed than budgeted)."""
        return self.budget - self.committed

    @property
    def to_pay(self) -> Decimal:
        """Committed but not yet realised."""
        return self.committed - self.realised

    @property
    def over_committed(self) -> bool:
        return self.committed > self.budget

    @property
    def committed_share(self) -> Decimal | None:
        """Committed as a share of the budget (None when there is no budget)."""
        return None if self.budget == 0 else self.committed / self.budget


def positions(budget: Budget, sums: Iterable[LedgerSum]) -> dict[int, list[Position]]:
    """Per plan year: one position per block B1..B5, then the total of the year (block ``"total"``)."""
    years = [int(c) for c in budget.columns if c.isdigit()]
    found: dict[tuple[str, int, EntryKind], Decimal] = {}
    for entry in sums:
        key = (entry.block, entry.year, entry.kind)
        found[key] = found.get(key, Decimal(0)) + entry.amount
    table: dict[int, list[Position]] = {}
    for year in years:
        rows = []
        for block in BLOCK_ROWS:
            planned = budget.value(block, str(year))
            rows.append(Position(
                block=block, year=year, budget=Decimal(planned or 0),
                committed=found.get((block, year, EntryKind.COMMITMENT), Decimal(0)),
                realised=found.get((block, year, EntryKind.REALISATION), Decimal(0)),
            ))
        rows.append(Position(
            block=TOTAL, year=year,
            budget=sum((p.budget for p in rows), Decimal(0)),
            committed=sum((p.committed for p in rows), Decimal(0)),
            realised=sum((p.realised for p in rows), Decimal(0)),
        ))
        table[year] = rows
    return table


def outside_plan(budget: Budget, sums: Iterable[LedgerSum]) -> list[LedgerSum]:
    """Entries on a year the plan does not cover (shown separately, never silently dropped)."""
    years = {int(c) for c in budget.columns if c.isdigit()}
    return [s for s in sums if s.year not in years]
