"""The main navigation: each capability adds its entry here, with the roles that may see it."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ontmoet.accounts.roles import ALL_ROLES, STAFF_ROLES, Role


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    roles: frozenset[str]


NAVIGATION: list[NavItem] = [
    NavItem(_("Register"), "places:list", frozenset(ALL_ROLES)),
    NavItem(_("Kaart"), "places:map", frozenset(STAFF_ROLES)),
    NavItem(_("Financieel kader"), "finance:budget", frozenset(
        {Role.POLICY_OFFICER, Role.FINANCE_ADVISOR, Role.DECISION_MAKER, Role.ADMINISTRATOR})),
    NavItem(_("Afwegingskader"), "assessment:index", frozenset(STAFF_ROLES)),
]


def navigation_for(request: HttpRequest) -> list[dict[str, object]]:
    user = request.user
    if not user.is_authenticated:
        return []
    items = []
    for item in NAVIGATION:
        if user.role not in item.roles:  # type: ignore[union-attr]
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        items.append({"label": item.label, "url": url, "current": request.path.startswith(url)})
    return items
