"""Capacity of the support structure (seed §6, bouwsteen 3 and 5): community work by Trajekt as a capped budget of
fte, and the response times of board support. Pure Python; the capacity app maps it to and from the database."""

from ontmoet.domain.capacity.allocation import (
    AllocationProposal,
    AllocationRequest,
    Caps,
    Override,
    OverrideError,
    PlaceAllocation,
    allocation_cost,
    apply_overrides,
    propose_allocation,
    year_caps,
)
from ontmoet.domain.capacity.support import (
    BoardHealth,
    SupportTimes,
    board_health,
    response_summary,
)
from ontmoet.domain.capacity.workdays import add_working_days, is_working_day, working_days_between

__all__ = [
    "AllocationProposal",
    "AllocationRequest",
    "BoardHealth",
    "Caps",
    "Override",
    "OverrideError",
    "PlaceAllocation",
    "SupportTimes",
    "add_working_days",
    "allocation_cost",
    "apply_overrides",
    "board_health",
    "is_working_day",
    "propose_allocation",
    "response_summary",
    "working_days_between",
    "year_caps",
]
