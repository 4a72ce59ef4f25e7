"""Domain objects of the afwegingskader in the shape a template shows, in the active language."""

from __future__ import annotations

from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ontmoet.assessment.models import Advice
from ontmoet.core.plan import policy_plan
from ontmoet.domain.assessment import Assessment, Fact, Finding, Outcome, Rule

OUTCOME_CSS = {
    Outcome.PASSED: "success",
    Outcome.ATTENTION: "warning",
    Outcome.FAILED: "error",
    Outcome.NOT_APPLICABLE: "info",
}
ADVICE_CSS = {"positive": "success", "conditional": "warning", "negative": "error"}


def outcome_label(outcome: Outcome) -> str:
    return {
        Outcome.PASSED: _("Voldaan"),
        Outcome.ATTENTION: _("Aandacht"),
        Outcome.FAILED: _("Niet voldaan"),
        Outcome.NOT_APPLICABLE: _("Niet van toepassing"),
    }[outcome]


def fact_value(fact: Fact) -> str:
    value = fact.value
    if value is None:
        return _("onbekend")
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, float | int):
        # Measured values are grouped (1.000 m); counts, ranks, years and ids are not (2024, not 2.024).
        if fact.unit or isinstance(value, float):
            text = number_format(value, use_l10n=True, force_grouping=bool(fact.unit))
        else:
            text = str(value)
        return f"{text}{fact.unit}" if fact.unit == "%" else f"{text} {fact.unit}".strip()
    if fact.key == "nearest_place_type" or fact.key == "building_owner":
        return _label_of_code(str(value))
    return str(value)


def _label_of_code(code: str) -> str:
    from ontmoet.places.types import OwnerKind, PlaceType

    for choices in (PlaceType, OwnerKind):
        if code in choices.values:
            return str(choices(code).label)
    return code


def finding_view(finding: Finding, rule: Rule | None, language: str) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "title": rule.title.get(language) if rule else finding.rule,
        "outcome": finding.outcome.value,
        "outcome_label": outcome_label(finding.outcome),
        "css": OUTCOME_CSS[finding.outcome],
        "explanation": finding.explanation.get(language),
        "facts": [{"key": f.key, "label": f.label.get(language), "value": fact_value(f)} for f in finding.facts],
    }


def assessment_view(assessment: Assessment, language: str) -> dict[str, Any]:

    from ontmoet.domain.assessment import framework_rules

    rules = {rule.id: rule for rule in framework_rules(policy_plan().assessment)}
    return {
        "advice": assessment.advice.value,
        "advice_label": str(Advice(assessment.advice.value).label),
        "advice_css": ADVICE_CSS[assessment.advice.value],
        "score": assessment.score,
        "plan_id": assessment.plan_id,
        "plan_version": assessment.plan_version,
        "findings": [finding_view(f, rules.get(f.rule), language) for f in assessment.findings],
    }


def parameter_rows(rule: Rule, language: str) -> list[dict[str, Any]]:
    return [{"key": p.key, "label": p.label.get(language), "value": p.value, "unit": p.unit,
             "is_default": p.is_default, "source": p.source} for p in rule.parameters()]


def rule_summary(rule: Rule, language: str) -> dict[str, Any]:
    return {
        "id": rule.id,
        "title": rule.title.get(language),
        "seed_paragraph": rule.seed_paragraph.get(language),
        "seed_quote": rule.seed_quote,
        "checks": rule.checks.get(language),
        "parameters": parameter_rows(rule, language),
    }
