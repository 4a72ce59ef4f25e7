"""Reading a neighbourhood statistics file (CSV keyed by CBS buurtcode) into checked rows.

Columns: ``buurtcode, year, source`` (required), ``residents`` and ``is_demo`` (optional), and one column per
indicator the plan weighs (``low_income_households_pct``, ``single_person_65plus_pct``, ``loneliness_pct``,
...). Any other column is an error naming it. Percentages may use a decimal point or comma; an empty cell
means "not known". Row numbers are those a spreadsheet shows (the header is row 1). The caller writes
nothing unless every row is good (all-or-nothing).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy

from ontmoet.assessment import errors
from ontmoet.core.tabular import (
    ImportFileError,
    RowProblem,
    csv_rows,
    decode_text,
    has_control_characters,
    max_bytes,
    parse_flag,
)
from ontmoet.domain.numbers import NumberFormatError, parse_number

FILE_TOO_LARGE = gettext_lazy("Het bestand is groter dan %(limit)s MB; splits het in delen.")
CONTROL_CHARACTER = gettext_lazy("De regel bevat een stuurteken (bijvoorbeeld NUL).")

REQUIRED_COLUMNS = ("buurtcode", "year", "source")
#: Dutch names of the fixed columns, read as their English keys (the indicator columns keep their plan keys).
DUTCH_COLUMNS = {"jaar": "year", "bron": "source", "inwoners": "residents", "demo": "is_demo"}
OPTIONAL_COLUMNS = ("residents", "is_demo")
YEAR_RANGE = (1900, 2100)


@dataclass(frozen=True)
class StatisticRow:
    row: int
    buurtcode: str
    year: int
    source: str
    is_demo: bool
    residents: int | None
    indicators: dict[str, str]  # key → percentage as text ("12.5"); absent = not known


@dataclass
class ParsedFile:
    rows: list[StatisticRow] = field(default_factory=list)
    messages: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.messages and bool(self.rows)


def _percentage(raw: str) -> Decimal | None:
    try:
        value = parse_number(raw, grouping=False, symbols=("%",))
    except NumberFormatError:
        return None
    if value < 0 or value > 100:
        return None
    return value


def is_demo_source(source: str) -> bool:
    """A source that calls itself demo is demo, whatever the is_demo column says (never pass demo as real)."""
    return "demo" in source.lower()


def parse_statistics(content: bytes | str, *, known_codes: Collection[str],
                     indicator_keys: Collection[str]) -> ParsedFile:
    """Check every row of a statistics file; the result lists the good rows and every message."""
    result = ParsedFile()
    if len(content) > max_bytes():
        result.messages.append(RowProblem(1, "", FILE_TOO_LARGE % {"limit": max_bytes() // (1024 * 1024)}))
        return result
    try:
        text = decode_text(content)
    except UnicodeDecodeError:
        result.messages.append(RowProblem(1, "", str(errors.FILE_NOT_UTF8)))
        return result
    if not text.strip():
        result.messages.append(RowProblem(1, "", str(errors.FILE_EMPTY)))
        return result
    try:
        records = list(csv_rows(text))
    except ImportFileError as exc:
        result.messages.append(RowProblem(1, "", str(exc)))
        return result
    header = [DUTCH_COLUMNS.get(column.strip().lstrip("\ufeff").lower(), column.strip().lstrip("\ufeff"))
              for column in (records[0][1] if records else [])]
    allowed = (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS, *indicator_keys)
    for column in header:
        if column not in allowed:
            result.messages.append(RowProblem(1, column, errors.COLUMN_UNKNOWN % {
                "column": column, "allowed": ", ".join(allowed)}))
        elif header.count(column) > 1:
            result.messages.append(RowProblem(1, column, errors.COLUMN_DUPLICATE % {"column": column}))
    for column in REQUIRED_COLUMNS:
        if column not in header:
            result.messages.append(RowProblem(1, column, errors.COLUMN_MISSING % {"column": column}))
    present_indicators = [k for k in indicator_keys if k in header]
    if not present_indicators:
        result.messages.append(RowProblem(1, "", errors.NO_INDICATOR_COLUMN % {"allowed": ", ".join(indicator_keys)}))
    if result.messages:
        return result

    seen: dict[tuple[str, int], int] = {}
    for number, cells in records[1:]:
        if not any(cell.strip() for cell in cells):
            continue
        if any(has_control_characters(cell) for cell in cells):
            result.messages.append(RowProblem(number, "", str(CONTROL_CHARACTER)))
            continue
        if len(cells) != len(header):
            result.messages.append(RowProblem(number, "", errors.ROW_LENGTH % {
                "found": len(cells), "expected": len(header)}))
            continue
        row = {column: cell.strip() for column, cell in zip(header, cells, strict=True)}
        messages: list[RowProblem] = []
        code = row["buurtcode"].upper()
        if code not in known_codes:
            messages.append(RowProblem(number, "buurtcode", errors.BUURT_UNKNOWN % {"value": row["buurtcode"]}))
        year: int | None = None
        if row["year"].isdigit() and YEAR_RANGE[0] <= int(row["year"]) <= YEAR_RANGE[1]:
            year = int(row["year"])
        else:
            messages.append(RowProblem(number, "year", errors.YEAR_INVALID % {
                "value": row["year"], "min": YEAR_RANGE[0], "max": YEAR_RANGE[1]}))
        if not row["source"]:
            messages.append(RowProblem(number, "source", str(errors.SOURCE_REQUIRED)))
        residents: int | None = None
        raw_residents = row.get("residents", "")
        if raw_residents:
            if raw_residents.isdigit():
                residents = int(raw_residents)
            else:
                messages.append(RowProblem(number, "residents", errors.RESIDENTS_INVALID % {
                    "value": row["residents"]}))
        try:
            demo_flag = bool(parse_flag(row.get("is_demo", "")))
        except ValueError:
            demo_flag = False
            messages.append(RowProblem(number, "is_demo", errors.DEMO_INVALID % {"value": row["is_demo"]}))
        indicators: dict[str, str] = {}
        for key in present_indicators:
            raw = row[key]
            if not raw:
                continue
            value = _percentage(raw)
            if value is None:
                messages.append(RowProblem(number, key, errors.PERCENTAGE_INVALID % {"value": raw}))
            else:
                indicators[key] = str(value)
        if year is not None and code in known_codes:
            first = seen.setdefault((code, year), number)
            if first != number:
                messages.append(RowProblem(number, "buurtcode", errors.ROW_DUPLICATE % {
                    "code": code, "year": year, "row": first}))
        if messages:
            result.messages.extend(messages)
            continue
        assert year is not None
        result.rows.append(StatisticRow(
            row=number, buurtcode=code, year=year, source=row["source"],
            is_demo=demo_flag or is_demo_source(row["source"]),
            residents=residents, indicators=indicators))
    if not result.rows and not result.messages:
        result.messages.append(RowProblem(2, "", str(errors.NO_ROWS)))
    return result
