"""The vocabulary of the afwegingskader: outcomes, facts, findings and the assessment (domain.md §5).

A finding says what a rule concluded, which facts it used (each with its unit) and why, in a sentence a
resident can read, in Dutch and in English. An assessment bundles the findings with an advice, a score for
ranking and the plan version whose parameters were used, so that a decision can always be traced back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Outcome(StrEnum):
    PASSED = "passed"
    ATTENTION = "attention"
    FAILED = "failed"
    NOT_APPLICABLE = "not_applicable"


class Advice(StrEnum):
    POSITIVE = "positive"
    CONDITIONAL = "conditional"
    NEGATIVE = "negative"


@dataclass(frozen=True)
class Text:
    """A sentence in Dutch (the language of the municipality) and English."""

    nl: str
    en: str

    def get(self, language: str | None) -> str:
        return self.en if (language or "").lower().startswith("en") else self.nl

    def __str__(self) -> str:
        return self.nl


FactValue = str | int | float | bool | None


@dataclass(frozen=True)
class Fact:
    """One fact a rule used: a JSON-safe value, its unit ("m", "%", ...; empty when it has none) and a label."""

    key: str
    value: FactValue
    label: Text
    unit: str = ""


@dataclass(frozen=True)
class Finding:
    rule: str
    outcome: Outcome
    explanation: Text
    facts: tuple[Fact, ...] = ()

    def fact(self, key: str) -> Fact:
        for fact in self.facts:
            if fact.key == key:
                return fact
        raise KeyError(key)

    def values(self) -> dict[str, FactValue]:
        return {fact.key: fact.value for fact in self.facts}

    def units(self) -> dict[str, str]:
        return {fact.key: fact.unit for fact in self.facts if fact.unit}

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "outcome": self.outcome.value,
            "explanation": self.explanation.nl,
            "explanationEn": self.explanation.en,
            "facts": self.values(),
            "units": self.units(),
        }


@dataclass(frozen=True)
class Assessment:
    findings: tuple[Finding, ...]
    advice: Advice
    #: 0–100, higher means more reason to invest here (see engine.score_of); for ranking applications.
    score: Decimal
    plan_id: str
    plan_version: str

    def finding(self, rule: str) -> Finding:
        for finding in self.findings:
            if finding.rule == rule:
                return finding
        raise KeyError(rule)

    def to_dict(self) -> dict[str, Any]:
        """The JSON answer of the API and the CLI."""
        return {
            "advice": self.advice.value,
            "score": float(self.score),
            "plan": {"id": self.plan_id, "version": self.plan_version},
            "findings": [finding.to_dict() for finding in self.findings],
        }


def finding_from_dict(data: Mapping[str, Any]) -> Finding:
    """Rebuild a finding from its stored JSON (labels of facts are not stored, so they repeat the key)."""
    units = data.get("units", {})
    return Finding(
        rule=str(data["rule"]),
        outcome=Outcome(data["outcome"]),
        explanation=Text(nl=str(data["explanation"]), en=str(data.get("explanationEn", data["explanation"]))),
        facts=tuple(Fact(key=k, value=v, label=Text(k, k), unit=units.get(k, "")) for k, v in data["facts"].items()),
    )
