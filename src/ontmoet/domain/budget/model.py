"""The financial framework of seed §5, computed from the plan's unit parameters (domain.md §4).

B1 = OC × amount per OC + HvdW × amount per HvdW; B3 = places × fte per place × cost per fte; B2, B4, B5 and the
existing coverage are the plan's yearly amounts. Every amount is whole euros: B3 is rounded half-up to the euro,
so that a subtotal is exactly the sum of its lines. The view rounds to thousands (seed notation) only at the end.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ontmoet.domain.blocks import BLOCK_ROWS as BLOCK_ROWS
from ontmoet.domain.money import round_half_up
from ontmoet.policy.schema import PolicyPlan

#: Row keys of the framework, in the seed's order (the JSON/CSV/xlsx rows).
COUNT_ROWS = ("meeting_centres", "neighbourhood_houses")
ROW_KEYS = (*COUNT_ROWS, *BLOCK_ROWS, "subtotal", "existing_coverage", "net_need", "capital_charges")
#: Rows whose values are euros (the others are numbers of places).
AMOUNT_ROWS = frozenset(ROW_KEYS) - frozenset(COUNT_ROWS)

#: Warning codes (the Django layer turns them into Dutch sentences).
WARNING_MEETING_CENTRES_ABOVE_CAP = "meeting_centres_above_cap"
WARNING_NEIGHBOURHOOD_HOUSES_ABOVE_CAP = "neighbourhood_houses_above_cap"
WARNING_FTE_ABOVE_MAX = "fte_above_max"

Value = int | None


@dataclass(frozen=True)
class BudgetWarning:
    """A figure that passes a limit of the plan (a scenario may; the plan itself may not)."""

    code: str
    column: str
    value: Decimal
    limit: Decimal


@dataclass(frozen=True)
class Budget:
    """The framework table: one tuple of values per row key, aligned with ``columns``. ``None`` is PM."""

    plan_id: str
    scenario: str | None
    columns: tuple[str, ...]
    rows: Mapping[str, tuple[Value, ...]]
    warnings: tuple[BudgetWarning, ...] = ()

    def value(self, key: str, column: str) -> Value:
        return self.rows[key][self.columns.index(column)]

    def row(self, key: str) -> dict[str, Value]:
        return dict(zip(self.columns, self.rows[key], strict=True))

    def differences(self, other: Budget) -> dict[str, tuple[Value, ...]]:
        """``self − other`` per row and column; ``None`` where either side is PM."""
        if self.columns != other.columns:
            raise ValueError("budgets with different columns cannot be compared")
        return {
            key: tuple(
                None if a is None or b is None else a - b
                for a, b in zip(self.rows[key], other.rows[key], strict=True)
            )
            for key in ROW_KEYS
        }


def community_work_cost(places: int, fte_per_place: Decimal, cost_per_fte: int) -> int:
    """B3 in whole euros: "maximaal ¼ fte per locatie" × the cost of an fte (seed §5), rounded half-up."""
    return round_half_up(places * fte_per_place * cost_per_fte)


def compute_budget(
    plan: PolicyPlan,
    *,
    scenario: str | None = None,
    capital_charges: Mapping[str, Value] | None = None,
) -> Budget:
    """The framework of ``plan`` per column. ``capital_charges`` per column from the entered investment projects;
    without them the line is PM (seed §5: "Indicatie van benodigd per jaar kapitaallasten: PM")."""
    columns = plan.columns
    units = plan.unit_amounts
    work = plan.community_work
    rows: dict[str, list[Value]] = {key: [] for key in ROW_KEYS}
    warnings: list[BudgetWarning] = []
    for column in columns:
        counts = plan.counts[column]
        b1 = counts.meeting_centres * units.meeting_centre + counts.neighbourhood_houses * units.neighbourhood_house
        b3 = community_work_cost(counts.total, work.fte_per_place, work.cost_per_fte)
        b2, b4, b5 = (plan.blocks[name][column] for name in ("B2", "B4", "B5"))
        subtotal = b1 + b2 + b3 + b4 + b5
        coverage = plan.existing_coverage[column]
        values: tuple[tuple[str, Value], ...] = (
            ("meeting_centres", counts.meeting_centres),
            ("neighbourhood_houses", counts.neighbourhood_houses),
            ("B1", b1), ("B2", b2), ("B3", b3), ("B4", b4), ("B5", b5),
            ("subtotal", subtotal),
            ("existing_coverage", coverage),
            ("net_need", subtotal - coverage),
            ("capital_charges", None if capital_charges is None else capital_charges.get(column)),
        )
        for key, value in values:
            rows[key].append(value)
        warnings.extend(_limit_warnings(plan, column))
    return Budget(
        plan_id=plan.id,
        scenario=scenario,
        columns=columns,
        rows={key: tuple(values) for key, values in rows.items()},
        warnings=tuple(warnings),
    )


def _limit_warnings(plan: PolicyPlan, column: str) -> list[BudgetWarning]:
    counts = plan.counts[column]
    found = []
    if counts.meeting_centres > plan.places.max_meeting_centres:
        found.append(BudgetWarning(WARNING_MEETING_CENTRES_ABOVE_CAP, column, Decimal(counts.meeting_centres),
                                   Decimal(plan.places.max_meeting_centres)))
    if counts.neighbourhood_houses > plan.places.max_neighbourhood_houses:
        found.append(BudgetWarning(WARNING_NEIGHBOURHOOD_HOUSES_ABOVE_CAP, column, Decimal(counts.neighbourhood_houses),
                                   Decimal(plan.places.max_neighbourhood_houses)))
    fte = counts.total * plan.community_work.fte_per_place
    if fte > plan.community_work.max_fte_total:
        found.append(BudgetWarning(WARNING_FTE_ABOVE_MAX, column, fte, plan.community_work.max_fte_total))
    return found


def row_in_thousands(values: Sequence[Value]) -> tuple[int | None, ...]:
    """The seed's view of a row: thousands, rounded half-up (None stays PM)."""
    return tuple(None if v is None else round_half_up(Decimal(v) / 1000) for v in values)
