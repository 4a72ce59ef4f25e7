"""Read and validate a policy plan file.

Every problem raises :class:`PlanError` naming the dotted key and the offending value, so that a wrong
figure in the plan stops the system at start-up with a sentence an officer can act on.
"""

from __future__ import annotations

import os
import tomllib
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from ontmoet.policy.schema import (
    COMPARISONS,
    FIXED_AMOUNT_BLOCKS,
    FORMULA_KINDS,
    INITIATOR_GROUPS,
    STRUCTURAL,
    SURVEY_COLUMNS,
    AssessmentParameters,
    BuildingBlock,
    CapacityParameters,
    CapitalChargeDefaults,
    CommunityWork,
    CountedGroups,
    DeHeeg,
    IndicatorTarget,
    InvestmentBand,
    Parameter,
    PlaceCaps,
    PlaceCounts,
    PolicyPlan,
    SubsidyPlan,
    SubsidySchemePlan,
    UncertaintyDefaults,
    UnitAmounts,
    VulnerabilityWeights,
)

PLANS_DIR = Path(__file__).parent / "plans"
DEFAULT_PLAN = "maastricht-2026"
#: The building blocks whose yearly amounts the plan sets directly, as the plan file's keys ("B2", ...).
FIXED_BLOCKS = tuple(block.value for block in FIXED_AMOUNT_BLOCKS)
_MISSING = object()


class PlanError(ValueError):
    """A plan file that cannot be used; ``key`` is the dotted path of the bad entry."""

    def __init__(self, key: str, value: object, problem: str) -> None:
        self.key, self.value, self.problem = key, value, problem
        shown = "(ontbreekt)" if value is _MISSING else repr(value)
        super().__init__(f"plan key '{key}' = {shown}: {problem}")


