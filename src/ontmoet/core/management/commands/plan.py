"""ontmoet plan show [--format text|json] | ontmoet plan check FILE"""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ontmoet.core.plan import policy_plan
from ontmoet.domain.money import format_euro
from ontmoet.policy import PlanError, PolicyPlan, load_plan


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    return value


def plan_as_dict(plan: PolicyPlan) -> dict[str, Any]:
    return {**_plain(plan), "columns": list(plan.columns)}


class Command(BaseCommand):
    help = "Toon het beleidsplan dat geldt, of controleer een planbestand."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        show = sub.add_parser("show", help="toon het plan dat geldt")
        show.add_argument("--format", choices=["text", "json"], default="text")
        check = sub.add_parser("check", help="controleer een planbestand (TOML)")
        check.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "check":
            self.check_file(options["file"])
        else:
            self.show(policy_plan(), options["format"])

    def check_file(self, path: Path) -> None:
        # Not named "check": that is BaseCommand's system check, which Django calls before handle().
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        try:
            plan = load_plan(path)
        except PlanError as exc:
            raise CommandError(f"{path}: {exc}", returncode=1) from exc
        self.stdout.write(f"{path}: plan {plan.id} (versie {plan.version}) is geldig.")

    def show(self, plan: PolicyPlan, fmt: str) -> None:
        if fmt == "json":
            self.stdout.write(json.dumps(plan_as_dict(plan), indent=2, ensure_ascii=False))
            return
        w = self.stdout.write
        w(f"{plan.title}\nplan {plan.id}, versie {plan.version}\nbron: {plan.source}\n")
        w(f"Maximum: {plan.places.max_meeting_centres} Ontmoetingscentra, "
          f"{plan.places.max_neighbourhood_houses} Huizen van de Wijk "
          f"(nu {plan.places.community_houses_today} gemeenschapshuizen)")
        w("Aantallen per jaar (OC / HvdW): " + ", ".join(
            f"{c}: {plan.counts[c].meeting_centres}/{plan.counts[c].neighbourhood_houses}" for c in plan.columns))
        w(f"Exploitatiesubsidie per OC {format_euro(plan.unit_amounts.meeting_centre)}, "
          f"per HvdW {format_euro(plan.unit_amounts.neighbourhood_house)}")
        w(f"Opbouwwerk: {plan.community_work.fte_per_place} fte per plek × "
          f"{format_euro(plan.community_work.cost_per_fte)} per fte, maximaal {plan.community_work.max_fte_total} fte")
        for block, amounts in plan.blocks.items():
            w(f"{block}: " + ", ".join(f"{c} {format_euro(amounts[c])}" for c in plan.columns))
        w("Bestaande dekking: " + ", ".join(f"{c} {format_euro(plan.existing_coverage[c])}" for c in plan.columns))
        a = plan.assessment
        for name in ("co_location_threshold_m", "near_community_house_threshold_m", "min_board_members"):
            p = getattr(a, name)
            marker = " (standaardwaarde, vast te stellen door de gemeente)" if p.is_default else ""
            w(f"{name}: {p.value} {p.unit}{marker}")
        for name in ("response_term_working_days", "hours_per_fte_year"):  # capacity (seed §6 B3, B5)
            p = getattr(plan.capacity, name)
            marker = " (standaardwaarde, vast te stellen door de gemeente)" if p.is_default else ""
            w(f"capacity.{name}: {p.value} {p.unit}{marker}")
