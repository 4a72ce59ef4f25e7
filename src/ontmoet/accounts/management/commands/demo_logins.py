"""ontmoet demo_logins [--code]: print the demo accounts (make demo shows them before serving), with the demo
staff's two-factor secret and current code; ``--code`` prints only the current code."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ontmoet.accounts import two_factor
from ontmoet.accounts.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS, demo_totp_code
from ontmoet.accounts.models import User


class Command(BaseCommand):
    help = "Toon de demo-accounts met hun rol, en de tweestapsverificatie van de demo-medewerkers."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--code", action="store_true",
                            help="druk alleen de code van nu af (30 seconden geldig) voor de demo-medewerkers")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["code"]:
            self.stdout.write(demo_totp_code())
            return
        self.stdout.write(f"\nDemo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD})\n")
        for username, _role, _name in DEMO_USERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                continue
            places = ", ".join(p.name for p in user.board_places.all())
            extra = f"  – plekken: {places}" if places else ""
            second = "  – met tweestapsverificatie" if two_factor.has_device(user) else ""
            self.stdout.write(f"  {username:<12} {user.get_role_display()}{extra}{second}")
        self.stdout.write(
            f"\nTweestapsverificatie van de demo-medewerkers: geheime sleutel {DEMO_TOTP_SECRET}\n"
            "  Zet die in een authenticator-app (op tijd gebaseerd), of haal de code van dat moment op met\n"
            f"  `ontmoet demo_logins --code` of `oathtool --totp -b {DEMO_TOTP_SECRET}`.\n"
            f"  Code nu: {demo_totp_code()} (30 seconden geldig)\n")
