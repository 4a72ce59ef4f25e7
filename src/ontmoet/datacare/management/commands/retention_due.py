"""``ontmoet retention_due [--format json|text] [--on YYYY-MM-DD]``: what has passed its retention period."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ontmoet.datacare.retention import RetentionError
from ontmoet.datacare.selectors import retention_due


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"--on: {text!r} is geen datum; schrijf JJJJ-MM-DD.", returncode=2) from exc


class Command(BaseCommand):
    help = ("Toon welke zaken hun bewaartermijn voorbij zijn (Archiefwet, Selectielijst gemeenten 2020). "
            "Vernietigt niets.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--on", help="de peildatum (JJJJ-MM-DD), standaard vandaag")

    def handle(self, *args: Any, **options: Any) -> None:
        on = _date(options["on"]) if options["on"] else None
        try:
            due = retention_due(on)
        except RetentionError as exc:
            raise CommandError(f"De bewaartermijnen zijn niet leesbaar: {exc}", returncode=2) from exc
        if options["format"] == "json":
            self.stdout.write(json.dumps([item.as_json() for item in due], indent=2, ensure_ascii=False))
            return
        if not due:
            self.stdout.write("Niets heeft de bewaartermijn bereikt.")
            return
        for item in due:
            self.stdout.write(f"{item.destroy_on:%d-%m-%Y}  {item.reference}  ({item.result or item.case}, sinds "
                              f"{item.anchor:%d-%m-%Y}; regel {item.rule})")
        self.stdout.write(f"{len(due)} zaken kunnen worden vernietigd, na akkoord van de archivaris. Er is niets "
                          "vernietigd.")
