"""ontmoet create_user NAME --role ROLE [--place ID ...] [--token] [--password PW]"""

from __future__ import annotations

import argparse
import getpass
import os
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from ontmoet.accounts.models import User
from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import token_issue, user_create


def role_codes_listed() -> str:
    """``policy_officer (Beleidsmedewerker), ...``: the codes with their Dutch names, for help and errors."""
    with translation.override("nl"):
        return ", ".join(f"{role.value} ({role.label})" for role in Role)


def role_from_text(text: str) -> str:
    """A role given as code (``policy_officer``) or as its Dutch or English name (``beleidsmedewerker``)."""
    wanted = text.strip().lower()
    for language in ("nl", "en"):
        with translation.override(language):
            for role in Role:
                if wanted in (role.value, str(role.label).lower()):
                    return role.value
    raise argparse.ArgumentTypeError(f"onbekende rol '{text}'; kies uit: {role_codes_listed()}")


class Command(BaseCommand):
    help = "Maak een account met één rol; een bestuurslid wordt aan zijn plek(ken) gekoppeld."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name")
        parser.add_argument("--role", required=True, type=role_from_text, metavar="ROLE",
                            help=f"code of naam van de rol: {role_codes_listed()}")
        parser.add_argument("--place", type=int, action="append", default=[], metavar="ID",
                            help="id van een plek (herhaalbaar; alleen voor board_member)")
        parser.add_argument("--token", action="store_true", help="druk een API-token af (lezen en schrijven, 90 dagen)")
        parser.add_argument("--full-name", default="")
        parser.add_argument("--password", help="wachtwoord (anders: ONTMOET_PASSWORD, of vragen; leeg = geen login)")

    def handle(self, *args: Any, **options: Any) -> None:
        # The places a board member acts for (the model behind User.board_places, so accounts imports no app).
        place_model = User._meta.get_field("board_places").related_model
        places = list(place_model._default_manager.filter(pk__in=options["place"]))
        missing = sorted(set(options["place"]) - {p.pk for p in places})
        if missing:
            raise CommandError(f"Onbekende plek(ken): {', '.join(map(str, missing))}")
        password = options["password"] or os.environ.get("ONTMOET_PASSWORD")
        if password is None and self.stdin_is_tty():
            password = getpass.getpass("Wachtwoord (leeg: alleen API-token): ") or None
        try:
            user = user_create(username=options["name"], role=options["role"], password=password, places=places,
                               full_name=options["full_name"], by=None)
        except ValidationError as exc:
            raise CommandError("; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())) from exc
        self.stdout.write(f"Account {user.username} ({user.get_role_display()}) aangemaakt.")
        if options["token"]:
            self.stdout.write(token_issue(user=user, by=None, name="create_user"))

    @staticmethod
    def stdin_is_tty() -> bool:
        import sys

        return sys.stdin is not None and sys.stdin.isatty()
