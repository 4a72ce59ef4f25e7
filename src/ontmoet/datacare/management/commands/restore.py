"""``ontmoet restore --input FILE [--yes]``: put a backup back, everything or nothing (ADR 0701)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ontmoet.datacare.archive import ArchiveError, restore


class Command(BaseCommand):
    help = ("Zet een reservekopie van 'ontmoet backup' terug. Controleert eerst elke controlesom; weigert een "
            "database met gegevens, tenzij --yes is gegeven (dan wordt alles vervangen).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, type=Path, help="het archief van 'ontmoet backup'")
        parser.add_argument("--yes", action="store_true",
                            help="vervang de gegevens die nu in de database en de documentenmap staan")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = restore(options["input"], replace=options["yes"])
        except ArchiveError as exc:
            raise CommandError(str(exc), returncode=1) from exc
        self.stdout.write(f"Reservekopie van {report.manifest.created_at} ({report.manifest.database_vendor}) "
                          f"teruggezet: {report.rows} rijen, {report.documents} documenten.")
        if report.previous_documents is not None:
            self.stdout.write(f"De documenten die er stonden, staan nu in {report.previous_documents}.")
