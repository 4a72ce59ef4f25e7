"""``ontmoet gdpr_export --user USERNAME --output FILE.json``: all personal data of one person (AVG art. 15, 20)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ontmoet.accounts.models import User
from ontmoet.datacare.selectors import personal_data


class Command(BaseCommand):
    help = ("Schrijf alle persoonsgegevens van één account naar een JSON-bestand (inzage en overdraagbaarheid, "
            "AVG art. 15 en 20).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="de gebruikersnaam")
        parser.add_argument("--output", required=True, type=Path, help="het JSON-bestand")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"Er is geen account met de gebruikersnaam {options['user']!r}.", returncode=1)
        output: Path = options["output"]
        if not output.resolve().parent.is_dir():
            raise CommandError(f"De map {output.resolve().parent} bestaat niet.", returncode=1)
        data = personal_data(user)
        output.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        self.stdout.write(f"Persoonsgegevens van {user.username} geschreven naar {output} "
                          f"({len(data['applications'])} aanvragen, {len(data['documents_uploaded'])} documenten, "
                          f"{len(data['audit_events_by_this_person'])} handelingen in het auditlogboek).")
