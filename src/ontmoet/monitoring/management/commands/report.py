"""ontmoet report --year YEAR --out FILE.pdf: the council report (raadsrapportage) as a PDF."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ontmoet.monitoring.report import report_pdf


class Command(BaseCommand):
    help = "Maak de raadsrapportage van een jaar als PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        out: Path = options["out"]
        out.write_bytes(report_pdf(options["year"]))
        self.stdout.write(f"{out} geschreven in {time.perf_counter() - started:.1f} s.")
