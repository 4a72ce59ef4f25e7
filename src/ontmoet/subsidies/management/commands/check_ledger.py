"""``ontmoet check_ledger``: reconcile the subsidy decisions and payments with the ledger and the ceilings."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ontmoet.subsidies.selectors import ledger_differences


class Command(BaseCommand):
    help = ("Vergelijkt de subsidiebesluiten en betalingen met de verplichtingen en realisaties en met de "
            "plafonds; eindigt met een foutcode bij elk verschil.")

    def handle(self, *args: Any, **options: Any) -> None:
        differences = ledger_differences()
        for difference in differences:
            self.stderr.write(f"{difference.subject}: {difference.text_nl}")
        if differences:
            raise CommandError(f"{len(differences)} verschil(len) tussen besluiten, boekingen en plafonds.",
                               returncode=1)
        self.stdout.write("Besluiten, boekingen en plafonds komen overeen.")