class _Table:
    """A TOML table with its dotted path; every getter validates and names the key on failure."""

    def __init__(self, data: object, path: str) -> None:
        if not isinstance(data, dict):
            raise PlanError(path, data, "expected a table")
        self.data: dict[str, Any] = data
        self.path = path
        self._used: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def raw(self, name: str, default: object = _MISSING) -> Any:
        self._used.add(name)
        if name not in self.data:
            if default is _MISSING:
                raise PlanError(self.key(name), _MISSING, "required key is missing")
            return default
        return self.data[name]

    def table(self, name: str) -> _Table:
        return _Table(self.raw(name), self.key(name))

    def text(self, name: str, default: object = _MISSING) -> str:
        value = self.raw(name, default)
        if not isinstance(value, str) or not value.strip():
            raise PlanError(self.key(name), value, "expected non-empty text")
        return value

    def whole(self, name: str, *, minimum: int = 0, default: object = _MISSING) -> int:
        value = self.raw(name, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise PlanError(self.key(name), value, "expected a whole number")
        if value < minimum:
            raise PlanError(self.key(name), value, f"must be at least {minimum}")
        return value

    def decimal(self, name: str, *, minimum: Decimal = Decimal(0), default: object = _MISSING) -> Decimal:
        return to_decimal(self.raw(name, default), self.key(name), minimum=minimum)

    def done(self) -> None:
        """Unknown keys are errors: a typo must not silently leave a figure at its old value."""
        unknown = sorted(set(self.data) - self._used)
        if unknown:
            name = unknown[0]
            raise PlanError(self.key(name), self.data[name], "unknown key")


def to_decimal(value: object, key: str, *, minimum: Decimal = Decimal(0)) -> Decimal:
    """Decimals are written as strings ("0.25") or integers in the plan: never binary floats."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise PlanError(key, value, 'expected a number written as text ("0.25") or a whole number')
    try:
        number = Decimal(value)
    except InvalidOperation as exc:
        raise PlanError(key, value, "not a number") from exc
    if not number.is_finite() or number < minimum:
        raise PlanError(key, value, f"must be a finite number of at least {minimum}")
    return number


def _per_column(table: _Table, columns: tuple[str, ...]) -> dict[str, int]:
    amounts = {column: table.whole(column) for column in columns}
    table.done()
    return amounts


def _parameter(table: _Table) -> Parameter:
    status = table.text("status")
    if status not in ("policy", "default"):
        raise PlanError(table.key("status"), status, "must be 'policy' or 'default'")
    parameter = Parameter(
        value=table.decimal("value"),
        unit=table.text("unit"),
        status=status,  # type: ignore[arg-type]  # narrowed by the check above
        source=table.text("source"),
    )
    table.done()
    return parameter


def _share(table: _Table) -> Parameter:
    """A parameter that is a fraction between 0 and 1."""
    parameter = _parameter(table)
    if parameter.value > 1:
        raise PlanError(table.key("value"), str(parameter.value), "must be a fraction between 0 and 1")
    return parameter


def _status(table: _Table) -> str:
    status = table.text("status")
    if status not in ("policy", "default"):
        raise PlanError(table.key("status"), status, "must be 'policy' or 'default'")
    return status


def _capital_charges(table: _Table) -> CapitalChargeDefaults:
    method = table.text("method")
    if method not in ("linear", "annuity"):
        raise PlanError(table.key("method"), method, "must be 'linear' or 'annuity'")
    interest_rate = table.decimal("interest_rate")
    if interest_rate >= 1:
        raise PlanError(table.key("interest_rate"), str(interest_rate), "is a fraction per year, below 1")
    defaults = CapitalChargeDefaults(
        method=method,  # type: ignore[arg-type]  # narrowed by the check above
        term_years=table.whole("term_years", minimum=1),
        interest_rate=interest_rate,
        status=_status(table),  # type: ignore[arg-type]
        source=table.text("source"),
    )
    table.done()
    return defaults


def _uncertainty(table: _Table) -> UncertaintyDefaults:
    low_share = table.decimal("low_share")
    if low_share > 1:
        raise PlanError(table.key("low_share"), str(low_share), "is a share of the plan's count, at most 1")
    defaults = UncertaintyDefaults(
        low_share=low_share,
        draws=table.whole("draws", minimum=1),
        status=_status(table),  # type: ignore[arg-type]
        source=table.text("source"),
    )
    table.done()
    return defaults


def _assessment(table: _Table) -> AssessmentParameters:
    weights_table = table.table("vulnerability_weights")
    status = weights_table.text("status")
    if status not in ("policy", "default"):
        raise PlanError(weights_table.key("status"), status, "must be 'policy' or 'default'")
    source = weights_table.text("source")
    weights = {
        name: weights_table.decimal(name)
        for name in list(weights_table.data)
        if name not in ("status", "source")
    }
    if not weights:
        raise PlanError(weights_table.path, weights_table.data, "needs at least one indicator weight")
    if sum(weights.values()) != 1:
        raise PlanError(weights_table.path, {k: str(v) for k, v in weights.items()}, "weights must add up to 1")
    weights_table.done()
    assessment = AssessmentParameters(
        co_location_threshold_m=_parameter(table.table("co_location_threshold_m")),
        near_community_house_threshold_m=_parameter(table.table("near_community_house_threshold_m")),
        min_board_members=_parameter(table.table("min_board_members")),
        vulnerability_weights=VulnerabilityWeights(status=status, source=source, weights=weights),  # type: ignore[arg-type]
        vulnerability_priority_share=_share(table.table("vulnerability_priority_share")),
        score_vulnerability_share=_share(table.table("score_vulnerability_share")),
        score_attention_points=_share(table.table("score_attention_points")),
    )
    table.done()
    return assessment


def _indicator(name: str, table: _Table) -> IndicatorTarget:
    kind = table.text("kind")
    if kind not in ("effect", "effort"):
        raise PlanError(table.key("kind"), kind, "must be 'effect' or 'effort'")
    target_raw = table.raw("target", None)
    target_year_raw = table.raw("target_year", None)
    baseline_table = _Table(table.raw("baseline", {}), table.key("baseline"))
    baseline: dict[int, Decimal] = {}
    for year in list(baseline_table.data):
        if not year.isdigit():
            raise PlanError(baseline_table.key(year), year, "baseline keys are years")
        baseline[int(year)] = baseline_table.decimal(year)
    baseline_table.done()
    indicator = IndicatorTarget(
        key=name,
        kind=kind,  # type: ignore[arg-type]
        unit=str(table.raw("unit", "")),
        target=None if target_raw is None else to_decimal(target_raw, table.key("target")),
        target_year=None if target_year_raw is None else table.whole("target_year", minimum=2000),
        direction=table.raw("direction", None),
        comparison=table.raw("comparison", None),
        baseline=baseline,
        **_indicator_formula(name, table),
    )
    table.done()
    return indicator


def _texts(table: _Table, name: str) -> tuple[str, ...]:
    value = table.raw(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PlanError(table.key(name), value, "expected a list of texts")
    return tuple(value)


def _flag(table: _Table, name: str, default: bool) -> bool:
    value = table.raw(name, default)
    if not isinstance(value, bool):
        raise PlanError(table.key(name), value, "expected true or false")
    return value


def _scheme(key: str, table: _Table, columns: tuple[str, ...]) -> SubsidySchemePlan:
    distribution = table.text("distribution")
    if distribution not in ("order_of_receipt", "ranking"):
        raise PlanError(table.key("distribution"), distribution, "must be 'order_of_receipt' or 'ranking'")
    rule = table.text("amount_rule")
    if rule not in ("fixed_per_type", "cost_based"):
        raise PlanError(table.key("amount_rule"), rule, "must be 'fixed_per_type' or 'cost_based'")
    block = table.text("block")
    if block not in {b.value for b in BuildingBlock}:
        raise PlanError(table.key("block"), block, "not a building block")
    maximum = table.whole("maximum_amount", minimum=1) if "maximum_amount" in table.data else None
    if rule == "cost_based" and maximum is None:
        raise PlanError(table.key("maximum_amount"), None, "a cost-based scheme needs a maximum amount")
    base_t = table.table("base_ceilings") if "base_ceilings" in table.data else None
    base = {c: base_t.whole(c) for c in columns if c in base_t.data} if base_t else {}
    if base_t:
        base_t.done()
    ranking = _texts(table, "ranking_dates")
    for day in ranking:
        if len(day) != 5 or day[2] != "-" or not (day[:2] + day[3:]).isdigit():
            raise PlanError(table.key("ranking_dates"), day, "expected MM-DD")
    scheme = SubsidySchemePlan(
        key=key, name=table.text("name"), regulation=table.text("regulation"),
        chapter=str(table.raw("chapter", "")), legal_basis=table.text("legal_basis"), block=block,
        distribution=distribution,  # type: ignore[arg-type]  # checked above
        ranking_dates=ranking,
        decision_term_weeks=table.whole("decision_term_weeks", minimum=1),
        supplement_term_days=table.whole("supplement_term_days", minimum=1),
        partial_grants=_flag(table, "partial_grants", False),
        amount_rule=rule,  # type: ignore[arg-type]  # checked above
        maximum_amount=maximum, eligible_types=_texts(table, "eligible_types"),
        required_documents=_texts(table, "required_documents"), activity_types=_texts(table, "activity_types"),
        base_ceilings=base, ceiling_adds_block=_flag(table, "ceiling_adds_block", False),
        status=_status(table),  # type: ignore[arg-type]  # checked by _status
        source=table.text("source"),
    )
    table.done()
    return scheme


def _subsidies(table: _Table, columns: tuple[str, ...]) -> SubsidyPlan:
    schemes_t = table.table("schemes")
    schemes = {name: _scheme(name, schemes_t.table(name), columns) for name in list(schemes_t.data)}
    schemes_t.done()
    plan = SubsidyPlan(objection_term_weeks=table.whole("objection_term_weeks", minimum=1),
                       reminder_days=table.whole("reminder_days", minimum=1),
                       max_upload_bytes=table.whole("max_upload_bytes", minimum=1), schemes=schemes)
    table.done()
    return plan
def _indicator_formula(name: str, table: _Table) -> dict[str, Any]:
    """The keys that say how an indicator is computed; each formula kind needs its own (issue 11, point 3)."""
    formula = str(table.raw("formula", "source_reading"))
    if formula not in FORMULA_KINDS:
        raise PlanError(table.key("formula"), formula, f"must be one of {', '.join(FORMULA_KINDS)}")
    comparison = table.data.get("comparison")
    if comparison is not None and comparison not in COMPARISONS:
        raise PlanError(table.key("comparison"), comparison, f"must be one of {', '.join(COMPARISONS)}")
    values: dict[str, Any] = {"formula": formula}
    for text_key in ("label", "label_en", "explanation", "explanation_en"):
        values[text_key] = str(table.raw(text_key, ""))
    column = str(table.raw("column", ""))
    if formula == "survey_share" and column not in SURVEY_COLUMNS:
        raise PlanError(table.key("column"), column, f"must be one of {', '.join(SURVEY_COLUMNS)}")
    values["column"] = column
    place_type = str(table.raw("place_type", ""))
    counts_raw = table.raw("counts", None)
    if formula == "activity_share":
        if not place_type:
            raise PlanError(table.key("place_type"), place_type, "an activity share names the place type")
        if counts_raw is None:
            raise PlanError(table.key("counts"), None, "an activity share says which initiators count")
    values["place_type"] = place_type
    if counts_raw is not None:
        counts_t = _Table(counts_raw, table.key("counts"))
        groups = counts_t.raw("value")
        if not isinstance(groups, list) or not groups or any(g not in INITIATOR_GROUPS for g in groups):
            raise PlanError(counts_t.key("value"), groups, f"a list of {', '.join(INITIATOR_GROUPS)}")
        values["counts"] = CountedGroups(values=tuple(groups), status=_status(counts_t),  # type: ignore[arg-type]
                                         source=counts_t.text("source"))
        counts_t.done()
    margin_raw = table.raw("margin", None)
    if margin_raw is not None:
        values["margin"] = _parameter(_Table(margin_raw, table.key("margin")))
    return values


def parse_plan(data: dict[str, Any], *, origin: str = "plan") -> PolicyPlan:
    """Validate the parsed TOML of a plan and build the typed plan."""
    root = _Table(data, "")
    meta = root.table("plan")
    years_raw = meta.raw("years")
    if (
        not isinstance(years_raw, list)
        or not years_raw
        or not all(isinstance(y, int) and not isinstance(y, bool) for y in years_raw)
        or years_raw != sorted(set(years_raw))
    ):
        raise PlanError("plan.years", years_raw, "expected a rising list of years")
    years = tuple(years_raw)
    columns = (*(str(y) for y in years), STRUCTURAL)

    places_t = root.table("places")
    explorations = places_t.raw("neighbourhood_house_explorations", [])
    if not isinstance(explorations, list) or not all(isinstance(e, str) for e in explorations):
        raise PlanError(places_t.key("neighbourhood_house_explorations"), explorations, "expected a list of names")
    places = PlaceCaps(
        community_houses_today=places_t.whole("community_houses_today"),
        max_meeting_centres=places_t.whole("max_meeting_centres"),
        max_neighbourhood_houses=places_t.whole("max_neighbourhood_houses"),
        neighbourhood_house_explorations=tuple(explorations),
    )
    places_t.done()

    counts_t = root.table("counts")
    counts: dict[str, PlaceCounts] = {}
    for column in columns:
        t = counts_t.table(column)
        counts[column] = PlaceCounts(
            meeting_centres=t.whole("meeting_centres"),
            neighbourhood_houses=t.whole("neighbourhood_houses"),
        )
        t.done()
        if counts[column].meeting_centres > places.max_meeting_centres:
            raise PlanError(t.key("meeting_centres"), counts[column].meeting_centres,
                            f"exceeds places.max_meeting_centres ({places.max_meeting_centres})")
        if counts[column].neighbourhood_houses > places.max_neighbourhood_houses:
            raise PlanError(t.key("neighbourhood_houses"), counts[column].neighbourhood_houses,
                            f"exceeds places.max_neighbourhood_houses ({places.max_neighbourhood_houses})")
    counts_t.done()

    units_t = root.table("unit_amounts")
    unit_amounts = UnitAmounts(units_t.whole("meeting_centre"), units_t.whole("neighbourhood_house"))
    units_t.done()

    work_t = root.table("community_work")
    community_work = CommunityWork(
        fte_per_place=work_t.decimal("fte_per_place"),
        cost_per_fte=work_t.whole("cost_per_fte"),
        max_fte_total=work_t.decimal("max_fte_total"),
    )
    work_t.done()

    blocks_t = root.table("blocks")
    blocks = {name: _per_column(blocks_t.table(name), columns) for name in FIXED_BLOCKS}
    blocks_t.done()
    existing_coverage = _per_column(root.table("existing_coverage"), columns)

    inv_t = root.table("investments")
    heeg_t = inv_t.table("de_heeg")
    de_heeg = DeHeeg(
        extra_need_min=heeg_t.whole("extra_need_min"),
        extra_need_max=heeg_t.whole("extra_need_max"),
        co_financing_social_domain=heeg_t.whole("co_financing_social_domain"),
    )
    heeg_t.done()
    investments = InvestmentBand(
        band_min=inv_t.whole("band_min"),
        band_max=inv_t.whole("band_max"),
        capital_charges_min=inv_t.whole("capital_charges_min"),
        capital_charges_max=inv_t.whole("capital_charges_max"),
        neighbourhood_houses_with_investment=inv_t.whole("neighbourhood_houses_with_investment"),
        de_heeg=de_heeg,
        vat_rate=inv_t.decimal("vat_rate"),
        capital_charges=_capital_charges(inv_t.table("capital_charges")),
        uncertainty=_uncertainty(inv_t.table("uncertainty")),
    )
    if investments.band_min > investments.band_max:
        raise PlanError("investments.band_min", investments.band_min, "is larger than investments.band_max")
    inv_t.done()

    assessment = _assessment(root.table("assessment"))
    monitoring_t = root.table("monitoring")
    monitoring = {name: _indicator(name, monitoring_t.table(name)) for name in list(monitoring_t.data)}
    monitoring_t.done()
    capacity_t = root.table("capacity")
    capacity = CapacityParameters(
        response_term_working_days=_parameter(capacity_t.table("response_term_working_days")),
        hours_per_fte_year=_parameter(capacity_t.table("hours_per_fte_year")),
    )
    capacity_t.done()

    subsidies = _subsidies(root.table("subsidies"), columns) if "subsidies" in root.data else None
    plan = PolicyPlan(
        id=meta.text("id"),
        version=meta.text("version"),
        title=meta.text("title"),
        source=meta.text("source"),
        years=years,
        places=places,
        counts=counts,
        unit_amounts=unit_amounts,
        community_work=community_work,
        blocks=blocks,
        existing_coverage=existing_coverage,
        investments=investments,
        assessment=assessment,
        monitoring=monitoring,
        capacity=capacity,
        subsidies=subsidies,
    )
    meta.done()
    root.done()
    return plan


def load_plan(path: Path | str) -> PolicyPlan:
    """Read a plan file (TOML); errors name the file, the key and the value."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise PlanError("(file)", str(path), f"not valid TOML: {exc}") from exc
    return parse_plan(data, origin=str(path))


def plan_path(plan_id: str = DEFAULT_PLAN) -> Path:
    return PLANS_DIR / f"{plan_id}.toml"


@cache
def current_plan() -> PolicyPlan:
    """The plan in force: ``ONTMOET_PLAN`` (an id or a path) or the shipped maastricht-2026."""
    chosen = os.environ.get("ONTMOET_PLAN", DEFAULT_PLAN)
    path = Path(chosen) if chosen.endswith(".toml") else plan_path(chosen)
    return load_plan(path)
