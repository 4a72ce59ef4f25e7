"""Dutch numbers (issue 7, A10): the one parser every amount and decimal field uses, and its formatter."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ontmoet.domain.assessment.numbers import format_decimal
from ontmoet.domain.money import format_euro
from ontmoet.domain.numbers import NumberFormatError, NumberProblem, format_number, parse_number

EURO = ("€", "EUR")


@pytest.mark.parametrize(("text", "options", "expected"), [
    ("1.500.000,00", {}, Decimal("1500000.00")),
    ("€ 1.500.000", {"symbols": EURO}, Decimal("1500000")),
    ("€1.500.000", {"symbols": EURO}, Decimal("1500000")),
    ("1.500.000 €", {"symbols": EURO}, Decimal("1500000")),
    ("€\u00a062.000", {"symbols": EURO, "whole": True}, Decimal("62000")),  # a non-breaking space, copied from a page
    ("-€ 5", {"symbols": EURO}, Decimal("-5")),
    ("€ -5", {"symbols": EURO}, Decimal("-5")),
    ("\u22125,5", {}, Decimal("-5.5")),  # the typographic minus
    ("€ 25,-", {"symbols": EURO}, Decimal("25.00")),
    ("50,85", {}, Decimal("50.85")),
    ("50.85", {}, Decimal("50.85")),
    ("  50,85  ", {}, Decimal("50.85")),
    ("5,69", {}, Decimal("5.69")),
    ("5,69", {"whole": True}, Decimal("5.69")),  # never 569: the field then refuses it as not whole
    ("1,500", {}, Decimal("1.500")),  # the comma is the decimal sign in Dutch
    ("1.500", {"whole": True}, Decimal("1500")),  # in a field of whole euros a point can only group
    ("1.500", {"grouping": False}, Decimal("1.500")),
    ("5.731", {"grouping": False}, Decimal("5.731")),  # a longitude
    ("0.500", {}, Decimal("0.500")),  # 0 never starts a group of thousands
    ("1234.500", {}, Decimal("1234.500")),  # four digits before the point: not a group
    ("62000", {"whole": True}, Decimal("62000")),
    ("1.500.000,00", {"whole": True}, Decimal("1500000.00")),
    ("3,5 %", {"symbols": ("%",), "grouping": False}, Decimal("3.5")),
    ("0", {}, Decimal("0")),
    ("-0", {}, Decimal("0")),
])
def test_numbers_people_type_are_read_as_meant(text: str, options: dict, expected: Decimal) -> None:
    value = parse_number(text, **options)
    assert value == expected
    assert str(value) == str(expected)  # exactly: the decimals typed are kept


@pytest.mark.parametrize(("text", "options", "problem"), [
    ("1.500", {}, NumberProblem.AMBIGUOUS),  # fifteen hundred or one and a half?
    ("€ 2.750", {"symbols": EURO}, NumberProblem.AMBIGUOUS),
    ("1,500.00", {}, NumberProblem.SEPARATOR_ORDER),  # English notation
    ("1,500,000", {}, NumberProblem.SEVERAL_DECIMAL_SIGNS),
    ("5,6,9", {}, NumberProblem.SEVERAL_DECIMAL_SIGNS),
    ("1.50.000", {}, NumberProblem.GROUPING),
    ("15.00.000,00", {}, NumberProblem.GROUPING),
    ("0.500.000", {}, NumberProblem.GROUPING),
    ("1.500,5", {"grouping": False}, NumberProblem.NO_GROUPING_HERE),
    ("5.731.000", {"grouping": False}, NumberProblem.NO_GROUPING_HERE),
    ("", {}, NumberProblem.NOT_A_NUMBER),
    ("abc", {}, NumberProblem.NOT_A_NUMBER),
    ("1e5", {}, NumberProblem.NOT_A_NUMBER),
    ("NaN", {}, NumberProblem.NOT_A_NUMBER),
    ("Infinity", {}, NumberProblem.NOT_A_NUMBER),
    ("²", {}, NumberProblem.NOT_A_NUMBER),  # str.isdigit says yes; it is no digit anyone types
    ("٣", {}, NumberProblem.NOT_A_NUMBER),
    ("1_000", {}, NumberProblem.NOT_A_NUMBER),
    ("1 500", {}, NumberProblem.NOT_A_NUMBER),
    ("5,", {}, NumberProblem.NOT_A_NUMBER),
    (",5", {}, NumberProblem.NOT_A_NUMBER),
    ("--5", {}, NumberProblem.NOT_A_NUMBER),
    ("5-", {}, NumberProblem.NOT_A_NUMBER),
    ("€ 5", {}, NumberProblem.NOT_A_NUMBER),  # no currency where none is asked for
    ("€ € 5", {"symbols": EURO}, NumberProblem.NOT_A_NUMBER),
    ("5\x00", {}, NumberProblem.NOT_A_NUMBER),
    ("1" * 51, {}, NumberProblem.TOO_LONG),
])
def test_malformed_or_ambiguous_text_is_refused_with_its_reason(text: str, options: dict,
                                                               problem: NumberProblem) -> None:
    with pytest.raises(NumberFormatError) as refused:
        parse_number(text, **options)
    assert refused.value.problem is problem


def test_an_ambiguous_number_names_both_readings() -> None:
    with pytest.raises(NumberFormatError) as refused:
        parse_number("1.500")
    assert refused.value.readings == (Decimal(1500), Decimal("1.5"))


@pytest.mark.parametrize(("value", "options", "text"), [
    (Decimal("1500000.00"), {}, "1.500.000,00"),
    (1500, {}, "1.500"),
    (Decimal("-1234.5"), {}, "-1.234,5"),
    (Decimal("50.850000"), {"grouping": False}, "50,850000"),
    (Decimal("0.25"), {}, "0,25"),
    (Decimal("2.345"), {"places": 2}, "2,34"),  # half-even, as Decimal rounds
    (0, {}, "0"),
])
def test_the_formatter_writes_dutch_notation(value: Decimal | int, options: dict, text: str) -> None:
    assert format_number(value, **options) == text


finite = st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), allow_nan=False,
                     allow_infinity=False, places=None)


@given(st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=4))
def test_round_trip_of_decimals_with_thousands(value: Decimal) -> None:
    """What the formatter writes with at least one decimal, the parser reads back exactly, thousands and all."""
    text = format_number(value, places=4)
    assert parse_number(text) == value


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_round_trip_of_whole_numbers(value: int) -> None:
    """Whole numbers round-trip in a field of whole numbers (where ``1.500`` can only be fifteen hundred)."""
    assert parse_number(format_number(value), whole=True) == value


@given(st.decimals(min_value=Decimal(-180), max_value=Decimal(180), places=6))
def test_round_trip_of_coordinates(value: Decimal) -> None:
    assert parse_number(format_number(value, grouping=False), grouping=False) == value


@given(st.integers(min_value=0, max_value=10**12) | st.decimals(min_value=0, max_value=Decimal(10**9), places=2))
def test_round_trip_of_the_euro_notation_the_pages_show(amount: int | Decimal) -> None:
    text = format_euro(amount)
    assert parse_number(text, whole=amount == int(amount), symbols=EURO) == amount


@given(st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=3))
def test_round_trip_of_the_explanations_numbers(value: Decimal) -> None:
    assert parse_number(format_decimal(value, "nl", 3)) == value


@given(st.text(max_size=20))
def test_any_text_is_a_number_or_a_refusal(text: str) -> None:
    """Never another exception: a form field can always answer with a message."""
    try:
        value = parse_number(text, symbols=EURO)
    except NumberFormatError:
        return
    assert value.is_finite()
