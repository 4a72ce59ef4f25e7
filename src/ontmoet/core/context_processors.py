"""Values every page needs: the plan in force and the navigation for the user's role."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from ontmoet.core.navigation import navigation_for


def ontmoet(request: HttpRequest) -> dict[str, Any]:
    return {"policy_plan": settings.POLICY_PLAN, "navigation": navigation_for(request)}
