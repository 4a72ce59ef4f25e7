"""Retention rules (retention.toml beside this module, or the file named by the RETENTION_RULES_FILE setting):
read and checked once, with an error that names the rule and key (docs/decisions/0703)."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CASES = {"subsidy_application": ("settlement", "decision", "last_change"), "initiative": ("received",)}
DEFAULT_FILE = Path(__file__).with_name("retention.toml")


class RetentionError(ValueError):
    """A retention file that cannot be used; the message names the rule and the key."""


@dataclass(frozen=True)
class RetentionRule:
    key: str
    case: str
    results: tuple[str, ...]
    anchor: str
    years: int
    days: int
    selectielijst: str

    def destroy_on(self, anchor: dt.date) -> dt.date:
        """The first day on which a case anchored on ``anchor`` may be destroyed."""
        if self.years:
            try:
                anchor = anchor.replace(year=anchor.year + self.years)
            except ValueError:  # 29 February in a year without it
                anchor = anchor.replace(year=anchor.year + self.years, day=28)
        return anchor + dt.timedelta(days=self.days)


def parse_rules(text: str, *, source: str = "retention.toml") -> tuple[RetentionRule, ...]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RetentionError(f"{source}: {exc}") from exc
    rules = []
    seen: set[tuple[str, str]] = set()
    for index, raw in enumerate(data.get("rule", [])):
        where = f"{source}: rule[{index}]"
        try:
            rule = RetentionRule(key=str(raw["key"]), case=str(raw["case"]),
                                 results=tuple(str(r) for r in raw.get("results", [])), anchor=str(raw["anchor"]),
                                 years=int(raw.get("years", 0)), days=int(raw.get("days", 0)),
                                 selectielijst=str(raw["selectielijst"]))
        except KeyError as exc:
            raise RetentionError(f"{where}.{exc.args[0]} ontbreekt") from exc
        except (TypeError, ValueError) as exc:
            raise RetentionError(f"{where}: {exc}") from exc
        if rule.case not in CASES:
            raise RetentionError(f"{where}.case = {rule.case!r}: kies uit {', '.join(CASES)}")
        if rule.anchor not in CASES[rule.case]:
            raise RetentionError(f"{where}.anchor = {rule.anchor!r}: kies uit {', '.join(CASES[rule.case])}")
        if rule.years < 0 or rule.days < 0 or rule.years + rule.days == 0:
            raise RetentionError(f"{where}: years of days moet positief zijn")
        for result in rule.results or ("",):
            if (rule.case, result) in seen:
                raise RetentionError(f"{where}.results: {result!r} heeft al een regel")
            seen.add((rule.case, result))
        rules.append(rule)
    return tuple(rules)


@cache
def _rules_from(path: str) -> tuple[RetentionRule, ...]:
    return parse_rules(Path(path).read_text(encoding="utf-8"), source=path)


def retention_rules() -> tuple[RetentionRule, ...]:
    from django.conf import settings

    return _rules_from(str(getattr(settings, "RETENTION_RULES_FILE", DEFAULT_FILE)))
