"""The afwegingskader of seed §1.7 as explainable rules (pure Python; domain.md §5)."""

from ontmoet.domain.assessment.engine import SCORE_FORMULA, advice_of, assess, score_of
from ontmoet.domain.assessment.facts import (
    KIND_LABELS,
    AssessmentFacts,
    BoardFacts,
    BuildingOwner,
    Location,
    ModernisationRequest,
    Ownership,
)
from ontmoet.domain.assessment.geodesy import DISTANCE_METHOD, Nearest, PlaceIndex, PlacePoint, distance_m
from ontmoet.domain.assessment.model import Advice, Assessment, Fact, Finding, Outcome, Text
from ontmoet.domain.assessment.rules import RULE_CLASSES, RULE_IDS, Rule, RuleParameter, framework_rules
from ontmoet.domain.assessment.vulnerability import (
    INDICATOR_LABELS,
    NeighbourhoodIndicators,
    VulnerabilityScore,
    VulnerabilityTable,
    vulnerability_formula,
    vulnerability_table,
)

__all__ = [
    "DISTANCE_METHOD",
    "INDICATOR_LABELS",
    "KIND_LABELS",
    "RULE_CLASSES",
    "RULE_IDS",
    "SCORE_FORMULA",
    "Advice",
    "Assessment",
    "AssessmentFacts",
    "BoardFacts",
    "BuildingOwner",
    "Fact",
    "Finding",
    "Location",
    "ModernisationRequest",
    "Nearest",
    "NeighbourhoodIndicators",
    "Outcome",
    "Ownership",
    "PlaceIndex",
    "PlacePoint",
    "Rule",
    "RuleParameter",
    "Text",
    "VulnerabilityScore",
    "VulnerabilityTable",
    "advice_of",
    "assess",
    "distance_m",
    "framework_rules",
    "score_of",
    "vulnerability_formula",
    "vulnerability_table",
]
