"""``ontmoet allocate_community_work --year YEAR [--apply] [--format json]``: the allocation of community work.

Without ``--apply`` it only proposes (nothing is written); with it the allocation is decided and its cost booked on
B3 as the system. The JSON answer: ``{"year", "capFte", "allocatedFte", "allocations": [{"place", "requestedFte",
"allocatedFte", "vulnerabilityIndex", "rank"}]}`` (fte and the index as text, so no decimal is lost).
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from ontmoet.capacity import selectors, services
from ontmoet.capacity.presentation import proposal_json


class Command(BaseCommand):
    help = "Verdeel het extra opbouwwerk van een jaar (bouwsteen 3): voorstel, of met --apply vastleggen."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, required=True, help="het jaar van de verdeling")
        parser.add_argument("--apply", action="store_true", help="leg de verdeling vast en boek de kosten op B3")
        parser.add_argument("--format", choices=("table", "json"), default="table", help="uitvoer (standaard: table)")

    def handle(self, *args: Any, **options: Any) -> None:
        year = options["year"]
        try:
            if options["apply"]:
                proposal = services.community_work_allocation_apply(year=year, by=None)
            else:
                if year not in selectors.plan_years():
                    raise ValidationError(_("Het beleidsplan kent geen budget voor opbouwwerk in %(year)s.")
                                          % {"year": year})
                proposal = selectors.proposal_for(year)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        data = proposal_json(proposal, selectors.place_names(a.place_id for a in proposal.allocations))
        if options["format"] == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(_("Opbouwwerk %(year)s: maximum %(cap)s fte, toegekend %(given)s fte")
                          % {"year": year, "cap": data["capFte"], "given": data["allocatedFte"]})
        for row in data["allocations"]:
            rank = row["rank"] if row["rank"] is not None else "-"
            self.stdout.write(f"{rank:>3}  {row['place']:<40} {row['requestedFte']:>5} → {row['allocatedFte']:>5} fte"
                              f"  index {row['vulnerabilityIndex'] or '-'}")
        if not options["apply"]:
            self.stdout.write(_("Alleen een voorstel; vastleggen met --apply."))
