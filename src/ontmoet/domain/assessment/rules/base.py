"""What every rule of the afwegingskader is: an id, bilingual titles, the seed's words, parameters, evaluate()."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from ontmoet.domain.assessment.facts import AssessmentFacts
from ontmoet.domain.assessment.model import Fact, FactValue, Finding, Outcome, Text
from ontmoet.policy.schema import AssessmentParameters, Parameter

DEFAULT_MARK = Text("standaardwaarde, vast te stellen door de gemeente", "default, to be set by the municipality")


@dataclass(frozen=True)
class RuleParameter:
    """A plan parameter as a rule page shows it: value, unit, whether it is a default, and its source."""

    key: str  # dotted key in the plan file
    label: Text
    value: Decimal
    unit: str
    status: str
    source: str

    @property
    def is_default(self) -> bool:
        return self.status == "default"

    @classmethod
    def of(cls, key: str, label: Text, parameter: Parameter) -> RuleParameter:
        return cls(key=key, label=label, value=parameter.value, unit=parameter.unit, status=parameter.status,
                   source=parameter.source)


def fact(key: str, value: FactValue, nl: str, en: str, unit: str = "") -> Fact:
    return Fact(key=key, value=value, label=Text(nl, en), unit=unit)


def plain_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


class Rule(ABC):
    """A rule of the afwegingskader."""

    id: ClassVar[str]
    title: ClassVar[Text]
    seed_paragraph: ClassVar[Text]
    #: The seed's own words (Dutch), quoted on the rule page.
    seed_quote: ClassVar[str]
    #: What the rule checks, in plain language.
    checks: ClassVar[Text]

    def __init__(self, params: AssessmentParameters) -> None:
        self.params = params

    def parameters(self) -> tuple[RuleParameter, ...]:
        return ()

    @abstractmethod
    def evaluate(self, facts: AssessmentFacts) -> Finding:
        """The finding of this rule on ``facts``."""

    def finding(self, outcome: Outcome, nl: str, en: str, facts: Sequence[Fact] = ()) -> Finding:
        return Finding(rule=self.id, outcome=outcome, explanation=Text(nl, en), facts=tuple(facts))
