"""``ontmoet budget [--scenario FILE] [--format table|csv|json|xlsx] [--out FILE]``: the financial framework.

With the shipped plan and no investments entered, the output is the council's table (seed §5). A scenario file
(TOML) overrides plan parameters; an unknown key stops the command with the key named.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from ontmoet.core.plan import policy_plan
from ontmoet.domain.budget import ScenarioError, apply_scenario, parse_scenario_toml
from ontmoet.finance import exports
from ontmoet.finance.errors import scenario_error_message, warning_message
from ontmoet.finance.selectors import budget_get, investments


class Command(BaseCommand):
    help = "Het financieel kader van het beleidsplan (seed §5), eventueel met een scenario."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scenario", metavar="FILE", help="scenariobestand (TOML) met afwijkingen van het plan")
        parser.add_argument("--format", choices=exports.FORMATS, default="table", help="uitvoer (standaard: table)")
        parser.add_argument("--out", metavar="FILE", help="schrijf naar dit bestand in plaats van naar stdout")
        parser.add_argument("--plan-only", action="store_true",
                            help="zonder de ingevoerde investeringsprojecten (kapitaallasten blijven PM)")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = policy_plan()
        spec = None
        if options["scenario"]:
            path = Path(options["scenario"])
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise CommandError(_("Kan het scenariobestand niet lezen: %(path)s (%(problem)s)")
                                   % {"path": path, "problem": exc.strerror}) from exc
            try:
                spec = parse_scenario_toml(text, plan)
            except ScenarioError as error:
                raise CommandError(f"{path}: {scenario_error_message(error)}") from error
            plan = apply_scenario(plan, spec)
        with_projects = not options["plan_only"]
        budget = budget_get(scenario=spec, with_projects=with_projects)
        for warning in budget.warnings:
            self.stderr.write(self.style.WARNING(warning_message(warning)))

        fmt = options["format"]
        out = options["out"]
        if fmt == "xlsx":
            if not out:
                raise CommandError(_("Geef met --out een bestandsnaam voor het Excel-bestand."))
            content = exports.budget_xlsx(plan, budget, investments() if with_projects else ())
            Path(out).write_bytes(content)
            self.stderr.write(_("Geschreven: %(path)s") % {"path": out})
            return
        if fmt == "json":
            text = json.dumps(exports.budget_json(budget), ensure_ascii=False, indent=2) + "\n"
        elif fmt == "csv":
            text = exports.budget_csv(budget)
        else:
            text = exports.budget_table(budget)
        if out:
            Path(out).write_text(text, encoding="utf-8")
            self.stderr.write(_("Geschreven: %(path)s") % {"path": out})
        else:
            self.stdout.write(text, ending="")
