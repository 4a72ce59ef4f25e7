"""The policy plan: every figure of the council proposal, versioned and validated (pure Python)."""

from ontmoet.policy.loader import PlanError, current_plan, load_plan, parse_plan
from ontmoet.policy.schema import PolicyPlan

__all__ = ["PlanError", "PolicyPlan", "current_plan", "load_plan", "parse_plan"]
