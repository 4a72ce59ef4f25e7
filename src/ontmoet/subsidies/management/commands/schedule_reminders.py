"""``ontmoet schedule_reminders``: put the daily reminders job in the queue (once; again changes nothing)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from ontmoet.subsidies.tasks import schedule_daily_reminders


class Command(BaseCommand):
    help = ("Zet de dagelijkse herinneringen van de subsidies in de wachtrij (ontmoet db_worker voert ze uit); "
            "staat er al een klaar, dan verandert er niets.")

    def handle(self, *args: Any, **options: Any) -> None:
        when = timezone.localtime(schedule_daily_reminders())
        self.stdout.write(f"Dagelijkse herinneringen staan klaar voor {when:%d-%m-%Y %H:%M}.")
