"""Budget scenarios: named overrides of plan parameters, applied with ``dataclasses.replace``.

A scenario file (TOML) or body (JSON) has the plan's own keys, every one optional::

    name = "Minder ontmoetingscentra"
    [counts.2027]
    meeting_centres = 10
    neighbourhood_houses = 3
    [unit_amounts]
    meeting_centre = 62000
    [community_work]
    fte_per_place = 0.25

plus ``[blocks.B2|B4|B5]`` and ``[existing_coverage]`` per column and ``[capital_charges]`` (method, term_years,
interest_rate). Unknown keys are an error that names the key: a typo must never leave a figure at the plan's value.
Costs that hang together move together because B1 and B3 are computed from the counts (seed §5: "als er
bijvoorbeeld minder ontmoetingscentra worden gerealiseerd ... is er ook minder inzet van het opbouwwerk nodig").
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from ontmoet.domain.budget.capital import METHODS
from ontmoet.policy.loader import FIXED_BLOCKS
from ontmoet.policy.schema import CommunityWork, PolicyPlan

#: Error codes of :class:`ScenarioError` (the Django layer words them in Dutch).
UNKNOWN_KEY = "unknown_key"
EXPECTED_TABLE = "expected_table"
EXPECTED_WHOLE = "expected_whole"
EXPECTED_NUMBER = "expected_number"
EXPECTED_TEXT = "expected_text"
OUT_OF_RANGE = "out_of_range"
BAD_CHOICE = "bad_choice"
TOO_PRECISE = "too_precise"
NOT_TOML = "not_toml"

#: Sanity limits: a scenario explores the policy, it does not describe a different city.
MAX_COUNT = 1000
MAX_AMOUNT = 10_000_000_000
MAX_FTE_PER_PLACE = Decimal(10)
MAX_FTE_TOTAL = Decimal(10_000)
MAX_TERM_YEARS = 100
MAX_DECIMAL_PLACES = 6
MAX_NAME = 200
MAX_DESCRIPTION = 2000

COUNT_FIELDS = ("meeting_centres", "neighbourhood_houses")
UNIT_FIELDS = ("meeting_centre", "neighbourhood_house")
TOP_KEYS = ("name", "description", "counts", "unit_amounts", "community_work", "blocks", "existing_coverage",
            "capital_charges")


class ScenarioError(ValueError):
    """A scenario that cannot be used. ``key`` is the dotted path of the bad entry, ``code`` what is wrong."""

    def __init__(self, key: str, value: object, code: str, **params: object) -> None:
        self.key, self.value, self.code, self.params = key, value, code, params
        detail = ", ".join(f"{k}={v}" for k, v in params.items())
        super().__init__(f"scenario key '{key}' = {value!r}: {code}{f' ({detail})' if detail else ''}")


@dataclass(frozen=True)
class Scenario:
    """Overrides of plan parameters. Only the keys present override; an empty scenario is the plan itself."""

    name: str = ""
    description: str = ""
    counts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    unit_amounts: Mapping[str, int] = field(default_factory=dict)
    community_work: Mapping[str, Decimal | int] = field(default_factory=dict)
    blocks: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    existing_coverage: Mapping[str, int] = field(default_factory=dict)
    capital_charges: Mapping[str, Any] = field(default_factory=dict)

    def to_data(self) -> dict[str, Any]:
        """The scenario as plain data (JSON-safe; decimals as text), with only the keys it overrides."""
        data: dict[str, Any] = {}
        if self.name:
            data["name"] = self.name
        if self.description:
            data["description"] = self.description
        for key in ("counts", "unit_amounts", "community_work", "blocks", "existing_coverage", "capital_charges"):
            value = getattr(self, key)
            if value:
                data[key] = _plain(value)
        return data

    @property
    def overrides_nothing(self) -> bool:
        return not any((self.counts, self.unit_amounts, self.community_work, self.blocks, self.existing_coverage,
                        self.capital_charges))


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, Decimal):
        return str(value)
    return value


# --- parsing -------------------------------------------------------------------------------------------------


def _table(value: object, key: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ScenarioError(key, value, EXPECTED_TABLE)
    return value


def _only(table: Mapping[str, Any], allowed: tuple[str, ...], path: str) -> None:
    for name in table:
        if name not in allowed:
            raise ScenarioError(f"{path}.{name}" if path else str(name), table[name], UNKNOWN_KEY,
                                allowed=", ".join(allowed))


def _whole(value: object, key: str, *, minimum: int = 0, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScenarioError(key, value, EXPECTED_WHOLE)
    if not minimum <= value <= maximum:
        raise ScenarioError(key, value, OUT_OF_RANGE, minimum=minimum, maximum=maximum)
    return value


def _decimal(value: object, key: str, *, maximum: Decimal, below_maximum: bool = False) -> Decimal:
    """A decimal figure; a TOML/JSON float is read through its text ("0.25"), never as a binary fraction."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise ScenarioError(key, value, EXPECTED_NUMBER)
    if isinstance(value, float) and not math.isfinite(value):
        raise ScenarioError(key, value, EXPECTED_NUMBER)
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise ScenarioError(key, value, EXPECTED_NUMBER) from exc
    if not number.is_finite():
        raise ScenarioError(key, value, EXPECTED_NUMBER)
    if number < 0 or number > maximum or (below_maximum and number == maximum):
        raise ScenarioError(key, value, OUT_OF_RANGE, minimum=0, maximum=maximum)
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_DECIMAL_PLACES:
        raise ScenarioError(key, value, TOO_PRECISE, places=MAX_DECIMAL_PLACES)
    return number.normalize() if number != number.to_integral_value() else number.quantize(Decimal(1))


