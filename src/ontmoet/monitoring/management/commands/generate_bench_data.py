"""ontmoet generate_bench_data --places N --activities N --applications N --years N (PostgreSQL only).

Writes a benchmark city with COPY (see ``ontmoet.monitoring.benchdata``). Never on a production database:
it asks for ``--yes`` unless the database is empty of places."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from ontmoet.monitoring.benchdata import BenchSizes, generate
from ontmoet.places.models import MeetingPlace
from ontmoet.subsidies.benchdata import generate_applications


class Command(BaseCommand):
    help = "Schrijf testgegevens voor de schaalbenchmarks (alleen PostgreSQL, met COPY)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--places", type=int, default=1000)
        parser.add_argument("--activities", type=int, default=5_000_000)
        parser.add_argument("--applications", type=int, default=0, help="subsidieaanvragen")
        parser.add_argument("--years", type=int, default=10)
        parser.add_argument("--yes", action="store_true", help="ook als er al plekken zijn")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("generate_bench_data schrijft met COPY en werkt alleen op PostgreSQL "
                               "(zet DATABASE_URL op een PostgreSQL-database).")
        if MeetingPlace.objects.exists() and not options["yes"]:
            raise CommandError("Er staan al plekken in deze database; geef --yes om er testgegevens bij te zetten.")
        if min(options["places"], options["years"]) < 1 or min(options["activities"], options["applications"]) < 0:
            raise CommandError("--places en --years zijn minstens 1, --activities en --applications minstens 0.")
        started = time.perf_counter()
        this_year = timezone.localdate().year
        sizes = BenchSizes(places=options["places"], activities=options["activities"], years=options["years"],
                           first_year=this_year - options["years"] + 1)
        counts = generate(sizes, say=self.stdout.write)
        applications = generate_applications(options["applications"], place_ids=counts["place_ids"],
                                             say=self.stdout.write)
        self.stdout.write(f"Klaar in {time.perf_counter() - started:.0f} s: {counts['places']:,} plekken, "
                          f"{counts['activities']:,} activiteiten, {counts['tallies']:,} maandtellingen, "
                          f"{applications:,} subsidieaanvragen.")
