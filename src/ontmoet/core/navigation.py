"""The main navigation: the registered menu entries (core.registry) that the user's role may see."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from ontmoet.core.registry import menu_entries


def navigation_for(request: HttpRequest) -> list[dict[str, Any]]:
    user = request.user
    if not user.is_authenticated:
        return []
    role = getattr(user, "role", "")
    items = []
    for item in menu_entries():
        if role not in item.roles:
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        items.append({"label": item.label, "url": url, "current": request.path.startswith(url),
                      "description": item.description})
    return items
