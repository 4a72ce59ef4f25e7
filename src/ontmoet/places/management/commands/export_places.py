"""ontmoet export_places [--format csv|xlsx] [--out FILE]"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ontmoet.places.exporting import export_csv, export_xlsx
from ontmoet.places.models import MeetingPlace


class Command(BaseCommand):
    help = "Exporteer het register naar CSV of XLSX."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument("--out", type=Path, help="bestand (standaard: stdout voor CSV)")

    def handle(self, *args: Any, **options: Any) -> None:
        places = MeetingPlace.objects.with_type().select_related("neighbourhood__district").order_by("name")
        content = export_xlsx(places) if options["format"] == "xlsx" else export_csv(places)
        if options["out"]:
            options["out"].write_bytes(content)
            self.stdout.write(f"{places.count()} plekken geschreven naar {options['out']}.")
        elif options["format"] == "xlsx":
            self.stderr.write("Geef --out FILE voor XLSX.")
            raise SystemExit(2)
        else:
            sys.stdout.buffer.write(content)
