"""``ontmoet finance_demo``: record the investment projects the council proposal names and an example scenario."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ontmoet.finance.demo import load_finance_demo


class Command(BaseCommand):
    help = "Legt de bekende investeringsprojecten en een voorbeeldscenario vast (demo; kan vaker draaien)."

    def handle(self, *args: Any, **options: Any) -> None:
        created = load_finance_demo()
        self.stdout.write(
            f"Investeringsprojecten: {created['projects']} nieuw; scenario's: {created['scenarios']} nieuw.")
