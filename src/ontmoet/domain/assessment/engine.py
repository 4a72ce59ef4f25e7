"""Running the afwegingskader: findings → advice and score (docs/decisions/0202).

Advice: negative when a rule is not met, conditional when a rule asks for attention, positive otherwise;
``not_applicable`` findings do not count. Score (0–100, for ranking applications):

    score = 100 × (s × V + (1 − s) × C)

with s the plan's ``score_vulnerability_share``, V the buurt's vulnerability index (0 when unknown: no
priority without evidence) and C the mean of the other applicable findings, counting passed as 1, attention
as the plan's ``score_attention_points`` (a default of ½) and failed as 0 (1 when none applies).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from ontmoet.domain.assessment.facts import AssessmentFacts
from ontmoet.domain.assessment.model import Advice, Assessment, Finding, Outcome, Text
from ontmoet.domain.assessment.rules import Rule, VulnerabilityPriorityRule, framework_rules
from ontmoet.policy.schema import PolicyPlan

SCORE_FORMULA = Text(
    nl="score = 100 × (s × V + (1 − s) × C), met s het aandeel van de kwetsbaarheid in de score (beleidsplan), "
       "V de kwetsbaarheidsindex van de buurt (0 als die onbekend is) en C het gemiddelde van de andere regels die "
       "van toepassing zijn (voldaan = 1, aandacht = a uit het beleidsplan, niet voldaan = 0)",
    en="score = 100 × (s × V + (1 − s) × C), with s the share of vulnerability in the score (policy plan), V the "
       "buurt's vulnerability index (0 when unknown) and C the mean of the other applicable rules (met = 1, "
       "attention = a from the policy plan, not met = 0)",
)


def outcome_points(attention: Decimal) -> dict[Outcome, Decimal]:
    """What each outcome counts for in the compliance part of the score."""
    return {Outcome.PASSED: Decimal(1), Outcome.ATTENTION: attention, Outcome.FAILED: Decimal(0)}


def advice_of(findings: Iterable[Finding]) -> Advice:
    outcomes = {finding.outcome for finding in findings}
    if Outcome.FAILED in outcomes:
        return Advice.NEGATIVE
    if Outcome.ATTENTION in outcomes:
        return Advice.CONDITIONAL
    return Advice.POSITIVE


def score_of(findings: Iterable[Finding], vulnerability_share: Decimal, attention_points: Decimal) -> Decimal:
    vulnerability = Decimal(0)
    points: list[Decimal] = []
    values = outcome_points(attention_points)
    for finding in findings:
        if finding.rule == VulnerabilityPriorityRule.id:
            if finding.outcome is not Outcome.NOT_APPLICABLE:
                vulnerability = Decimal(str(finding.fact("vulnerability_index").value))
        elif finding.outcome in values:
            points.append(values[finding.outcome])
    compliance = sum(points, Decimal(0)) / len(points) if points else Decimal(1)
    score = 100 * (vulnerability_share * vulnerability + (1 - vulnerability_share) * compliance)
    return score.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def assess(facts: AssessmentFacts, plan: PolicyPlan, rules: Iterable[Rule] | None = None) -> Assessment:
    """Run every rule of the framework (or ``rules``) on ``facts`` under ``plan``."""
    chosen = tuple(rules) if rules is not None else framework_rules(plan.assessment)
    findings = tuple(rule.evaluate(facts) for rule in chosen)
    return Assessment(
        findings=findings,
        advice=advice_of(findings),
        score=score_of(findings, plan.assessment.score_vulnerability_share.value,
                       plan.assessment.score_attention_points.value),
        plan_id=plan.id,
        plan_version=plan.version,
    )
