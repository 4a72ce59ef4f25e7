"""The start page: the panels the capabilities registered (core.registry), for the user's role."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render

from ontmoet.accounts.http import AuthenticatedHttpRequest
from ontmoet.accounts.permissions import require_roles
from ontmoet.accounts.roles import ALL_ROLES
from ontmoet.core.registry import start_panels


@require_roles(ALL_ROLES)
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    role = getattr(request.user, "role", "")
    panels: list[dict[str, Any]] = []
    for panel in start_panels():
        if role not in panel.roles:
            continue
        context = panel.context(request)
        if context is not None:
            panels.append({"template": panel.template, **context})
    return render(request, "home/home.html", {"panels": panels})
