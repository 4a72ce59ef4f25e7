"""ontmoet assess --type TYPE --lat LAT --lon LON [--format json]: what does the afwegingskader say?"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ontmoet.assessment.evaluation import AssessmentRequest, assessment_run
from ontmoet.domain.assessment import KIND_LABELS
from ontmoet.domain.numbers import NumberFormatError, parse_number
from ontmoet.domain.register import PlaceKind
from ontmoet.places.importing import type_from_text

OUTCOME_LABELS = {"passed": "voldaan", "attention": "aandacht", "failed": "niet voldaan",
                  "not_applicable": "niet van toepassing"}
ADVICE_LABELS = {"positive": "positief", "conditional": "positief onder voorwaarden", "negative": "negatief"}


def _coordinate(value: str) -> Decimal:
    try:
        return parse_number(value, grouping=False)
    except NumberFormatError as exc:
        raise CommandError(f"Geen getal: {value}") from exc


def _place_type(text: str) -> str:
    """The same type names as the register import: code, Dutch or English name (``Huiskamer``, ``oc``)."""
    kind = type_from_text(text)
    if kind is None:
        raise argparse.ArgumentTypeError(
            f"onbekend type '{text}'; kies uit: " + ", ".join(k.value for k in PlaceKind))
    return kind


class Command(BaseCommand):
    help = "Toets een (nieuwe) plek aan het afwegingskader: een punt of een buurt, en een type."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--type", required=True, type=_place_type, metavar="TYPE",
                            help="type van de plek, als code of naam: " + ", ".join(k.value for k in PlaceKind))
        parser.add_argument("--lat", type=str, help="breedtegraad (WGS84), bv. 50.8488")
        parser.add_argument("--lon", type=str, help="lengtegraad (WGS84), bv. 5.6887")
        parser.add_argument("--buurt", help="CBS-buurtcode in plaats van coördinaten (labelpunt van de buurt)")
        parser.add_argument("--weighty-reason", default="", help="vastgelegde zwaarwegende reden")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        request = AssessmentRequest(
            type=options["type"],
            latitude=_coordinate(options["lat"]) if options["lat"] is not None else None,
            longitude=_coordinate(options["lon"]) if options["lon"] is not None else None,
            neighbourhood_code=options["buurt"],
            weighty_reason=options["weighty_reason"],
        )
        try:
            assessment, subject = assessment_run(request=request)
        except ValidationError as exc:
            raise CommandError(" ".join(str(m) for messages in exc.message_dict.values() for m in messages)) from exc
        if options["format"] == "json":
            self.stdout.write(json.dumps(assessment.to_dict(), ensure_ascii=False, indent=2))
            return
        buurt = f"{subject.neighbourhood.name} ({subject.neighbourhood.code})" if subject.neighbourhood else "-"
        self.stdout.write(f"Afwegingskader ({assessment.plan_id}, versie {assessment.plan_version})")
        self.stdout.write(f"Plek: {KIND_LABELS[subject.kind].nl} op {subject.latitude:.6f}, {subject.longitude:.6f}; "
                          f"buurt {buurt}")
        self.stdout.write(f"Advies: {ADVICE_LABELS[assessment.advice.value]} — score {assessment.score}")
        for finding in assessment.findings:
            self.stdout.write(f"- {finding.rule}: {OUTCOME_LABELS[finding.outcome.value]}. {finding.explanation.nl}")
