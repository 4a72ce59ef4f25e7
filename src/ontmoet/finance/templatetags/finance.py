"""Template filters of the financial framework."""

from __future__ import annotations

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def percent(rate: Decimal | None) -> str:
    """A fraction as a Dutch percentage: Decimal("0.015") → "1,5%"."""
    if rate is None:
        return ""
    value = (Decimal(rate) * 100).normalize()
    return f"{value:f}".replace(".", ",") + "%"


@register.filter
def lookup(mapping: dict[object, object], key: object) -> object:
    return mapping.get(key, "")
