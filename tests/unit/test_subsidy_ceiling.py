"""The ceiling arithmetic (Awb 4:25), the amount rules, and a property: no sequence of decisions passes a ceiling."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontmoet.domain.subsidies.amounts import AmountRuleError, CostBased, FixedPerPlaceType
from ontmoet.domain.subsidies.ceiling import (
    DecisionReason,
    DistributionMethod,
    RankedApplication,
    grant_under_ceiling,
    objection_under_ceiling,
    order_for_distribution,
    rank_down,
)
from ontmoet.domain.subsidies.ledger import Booked, Expected, SchemeYearTotals, reconcile

D = Decimal
ZERO = Decimal(0)


def test_a_grant_that_fits_is_made_in_full():
    outcome = grant_under_ceiling(D(62000), ceiling=D(716000), committed=D(600000), partial_allowed=True)
    assert (outcome.granted, outcome.reason, outcome.remaining_before) == (D(62000), DecisionReason.GRANTED,
                                                                            D(116000))


def test_a_grant_that_would_exceed_is_refused_insofar_as_it_exceeds():
    outcome = grant_under_ceiling(D(62000), ceiling=D(716000), committed=D(690000), partial_allowed=True)
    assert (outcome.granted, outcome.reason) == (D(26000), DecisionReason.PARTIAL_CEILING)


def test_without_partial_grants_it_is_refused_for_the_ceiling():
    outcome = grant_under_ceiling(D(62000), ceiling=D(716000), committed=D(690000), partial_allowed=False)
    assert (outcome.granted, outcome.reason) == (D(0), DecisionReason.REFUSED_CEILING)
    full = grant_under_ceiling(D(1), ceiling=D(10), committed=D(10), partial_allowed=True)
    assert (full.granted, full.reason) == (D(0), DecisionReason.REFUSED_CEILING)


def test_a_grant_is_for_a_positive_amount():
    with pytest.raises(ValueError, match="positive"):
        grant_under_ceiling(D(0), ceiling=D(10), committed=D(0), partial_allowed=True)


T0 = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)


def test_order_of_receipt_goes_by_the_moment_complete_and_then_by_number():
    a = RankedApplication(3, D(10), T0)
    b = RankedApplication(1, D(10), T0 + dt.timedelta(minutes=1))
    c = RankedApplication(2, D(10), T0)
    assert [x.id for x in order_for_distribution([a, b, c], DistributionMethod.ORDER_OF_RECEIPT)] == [2, 3, 1]


def test_ranking_down_the_list_at_the_ranking_date():
    # The Ogh inventory chapter: ranked on 1 May by score; ceiling 25,000 for requests of 10,000 each.
    apps = [RankedApplication(1, D(10000), T0, D("0.4")), RankedApplication(2, D(10000), T0, D("0.9")),
            RankedApplication(3, D(10000), T0, D("0.7")), RankedApplication(4, D(10000), T0, D("0.1"))]
    result = rank_down(apps, method=DistributionMethod.RANKING, ceiling=D(25000), committed=D(0),
                       partial_allowed=True)
    assert [(a.id, o.granted, o.reason) for a, o in result] == [
        (2, D(10000), DecisionReason.GRANTED), (3, D(10000), DecisionReason.GRANTED),
        (1, D(5000), DecisionReason.PARTIAL_CEILING), (4, D(0), DecisionReason.REFUSED_CEILING)]


def test_an_objection_is_retested_against_the_ceiling_as_it_stood_at_the_first_decision():
    # Refused with 30,000 left (wrongly, on the merits); since then others took 20,000: the ceiling now leaves
    # 10,000, so the applicant gets 10,000 and the rest is refused for the ceiling.
    outcome = objection_under_ceiling(D(25000), ceiling=D(100000), remaining_at_first_decision=D(30000),
                                      already_granted=D(0), committed_now=D(90000), partial_allowed=True)
    assert (outcome.granted, outcome.reason) == (D(10000), DecisionReason.PARTIAL_CEILING)
    # Nothing used since: the full amount, as it fitted then.
    outcome = objection_under_ceiling(D(25000), ceiling=D(100000), remaining_at_first_decision=D(30000),
                                      already_granted=D(0), committed_now=D(70000), partial_allowed=True)
    assert (outcome.granted, outcome.reason) == (D(25000), DecisionReason.GRANTED)


def test_an_objection_never_gives_more_than_fitted_at_the_first_decision():
    # Partially granted 5,000 of 20,000 when 5,000 was left; others released 50,000 since: still 5,000.
    outcome = objection_under_ceiling(D(20000), ceiling=D(100000), remaining_at_first_decision=D(5000),
                                      already_granted=D(5000), committed_now=D(50000), partial_allowed=True)
    assert (outcome.granted, outcome.reason) == (D(5000), DecisionReason.PARTIAL_CEILING)


def test_fixed_amounts_per_place_type():
    rule = FixedPerPlaceType({"meeting_centre": 62000, "neighbourhood_house": 220000})
    assert rule.amount_for(place_type="meeting_centre", requested=D(1)) == D(62000)
    assert rule.amount_for(place_type="neighbourhood_house", requested=D(0)) == D(220000)
    with pytest.raises(AmountRuleError):
        rule.amount_for(place_type="living_room", requested=D(1000))


def test_cost_based_with_a_maximum():
    rule = CostBased(maximum=15000)
    assert rule.amount_for(place_type=None, requested=D("12000.50")) == D("12000.50")
    assert rule.amount_for(place_type=None, requested=D(20000)) == D(15000)
    with pytest.raises(AmountRuleError):
        rule.amount_for(place_type=None, requested=D(0))


# --- the property -----------------------------------------------------------------------------------------------


@dataclass
class App:
    year: str
    requested: Decimal
    granted: Decimal = ZERO
    remaining_at_decision: Decimal | None = None
    settled: bool = False
    paid: Decimal = ZERO


@dataclass
class Books:
    ceilings: dict[str, Decimal]
    committed: dict[str, Decimal] = field(default_factory=dict)
    apps: list[App] = field(default_factory=list)
    ledger: dict[str, Booked] = field(default_factory=dict)

    def book(self, i: int, commitment: Decimal = ZERO, realisation: Decimal = ZERO) -> None:
        old = self.ledger.get(f"a{i}", Booked())
        self.ledger[f"a{i}"] = Booked(old.commitment + commitment, old.realisation + realisation)


amounts = st.integers(min_value=1, max_value=60_000).map(D)
operations = st.lists(st.tuples(st.sampled_from(["grant", "refuse", "settle", "object", "advance"]),
                                st.integers(0, 40), amounts, st.booleans(), st.sampled_from(["2026", "2027"])),
                      max_size=60)


@given(ceiling=st.integers(0, 200_000).map(D), ops=operations)
@settings(max_examples=300, deadline=None)
def test_no_sequence_of_decisions_passes_a_ceiling_and_the_ledger_reconciles(ceiling, ops):
    books = Books(ceilings={"2026": ceiling, "2027": ceiling / 2})
    for op, pick, amount, partial, year in ops:
        if op in ("grant", "refuse"):
            books.apps.append(App(year, amount))
            app, i = books.apps[-1], len(books.apps) - 1
            left = books.ceilings[year] - books.committed.get(year, D(0))
            app.remaining_at_decision = left
            if op == "grant":
                outcome = grant_under_ceiling(amount, ceiling=books.ceilings[year],
                                              committed=books.committed.get(year, D(0)), partial_allowed=partial)
                app.granted = outcome.granted
                books.committed[year] = books.committed.get(year, D(0)) + outcome.granted
                if outcome.granted:
                    books.book(i, commitment=outcome.granted)
            continue
        if not books.apps:
            continue
        i = pick % len(books.apps)
        app = books.apps[i]
        if op == "advance" and not app.settled and app.granted - app.paid >= 1:
            advance = min(amount, app.granted - app.paid)
            app.paid += advance
            books.book(i, realisation=advance)
        elif op == "settle" and app.granted and not app.settled:
            settled = max(app.granted - amount, D(0))  # at most the grant (4:46)
            release = app.granted - settled
            app.granted, app.settled = settled, True
            books.committed[app.year] -= release
            books.book(i, commitment=-release, realisation=settled - app.paid)
            app.paid = settled
        elif op == "object" and not app.settled and app.remaining_at_decision is not None:
            outcome = objection_under_ceiling(app.requested, ceiling=books.ceilings[app.year],
                                              remaining_at_first_decision=app.remaining_at_decision,
                                              already_granted=app.granted,
                                              committed_now=books.committed.get(app.year, D(0)),
                                              partial_allowed=partial)
            assert outcome.granted >= app.granted
            extra = outcome.granted - app.granted
            app.granted = outcome.granted
            books.committed[app.year] = books.committed.get(app.year, D(0)) + extra
            if extra:
                books.book(i, commitment=extra)
        for key, total in books.committed.items():
            assert D(0) <= total <= books.ceilings[key]
    expected = [Expected(f"a{i}", a.year, a.granted, a.paid) for i, a in enumerate(books.apps)
                if a.granted or a.paid or f"a{i}" in books.ledger]
    totals = {k: SchemeYearTotals(books.ceilings[k], v) for k, v in books.committed.items()}
    assert reconcile(expected, books.ledger, totals) == []


def test_reconcile_names_every_difference():
    differences = reconcile([Expected("a1", "y", D(10), D(0))], {"a1": Booked(D(9)), "zz": Booked(D(1))},
                            {"y": SchemeYearTotals(D(5), D(10))})
    assert [d.subject for d in differences] == ["a1", "zz", "y"]
