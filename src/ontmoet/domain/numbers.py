"""Numbers as people in the Netherlands type them, and as Ontmoet writes them.

One parser for every amount and decimal a user types (issue 7, A10): ``1.500.000,00``, ``€ 1.500.000``,
``50,85`` and ``50.85``. The comma is the decimal sign; a point groups thousands. A lone point is read as the
decimal sign only where that cannot be misread: when the field takes no thousands (a coordinate, a percentage),
or when what follows the point is not a group of three digits. ``1.500`` in a field that takes both thousands
and decimals could be either, so it is refused and the user is asked which was meant, never guessed (typing
``5,69`` must never become 569).
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal

#: Longer input is no number anyone types (and would only cost time to look at).
MAX_LENGTH = 50

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_DIGITS = re.compile(r"[0-9]+")
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(\.[0-9]{3})+")
_MINUS = ("-", "\u2212", "\u2013")
_WHOLE_SUFFIXES = (",-", ",--", ",\u2013", ",\u2014")  # "€ 25,-": whole euros, as on a price tag


class NumberProblem(enum.Enum):
    """Why a text is not a number (the form field words each one for the user)."""

    NOT_A_NUMBER = "not_a_number"  # letters, an exponent, a sign in the middle, nothing but separators
    TOO_LONG = "too_long"
    AMBIGUOUS = "ambiguous"  # "1.500": one thousand five hundred, or one and a half?
    GROUPING = "grouping"  # "1.50.000": the points do not group thousands
    NO_GROUPING_HERE = "no_grouping_here"  # "5.731.000" where no thousands are taken (a coordinate)
    SEPARATOR_ORDER = "separator_order"  # "1,500.00": English notation; the comma is the decimal sign
    SEVERAL_DECIMAL_SIGNS = "several_decimal_signs"  # "5,6,9"


class NumberFormatError(ValueError):
    """``text`` is not a number in the notation asked for. For an ambiguous text, ``readings`` holds the two
    numbers it could mean (as thousands, as a decimal)."""

    def __init__(self, problem: NumberProblem, text: str, readings: tuple[Decimal, Decimal] | None = None) -> None:
        super().__init__(problem, text)
        self.problem, self.text, self.readings = problem, text, readings

    def __str__(self) -> str:
        return f"{self.problem.value}: {self.text!r}"


def parse_number(text: str, *, grouping: bool = True, whole: bool = False,
                 symbols: tuple[str, ...] = ()) -> Decimal:
    """The number ``text`` means, as an exact Decimal; :class:`NumberFormatError` when it is none, or when it
    could mean two numbers.

    ``grouping``: the field takes thousands separators (an amount); without, a point or a comma is the decimal
    sign (a coordinate: ``5.731`` is five point seven three one). ``whole``: the field takes whole numbers only,
    so ``1.500`` can only be fifteen hundred. ``symbols``: units the user may type before or after the number
    (``€``, ``%``); spaces around them do not matter.
    """
    if len(text) > MAX_LENGTH:
        raise NumberFormatError(NumberProblem.TOO_LONG, text[:MAX_LENGTH])
    body, negative = _sign(text.strip(), text)
    for symbol in symbols:
        if body.startswith(symbol):
            body = body[len(symbol):].lstrip()
            if not negative:  # "€ -5" as well as "-€ 5"
                body, negative = _sign(body, text)
            break
        if body.endswith(symbol):
            body = body[: -len(symbol)].rstrip()
            break
    if _SPACES.search(body):
        raise NumberFormatError(NumberProblem.NOT_A_NUMBER, text)
    for suffix in _WHOLE_SUFFIXES:
        if body.endswith(suffix) and len(body) > len(suffix):
            body = body[: -len(suffix)] + ",00"
            break
    whole_part, fraction = _split(body, text, grouping=grouping, whole=whole)
    # Digits on both sides of a decimal sign: "5," and ",5" are typing slips, not numbers to guess at.
    if not _DIGITS.fullmatch(whole_part) or (fraction is not None and not _DIGITS.fullmatch(fraction)):
        raise NumberFormatError(NumberProblem.NOT_A_NUMBER, text)
    value = Decimal(f"{whole_part}.{fraction}" if fraction is not None else whole_part)
    return -value if negative and value else value


def _sign(body: str, text: str) -> tuple[str, bool]:
    """The text after a leading sign, and whether the sign was a minus."""
    if body[:1] in _MINUS or body[:1] == "+":
        rest = body[1:].lstrip()
        if rest[:1] in _MINUS or rest[:1] == "+":
            raise NumberFormatError(NumberProblem.NOT_A_NUMBER, text)
        return rest, body[:1] != "+"
    return body, False


def _split(body: str, text: str, *, grouping: bool, whole: bool) -> tuple[str, str | None]:
    """(digits before the decimal sign, digits after it or None without one), thousands points taken out."""
    commas, points = body.count(","), body.count(".")
    if commas > 1:
        raise NumberFormatError(NumberProblem.SEVERAL_DECIMAL_SIGNS, text)
    if commas and points:
        if not grouping:
            raise NumberFormatError(NumberProblem.NO_GROUPING_HERE, text)
        if body.rindex(".") > body.index(","):
            raise NumberFormatError(NumberProblem.SEPARATOR_ORDER, text)
        integer, fraction = body.split(",")
        return _ungrouped(integer, text), fraction
    if commas:
        integer, fraction = body.split(",")
        return integer, fraction
    if points > 1:
        if not grouping:
            raise NumberFormatError(NumberProblem.NO_GROUPING_HERE, text)
        return _ungrouped(body, text), None
    if points:
        integer, fraction = body.split(".")
        if grouping and _GROUPED.fullmatch(body):
            if whole:
                return integer + fraction, None
            raise NumberFormatError(NumberProblem.AMBIGUOUS, text,
                                    readings=(Decimal(integer + fraction), Decimal(f"{integer}.{fraction}")))
        return integer, fraction
    return body, None


def _ungrouped(integer: str, text: str) -> str:
    if "." not in integer:
        return integer
    if not _GROUPED.fullmatch(integer):
        raise NumberFormatError(NumberProblem.GROUPING, text)
    return integer.replace(".", "")


def format_number(value: Decimal | int, *, places: int | None = None, grouping: bool = True) -> str:
    """Dutch notation: ``1.500.000,00``. ``places`` fixes the decimals (rounded half-even, as Decimal does);
    None writes them as the value has them. Without ``grouping`` no thousands points (``50,851234``)."""
    number = Decimal(value)
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places))
    sign = "-" if number < 0 else ""
    digits = f"{abs(number):f}"
    integer, _point, fraction = digits.partition(".")
    if grouping:
        integer = f"{int(integer):,}".replace(",", ".")
    return f"{sign}{integer},{fraction}" if fraction else f"{sign}{integer}"
