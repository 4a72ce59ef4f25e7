"""ontmoet demo_logins: print the demo accounts (make demo shows them before serving)."""

from typing import Any

from django.core.management.base import BaseCommand

from ontmoet.accounts.demo import DEMO_PASSWORD, DEMO_USERS
from ontmoet.accounts.models import User


class Command(BaseCommand):
    help = "Toon de demo-accounts met hun rol."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"\nDemo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD})\n")
        for username, _role, _name in DEMO_USERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                continue
            places = ", ".join(p.name for p in user.board_places.all())
            extra = f"  – plekken: {places}" if places else ""
            self.stdout.write(f"  {username:<12} {user.get_role_display()}{extra}")
        self.stdout.write("")
