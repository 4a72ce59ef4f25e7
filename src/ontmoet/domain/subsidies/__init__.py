"""Subsidies under the Awb (title 4.2): the lifecycle as a transition table, the ceiling arithmetic and the amount
rules. Pure Python; ``ontmoet.subsidies`` maps it to the database (docs/decisions/0302-0304)."""

from ontmoet.domain.subsidies.amounts import AmountRule, CostBased, FixedPerPlaceType
from ontmoet.domain.subsidies.ceiling import (
    CeilingOutcome,
    DecisionReason,
    DistributionMethod,
    RankedApplication,
    grant_under_ceiling,
    objection_under_ceiling,
    order_for_distribution,
    rank_down,
)
from ontmoet.domain.subsidies.deadlines import decision_deadline, objection_deadline, supplement_deadline
from ontmoet.domain.subsidies.lifecycle import (
    TRANSITIONS,
    Action,
    Facts,
    State,
    Transition,
    TransitionRefused,
    check_transition,
)

__all__ = [
    "TRANSITIONS",
    "Action",
    "AmountRule",
    "CeilingOutcome",
    "CostBased",
    "DecisionReason",
    "DistributionMethod",
    "Facts",
    "FixedPerPlaceType",
    "RankedApplication",
    "State",
    "Transition",
    "TransitionRefused",
    "check_transition",
    "decision_deadline",
    "grant_under_ceiling",
    "objection_deadline",
    "objection_under_ceiling",
    "order_for_distribution",
    "rank_down",
    "supplement_deadline",
]
