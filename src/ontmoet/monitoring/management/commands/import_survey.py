"""ontmoet import_survey FILE [--source TEXT] [--dry-run]: all-or-nothing import of survey results per buurt.

Columns ``year, neighbourhood_code, respondents, enough_contacts_pct, visited_meeting_place_pct, lonely_pct``;
the city values are the respondent-weighted means over the buurten (issue 11, point 2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ontmoet.core.tabular import ImportFileError
from ontmoet.monitoring.services import survey_import


class Command(BaseCommand):
    help = "Importeer peilingsresultaten per buurt per jaar (CSV of XLSX, alles of niets)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--source", default="", help="waar de cijfers vandaan komen, bv. 'Buurtpeiling 2026'")
        parser.add_argument("--dry-run", action="store_true", help="alleen controleren, niets opslaan")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        try:
            report = survey_import(content=path.read_bytes(), filename=path.name, source=options["source"],
                                   by=None, dry_run=options["dry_run"])
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        if report.problems:
            for problem in report.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(report.problems)} problemen; niets opgeslagen.")
        years = ", ".join(str(y) for y in sorted({r.year for r in report.rows}))
        verb = "in orde (--dry-run, niets opgeslagen)" if options["dry_run"] else "geïmporteerd"
        self.stdout.write(f"{len(report.rows)} buurtresultaten {verb} voor {years or '-'}"
                          f"{f'; {report.replaced} vervangen' if report.replaced else ''}.")
