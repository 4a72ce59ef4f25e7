"""Money in whole euros (or Decimal) and its Dutch notation. Never floats (architecture.md)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

Euro = int


def round_half_up(amount: Decimal | int, step: int = 1) -> int:
    """Round to a multiple of ``step`` with halves going up (seed §5 prints 337,500 as 338 thousand)."""
    quotient = (Decimal(amount) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(quotient) * step


def group_thousands(number: int) -> str:
    """1636000 → '1.636.000' (Dutch digit grouping)."""
    sign = "-" if number < 0 else ""
    return sign + f"{abs(number):,}".replace(",", ".")


def format_euro(amount: Decimal | int | None, *, pending: str = "PM") -> str:
    """'€ 1.636.000'; a Decimal with cents gives '€ 1.636,50'; None is a PM item."""
    if amount is None:
        return pending
    value = Decimal(amount)
    if value == value.to_integral_value():
        return f"€ {group_thousands(int(value))}"
    cents = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, fraction = f"{abs(cents):.2f}".split(".")
    sign = "-" if cents < 0 else ""
    return f"€ {sign}{group_thousands(int(whole))},{fraction}"


def format_thousands(amount: Decimal | int | None, *, pending: str = "PM", zero: str = "-") -> str:
    """The seed's table notation: thousands rounded half-up, '-' for zero, 'PM' for unknown."""
    if amount is None:
        return pending
    rounded = round_half_up(Decimal(amount) / 1000)
    return zero if rounded == 0 else group_thousands(rounded)
