"""How a scheme sets the amount of a grant: a fixed amount per place type (B1: the plan's unit amounts per
ontmoetingscentrum and Huis van de Wijk) or the eligible costs up to a maximum."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal


class AmountRuleError(ValueError):
    def __init__(self, code: str, text_nl: str, text_en: str) -> None:
        super().__init__(text_en)
        self.code, self.text_nl, self.text_en = code, text_nl, text_en


@dataclass(frozen=True)
class FixedPerPlaceType:
    """A fixed yearly amount per place type; a type without an amount is not eligible."""

    amounts: Mapping[str, int]

    def amount_for(self, *, place_type: str | None, requested: Decimal) -> Decimal:
        if place_type is None or place_type not in self.amounts:
            raise AmountRuleError("place_type", "Deze regeling is er niet voor dit soort plek.",
                                  "This scheme does not cover this kind of place.")
        return Decimal(self.amounts[place_type])


@dataclass(frozen=True)
class CostBased:
    """The eligible costs (the amount requested), at most ``maximum`` a year."""

    maximum: int

    def amount_for(self, *, place_type: str | None, requested: Decimal) -> Decimal:
        if requested <= 0:
            raise AmountRuleError("amount", "Vraag een bedrag groter dan nul aan.",
                                  "Request an amount greater than zero.")
        return min(Decimal(requested), Decimal(self.maximum))


AmountRule = FixedPerPlaceType | CostBased
