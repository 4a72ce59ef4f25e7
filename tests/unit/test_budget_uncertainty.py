"""The uncertainty band: reproducible draws, percentiles in order, and the plan's own case at the top."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ontmoet.domain.budget import CountRange, UncertaintyError, compute_budget, default_input, uncertainty_band
from ontmoet.domain.budget.uncertainty import exact_charge, nearest_rank
from tests.plans import SEED_PLAN


@pytest.fixture
def plan():
    return SEED_PLAN


def test_same_seed_gives_the_same_band(plan):
    given = default_input(plan, draws=500, seed=7)
    assert uncertainty_band(plan, given) == uncertainty_band(plan, given)
    assert uncertainty_band(plan, replace(given, seed=8)) != uncertainty_band(plan, given)


def test_percentiles_are_in_order(plan):
    band = uncertainty_band(plan, default_input(plan, draws=2000))
    for series in (band.net_need, band.capital_charges, band.total_need):
        for q in series.values():
            assert q.p10 <= q.p50 <= q.p90


def test_a_band_without_spread_is_the_framework_itself(plan):
    """With every count fixed at the plan's count and no investment the band collapses onto the net need."""
    given = replace(
        default_input(plan, draws=50),
        meeting_centres={c: CountRange(n.meeting_centres, n.meeting_centres) for c, n in plan.counts.items()},
        neighbourhood_houses={c: CountRange(n.neighbourhood_houses, n.neighbourhood_houses)
                              for c, n in plan.counts.items()},
        investment_min=0, investment_max=0,
    )
    band = uncertainty_band(plan, given)
    budget = compute_budget(plan)
    for column in plan.columns:
        need = budget.value("net_need", column)
        assert band.net_need[column].p10 == band.net_need[column].p90 == need
        assert band.total_need[column].p50 == need


def test_plan_counts_are_the_top_of_the_default_band(plan):
    """The plan's counts are the 'if all are realised' case: no draw of the default band exceeds them."""
    band = uncertainty_band(plan, replace(default_input(plan, draws=2000), investment_min=0, investment_max=0))
    budget = compute_budget(plan)
    for column in plan.columns:
        assert band.net_need[column].p90 <= budget.value("net_need", column)


def test_fixed_investment_gives_the_calculators_charge(plan):
    given = replace(default_input(plan, draws=20), investment_min=8_000_000, investment_max=8_000_000)
    band = uncertainty_band(plan, given)
    for column in plan.columns:
        expected = exact_charge(plan, 8_000_000, column, given.charges_start_year)
        assert abs(band.capital_charges[column].p50 - expected) <= 1


def test_nearest_rank():
    values = list(range(1, 11))
    assert nearest_rank(values, 10) == 1
    assert nearest_rank(values, 50) == 5
    assert nearest_rank(values, 90) == 9


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"draws": 0}, "draws"),
        ({"investment_min": 5, "investment_max": 4}, "investment_min"),
    ],
)
def test_bad_input_names_the_field(plan, change, key):
    with pytest.raises(UncertaintyError) as caught:
        uncertainty_band(plan, replace(default_input(plan), **change))
    assert caught.value.key == key


def test_reversed_count_range_is_refused(plan):
    given = default_input(plan)
    broken = replace(given, meeting_centres={**given.meeting_centres, "2027": CountRange(5, 4)})
    with pytest.raises(UncertaintyError) as caught:
        uncertainty_band(plan, broken)
    assert caught.value.key == "meeting_centres.2027"
