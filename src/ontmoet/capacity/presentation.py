"""Shapes of community work and board support for the CLI, the API and the pages (camelCase at the edge)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ontmoet.domain.capacity import AllocationProposal


def _text(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def proposal_json(proposal: AllocationProposal, names: Mapping[int, str]) -> dict[str, Any]:
    return {
        "year": proposal.year,
        "capFte": _text(proposal.caps.total),
        "allocatedFte": _text(proposal.allocated_fte.quantize(Decimal("0.01"))),
        "allocations": [
            {"place": names.get(a.place_id, str(a.place_id)), "placeId": a.place_id,
             "requestedFte": _text(a.requested_fte), "allocatedFte": _text(a.allocated_fte),
             "vulnerabilityIndex": _text(a.vulnerability_index), "rank": a.rank}
            for a in proposal.allocations
        ],
    }
