"""``ontmoet gdpr_erase --user USERNAME [--yes] [--include-staff]``: pseudonymise one person (AVG art. 17)."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ontmoet.accounts.models import User
from ontmoet.datacare.selectors import mentions, pseudonym_for
from ontmoet.datacare.services import personal_data_erase


class Command(BaseCommand):
    help = ("Vervang naam, e-mail en gebruikersnaam van een account door een vast pseudoniem, deactiveer het en "
            "verwijder tokens en sessies. Besluiten, brieven, boekingen en het auditlogboek blijven (met het "
            "pseudoniem). Zonder --yes alleen een overzicht van wat er zou gebeuren.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="de gebruikersnaam (of het pseudoniem)")
        parser.add_argument("--yes", action="store_true", help="voer het wissen echt uit")
        parser.add_argument("--include-staff", action="store_true",
                            help="ook een account van een medewerker (alleen na overleg)")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"Er is geen account met de gebruikersnaam {options['user']!r}.", returncode=1)
        if not options["yes"]:
            review = mentions(user)
            self.stdout.write(f"{user.username} zou {pseudonym_for(user)} worden; {len(review)} vrije-tekstvelden "
                              "noemen deze persoon. Geef --yes om te wissen.")
            self._review(review, options["format"])
            return
        try:
            report = personal_data_erase(user=user, include_staff=options["include_staff"], by=None)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=1) from exc
        if options["format"] == "json":
            self.stdout.write(json.dumps(report.__dict__, indent=2, ensure_ascii=False))
            return
        if report.already_erased:
            self.stdout.write(f"{report.pseudonym} is al gewist; er is niets veranderd.")
            return
        self.stdout.write(f"Gewist: het account heet nu {report.pseudonym} en is gedeactiveerd; "
                          f"{report.tokens_removed} tokens en {report.sessions_removed} sessies verwijderd, "
                          f"{report.names_replaced} vermeldingen in het auditlogboek en de stappen vervangen.")
        self._review(report.review, "text")

    def _review(self, review: list[dict[str, str]], format_: str) -> None:
        if format_ == "json":
            self.stdout.write(json.dumps(review, indent=2, ensure_ascii=False))
            return
        if review:
            self.stdout.write("Ter beoordeling (niet gewijzigd):")
        for item in review:
            self.stdout.write(f"- {item['object']} {item['id']} ({item['field']}): {item['text']}")
