"""Allocation of community work (seed §5 B3): caps, the order of vulnerability, overrides; worked out by hand."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontmoet.domain.capacity import (
    AllocationRequest,
    Override,
    OverrideError,
    allocation_cost,
    apply_overrides,
    propose_allocation,
    year_caps,
)

JAN = dt.date(2027, 1, 10)


def caps(eligible: int = 14, budget: int = 525_000):
    return year_caps(per_place=D("0.25"), ceiling=D("6"), cost_per_fte=150_000, eligible_places=eligible,
                     budget=budget)


def req(place: int, fte: str, index: str | None, *, on: dt.date = JAN, eligible: bool = True) -> AllocationRequest:
    return AllocationRequest(place_id=place, requested_fte=D(fte), requested_on=on,
                             vulnerability_index=None if index is None else D(index), eligible=eligible)


def test_caps_2027_budget_binds():
    # 14 places × ¼ = 3.5 fte; €525,000 / €150,000 = 3.5 fte; ceiling 6: total 3.5.
    c = caps()
    assert (c.by_places, c.by_budget, c.ceiling, c.total) == (D("3.50"), D("3.50"), D("6.00"), D("3.50"))


def test_caps_ceiling_binds_with_24_places():
    c = caps(eligible=24, budget=900_000)  # 24 × ¼ = 6; 900,000 / 150,000 = 6
    assert c.total == D("6.00")
    c = caps(eligible=30, budget=1_200_000)  # 7.5 and 8 fte: the 6 fte ceiling binds
    assert c.total == D("6.00") and c.binding == "ceiling"


def test_caps_budget_cut_down_not_rounded_up():
    c = caps(eligible=20, budget=100_000)  # 0.666… fte → 0.66
    assert c.by_budget == D("0.66") and c.binding == "budget"


def test_most_vulnerable_served_first_last_partially():
    # total 0.60 fte; four places ask ¼ each (and one asks 0.4, cut to the ¼ per place).
    c = caps(eligible=20, budget=90_000)
    assert c.total == D("0.60")
    proposal = propose_allocation(2027, [
        req(1, "0.25", "0.20"),
        req(2, "0.40", "0.90"),
        req(3, "0.25", "0.50"),
        req(4, "0.25", "0.70"),
    ], c)
    got = {a.place_id: (a.allocated_fte, a.rank) for a in proposal.allocations}
    assert got == {2: (D("0.25"), 1), 4: (D("0.25"), 2), 3: (D("0.10"), 3), 1: (D("0"), 4)}
    assert proposal.allocated_fte == D("0.60")


def test_ties_by_request_date_then_place_id():
    c = caps(eligible=20, budget=60_000)  # 0.40 fte
    proposal = propose_allocation(2027, [
        req(9, "0.25", "0.5", on=dt.date(2027, 1, 5)),
        req(3, "0.25", "0.5", on=dt.date(2027, 1, 5)),
        req(1, "0.25", "0.5", on=dt.date(2027, 1, 6)),
    ], c)
    assert [(a.place_id, a.allocated_fte) for a in proposal.allocations] == [
        (3, D("0.25")), (9, D("0.15")), (1, D("0"))]


def test_no_index_comes_last():
    c = caps(eligible=20, budget=37_500)  # 0.25 fte
    proposal = propose_allocation(2027, [req(1, "0.25", None), req(2, "0.25", "0.01")], c)
    assert proposal.for_place(2).allocated_fte == D("0.25")
    assert proposal.for_place(1).allocated_fte == D("0")


def test_ineligible_place_gets_nothing_and_no_rank():
    proposal = propose_allocation(2027, [req(1, "0.25", "0.99", eligible=False), req(2, "0.1", "0.1")], caps())
    refused = proposal.for_place(1)
    assert refused.allocated_fte == 0 and refused.rank is None and not refused.eligible
    assert proposal.for_place(2).allocated_fte == D("0.10")


def test_each_gets_at_most_what_was_asked():
    proposal = propose_allocation(2027, [req(1, "0.05", "0.5")], caps())
    assert proposal.for_place(1).allocated_fte == D("0.05")


def test_cost_is_fte_times_cost_per_fte():
    assert allocation_cost(D("0.25"), 150_000) == D("37500.00")
    assert allocation_cost(D("0.10"), 150_000) == D("15000.00")


def test_override_within_caps_keeps_reason():
    c = caps(eligible=20, budget=90_000)
    proposal = propose_allocation(2027, [req(1, "0.25", "0.2"), req(2, "0.25", "0.9"), req(3, "0.25", "0.5")], c)
    changed = apply_overrides(proposal, [Override(2, D("0.10"), "deels al gedekt"),
                                         Override(1, D("0.15"), "bijzondere situatie")])
    assert changed.for_place(1).allocated_fte == D("0.15")
    assert changed.for_place(1).override_reason == "bijzondere situatie"
    assert changed.allocated_fte <= c.total


@pytest.mark.parametrize(("override", "code"), [
    (Override(1, D("0.30"), "meer"), "above_request_or_place_cap"),
    (Override(1, D("0.25"), ""), "reason_required"),
    (Override(5, D("0.1"), "onbekend"), "no_request"),
    (Override(1, D("-0.1"), "negatief"), "invalid_fte"),
])
def test_override_refused(override, code):
    proposal = propose_allocation(2027, [req(1, "0.25", "0.2")], caps())
    with pytest.raises(OverrideError) as info:
        apply_overrides(proposal, [override])
    assert info.value.code == code


def test_override_cannot_pass_year_cap():
    c = caps(eligible=20, budget=60_000)  # 0.40 fte
    proposal = propose_allocation(2027, [req(1, "0.25", "0.9"), req(2, "0.25", "0.5")], c)
    with pytest.raises(OverrideError) as info:
        apply_overrides(proposal, [Override(2, D("0.25"), "toch volledig")])
    assert info.value.code == "above_year_cap"


def test_override_of_refused_place():
    proposal = propose_allocation(2027, [req(1, "0.25", "0.2", eligible=False)], caps())
    with pytest.raises(OverrideError) as info:
        apply_overrides(proposal, [Override(1, D("0.1"), "toch")])
    assert info.value.code == "not_eligible"


requests_strategy = st.lists(
    st.tuples(
        st.decimals(min_value=0, max_value=2, places=2, allow_nan=False, allow_infinity=False),
        st.one_of(st.none(), st.decimals(min_value=0, max_value=1, places=3, allow_nan=False,
                                         allow_infinity=False)),
        st.integers(min_value=0, max_value=40),
        st.booleans(),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(requests_strategy, st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=2_000_000))
def test_caps_never_broken(rows, eligible, budget):
    c = caps(eligible=eligible, budget=budget)
    requests = [AllocationRequest(place_id=i, requested_fte=f, requested_on=JAN + dt.timedelta(days=d),
                                  vulnerability_index=ix, eligible=ok) for i, (f, ix, d, ok) in enumerate(rows)]
    proposal = propose_allocation(2027, requests, c)
    assert proposal.allocated_fte <= c.total <= D(6)
    assert c.total <= D("0.25") * eligible
    assert c.total * 150_000 <= max(budget, 0)
    by_id = {r.place_id: r for r in requests}
    for a in proposal.allocations:
        r = by_id[a.place_id]
        assert D(0) <= a.allocated_fte <= min(D("0.25"), r.requested_fte)
        if not r.eligible:
            assert a.allocated_fte == 0
    assert {a.place_id for a in proposal.allocations} == set(by_id)  # nothing for a place that did not ask
    # The more vulnerable buurt first: a request cut short means every later one in the order got nothing.
    served = [a for a in proposal.allocations if a.eligible]
    for earlier, later in itertools.pairwise(served):
        wanted = min(D("0.25"), by_id[earlier.place_id].requested_fte)
        if earlier.allocated_fte < wanted:
            assert later.allocated_fte == 0
        if earlier.vulnerability_index is not None and later.vulnerability_index is not None:
            assert earlier.vulnerability_index >= later.vulnerability_index
    # Nothing is left unused while someone in line still wants more.
    unmet = any(a.allocated_fte < min(D("0.25"), by_id[a.place_id].requested_fte) for a in served)
    if unmet:
        assert proposal.allocated_fte == c.total
