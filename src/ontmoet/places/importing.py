"""Reading a register file (CSV or XLSX) into checked rows, with a report per bad row.

The import is all-or-nothing: :func:`ontmoet.places.services.places_import` writes only when every row is
good. Row numbers are those a spreadsheet shows (the header is row 1). Columns may be named in Dutch (as the
export and the template write them) or in English (the field names); the export's own identifying columns
(id, buurt- and wijknaam, wijkcode) are accepted and ignored, so an export imports again as it is.

The check gives the same result whatever the interface language: type names are compared with the Dutch and
the English labels explicitly, and only the messages follow the language.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ontmoet.core.tabular import (
    ImportFileError,
    RowProblem,
    Table,
    normalise_column,
    parse_flag,
    read_table,
    unquote_text,
)
from ontmoet.core.validators import normalise_postcode
from ontmoet.domain.geo import Area, area_containing
from ontmoet.domain.numbers import NumberFormatError, parse_number
from ontmoet.places.models import MeetingPlace, Neighbourhood
from ontmoet.places.selectors import ACCESSIBILITY_FACTS, neighbourhood_areas
from ontmoet.places.types import PlaceType

__all__ = ["COLUMNS", "ImportFileError", "ImportProgress", "ImportReport", "check_rows", "read_register_file",
           "register_check", "type_from_text"]

#: (canonical key, Dutch column name as exported, other accepted names). The Dutch names are part of the file
#: format, so they are plain strings: a translation must never change what a file means.
COLUMNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("id", "id", ()),
    ("name", "naam", ("name",)),
    ("type_code", "typecode", ("type_code",)),
    ("type", "type", ("soort",)),
    ("type_label", "typenaam", ("type_label",)),
    ("street", "straat", ("street",)),
    ("house_number", "huisnummer", ("house_number", "nummer")),
    ("postcode", "postcode", ("postal_code", "zip")),
    ("city", "plaats", ("city", "woonplaats")),
    ("latitude", "breedtegraad", ("latitude", "lat")),
    ("longitude", "lengtegraad", ("longitude", "lon", "lng")),
    ("neighbourhood_code", "buurtcode", ("neighbourhood_code",)),
    ("neighbourhood_name", "buurt", ("neighbourhood_name", "buurtnaam")),
    ("district_code", "wijkcode", ("district_code",)),
    ("district_name", "wijk", ("district_name", "wijknaam")),
    ("step_free_entrance", "drempelvrije entree", ("step_free_entrance",)),
    ("accessible_toilet", "toegankelijk toilet", ("accessible_toilet",)),
    ("hearing_loop", "ringleiding", ("hearing_loop",)),
    ("disabled_parking", "invalidenparkeerplaats", ("disabled_parking",)),
    ("accessibility_notes", "toelichting toegankelijkheid", ("accessibility_notes",)),
    ("description", "omschrijving", ("description",)),
    ("opening_hours", "openingstijden", ("opening_hours",)),
    ("public_email", "e-mail voor bezoekers", ("public_email", "e-mail", "email")),
    ("public_phone", "telefoon voor bezoekers", ("public_phone", "telefoon")),
    ("website", "website", ()),
    ("source_title", "bron", ("source_title", "source")),
    ("source_url", "link naar de bron", ("source_url",)),
    ("is_demo", "demo", ("is_demo",)),
)
DUTCH_HEADERS = {key: dutch for key, dutch, _other in COLUMNS}
ALIASES = {normalise_column(name): key for key, dutch, others in COLUMNS for name in (key, dutch, *others)}
#: Derived from the buurt on export; read back only so that an export imports as it is.
IGNORED = ("id", "neighbourhood_name", "district_code", "district_name")
REQUIRED_COLUMNS = ("name", "street", "house_number", "postcode", "city", "latitude", "longitude")
TYPE_COLUMNS = ("type_code", "type", "type_label")
#: The place's own fields an import sets (the buurt and the type are set apart); the model validates them.
IMPORT_FIELDS = ("is_demo", "name", "street", "house_number", "postcode", "city", "latitude", "longitude",
                 "description", "opening_hours", "public_email", "public_phone", "website", "source_title",
                 "source_url", "accessibility_notes", *ACCESSIBILITY_FACTS)
TEXT_FIELDS = ("name", "street", "house_number", "city", "description", "opening_hours", "public_email",
               "public_phone", "website", "source_title", "source_url", "accessibility_notes")
#: Longer than any field of the model: such a cell is refused without being looked at further.
CELL_LIMIT = 10_000


#: An import has no override of the plan's caps: such a row is refused (seed §5: at most 20 OC and 4 HvdW).
IMPORT_CAP_EXCEEDED = gettext_lazy(
    "met deze rij komt het aantal %(kind)s op %(day)s boven het maximum van %(cap)s uit het beleidsplan "
    "(%(count)s met de hele import); een import mag het maximum niet overschrijden")


@dataclass(frozen=True)
class ImportProgress:
    """How far an import is: ``phase`` is "checking" (``done`` of ``total`` rows), "saving" or "done"."""

    phase: str
    done: int
    total: int


@dataclass
class ImportReport:
    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    #: Spreadsheet row number of each checked row, in the order of ``rows``.
    row_numbers: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _type_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for language in ("nl", "en"):
        with translation.override(language):
            for choice in PlaceType:
                words.setdefault(str(choice.label).lower(), choice.value)
    for choice in PlaceType:
        words[choice.value] = choice.value
    words.update({"oc": PlaceType.MEETING_CENTRE.value, "hvdw": PlaceType.NEIGHBOURHOOD_HOUSE.value,
                  "kleinschalige ontmoetingsplek": PlaceType.OTHER_SMALL_SCALE.value})
    return words


def type_from_text(text: str) -> str | None:
    """A type given as code (``meeting_centre``) or as Dutch or English name, in any case and any language."""
    return _type_words().get(" ".join(text.strip().lower().split()))


def read_register_file(content: bytes, filename: str) -> Table:
    """The rows of a register file, with Dutch or English column names; ImportFileError for the whole file."""
    table = read_table(content, filename, aliases=ALIASES, required=REQUIRED_COLUMNS)
    if not any(c in table.header for c in TYPE_COLUMNS):
        raise ImportFileError(_("Verplichte kolommen ontbreken: %(cols)s.") % {"cols": "type"})
    return table


class _RowChecker:
    """Checks one row at a time; shares the type words and the buurt lookup between rows."""

    def __init__(self, *, areas: list[Area], neighbourhood_codes: set[str]) -> None:
        self.areas = areas
        self.codes = neighbourhood_codes
        self.type_words = _type_words()
        self.buurt_of_point: dict[tuple[Decimal, Decimal], str | None] = {}
        self.fields = {f.name: f for f in MeetingPlace._meta.concrete_fields if f.name in IMPORT_FIELDS}
        self.validated: dict[str, dict[Any, list[str]]] = {}

    def check(self, number: int, raw: dict[str, str]) -> tuple[dict[str, Any], list[RowProblem]]:
        problems: list[RowProblem] = []

        def problem(column: str, message: str) -> None:
            problems.append(RowProblem(row=number, column=column, message=message))

        raw = {k: unquote_text(v) for k, v in raw.items() if k not in IGNORED}
        values: dict[str, Any] = {}
        for column in TEXT_FIELDS:
            text = raw.get(column, "")
            values[column] = text if len(text) <= CELL_LIMIT else text[:CELL_LIMIT]
        if not values["name"]:
            problem("name", _("naam is verplicht"))
        values["city"] = values["city"] or "Maastricht"
        values["type"] = self._type(raw, problem)
        values["postcode"] = normalise_postcode(raw.get("postcode", ""))
        coordinates = self._coordinates(raw, problem)
        values["latitude"], values["longitude"] = coordinates.get("latitude"), coordinates.get("longitude")
        code = raw.get("neighbourhood_code", "").upper()
        values["neighbourhood_code"] = None
        if code and code not in self.codes:
            problem("neighbourhood_code", _("onbekende buurtcode '%(value)s'") % {"value": code[:20]})
        elif len(coordinates) == 2:
            # With coordinates the buurt is the one that holds the point; a given code must agree with it.
            found = self._buurt(coordinates["latitude"], coordinates["longitude"])
            if found is None:
                problem("latitude", _("de coördinaten liggen niet in een buurt van Maastricht"))
            elif code and code != found:
                problem("neighbourhood_code", _("buurtcode %(code)s past niet bij de coördinaten (buurt %(found)s)")
                        % {"code": code, "found": found})
            values["neighbourhood_code"] = found
        elif code:
            values["neighbourhood_code"] = code
        for fact in (*ACCESSIBILITY_FACTS, "is_demo"):
            try:
                values[fact] = parse_flag(raw.get(fact, ""))
            except ValueError:
                values[fact] = None
                problem(fact, _("'%(value)s' is geen ja/nee") % {"value": raw.get(fact, "")[:40]})
        values["is_demo"] = bool(values["is_demo"])
        self._validate_fields(values, problem, already={p.column for p in problems})
        return values, problems

    def _validate_fields(self, values: dict[str, Any], problem: Any, already: set[str]) -> None:
        """The model's own field validation (lengths, control characters, postcode, house number, e-mail,
        URL): what the place form and the API refuse, the import refuses too. Each distinct value of a column is
        validated once (a file repeats its city, street and empty cells many times)."""
        for name, model_field in self.fields.items():
            value = values[name]
            seen = self.validated.setdefault(name, {})
            messages = seen.get(value)
            if messages is None:
                try:
                    model_field.clean(value, None)
                    messages = []
                except ValidationError as error:
                    messages = [str(m) for m in error.messages]
                seen[value] = messages
            if messages and name not in already:  # one message per cell
                problem(name, " ".join(messages))

    def _type(self, raw: dict[str, str], problem: Any) -> str | None:
        found: dict[str, str] = {}
        for column in TYPE_COLUMNS:
            text = raw.get(column, "")
            if not text:
                continue
            value = self.type_words.get(" ".join(text.lower().split()))
            if value is None:
                problem(column, _("onbekend type '%(value)s'") % {"value": text[:80]})
                return None
            found[column] = value
        if not found:
            problem("type", _("type is verplicht"))
            return None
        if len(set(found.values())) > 1:
            problem("type", _("typecode en type noemen verschillende types"))
            return None
        return next(iter(found.values()))

    def _coordinates(self, raw: dict[str, str], problem: Any) -> dict[str, Decimal]:
        coordinates: dict[str, Decimal] = {}
        given = 0
        for column, low, high in (("latitude", -90, 90), ("longitude", -180, 180)):
            text = raw.get(column, "")
            if not text:
                continue
            given += 1
            try:  # the one parser of Dutch numbers: 50,8512 and 50.8512 (a coordinate takes no thousands)
                number = parse_number(text, grouping=False)
            except NumberFormatError:
                problem(column, _("'%(value)s' is geen getal") % {"value": text[:40]})
                continue
            if not low <= number <= high:
                problem(column, _("%(value)s ligt buiten het bereik %(low)s tot %(high)s")
                        % {"value": text[:40], "low": low, "high": high})
                continue
            coordinates[column] = number.quantize(Decimal("0.000001"))
        if given == 1:
            problem("latitude" if "latitude" not in coordinates else "longitude",
                    _("vul breedtegraad en lengtegraad allebei in"))
        return coordinates

    def _buurt(self, latitude: Decimal, longitude: Decimal) -> str | None:
        key = (latitude, longitude)
        if key not in self.buurt_of_point:
            self.buurt_of_point[key] = area_containing(self.areas, float(longitude), float(latitude))
        return self.buurt_of_point[key]


def check_rows_stepwise(table: Table, *, areas: list[Area], neighbourhood_codes: set[str],
                        report: ImportReport, step: int = 5_000) -> Iterator[int]:
    """Check every row into ``report``, collecting all problems; yields the number of rows checked so far
    after every ``step`` rows (for a progress bar)."""
    checker = _RowChecker(areas=areas, neighbourhood_codes=neighbourhood_codes)
    report.problems.extend(table.problems)
    for done, (number, raw) in enumerate(table.rows, start=1):
        values, problems = checker.check(number, raw)
        report.problems.extend(problems)
        report.rows.append(values)
        report.row_numbers.append(number)
        if done % step == 0:
            yield done
    if not table.rows and not table.problems:
        report.problems.append(RowProblem(row=1, column="", message=_("het bestand bevat geen rijen")))
    yield len(table.rows)


def check_rows(table: Table, *, areas: list[Area], neighbourhood_codes: set[str]) -> ImportReport:
    """Validate every row at once (see :func:`check_rows_stepwise`)."""
    report = ImportReport()
    for _done in check_rows_stepwise(table, areas=areas, neighbourhood_codes=neighbourhood_codes, report=report):
        pass
    return report


class RegisterCheck:
    """The check of a register file, in steps: iterate it for progress, then read :attr:`report`.

    A read only (nothing is written): the page and the CLI show progress while it runs, then hand the report to
    the door ``places.services.places_import``.
    """

    def __init__(self, table: Table, step: int) -> None:
        self.table, self.step = table, step
        self.report = ImportReport()
        self.total = len(table.rows)

    def __iter__(self) -> Iterator[ImportProgress]:
        codes = set(Neighbourhood.objects.values_list("code", flat=True))
        for done in check_rows_stepwise(self.table, areas=neighbourhood_areas(), neighbourhood_codes=codes,
                                        report=self.report, step=self.step):
            yield ImportProgress("checking", done, self.total)


def register_check(*, content: bytes, filename: str, step: int = 5_000) -> RegisterCheck:
    """Read a register file at once (ImportFileError for the whole file) and return its row check."""
    return RegisterCheck(read_register_file(content, filename), step)
