"""An assessment: findings of all seven rules, an advice, a ranking score and the plan version used."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ontmoet.domain.assessment import (
    RULE_IDS,
    Advice,
    Finding,
    Location,
    NeighbourhoodIndicators,
    Outcome,
    Text,
    advice_of,
    assess,
    score_of,
    vulnerability_table,
)
from ontmoet.domain.register import PlaceKind
from tests.factories_assessment import ORIGIN, facts, place, plan_with


def f(rule: str, outcome: Outcome, index: float | None = None) -> Finding:
    from ontmoet.domain.assessment import Fact

    extra = () if index is None else (Fact("vulnerability_index", index, Text("", "")),)
    return Finding(rule=rule, outcome=outcome, explanation=Text("x", "x"), facts=extra)


@pytest.mark.parametrize(
    ("outcomes", "advice"),
    [
        ([Outcome.PASSED, Outcome.NOT_APPLICABLE], Advice.POSITIVE),
        ([Outcome.PASSED, Outcome.ATTENTION], Advice.CONDITIONAL),
        ([Outcome.ATTENTION, Outcome.FAILED], Advice.NEGATIVE),
        ([Outcome.NOT_APPLICABLE], Advice.POSITIVE),
    ],
)
def test_advice_follows_the_worst_applicable_outcome(outcomes, advice):
    assert advice_of([f(f"r{i}", o) for i, o in enumerate(outcomes)]) is advice


def test_score_weighs_vulnerability_against_the_other_rules():
    findings = [f("vulnerability_priority", Outcome.PASSED, 0.8), f("a", Outcome.PASSED), f("b", Outcome.ATTENTION),
                f("c", Outcome.FAILED), f("d", Outcome.NOT_APPLICABLE)]
    # s = 0.5: 100 × (0.5 × 0.8 + 0.5 × (1 + 0.5 + 0) / 3) = 100 × (0.4 + 0.25) = 65.0
    assert score_of(findings, Decimal("0.5"), Decimal("0.5")) == Decimal("65.0")
    # Without a known vulnerability V counts 0: 100 × 0.5 × 0.5 = 25.0
    unknown = [f("vulnerability_priority", Outcome.NOT_APPLICABLE), f("b", Outcome.ATTENTION)]
    assert score_of(unknown, Decimal("0.5"), Decimal("0.5")) == Decimal("25.0")


def test_what_attention_counts_for_comes_from_the_plan():
    findings = [f("vulnerability_priority", Outcome.PASSED, 0.8), f("a", Outcome.PASSED), f("b", Outcome.ATTENTION),
                f("c", Outcome.FAILED)]
    # attention = 0.25: 100 × (0.5 × 0.8 + 0.5 × (1 + 0.25 + 0) / 3) = 100 × (0.4 + 0.208333...) = 60.8
    assert score_of(findings, Decimal("0.5"), Decimal("0.25")) == Decimal("60.8")


def test_assessment_runs_all_seven_rules_and_names_the_plan():
    plan = plan_with()
    table = vulnerability_table([
        NeighbourhoodIndicators("A", "Buurt A", 2024, {"low_income_households_pct": Decimal(30),
                                                       "single_person_65plus_pct": Decimal(20),
                                                       "loneliness_pct": Decimal(40)}),
        NeighbourhoodIndicators("B", "Buurt B", 2024, {"low_income_households_pct": Decimal(10),
                                                       "single_person_65plus_pct": Decimal(10),
                                                       "loneliness_pct": Decimal(20)}),
    ], plan.assessment.vulnerability_weights.weights, 2024)
    subject = facts(PlaceKind.LIVING_ROOM, [place(1, PlaceKind.MEETING_CENTRE, 400)],
                    location=Location(*ORIGIN, neighbourhood_code="A", neighbourhood_name="Buurt A"),
                    vulnerability=table)
    result = assess(subject, plan)
    assert tuple(fi.rule for fi in result.findings) == RULE_IDS
    assert RULE_IDS == ("co_location", "near_community_house", "vulnerability_priority", "integral_execution",
                        "neighbourhood_involvement", "eligibility", "facilitating_role")
    assert result.advice is Advice.CONDITIONAL  # the OC at 400 m asks for attention
    assert result.plan_id == plan.id
    assert result.plan_version == plan.version
    data = result.to_dict()
    assert set(data) == {"advice", "score", "plan", "findings"}
    co = data["findings"][0]
    assert co["rule"] == "co_location"
    assert co["outcome"] == "attention"
    assert {"nearest_place_id", "nearest_place_name", "distance_m", "threshold_m"} <= set(co["facts"])
    # A has index 1 (highest on all); the only other applicable rules are co_location (½) and
    # near_community_house (an OC at 400 m is within 500 m: ½): 100 × (0.5 × 1 + 0.5 × 0.5) = 75.0
    assert data["score"] == 75.0
