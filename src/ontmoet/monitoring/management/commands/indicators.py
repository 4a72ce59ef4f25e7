"""ontmoet indicators --year YEAR [--format json|text]: the indicators of a year against their targets."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ontmoet.monitoring.presentation import STATUS_LABELS, format_value
from ontmoet.monitoring.selectors import indicators_for_year, indicators_json


class Command(BaseCommand):
    help = "Toon de indicatoren van een jaar tegen hun doelen (vastgestelde cijfers als die er zijn)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        year = options["year"]
        if options["format"] == "json":
            self.stdout.write(json.dumps(indicators_json(year), ensure_ascii=False, indent=2))
            return
        for r in indicators_for_year(year):
            target = f" (doel {format_value(r.target, r.unit)} in {r.target_year})" if r.target is not None else ""
            locked = " [vastgesteld]" if r.locked else ""
            self.stdout.write(f"{r.label}: {format_value(r.value, r.unit)}{target} — "
                              f"{STATUS_LABELS.get(r.status, r.status)}{locked}")
