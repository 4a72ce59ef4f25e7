"""ontmoet purge_initiatives: delete residents' ideas older than the retention period (run it daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from ontmoet.finder.models import RETENTION_DAYS
from ontmoet.finder.services import initiatives_purge


class Command(BaseCommand):
    help = f"Verwijder ideeën van bewoners die ouder zijn dan {RETENTION_DAYS} dagen."

    def handle(self, *args: Any, **options: Any) -> None:
        removed = initiatives_purge(by=None)
        self.stdout.write(ngettext("%(n)s idee verwijderd.", "%(n)s ideeën verwijderd.", removed) % {"n": removed})
