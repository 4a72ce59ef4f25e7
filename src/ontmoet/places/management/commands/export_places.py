"""ontmoet export_places [--format csv|xlsx] [--out FILE]"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ontmoet.places.exporting import export_csv, export_xlsx
from ontmoet.places.models import MeetingPlace


class Command(BaseCommand):
    help = "Exporteer het register naar CSV of XLSX."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument("--out", type=Path, help="bestand (standaard: stdout voor CSV: puntkomma, UTF-8 met BOM, "
                            "Nederlandse kolomnamen)")

    def handle(self, *args: Any, **options: Any) -> None:
        places = MeetingPlace.objects.with_type().select_related("neighbourhood__district").order_by("name")
        content = export_xlsx(places) if options["format"] == "xlsx" else export_csv(places)
        if options["out"]:
            options["out"].write_bytes(content)
            n = places.count()
            message = ngettext("%(n)s plek geschreven naar %(file)s.", "%(n)s plekken geschreven naar %(file)s.", n)
            self.stdout.write(message % {"n": n, "file": options["out"]})
        elif options["format"] == "xlsx":
            raise CommandError(_("Geef --out FILE voor XLSX."), returncode=2)
        else:
            sys.stdout.buffer.write(content)
