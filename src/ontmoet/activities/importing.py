"""Reading an activity file (CSV/XLSX): columns ``place, date, title, initiated_by, organised_by, participants``
and optional ``category, start, end`` (issue 11, point 1). ``place`` is the place's id.

Each row is checked the way the page checks a form; the report lists every problem by row and column, and the
service writes nothing while there is one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from ontmoet.accounts.permissions import place_ids_acted_for
from ontmoet.activities import errors
from ontmoet.activities.models import MAX_PARTICIPANTS
from ontmoet.activities.types import Category, Initiator
from ontmoet.core.tabular import RowProblem, has_control_characters, normalise_column, read_table
from ontmoet.domain.activities import plain_whole
from ontmoet.places.models import MeetingPlace

ALIASES = {normalise_column(k): v for k, v in {
    "place": "place", "plek": "place", "place_id": "place", "plek_id": "place",
    "date": "date", "datum": "date",
    "title": "title", "titel": "title",
    "initiated_by": "initiated_by", "geinitieerd_door": "initiated_by", "initiatief": "initiated_by",
    "organised_by": "organised_by", "organized_by": "organised_by", "georganiseerd_door": "organised_by",
    "participants": "participants", "deelnemers": "participants",
    "category": "category", "categorie": "category",
    "start": "start", "begintijd": "start", "start_time": "start",
    "end": "end", "eindtijd": "end", "end_time": "end",
    "target_group": "target_group", "doelgroep": "target_group",
    "public": "is_public", "openbaar": "is_public", "is_public": "is_public",
}.items()}
REQUIRED = ("place", "date", "title", "initiated_by", "organised_by", "participants")
TITLE_MAX = 200


#: The columns of a checked row, in the order of :attr:`ActivityImportReport.rows` (and of the COPY).
ROW_COLUMNS = ("place_id", "date", "title", "category", "start_time", "end_time", "initiated_by", "organised_by",
               "participants", "target_group", "is_public")
CheckedRow = tuple[int, dt.date, str, str, dt.time | None, dt.time | None, str, str, int, str, bool]


@dataclass
class ActivityImportReport:
    #: Checked rows as plain tuples (``ROW_COLUMNS``): a million model instances would not fit in memory.
    rows: list[CheckedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    per_place: dict[int, int] = field(default_factory=dict)
    written: int = 0


def _choices(choices: Any) -> dict[str, str]:
    """Every accepted spelling (code or Dutch label, any case) → the code."""
    found = {}
    for value, label in choices.choices:
        found[str(value).lower()] = str(value)
        found[str(label).lower()] = str(value)
    return found


def parse_date(text: str) -> dt.date | None:
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()  # noqa: DTZ007  # a calendar date, no instant
        except ValueError:
            continue
    return None


def parse_time(text: str) -> dt.time | None:
    for fmt in ("%H:%M", "%H:%M:%S", "%H.%M"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).time()  # noqa: DTZ007  # a wall-clock time
        except ValueError:
            continue
    return None


def parse_activity_file(content: bytes, filename: str, *, by: Any, progress: Any = None,
                        sink: Callable[[list[CheckedRow]], None] | None = None,
                        chunk: int = 50_000) -> ActivityImportReport:
    """Check every row; the activities are built, not saved. ``sink`` receives the checked rows in chunks of
    ``chunk`` while no problem has been found (and the rest at the end, if none was): the caller may write
    them meanwhile, and must undo that when the report has problems."""
    table = read_table(content, filename, aliases=ALIASES, required=REQUIRED)
    report = ActivityImportReport(problems=list(table.problems))
    allowed = place_ids_acted_for(by) if by is not None else None
    known = set(MeetingPlace.objects.values_list("pk", flat=True)) if allowed is None else set(allowed)
    choices_initiator = ", ".join(Initiator.values)
    choices_category = ", ".join(Category.values)
    initiators, categories = _choices(Initiator), _choices(Category)
    # A yearly file repeats its dates, places, numbers and choices: each spelling is read once (a million rows
    # hold a few thousand distinct values), and a row without any control character is checked in one search.
    dates: dict[str, dt.date | None] = {}
    places: dict[str, int | None] = {}
    numbers: dict[str, int | None] = {}
    clock: dict[str, dt.time | None] = {}
    flushed = 0  # the rows given to the sink so far
    total = len(table.rows)
    for index, (number, cells) in enumerate(table.rows):
        if progress is not None and index % 10000 == 0:
            progress.checked(index, total)
        problems: list[RowProblem] = []
        if has_control_characters("".join(cells.values())):
            report.problems.extend(RowProblem(number, column, _("bevat een stuurteken"))
                                   for column, value in cells.items() if has_control_characters(value))
            continue
        place_text = cells.get("place", "")
        if place_text not in places:
            found_place = plain_whole(place_text)
            places[place_text] = found_place if found_place in known else None
        place_id = places[place_text]
        if place_id is None:
            problems.append(RowProblem(number, "place", str(errors.UNKNOWN_PLACE) % {"value": place_text}))
        date_text = cells.get("date", "")
        if date_text not in dates:
            dates[date_text] = parse_date(date_text)
        day = dates[date_text]
        if day is None:
            problems.append(RowProblem(number, "date", str(errors.BAD_DATE) % {"value": date_text}))
        title = cells.get("title", "")
        if not title:
            problems.append(RowProblem(number, "title", str(errors.REQUIRED)))
        elif len(title) > TITLE_MAX:
            problems.append(RowProblem(number, "title", _("langer dan %(max)s tekens") % {"max": TITLE_MAX}))
        who: dict[str, str] = {}
        for column in ("initiated_by", "organised_by"):
            raw = cells.get(column, "")
            code = initiators.get(raw) or initiators.get(raw.strip().lower())
            if code is None:
                problems.append(RowProblem(number, column, str(errors.UNKNOWN_CHOICE) % {
                    "value": raw, "choices": choices_initiator}))
            else:
                who[column] = code
        raw_participants = cells.get("participants", "")
        if raw_participants not in numbers:
            numbers[raw_participants] = plain_whole(raw_participants)
        participants = numbers[raw_participants]
        if participants is None or participants > MAX_PARTICIPANTS:
            problems.append(RowProblem(number, "participants", str(errors.BAD_NUMBER) % {"value": raw_participants}))
        category = Category.OTHER.value
        if cells.get("category"):
            found = categories.get(cells["category"]) or categories.get(cells["category"].strip().lower())
            if found is None:
                problems.append(RowProblem(number, "category", str(errors.UNKNOWN_CHOICE) % {
                    "value": cells["category"], "choices": choices_category}))
            else:
                category = found
        times: dict[str, dt.time | None] = {"start": None, "end": None}
        for column in ("start", "end"):
            text = cells.get(column)
            if text:
                if text not in clock:
                    clock[text] = parse_time(text)
                times[column] = clock[text]
                if times[column] is None:
                    problems.append(RowProblem(number, column, str(errors.BAD_TIME) % {"value": text}))
        start, end = times["start"], times["end"]
        if start and end and end < start:
            problems.append(RowProblem(number, "end", str(errors.END_BEFORE_START)))
        if problems:
            report.problems.extend(problems)
            continue
        assert place_id is not None and day is not None and participants is not None
        report.rows.append((
            place_id, day, title, category, start, end, who["initiated_by"], who["organised_by"], participants,
            cells.get("target_group", "")[:200],
            cells.get("is_public", "ja").lower() not in ("nee", "no", "false", "0")))
        report.per_place[place_id] = report.per_place.get(place_id, 0) + 1
        if sink is not None and len(report.rows) - flushed >= chunk and not report.problems:
            sink(report.rows[flushed:])
            flushed = len(report.rows)
    if progress is not None:
        progress.checked(total, total)
    if sink is not None and not report.problems and len(report.rows) > flushed:
        sink(report.rows[flushed:])
    return report
