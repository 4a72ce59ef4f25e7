"""Invariants of the budget model over many scenarios (hypothesis)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ontmoet.domain.budget import BLOCK_ROWS, EntryKind, LedgerSum, compute_budget, positions
from ontmoet.domain.budget.model import community_work_cost
from ontmoet.policy.schema import PlaceCounts
from tests.plans import SEED_PLAN

PLAN = SEED_PLAN
COLUMNS = PLAN.columns

counts = st.builds(PlaceCounts, meeting_centres=st.integers(0, 200), neighbourhood_houses=st.integers(0, 50))
amounts = st.integers(0, 5_000_000)
fte = st.decimals(min_value=0, max_value=2, places=4)


@st.composite
def plans(draw):
    return replace(
        PLAN,
        counts={c: draw(counts) for c in COLUMNS},
        unit_amounts=replace(PLAN.unit_amounts, meeting_centre=draw(amounts), neighbourhood_house=draw(amounts)),
        community_work=replace(PLAN.community_work, fte_per_place=draw(fte), cost_per_fte=draw(amounts)),
        blocks={b: {c: draw(amounts) for c in COLUMNS} for b in PLAN.blocks},
        existing_coverage={c: draw(amounts) for c in COLUMNS},
    )


@settings(max_examples=200, deadline=None)
@given(plans())
def test_subtotal_is_the_sum_of_its_lines_and_net_need_is_subtotal_minus_coverage(plan):
    budget = compute_budget(plan)
    for column in COLUMNS:
        assert budget.value("subtotal", column) == sum(budget.value(b, column) for b in BLOCK_ROWS)
        assert budget.value("net_need", column) == (
            budget.value("subtotal", column) - budget.value("existing_coverage", column))


@settings(max_examples=200, deadline=None)
@given(plans(), st.sampled_from(COLUMNS), st.integers(0, 20), st.integers(0, 5))
def test_more_places_never_lower_b1_or_b3(plan, column, more_oc, more_hvdw):
    before = compute_budget(plan)
    grown = plan.counts[column]
    bigger = replace(plan, counts={**plan.counts, column: PlaceCounts(grown.meeting_centres + more_oc,
                                                                    grown.neighbourhood_houses + more_hvdw)})
    after = compute_budget(bigger)
    assert after.value("B1", column) >= before.value("B1", column)
    assert after.value("B3", column) >= before.value("B3", column)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 500), st.integers(0, 500), fte, amounts)
def test_b3_is_monotone_in_places(a, b, per_place, cost):
    low, high = sorted((a, b))
    assert community_work_cost(low, per_place, cost) <= community_work_cost(high, per_place, cost)


entries = st.lists(st.builds(
    LedgerSum,
    block=st.sampled_from(BLOCK_ROWS),
    year=st.sampled_from(PLAN.years),
    kind=st.sampled_from(list(EntryKind)),
    amount=st.decimals(min_value=0, max_value=10**7, places=2),
), max_size=30)


@settings(max_examples=100, deadline=None)
@given(entries)
def test_position_totals_are_the_sum_of_the_blocks(sums):
    table = positions(compute_budget(PLAN), sums)
    for year, rows in table.items():
        *blocks, total = rows
        assert total.budget == sum((p.budget for p in blocks), Decimal(0))
        assert total.committed == sum((p.committed for p in blocks), Decimal(0))
        assert total.realised == sum((p.realised for p in blocks), Decimal(0))
        assert total.free == total.budget - total.committed
        expected = sum((s.amount for s in sums if s.year == year and s.kind == EntryKind.COMMITMENT), Decimal(0))
        assert total.committed == expected
