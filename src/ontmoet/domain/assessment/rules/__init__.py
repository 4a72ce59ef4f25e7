"""The seven rules of the afwegingskader (seed §1.7, Aanleiding, §1.5, §3.1; domain.md §5).

Every rule has a fixed id, a Dutch and English title, the seed paragraph and words it comes from, the plan
parameters it uses, and ``evaluate(facts) -> Finding``. Rules never hold a policy figure: thresholds and
weights are read from the plan the rule was built with (``framework_rules(plan.assessment)``).
"""

from __future__ import annotations

from ontmoet.domain.assessment.rules.base import DEFAULT_MARK, Rule, RuleParameter
from ontmoet.domain.assessment.rules.conditions import EligibilityRule, FacilitatingRoleRule
from ontmoet.domain.assessment.rules.distance import CoLocationRule, NearCommunityHouseRule
from ontmoet.domain.assessment.rules.priority import VulnerabilityPriorityRule
from ontmoet.domain.assessment.rules.request import IntegralExecutionRule, NeighbourhoodInvolvementRule
from ontmoet.policy.schema import AssessmentParameters

RULE_CLASSES: tuple[type[Rule], ...] = (
    CoLocationRule,
    NearCommunityHouseRule,
    VulnerabilityPriorityRule,
    IntegralExecutionRule,
    NeighbourhoodInvolvementRule,
    EligibilityRule,
    FacilitatingRoleRule,
)
RULE_IDS: tuple[str, ...] = tuple(cls.id for cls in RULE_CLASSES)


def framework_rules(params: AssessmentParameters) -> tuple[Rule, ...]:
    """The rules of the afwegingskader, in the order of the seed, built with the plan's parameters."""
    return tuple(cls(params) for cls in RULE_CLASSES)


__all__ = [
    "DEFAULT_MARK",
    "RULE_CLASSES",
    "RULE_IDS",
    "CoLocationRule",
    "EligibilityRule",
    "FacilitatingRoleRule",
    "IntegralExecutionRule",
    "NearCommunityHouseRule",
    "NeighbourhoodInvolvementRule",
    "Rule",
    "RuleParameter",
    "VulnerabilityPriorityRule",
    "framework_rules",
]
