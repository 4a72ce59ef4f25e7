"""Start page and error pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ontmoet.accounts.permissions import require_roles
from ontmoet.accounts.roles import ALL_ROLES


@require_roles(ALL_ROLES)
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")
