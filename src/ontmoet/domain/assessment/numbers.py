"""Numbers in the explanations: Dutch notation (1.234,5) or English (1,234.5)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def format_decimal(value: Decimal | float | int, language: str, places: int | None = None) -> str:
    """``value`` with ``places`` decimals (as given when None) in the notation of ``language`` ("nl"/"en")."""
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{number:,f}"
    if language == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def format_metres(value: float, language: str) -> str:
    """A distance rounded to whole metres: '1.234 m' (nl) or '1,234 m' (en)."""
    return f"{format_decimal(value, language, 0)} m"