def _text(value: object, key: str, maximum: int) -> str:
    if not isinstance(value, str):
        raise ScenarioError(key, value, EXPECTED_TEXT)
    if len(value) > maximum:
        raise ScenarioError(key, value[:40], OUT_OF_RANGE, minimum=0, maximum=maximum)
    return value.strip()


def _per_column(value: object, path: str, columns: tuple[str, ...]) -> dict[str, int]:
    table = _table(value, path)
    _only(table, columns, path)
    return {column: _whole(table[column], f"{path}.{column}", maximum=MAX_AMOUNT)
            for column in columns if column in table}


def parse_scenario(data: Mapping[str, Any], plan: PolicyPlan) -> Scenario:
    """Validate scenario data (parsed TOML or JSON) against the plan's columns and build a :class:`Scenario`."""
    root = _table(data, "")
    _only(root, TOP_KEYS, "")
    columns = plan.columns

    counts: dict[str, dict[str, int]] = {}
    if "counts" in root:
        counts_t = _table(root["counts"], "counts")
        _only(counts_t, columns, "counts")
        for column in columns:
            if column not in counts_t:
                continue
            path = f"counts.{column}"
            row = _table(counts_t[column], path)
            _only(row, COUNT_FIELDS, path)
            counts[column] = {name: _whole(row[name], f"{path}.{name}", maximum=MAX_COUNT)
                              for name in COUNT_FIELDS if name in row}

    unit_amounts: dict[str, int] = {}
    if "unit_amounts" in root:
        units_t = _table(root["unit_amounts"], "unit_amounts")
        _only(units_t, UNIT_FIELDS, "unit_amounts")
        unit_amounts = {name: _whole(units_t[name], f"unit_amounts.{name}", maximum=MAX_AMOUNT)
                        for name in UNIT_FIELDS if name in units_t}

    community_work: dict[str, Decimal | int] = {}
    if "community_work" in root:
        work_t = _table(root["community_work"], "community_work")
        _only(work_t, ("fte_per_place", "cost_per_fte", "max_fte_total"), "community_work")
        if "fte_per_place" in work_t:
            community_work["fte_per_place"] = _decimal(work_t["fte_per_place"], "community_work.fte_per_place",
                                                       maximum=MAX_FTE_PER_PLACE)
        if "cost_per_fte" in work_t:
            community_work["cost_per_fte"] = _whole(work_t["cost_per_fte"], "community_work.cost_per_fte",
                                                    maximum=MAX_AMOUNT)
        if "max_fte_total" in work_t:
            community_work["max_fte_total"] = _decimal(work_t["max_fte_total"], "community_work.max_fte_total",
                                                       maximum=MAX_FTE_TOTAL)

    blocks: dict[str, dict[str, int]] = {}
    if "blocks" in root:
        blocks_t = _table(root["blocks"], "blocks")
        _only(blocks_t, FIXED_BLOCKS, "blocks")
        blocks = {name: _per_column(blocks_t[name], f"blocks.{name}", columns)
                  for name in FIXED_BLOCKS if name in blocks_t}

    coverage = _per_column(root["existing_coverage"], "existing_coverage", columns) \
        if "existing_coverage" in root else {}

    capital: dict[str, Any] = {}
    if "capital_charges" in root:
        cap_t = _table(root["capital_charges"], "capital_charges")
        _only(cap_t, ("method", "term_years", "interest_rate"), "capital_charges")
        if "method" in cap_t:
            if cap_t["method"] not in METHODS:
                raise ScenarioError("capital_charges.method", cap_t["method"], BAD_CHOICE, choices=", ".join(METHODS))
            capital["method"] = cap_t["method"]
        if "term_years" in cap_t:
            capital["term_years"] = _whole(cap_t["term_years"], "capital_charges.term_years", minimum=1,
                                           maximum=MAX_TERM_YEARS)
        if "interest_rate" in cap_t:
            capital["interest_rate"] = _decimal(cap_t["interest_rate"], "capital_charges.interest_rate",
                                                maximum=Decimal(1), below_maximum=True)

    return Scenario(
        name=_text(root["name"], "name", MAX_NAME) if "name" in root else "",
        description=_text(root["description"], "description", MAX_DESCRIPTION) if "description" in root else "",
        counts=counts,
        unit_amounts=unit_amounts,
        community_work=community_work,
        blocks=blocks,
        existing_coverage=coverage,
        capital_charges=capital,
    )


