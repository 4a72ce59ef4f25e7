"""The uncertainty band of the framework: seed §4 risk 2.1 says the actual costs will differ, because it is not
known how many boards choose to become an OC or a HvdW and how much will be invested.

Each draw picks, independently per column, a number of OC and of HvdW between the given low and high, and one
investment amount in the band for the whole period; the draw's costs follow from the same unit parameters as
the framework (B1 and B3 move with the counts). The P10/P50/P90 of the yearly need are read from the sorted draws
(nearest rank, so every percentile is an amount that was actually drawn). Draws use ``random.Random(seed)``: the
same input gives the same band.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ontmoet.domain.budget.capital import yearly_charge
from ontmoet.domain.budget.model import community_work_cost
from ontmoet.domain.money import round_half_up
from ontmoet.policy.schema import STRUCTURAL, PolicyPlan

MAX_DRAWS = 100_000
PERCENTILES = (10, 50, 90)
#: Capital-charge factors as integers over this scale, so each draw is integer arithmetic only.
_SCALE = 10**15


@dataclass(frozen=True)
class CountRange:
    low: int
    high: int


@dataclass(frozen=True)
class UncertaintyInput:
    """Ranges per column for the counts, the investment band, and the draw settings."""

    meeting_centres: Mapping[str, CountRange]
    neighbourhood_houses: Mapping[str, CountRange]
    investment_min: int
    investment_max: int
    charges_start_year: int
    draws: int
    seed: int = 2026


@dataclass(frozen=True)
class Quantiles:
    p10: int
    p50: int
    p90: int


@dataclass(frozen=True)
class UncertaintyBand:
    columns: tuple[str, ...]
    net_need: Mapping[str, Quantiles]
    capital_charges: Mapping[str, Quantiles]
    total_need: Mapping[str, Quantiles]
    draws: int
    seed: int


class UncertaintyError(ValueError):
    """Input that cannot be drawn from; ``key`` names the field."""

    def __init__(self, key: str, problem: str) -> None:
        self.key, self.problem = key, problem
        super().__init__(f"{key}: {problem}")


def default_input(plan: PolicyPlan, *, draws: int | None = None, seed: int = 2026) -> UncertaintyInput:
    """Ranges from the plan: each count between ``low_share`` × the plan's count and the plan's count (a
    seed-silent default, marked as such), the seed's investment band, charges from the first plan year."""
    share = plan.investments.uncertainty.low_share

    def low(count: int) -> int:
        return int(count * share)  # rounded down: the band's lower end never passes the plan's count

    return UncertaintyInput(
        meeting_centres={c: CountRange(low(n.meeting_centres), n.meeting_centres) for c, n in plan.counts.items()},
        neighbourhood_houses={c: CountRange(low(n.neighbourhood_houses), n.neighbourhood_houses)
                              for c, n in plan.counts.items()},
        investment_min=plan.investments.band_min,
        investment_max=plan.investments.band_max,
        charges_start_year=plan.years[0],
        draws=draws if draws is not None else plan.investments.uncertainty.draws,
        seed=seed,
    )


def _validate(plan: PolicyPlan, given: UncertaintyInput) -> None:
    if not 1 <= given.draws <= MAX_DRAWS:
        raise UncertaintyError("draws", f"between 1 and {MAX_DRAWS}")
    if not 0 <= given.investment_min <= given.investment_max:
        raise UncertaintyError("investment_min", "0 ≤ investment_min ≤ investment_max")
    for name, ranges in (("meeting_centres", given.meeting_centres),
                         ("neighbourhood_houses", given.neighbourhood_houses)):
        for column in plan.columns:
            if column not in ranges:
                raise UncertaintyError(f"{name}.{column}", "missing")
            r = ranges[column]
            if not 0 <= r.low <= r.high:
                raise UncertaintyError(f"{name}.{column}", "0 ≤ low ≤ high")


def _charge_factors(plan: PolicyPlan, start_year: int) -> list[int]:
    """Per column, the capital charge of one euro invested, scaled to an integer (structural: the first year)."""
    defaults = plan.investments.capital_charges
    factors = []
    for column in plan.columns:
        index = 0 if column == STRUCTURAL else int(column) - start_year
        per_euro = yearly_charge(Decimal(1), method=defaults.method, term_years=defaults.term_years,
                                 interest_rate=defaults.interest_rate, year_index=index)
        factors.append(int(per_euro * _SCALE))
    return factors


def nearest_rank(sorted_values: list[int], percentile: int) -> int:
    """The smallest drawn value with at least ``percentile`` % of the draws at or below it."""
    index = max(math.ceil(percentile / 100 * len(sorted_values)) - 1, 0)
    return sorted_values[index]


def uncertainty_band(plan: PolicyPlan, given: UncertaintyInput) -> UncertaintyBand:
    """Draw ``given.draws`` scenarios and report P10/P50/P90 per column of the exploitation need, the capital
    charges and their sum."""
    _validate(plan, given)
    rng = random.Random(given.seed)
    randint = rng.randint
    columns = plan.columns
    units, work = plan.unit_amounts, plan.community_work
    top = max(given.meeting_centres[c].high + given.neighbourhood_houses[c].high for c in columns)
    b3_by_places = [community_work_cost(n, work.fte_per_place, work.cost_per_fte) for n in range(top + 1)]
    fixed = [plan.blocks["B2"][c] + plan.blocks["B4"][c] + plan.blocks["B5"][c] - plan.existing_coverage[c]
             for c in columns]
    oc_ranges = [(given.meeting_centres[c].low, given.meeting_centres[c].high) for c in columns]
    hh_ranges = [(given.neighbourhood_houses[c].low, given.neighbourhood_houses[c].high) for c in columns]
    factors = _charge_factors(plan, given.charges_start_year)
    per_oc, per_hh = units.meeting_centre, units.neighbourhood_house
    half = _SCALE // 2

    width = len(columns)
    needs: list[list[int]] = [[] for _ in range(width)]
    charges: list[list[int]] = [[] for _ in range(width)]
    totals: list[list[int]] = [[] for _ in range(width)]
    for _ in range(given.draws):
        invested = randint(given.investment_min, given.investment_max)
        for i in range(width):
            oc = randint(*oc_ranges[i])
            hh = randint(*hh_ranges[i])
            need = oc * per_oc + hh * per_hh + b3_by_places[oc + hh] + fixed[i]
            charge = (invested * factors[i] + half) // _SCALE
            needs[i].append(need)
            charges[i].append(charge)
            totals[i].append(need + charge)

    def quantiles(series: list[list[int]]) -> dict[str, Quantiles]:
        result = {}
        for column, values in zip(columns, series, strict=True):
            values.sort()
            result[column] = Quantiles(*(nearest_rank(values, p) for p in PERCENTILES))
        return result

    return UncertaintyBand(
        columns=columns,
        net_need=quantiles(needs),
        capital_charges=quantiles(charges),
        total_need=quantiles(totals),
        draws=given.draws,
        seed=given.seed,
    )


def exact_charge(plan: PolicyPlan, amount: int, column: str, start_year: int) -> int:
    """The capital charge of ``amount`` in ``column`` computed exactly (for checking the integer shortcut)."""
    defaults = plan.investments.capital_charges
    index = 0 if column == STRUCTURAL else int(column) - start_year
    return round_half_up(yearly_charge(Decimal(amount), method=defaults.method, term_years=defaults.term_years,
                                       interest_rate=defaults.interest_rate, year_index=index))
