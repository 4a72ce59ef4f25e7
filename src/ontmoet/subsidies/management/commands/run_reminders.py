"""``ontmoet run_reminders``: the daily reminders (settlement requests due; terms that pass within a week)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ontmoet.subsidies.services import reminders_send


class Command(BaseCommand):
    help = "Verstuurt de dagelijkse herinneringen van de subsidies (vaststelling, termijnen die verstrijken)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = reminders_send(by=None)
        self.stdout.write(f"Herinneringen verstuurd: {sent}.")