def parse_scenario_toml(text: str, plan: PolicyPlan) -> Scenario:
    """A scenario file for the command line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError("(bestand)", str(exc), NOT_TOML) from exc
    return parse_scenario(data, plan)


# --- applying ------------------------------------------------------------------------------------------------


def apply_scenario(plan: PolicyPlan, scenario: Scenario) -> PolicyPlan:
    """A new plan with the scenario's overrides; the published plan is left as it is."""
    counts = dict(plan.counts)
    for column, fields in scenario.counts.items():
        counts[column] = replace(counts[column], **fields)
    blocks = {name: {**amounts, **scenario.blocks.get(name, {})} for name, amounts in plan.blocks.items()}
    capital = plan.investments.capital_charges
    if scenario.capital_charges:
        capital = replace(capital, **scenario.capital_charges)
    return replace(
        plan,
        counts=counts,
        unit_amounts=replace(plan.unit_amounts, **scenario.unit_amounts),
        community_work=_community_work(plan, scenario),
        blocks=blocks,
        existing_coverage={**plan.existing_coverage, **scenario.existing_coverage},
        investments=replace(plan.investments, capital_charges=capital),
    )


def _community_work(plan: PolicyPlan, scenario: Scenario) -> CommunityWork:
    work, given = plan.community_work, scenario.community_work
    return CommunityWork(
        fte_per_place=Decimal(given.get("fte_per_place", work.fte_per_place)),
        cost_per_fte=int(given.get("cost_per_fte", work.cost_per_fte)),
        max_fte_total=Decimal(given.get("max_fte_total", work.max_fte_total)),
    )


def scenario_between(plan: PolicyPlan, changed: PolicyPlan, *, name: str = "", description: str = "") -> Scenario:
    """The smallest scenario that turns ``plan`` into ``changed`` (what a form saves: only what differs)."""
    counts: dict[str, dict[str, int]] = {}
    for column in plan.columns:
        diff = {name_: getattr(changed.counts[column], name_) for name_ in COUNT_FIELDS
                if getattr(changed.counts[column], name_) != getattr(plan.counts[column], name_)}
        if diff:
            counts[column] = diff
    units = {name_: getattr(changed.unit_amounts, name_) for name_ in UNIT_FIELDS
             if getattr(changed.unit_amounts, name_) != getattr(plan.unit_amounts, name_)}
    work: dict[str, Decimal | int] = {
        name_: getattr(changed.community_work, name_) for name_ in ("fte_per_place", "cost_per_fte", "max_fte_total")
        if getattr(changed.community_work, name_) != getattr(plan.community_work, name_)}
    blocks = {block: {c: v for c, v in amounts.items() if v != plan.blocks[block][c]}
              for block, amounts in changed.blocks.items()}
    coverage = {c: v for c, v in changed.existing_coverage.items() if v != plan.existing_coverage[c]}
    old, new = plan.investments.capital_charges, changed.investments.capital_charges
    capital = {name_: getattr(new, name_) for name_ in ("method", "term_years", "interest_rate")
               if getattr(new, name_) != getattr(old, name_)}
    return Scenario(
        name=name, description=description, counts=counts, unit_amounts=units, community_work=work,
        blocks={b: a for b, a in blocks.items() if a}, existing_coverage=coverage, capital_charges=capital,
    )


# --- writing a scenario file ---------------------------------------------------------------------------------


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return f'"{value}"'
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def scenario_to_toml(scenario: Scenario) -> str:
    """The scenario as a file for ``ontmoet budget --scenario``; reading it back gives the same scenario."""
    lines: list[str] = []
    if scenario.name:
        lines.append(f"name = {_toml_value(scenario.name)}")
    if scenario.description:
        lines.append(f"description = {_toml_value(scenario.description)}")

    def table(header: str, values: Mapping[str, Any]) -> None:
        if values:
            lines.append("")
            lines.append(f"[{header}]")
            lines.extend(f'"{k}" = {_toml_value(v)}' if k[:1].isdigit() else f"{k} = {_toml_value(v)}"
                         for k, v in values.items())

    for column, fields in scenario.counts.items():
        table(f'counts."{column}"' if column[:1].isdigit() else f"counts.{column}", fields)
    table("unit_amounts", scenario.unit_amounts)
    table("community_work", scenario.community_work)
    for block, amounts in scenario.blocks.items():
        table(f"blocks.{block}", amounts)
    table("existing_coverage", scenario.existing_coverage)
    table("capital_charges", scenario.capital_charges)
    return "\n".join(lines).lstrip("\n") + "\n"

