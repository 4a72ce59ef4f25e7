"""ontmoet import_places FILE [--dry-run]: all-or-nothing import of places with a report per row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ontmoet.places.importing import ImportFileError
from ontmoet.places.services import places_import


class Command(BaseCommand):
    help = "Importeer plekken uit CSV of XLSX. Bij één foute rij wordt niets opgeslagen (exitstatus 1)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="alleen controleren, niets opslaan")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        try:
            report = places_import(content=path.read_bytes(), filename=path.name, by=None, dry_run=options["dry_run"])
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"Niets geïmporteerd: {len(report.problems)} probleem/problemen in {path.name}.",
                               returncode=1)
        verb = "gecontroleerd (niets opgeslagen)" if options["dry_run"] else "geïmporteerd"
        self.stdout.write(f"{len(report.rows)} plekken {verb}.")
