"""ontmoet import_neighbourhood_stats FILE [--dry-run]: all-or-nothing import of neighbourhood statistics."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ontmoet.assessment.services import neighbourhood_stats_import
from ontmoet.core.tabular import problems_summary


class Command(BaseCommand):
    help = ("Lees buurtcijfers in uit een CSV-bestand (per CBS-buurtcode). Bij één foute regel wordt niets "
            "opgeslagen (exitstatus 1).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="CSV met kolommen buurtcode, year, source, indicatoren")
        parser.add_argument("--dry-run", action="store_true", help="alleen controleren, niets opslaan")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("Bestand niet gevonden: %(path)s") % {"path": path})
        report = neighbourhood_stats_import(content=path.read_bytes(), file_name=path.name, by=None,
                                            dry_run=options["dry_run"])
        if not report.ok:
            for message in report.messages:
                self.stderr.write(str(message))
            raise CommandError(_("Niets ingelezen: %(problems)s in %(file)s.") % {
                "problems": problems_summary(len(report.messages)), "file": path.name}, returncode=1)
        demo = " (demonstratiecijfers)" if report.is_demo else ""
        rows = ngettext("%(n)s regel", "%(n)s regels", report.rows) % {"n": report.rows}
        if options["dry_run"]:
            self.stdout.write(f"{rows} gecontroleerd, geen fouten{demo}; niets opgeslagen.")
        else:
            self.stdout.write(f"{rows} ingelezen{demo}: {report.created} nieuw, "
                              f"{report.updated} bijgewerkt.")
