"""Community work (opbouwwerk by Trajekt) as a capped budget of fte (seed §5 "Bouwsteen 3", §6 B3).

The seed: "maximaal ¼ fte per locatie", "maximale inzet van 6 fte", and extra support "enkel indien de
ontmoetingscentra behoefte hebben aan deze extra ondersteuning". So only a place that asked gets fte, only a place
that is an OC or HvdW on 1 January of the year may ask, and in a year the total is the least of

- the ceiling of 6 fte,
- ¼ fte × the number of OC + HvdW in the register on 1 January (what the §5 line assumes per place), and
- the year's B3 budget ÷ the cost of one fte.

When more is asked than the total carries, the buurt's vulnerability index decides ("ongelijk investeren voor
gelijke kansen", seed §1.7): most vulnerable first, each request at most what was asked and the per-place cap, the
last one partially; equal indexes by request date, then place id (ADR 0401). A place in a buurt without an index
comes after every place with one: the order cannot rank what has no figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

#: fte are kept to two decimals (0.01 fte ≈ 15 minutes a week); a cap is cut down, never rounded up.
FTE_PLACES = Decimal("0.01")
ZERO = Decimal(0)


def fte(value: Decimal | int | str) -> Decimal:
    """An fte figure cut down to two decimals (a cap is never passed by rounding)."""
    return Decimal(value).quantize(FTE_PLACES, rounding=ROUND_DOWN)


@dataclass(frozen=True)
class Caps:
    """The caps of one year, each with its own figure so a page can say which one binds."""

    per_place: Decimal
    ceiling: Decimal  # "maximale inzet van 6 fte"
    by_places: Decimal  # ¼ fte × OC + HvdW on 1 January
    by_budget: Decimal  # B3 budget ÷ cost per fte
    eligible_places: int
    budget: int
    cost_per_fte: int

    @property
    def total(self) -> Decimal:
        return min(self.ceiling, self.by_places, self.by_budget)

    @property
    def binding(self) -> str:
        """Which cap sets the total: "ceiling", "places" or "budget" (the first on a tie, in that order)."""
        total = self.total
        for name, value in (("ceiling", self.ceiling), ("places", self.by_places), ("budget", self.by_budget)):
            if value == total:
                return name
        raise AssertionError("unreachable")  # pragma: no cover


def year_caps(*, per_place: Decimal, ceiling: Decimal, cost_per_fte: int, eligible_places: int,
              budget: int) -> Caps:
    """The caps of a year from the plan's figures, the register's count and the year's B3 budget."""
    if cost_per_fte <= 0:
        raise ValueError("cost per fte must be positive")
    return Caps(
        per_place=fte(per_place),
        ceiling=fte(ceiling),
        by_places=fte(per_place * eligible_places),
        by_budget=fte(Decimal(max(budget, 0)) / cost_per_fte),
        eligible_places=eligible_places,
        budget=budget,
        cost_per_fte=cost_per_fte,
    )


def allocation_cost(allocated_fte: Decimal, cost_per_fte: int) -> Decimal:
    """What an allocation costs on B3: fte × the plan's cost per fte, in euros and cents."""
    return (allocated_fte * cost_per_fte).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class AllocationRequest:
    """A place's request for a year. ``eligible`` is whether it is an OC or HvdW on 1 January of that year."""

    place_id: int
    requested_fte: Decimal
    requested_on: dt.date
    vulnerability_index: Decimal | None
    eligible: bool
    request_id: int | None = None

    def sort_key(self) -> tuple[int, Decimal, dt.date, int]:
        index = self.vulnerability_index
        # Most vulnerable first; no index after every index; then the earlier request, then the lower place id.
        return (1 if index is None else 0, -(index or ZERO), self.requested_on, self.place_id)


@dataclass(frozen=True)
class PlaceAllocation:
    place_id: int
    requested_fte: Decimal
    allocated_fte: Decimal
    vulnerability_index: Decimal | None
    rank: int | None  # position in the order; None for a refused (ineligible) request
    eligible: bool
    request_id: int | None = None
    override_reason: str = ""


