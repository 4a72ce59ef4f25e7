"""Pages of the register (thin: forms in, selectors and services out)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ontmoet.accounts.permissions import require_roles
from ontmoet.accounts.roles import ALL_ROLES, STAFF_ROLES


@require_roles(ALL_ROLES)
def place_list(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@require_roles(STAFF_ROLES)
def place_map(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")
