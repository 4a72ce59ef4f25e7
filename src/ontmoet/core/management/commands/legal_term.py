"""ontmoet legal_term --start JJJJ-MM-DD (--weeks N | --days N | --months N) [--kind decision|supplement|objection]
[--format json|text]

The end of a legal term with the Algemene termijnenwet applied, and how it was reached (docs/terms.md, ADR 0301).
``--start`` is the day of the event the term runs from (receipt, request to supplement, notification of the
decision); the term's first day is the day after (Awb 4:13, 6:8). Bad input is refused in Dutch with exit code 2.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ontmoet.domain.terms import LegalTerm, TermError, TermKind, format_date_nl, legal_term

USAGE_ERROR = 2
KINDS = tuple(kind.value for kind in TermKind)
FORMATS = ("text", "json")
_TERM_NAMES = {TermKind.DECISION: "Beslistermijn", TermKind.SUPPLEMENT: "Aanvullingstermijn",
               TermKind.OBJECTION: "Bezwaartermijn", TermKind.OBJECTION_DECISION: "Beslistermijn op bezwaar"}


def refuse(message: str) -> CommandError:
    return CommandError(message, returncode=USAGE_ERROR)


def parse_day(text: str) -> dt.date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise refuse(f"Ongeldige datum bij --start: {text!r}; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-03-02.")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise refuse(f"Die datum bestaat niet: {text!r} (--start).") from None


def parse_count(text: str, option: str) -> int:
    if not re.fullmatch(r"\d{1,6}", text):
        raise refuse(f"{option} verwacht een positief geheel getal, niet {text!r}.")
    return int(text)


def as_text(term: LegalTerm) -> str:
    lines = [
        f"{_TERM_NAMES[term.kind]} van {term.length_nl}",
        f"Begint op: {format_date_nl(term.start)}",
        f"Einde volgens de kalender: {format_date_nl(term.nominal_end)}",
        f"Einde: {format_date_nl(term.end)}",
        "Hoe deze datum tot stand kwam:",
        *(f"- {reason.text_nl}" for reason in term.reasons),
    ]
    return "\n".join(lines)


class Command(BaseCommand):
    help = ("Bereken het einde van een wettelijke termijn volgens de Algemene termijnenwet, met de stappen die "
            "tot die datum leiden.")

    def add_arguments(self, parser: CommandParser) -> None:
        # Plain strings, checked in handle(): the messages are Dutch and the exit code is 2.
        parser.add_argument("--start", metavar="JJJJ-MM-DD",
                            help="de dag van de gebeurtenis waarna de termijn loopt (ontvangst, verzoek, bekendmaking)")
        parser.add_argument("--weeks", metavar="N", help="termijn in weken")
        parser.add_argument("--days", metavar="N", help="termijn in dagen")
        parser.add_argument("--months", metavar="N", help="termijn in maanden")
        parser.add_argument("--kind", metavar="|".join(KINDS), default=TermKind.DECISION.value,
                            help="soort termijn (standaard decision)")
        parser.add_argument("--format", metavar="|".join(FORMATS), default="text", help="uitvoer (standaard text)")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["start"]:
            raise refuse("Geef de begindatum op met --start JJJJ-MM-DD.")
        start = parse_day(options["start"])
        lengths = {unit: options[unit] for unit in ("weeks", "days", "months") if options[unit] is not None}
        if len(lengths) != 1:
            raise refuse("Geef precies één termijnlengte op: --weeks, --days of --months.")
        (unit, text), = lengths.items()
        count = parse_count(text, f"--{unit}")
        if options["kind"] not in KINDS:
            raise refuse(f"Onbekende soort termijn {options['kind']!r}; kies uit {', '.join(KINDS)}.")
        if options["format"] not in FORMATS:
            raise refuse(f"Onbekend uitvoerformaat {options['format']!r}; kies uit {', '.join(FORMATS)}.")
        try:
            term = legal_term(start, kind=TermKind(options["kind"]), weeks=count if unit == "weeks" else None,
                              days=count if unit == "days" else None, months=count if unit == "months" else None)
        except TermError as exc:
            raise refuse(str(exc)) from exc
        if options["format"] == "json":
            self.stdout.write(json.dumps(term.to_json(), indent=2, ensure_ascii=False))
        else:
            self.stdout.write(as_text(term))
