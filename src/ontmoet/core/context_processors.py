"""Values every page needs: the plan in force and the navigation for the user's role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from ontmoet.core.navigation import navigation_for
from ontmoet.core.plan import policy_plan


def ontmoet(request: HttpRequest) -> dict[str, Any]:
    return {"policy_plan": policy_plan(), "navigation": navigation_for(request)}