@dataclass(frozen=True)
class AllocationProposal:
    year: int
    caps: Caps
    allocations: tuple[PlaceAllocation, ...]

    @property
    def allocated_fte(self) -> Decimal:
        return sum((a.allocated_fte for a in self.allocations), ZERO)

    @property
    def remaining_fte(self) -> Decimal:
        return self.caps.total - self.allocated_fte

    def for_place(self, place_id: int) -> PlaceAllocation | None:
        return next((a for a in self.allocations if a.place_id == place_id), None)


def propose_allocation(year: int, requests: Iterable[AllocationRequest], caps: Caps) -> AllocationProposal:
    """Serve eligible requests in the order of the buurt's vulnerability until the year's total is used."""
    requests = list(requests)
    ordered = sorted((r for r in requests if r.eligible), key=AllocationRequest.sort_key)
    left = caps.total
    rows: list[PlaceAllocation] = []
    seen: set[int] = set()
    for rank, request in enumerate(ordered, start=1):
        if request.place_id in seen:
            raise ValueError(f"place {request.place_id} has more than one request in {year}")
        seen.add(request.place_id)
        wanted = min(fte(max(request.requested_fte, ZERO)), caps.per_place)
        given = max(min(wanted, left), ZERO)
        left -= given
        rows.append(PlaceAllocation(place_id=request.place_id, requested_fte=request.requested_fte,
                                    allocated_fte=given, vulnerability_index=request.vulnerability_index,
                                    rank=rank, eligible=True, request_id=request.request_id))
    # A place that is no OC or HvdW on 1 January is listed with nothing: the refusal is part of the answer.
    refused = tuple(
        PlaceAllocation(place_id=r.place_id, requested_fte=r.requested_fte, allocated_fte=ZERO,
                        vulnerability_index=r.vulnerability_index, rank=None, eligible=False,
                        request_id=r.request_id)
        for r in sorted((r for r in requests if not r.eligible), key=lambda r: r.place_id)
    )
    return AllocationProposal(year=year, caps=caps, allocations=(*rows, *refused))


@dataclass(frozen=True)
class Override:
    """An officer's change of one place's allocation, with the reason the audit trail keeps."""

    place_id: int
    allocated_fte: Decimal
    reason: str


class OverrideError(ValueError):
    """An override that would break a cap; ``code`` names which."""

    def __init__(self, code: str, place_id: int, limit: Decimal) -> None:
        self.code, self.place_id, self.limit = code, place_id, limit
        super().__init__(f"{code}: place {place_id}, limit {limit}")


def apply_overrides(proposal: AllocationProposal, overrides: Sequence[Override] | Mapping[int, Override]
                    ) -> AllocationProposal:
    """The proposal with officers' overrides; refused when one breaks a cap (no override can, the issue says)."""
    by_place = dict(overrides) if isinstance(overrides, Mapping) else {o.place_id: o for o in overrides}
    rows: list[PlaceAllocation] = []
    for row in proposal.allocations:
        override = by_place.pop(row.place_id, None)
        if override is None:
            rows.append(row)
            continue
        if not override.reason.strip():
            raise OverrideError("reason_required", row.place_id, ZERO)
        if not row.eligible:
            raise OverrideError("not_eligible", row.place_id, ZERO)
        value = Decimal(override.allocated_fte)
        if value < 0 or value != fte(value):
            raise OverrideError("invalid_fte", row.place_id, ZERO)
        limit = min(proposal.caps.per_place, fte(max(row.requested_fte, ZERO)))
        if value > limit:
            raise OverrideError("above_request_or_place_cap", row.place_id, limit)
        rows.append(replace(row, allocated_fte=value, override_reason=override.reason.strip()))
    if by_place:
        raise OverrideError("no_request", next(iter(by_place)), ZERO)
    result = replace(proposal, allocations=tuple(rows))
    if result.allocated_fte > proposal.caps.total:
        raise OverrideError("above_year_cap", 0, proposal.caps.total)
    return result
