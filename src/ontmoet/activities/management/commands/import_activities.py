"""ontmoet import_activities FILE [--dry-run]: all-or-nothing import of activities (CSV or XLSX).

Columns ``place, date, title, initiated_by, organised_by, participants`` and optional ``category, start, end``
(``place`` is the place's id). Every row is checked first; one problem and nothing is written, with a report
of every problem by row and column. Large files show a progress bar on a terminal.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ontmoet.activities.services import activities_import
from ontmoet.core.tabular import ImportFileError

BAR = 30


class Progress:
    """A progress bar on stderr (only on a terminal, or with --progress)."""

    def __init__(self, stream: TextIO, *, show: bool) -> None:
        self.stream, self.show = stream, show

    def _bar(self, label: str, done: int, total: int) -> None:
        if not self.show or total == 0:
            return
        filled = BAR * done // total
        self.stream.write(f"\r{label:<12} [{'#' * filled}{'.' * (BAR - filled)}] {done}/{total}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()

    def checked(self, done: int, total: int) -> None:
        self.total = total
        self._bar("controleren", done, total)

    def written(self, done: int) -> None:
        self._bar("opslaan", done, getattr(self, "total", done))


class Command(BaseCommand):
    help = "Importeer activiteiten uit een CSV- of XLSX-bestand (alles of niets)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="alleen controleren, niets opslaan")
        parser.add_argument("--progress", action="store_true", help="voortgang tonen, ook buiten een terminal")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        progress = Progress(sys.stderr, show=options["progress"] or sys.stderr.isatty())
        try:
            report = activities_import(content=path.read_bytes(), filename=path.name, by=None,
                                       dry_run=options["dry_run"], progress=progress)
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        if report.problems:
            for problem in report.problems[:200]:
                self.stderr.write(str(problem))
            if len(report.problems) > 200:
                self.stderr.write(f"... en nog {len(report.problems) - 200} problemen")
            raise CommandError(f"{len(report.problems)} problemen; niets opgeslagen.")
        if options["dry_run"]:
            self.stdout.write(f"{len(report.rows)} rijen in orde; niets opgeslagen (--dry-run).")
        else:
            self.stdout.write(f"{report.written} activiteiten geïmporteerd bij {len(report.per_place)} plekken.")
