"""Writing many rows at once with PostgreSQL's COPY: the benchmark data and checked imports.

``copy_text`` is one value in COPY's text format; ``copy_lines`` streams a file of such lines into a table;
``copy_objects`` writes unsaved model instances (every concrete column but the id, with the model's defaults),
for data whose every row was made or checked in Python already.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import connection, models

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_text(value: object) -> str:
    """One value in COPY's text format: NULL as \\N, booleans as t/f, text with its specials escaped."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value).translate(_ESCAPES)
    if isinstance(value, Decimal | int | float):
        return str(value)
    return str(value).translate(_ESCAPES)


def copy_lines(table: str, columns: Iterable[str], lines: io.StringIO) -> None:
    """COPY the lines (tab-separated, COPY's text format) into ``table``'s ``columns`` (PostgreSQL)."""
    lines.seek(0)
    with connection.cursor() as cursor, cursor.cursor.copy(  # psycopg 3's own cursor
            f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        while data := lines.read(1 << 20):
            copy.write(data)


def copy_objects(model: type[models.Model], objects: Iterable[models.Model]) -> int:
    """COPY unsaved instances of ``model`` (their ids from the table's sequence); returns how many."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    lines = io.StringIO()
    count = 0
    for obj in objects:
        values: list[Any] = [getattr(obj, f.attname) for f in fields]
        lines.write("\t".join(copy_text(v) for v in values) + "\n")
        count += 1
    copy_lines(model._meta.db_table, [str(f.column) for f in fields], lines)
    return count
