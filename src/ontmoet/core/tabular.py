"""Shared parts of the all-or-nothing imports: reading CSV text, yes/no cells, and the per-row problem.

Row numbers are those a spreadsheet shows (the header is row 1), so an officer can find the row.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

from django.utils.translation import gettext as _

TRUE_WORDS = frozenset({"ja", "j", "yes", "y", "true", "1", "waar"})
FALSE_WORDS = frozenset({"nee", "n", "no", "false", "0", "onwaar"})


@dataclass(frozen=True)
class RowProblem:
    """One problem in an import file: the row, the column and a Dutch message."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("rij %(row)s, kolom %(column)s: %(message)s") % {
            "row": self.row, "column": self.column or "-", "message": self.message}


def decode_text(content: bytes | str) -> str:
    """UTF-8 text with or without the BOM that spreadsheet programs write; raises UnicodeDecodeError."""
    return content if isinstance(content, str) else content.decode("utf-8-sig")


def csv_dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """Comma, semicolon (Dutch Excel) or tab, from the header line."""
    first_line = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(first_line, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def parse_flag(value: str) -> bool | None:
    """'ja'/'nee' (and yes/no, true/false, 1/0) → True/False; empty → None; anything else → ValueError."""
    text = value.strip().lower()
    if text == "":
        return None
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise ValueError(value)
