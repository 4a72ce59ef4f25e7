"""ontmoet reset_2fa USERNAME: remove a user's two-factor devices (a lost phone, no recovery codes left); the
user enrols again at the next login. Audited as done by the system (the operator at the console)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ontmoet.accounts.models import User
from ontmoet.accounts.services import two_factor_reset


class Command(BaseCommand):
    help = "Wis de tweestapsverificatie van een account; bij de volgende keer inloggen stelt het die opnieuw in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"Onbekende gebruiker '{options['username']}'.")
        if two_factor_reset(user=user, by=None):
            self.stdout.write(f"Tweestapsverificatie van {user.username} gewist: bij de volgende keer inloggen "
                              "stelt het account die opnieuw in.")
        else:
            self.stdout.write(f"{user.username} had geen tweestapsverificatie ingesteld.")
