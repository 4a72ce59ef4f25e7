"""Template filters for Dutch notation of money and facts."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

from ontmoet.domain.money import format_euro, format_thousands

register = template.Library()


@register.filter
def euro(value: Decimal | int | None) -> str:
    return format_euro(value)


@register.filter
def thousands(value: Decimal | int | None) -> str:
    return format_thousands(value)


@register.filter
def yesno_unknown(value: bool | None) -> str:
    """Ja / Nee / Onbekend for a fact that may not be known yet."""
    if value is None:
        return _("Onbekend")
    return _("Ja") if value else _("Nee")
