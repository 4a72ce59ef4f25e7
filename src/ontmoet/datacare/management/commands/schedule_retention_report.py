"""``ontmoet schedule_retention_report``: put the monthly retention report in the queue (once)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from ontmoet.datacare.tasks import schedule_retention_report


class Command(BaseCommand):
    help = ("Zet het maandelijkse overzicht van de bewaartermijnen in de wachtrij (ontmoet db_worker voert het "
            "uit en schrijft het aantal in het logboek); staat er al een klaar, dan verandert er niets.")

    def handle(self, *args: Any, **options: Any) -> None:
        when = timezone.localtime(schedule_retention_report())
        self.stdout.write(f"Het overzicht van de bewaartermijnen staat klaar voor {when:%d-%m-%Y %H:%M}.")
