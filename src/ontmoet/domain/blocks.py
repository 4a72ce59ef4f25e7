"""The building blocks (bouwstenen), as the domain core uses them. Defined once, in the plan's schema (the plan is
the lowest layer and names the blocks it gives amounts for); re-exported here for the rules."""

from __future__ import annotations

from ontmoet.policy.schema import FIXED_AMOUNT_BLOCKS, BuildingBlock

#: The rows of the financial framework, in the seed's order ("B1" .. "B5").
BLOCK_ROWS: tuple[str, ...] = tuple(block.value for block in BuildingBlock)

__all__ = ["BLOCK_ROWS", "FIXED_AMOUNT_BLOCKS", "BuildingBlock"]
