"""The one typed accessor of the policy plan in force.

The plan is loaded and validated once at start-up (``settings.POLICY_PLAN``; a bad figure stops the system
with the key named). Code reads it only through :func:`policy_plan`, so a test can run on a plan of its own
(``settings.POLICY_PLAN = ...``) and a figure typed into code shows up as a test that breaks.
"""

from __future__ import annotations

from django.conf import settings

from ontmoet.policy import PolicyPlan


def policy_plan() -> PolicyPlan:
    plan = settings.POLICY_PLAN
    if not isinstance(plan, PolicyPlan):
        raise TypeError(f"settings.POLICY_PLAN is not a PolicyPlan but {type(plan).__name__}")
    return plan
