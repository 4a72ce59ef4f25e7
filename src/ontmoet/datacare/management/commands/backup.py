"""``ontmoet backup --output FILE``: the database and the uploaded documents in one tar.gz (ADR 0701)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ontmoet.datacare.archive import ArchiveError, backup


class Command(BaseCommand):
    help = ("Maak een reservekopie: de database en de geüploade documenten in één tar.gz-archief met een "
            "manifest (aantallen per tabel, SHA-256 per bestand).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", required=True, type=Path, help="het archief (bijvoorbeeld ontmoet.tar.gz)")

    def handle(self, *args: Any, **options: Any) -> None:
        output: Path = options["output"]
        try:
            manifest = backup(output)
        except ArchiveError as exc:
            raise CommandError(str(exc), returncode=1) from exc
        documents = sum(1 for name in manifest.files if name.startswith("documents/"))
        self.stdout.write(f"Reservekopie geschreven naar {output}: {sum(manifest.tables.values())} rijen in "
                          f"{len(manifest.tables)} tabellen ({manifest.database_vendor}), {documents} documenten.")
