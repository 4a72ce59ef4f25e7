"""Typed shape of a policy plan file (see plans/maastricht-2026.toml).

The dataclasses are frozen: a plan is read once and never changed in memory. A budget scenario is a new
plan made with ``dataclasses.replace``; the original stays as published.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Literal

#: Column keys of the multi-year framework: the plan years as text, then "structural" (seed §5 "Structureel").
STRUCTURAL = "structural"

ParameterStatus = Literal["policy", "default"]


class BuildingBlock(StrEnum):
    """The five building blocks (bouwstenen) of seed §1.6 / §5: the one definition in Ontmoet (the domain core
    re-exports it as ``ontmoet.domain.blocks``; labels for the interface are in ``ontmoet.core.blocks``)."""

    EXPLOITATION = "B1"  # Exploitatiesubsidie OC / HvdW
    MODERNISATION = "B2"  # Aantrekkelijk en functioneel maken (modernisering)
    COMMUNITY_WORK = "B3"  # Extra inzet welzijnswerk (opbouwwerk, Trajekt)
    SMALL_SCALE = "B4"  # Kleinschalige ontmoetingsplekken (Kracht van de Samenleving)
    BOARD_SUPPORT = "B5"  # Ondersteuning van de besturen


#: The blocks whose yearly amounts the plan sets directly; B1 and B3 are computed from unit parameters.
FIXED_AMOUNT_BLOCKS = (BuildingBlock.MODERNISATION, BuildingBlock.SMALL_SCALE, BuildingBlock.BOARD_SUPPORT)


class SourcedFigure:
    """Mixin of plan entries that carry a status: "default" means the seed leaves the figure open."""

    status: ParameterStatus

    @property
    def is_default(self) -> bool:
        return self.status == "default"


@dataclass(frozen=True)
class Parameter(SourcedFigure):
    """A figure with its source. ``status == "default"`` means the seed leaves it open and the UI says so."""

    value: Decimal
    unit: str
    status: ParameterStatus
    source: str


@dataclass(frozen=True)
class PlaceCounts:
    meeting_centres: int
    neighbourhood_houses: int

    @property
    def total(self) -> int:
        return self.meeting_centres + self.neighbourhood_houses


@dataclass(frozen=True)
class PlaceCaps:
    community_houses_today: int
    max_meeting_centres: int
    max_neighbourhood_houses: int
    neighbourhood_house_explorations: tuple[str, ...]


@dataclass(frozen=True)
class UnitAmounts:
    meeting_centre: int
    neighbourhood_house: int


@dataclass(frozen=True)
class CommunityWork:
    fte_per_place: Decimal
    cost_per_fte: int
    max_fte_total: Decimal


@dataclass(frozen=True)
class DeHeeg:
    extra_need_min: int
    extra_need_max: int
    co_financing_social_domain: int


CapitalMethod = Literal["linear", "annuity"]


@dataclass(frozen=True)
class CapitalChargeDefaults(SourcedFigure):
    """How an investment becomes yearly capital charges when a project does not say (seed-silent: a default)."""

    method: CapitalMethod
    term_years: int
    interest_rate: Decimal
    status: ParameterStatus
    source: str


@dataclass(frozen=True)
class UncertaintyDefaults(SourcedFigure):
    """Starting ranges of the uncertainty band: each year's count is drawn between ``low_share`` × the plan's
    count and the plan's count (the plan's counts are the "if all are realised" case, seed §5)."""

    low_share: Decimal
    draws: int
    status: ParameterStatus
    source: str


@dataclass(frozen=True)
class InvestmentBand:
    band_min: int
    band_max: int
    capital_charges_min: int
    capital_charges_max: int
    neighbourhood_houses_with_investment: int
    de_heeg: DeHeeg
    vat_rate: Decimal
    capital_charges: CapitalChargeDefaults
    uncertainty: UncertaintyDefaults


@dataclass(frozen=True)
class VulnerabilityWeights(SourcedFigure):
    status: ParameterStatus
    source: str
    weights: dict[str, Decimal]


@dataclass(frozen=True)
class AssessmentParameters:
    co_location_threshold_m: Parameter
    near_community_house_threshold_m: Parameter
    min_board_members: Parameter
    vulnerability_weights: VulnerabilityWeights
    #: Share of buurten (most vulnerable first) whose places get priority under "ongelijk investeren".
    vulnerability_priority_share: Parameter
    #: Share of the ranking score that comes from the buurt's vulnerability; the rest from the other rules.
    score_vulnerability_share: Parameter
    #: What a finding "attention" counts for in the ranking score (passed counts 1, failed 0).
    score_attention_points: Parameter


@dataclass(frozen=True)
class CapacityParameters:
    """Seed-silent figures of the support structure (B3 hours, B5 response term); the caps are elsewhere."""

    #: Working days within which a board's support request should be taken up ("vraaggericht", §6 B5).
    response_term_working_days: Parameter
    #: Hours one fte of community work gives in a year (allocated fte against registered hours).
    hours_per_fte_year: Parameter


IndicatorKind = Literal["effect", "effort"]


@dataclass(frozen=True)
class IndicatorTarget:
    key: str
    kind: IndicatorKind
    unit: str = ""
    target: Decimal | None = None
    target_year: int | None = None
    direction: str | None = None
    comparison: str | None = None
    baseline: dict[int, Decimal] = field(default_factory=dict)
    # How the indicator is computed (issue 11; the data team may add indicators of a supported formula kind).
    formula: str = ""
    label: str = ""
    label_en: str = ""
    explanation: str = ""
    explanation_en: str = ""
    #: survey_share: the survey column whose respondent-weighted mean over the buurten is the city value.
    column: str = ""
    #: activity_share: the place type on the activity's date, and who counts as the indicator's group.
    place_type: str = ""
    counts: CountedGroups | None = None
    #: Below the target by at most this much (in the indicator's unit) at the target year is "at risk".
    margin: Parameter | None = None

    @property
    def comparison_rule(self) -> str:
        """at_least (a target to reach), increase (must rise), done_by (an effort by its year), ongoing."""
        if self.comparison:
            return self.comparison
        if self.direction == "increase":
            return "increase"
        if self.kind == "effort":
            return "done_by" if self.target_year is not None else "ongoing"
        return "at_least"


#: The formula kinds an indicator of the plan may use (ontmoet.domain.monitoring computes each).
FORMULA_KINDS = ("survey_share", "activity_share", "source_reading")
#: The columns of an imported survey (issue 11, point 2) that a survey_share indicator may name.
SURVEY_COLUMNS = ("enough_contacts_pct", "visited_meeting_place_pct", "lonely_pct")
#: Who may initiate or organise an activity (ontmoet.domain.activities.Initiator).
INITIATOR_GROUPS = ("residents", "board", "professional", "organisation")
COMPARISONS = ("at_least", "at_most", "increase", "decrease", "done_by", "ongoing")


@dataclass(frozen=True)
class CountedGroups(SourcedFigure):
    """Which initiators count for an activity share (seed §6 names residents; the rest is the data team's)."""

    values: tuple[str, ...]
    status: ParameterStatus
    source: str


@dataclass(frozen=True)
class PolicyPlan:
    id: str
    version: str
    title: str
    source: str
    years: tuple[int, ...]
    places: PlaceCaps
    counts: dict[str, PlaceCounts]
    unit_amounts: UnitAmounts
    community_work: CommunityWork
    blocks: dict[str, dict[str, int]]
    existing_coverage: dict[str, int]
    investments: InvestmentBand
    assessment: AssessmentParameters
    monitoring: dict[str, IndicatorTarget]
    capacity: CapacityParameters
    subsidies: SubsidyPlan | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns of the framework: each plan year, then "structural"."""
        return (*(str(y) for y in self.years), STRUCTURAL)


# --- subsidies (Awb title 4.2; domain.md §6) ---------------------------------------------------------------------

SchemeDistribution = Literal["order_of_receipt", "ranking"]
SchemeAmountRule = Literal["fixed_per_type", "cost_based"]


@dataclass(frozen=True)
class SubsidySchemePlan(SourcedFigure):
    """A subsidy scheme as the plan ships it. The ceiling of a year is ``base_ceilings[year]`` plus, with
    ``ceiling_adds_block``, the building block's amount of that year in the framework (B1: places × unit amounts)."""

    key: str
    name: str
    regulation: str
    chapter: str
    legal_basis: str
    block: str
    distribution: SchemeDistribution
    ranking_dates: tuple[str, ...]  # "MM-DD": the ranking dates (peilmomenten) of a ranking scheme
    decision_term_weeks: int
    supplement_term_days: int
    partial_grants: bool
    amount_rule: SchemeAmountRule
    maximum_amount: int | None
    eligible_types: tuple[str, ...]
    required_documents: tuple[str, ...]
    activity_types: tuple[str, ...]
    base_ceilings: dict[str, int]
    ceiling_adds_block: bool
    status: ParameterStatus
    source: str


@dataclass(frozen=True)
class SubsidyPlan:
    objection_term_weeks: int  # Awb 6:7
    reminder_days: int  # terms that pass within this many days are flagged
    max_upload_bytes: int
    schemes: dict[str, SubsidySchemePlan]
