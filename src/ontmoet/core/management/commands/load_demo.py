"""ontmoet load_demo: the Maastricht demo data and one account per role (idempotent)."""

from typing import Any

from django.core.management.base import BaseCommand

from ontmoet.core.demo import load_demo


class Command(BaseCommand):
    help = "Laad de demonstratiegegevens (buurten zijn er al; accounts, plekken, ...). Mag vaker draaien."

    def handle(self, *args: Any, **options: Any) -> None:
        for name in load_demo():
            self.stdout.write(f"geladen: {name}")
        self.stdout.write(self.style.SUCCESS("Demogegevens staan klaar."))
