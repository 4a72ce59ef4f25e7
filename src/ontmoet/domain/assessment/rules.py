"""The seven rules of the afwegingskader (seed §1.7, Aanleiding, §1.5, §3.1; domain.md §5).

Every rule has a fixed id, a Dutch and English title, the seed paragraph and words it comes from, the plan
parameters it uses, and ``evaluate(facts) -> Finding``. Rules never hold a policy figure: thresholds and
weights are read from the plan the rule was built with (``framework_rules(plan.assessment)``).
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from ontmoet.domain.assessment.facts import KIND_LABELS, AssessmentFacts, BuildingOwner
from ontmoet.domain.assessment.geodesy import DISTANCE_METHOD
from ontmoet.domain.assessment.model import Fact, FactValue, Finding, Outcome, Text
from ontmoet.domain.assessment.numbers import format_decimal, format_metres
from ontmoet.domain.assessment.vulnerability import indicator_label
from ontmoet.domain.register import SMALL_SCALE_KINDS, PlaceKind
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


def _fact(key: str, value: FactValue, nl: str, en: str, unit: str = "") -> Fact:
    return Fact(key=key, value=value, label=Text(nl, en), unit=unit)


def _number(value: Decimal) -> int | float:
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


class _DistanceRule(Rule):
    """Shared mechanism of co_location and near_community_house: nearest place, distance, threshold, reason."""

    applies_to: ClassVar[frozenset[PlaceKind]]
    targets: ClassVar[tuple[PlaceKind, ...]]
    target_label: ClassVar[Text]
    applies_label: ClassVar[Text]
    new_only: ClassVar[bool]
    threshold_key: ClassVar[str]

    @property
    def threshold(self) -> Parameter:
        parameter: Parameter = getattr(self.params, self.threshold_key)
        return parameter

    def parameters(self) -> tuple[RuleParameter, ...]:
        return (RuleParameter.of(f"assessment.{self.threshold_key}", Text("drempelafstand", "threshold distance"),
                                 self.threshold),)

    def _threshold_text(self, language: str) -> str:
        text = format_metres(float(self.threshold.value), language)
        if self.threshold.is_default:
            text += f" ({DEFAULT_MARK.get(language)})"
        return text

    @abstractmethod
    def _within(self, name: str, kind: Text, distance: str, threshold: str, language: str) -> str:
        """The sentence for a place within the threshold, without a weighty reason."""

    def evaluate(self, facts: AssessmentFacts) -> Finding:
        kind = KIND_LABELS[facts.kind]
        if facts.kind not in self.applies_to:
            return self.finding(
                Outcome.NOT_APPLICABLE,
                f"Deze regel geldt alleen voor {self.applies_label.nl}; een {kind.nl} valt er niet onder.",
                f"This rule only applies to {self.applies_label.en}; a {kind.en} is not one.",
            )
        if self.new_only and not facts.is_new:
            return self.finding(Outcome.NOT_APPLICABLE,
                                "Deze regel geldt alleen voor een nieuwe plek; deze plek bestaat al.",
                                "This rule only applies to a new place; this place already exists.")
        threshold_m = _number(self.threshold.value)
        base = [
            _fact("threshold_m", threshold_m, "drempelafstand", "threshold distance", "m"),
            _fact("threshold_is_default", self.threshold.is_default, "drempel is een standaardwaarde",
                  "threshold is a default"),
            _fact("distance_method", DISTANCE_METHOD.nl, "afstandsmethode", "distance method"),
        ]
        if facts.location is None:
            return self.finding(
                Outcome.NOT_APPLICABLE,
                f"De locatie is onbekend, dus de afstand tot het dichtstbijzijnde {self.target_label.nl} kan niet "
                "worden bepaald.",
                f"The location is unknown, so the distance to the nearest {self.target_label.en} cannot be "
                "determined.",
                base,
            )
        housed_in = facts.places.get(facts.housed_in_place_id) if facts.housed_in_place_id is not None else None
        if housed_in is not None and housed_in.kind in self.targets:
            host = KIND_LABELS[housed_in.kind]
            return self.finding(
                Outcome.PASSED,
                f"De plek is ondergebracht in {housed_in.name} ({host.nl}), zoals het afwegingskader vraagt.",
                f"The place is housed in {housed_in.name} ({host.en}), as the framework asks.",
                [_fact("housed_in_place_id", housed_in.id, "ondergebracht in (id)", "housed in (id)"),
                 _fact("housed_in_place_name", housed_in.name, "ondergebracht in", "housed in"), *base],
            )
        nearest = facts.places.nearest(facts.location.latitude, facts.location.longitude, kinds=self.targets,
                                       exclude=facts.place_id)
        if nearest is None:
            return self.finding(
                Outcome.PASSED,
                f"Er staat geen {self.target_label.nl} met een locatie in het register, dus er is geen plek om "
                "deze bij onder te brengen.",
                f"There is no {self.target_label.en} with a location in the register, so there is no place to "
                "house this one in.",
                [_fact("nearest_place_id", None, "dichtstbijzijnde plek (id)", "nearest place (id)"),
                 _fact("nearest_place_name", None, "dichtstbijzijnde plek", "nearest place"),
                 _fact("distance_m", None, "afstand", "distance", "m"), *base],
            )
        target = KIND_LABELS[nearest.place.kind]
        facts_used = [
            _fact("nearest_place_id", nearest.place.id, "dichtstbijzijnde plek (id)", "nearest place (id)"),
            _fact("nearest_place_name", nearest.place.name, "dichtstbijzijnde plek", "nearest place"),
            _fact("nearest_place_type", nearest.place.kind.value, "type dichtstbijzijnde plek",
                  "type of nearest place"),
            _fact("distance_m", round(nearest.distance_m, 1), "afstand", "distance", "m"),
            *base,
        ]
        distance = {lang: format_metres(nearest.distance_m, lang) for lang in ("nl", "en")}
        threshold = {lang: self._threshold_text(lang) for lang in ("nl", "en")}
        if nearest.distance_m > float(self.threshold.value):
            return self.finding(
                Outcome.PASSED,
                f"Het dichtstbijzijnde {self.target_label.nl} is {nearest.place.name} ({target.nl}), op "
                f"{distance['nl']}: verder weg dan de drempel van {threshold['nl']}.",
                f"The nearest {self.target_label.en} is {nearest.place.name} ({target.en}), at {distance['en']}: "
                f"further away than the threshold of {threshold['en']}.",
                facts_used,
            )
        reason = facts.weighty_reason(self.id)
        if reason:
            return self.finding(
                Outcome.PASSED,
                f"{nearest.place.name} ({target.nl}) ligt op {distance['nl']}, binnen de drempel van "
                f"{threshold['nl']}. Er is een zwaarwegende reden vastgelegd om de plek toch elders te vestigen: "
                f"“{reason}”.",
                f"{nearest.place.name} ({target.en}) is at {distance['en']}, within the threshold of "
                f"{threshold['en']}. A weighty reason to locate the place elsewhere has been recorded: “{reason}”.",
                [*facts_used, _fact("weighty_reason", reason, "zwaarwegende reden", "weighty reason")],
            )
        return self.finding(
            Outcome.ATTENTION,
            self._within(nearest.place.name, target, distance["nl"], threshold["nl"], "nl"),
            self._within(nearest.place.name, target, distance["en"], threshold["en"], "en"),
            facts_used,
        )


class CoLocationRule(_DistanceRule):
    id = "co_location"
    title = Text("Clustering onder één dak", "Clustering under one roof")
    seed_paragraph = Text("§1.7 Afwegingskader, eerste punt", "§1.7 Assessment framework, first point")
    seed_quote = (
        "We stimuleren het samenbrengen van verschillende sociale activiteiten en organisaties onder één dak, om "
        "accommodaties optimaal te benutten, samenwerking én efficiëntie te bevorderen. Dat wil bijvoorbeeld zeggen "
        "dat nieuwe kleinschalige ontmoetingsplekken zoals Huiskamers in eerste instantie in het meest nabijgelegen "
        "Ontmoetingscentrum of Huis van de Wijk ondergebracht worden, tenzij er zwaarwegende afwegingen zijn die een "
        "andere keuze rechtvaardigen."
    )
    checks = Text(
        "Bij een nieuwe kleinschalige plek (huiskamer, sociaal restaurant of andere kleinschalige plek) zoekt de "
        "regel het dichtstbijzijnde Ontmoetingscentrum of Huis van de Wijk en meet de afstand. Ligt dat binnen de "
        "drempelafstand, dan vraagt de regel aandacht: breng de plek daar onder, of leg de zwaarwegende reden vast "
        "waarom dat niet kan. Met een vastgelegde reden is aan de regel voldaan; de reden blijft zichtbaar.",
        "For a new small-scale place (living room, social restaurant or other small-scale place) the rule finds "
        "the nearest meeting centre or neighbourhood house and measures the distance. Within the threshold "
        "distance the rule asks for attention: house the place there, or record the weighty reason why that is "
        "not possible. With a recorded reason the rule is met; the reason stays visible.",
    )
    applies_to = frozenset(SMALL_SCALE_KINDS)
    targets = (PlaceKind.MEETING_CENTRE, PlaceKind.NEIGHBOURHOOD_HOUSE)
    target_label = Text("Ontmoetingscentrum of Huis van de Wijk", "meeting centre or neighbourhood house")
    applies_label = Text("nieuwe kleinschalige plekken", "new small-scale places")
    new_only = True
    threshold_key = "co_location_threshold_m"

    def _within(self, name: str, kind: Text, distance: str, threshold: str, language: str) -> str:
        if language == "nl":
            return (f"Het dichtstbijzijnde Ontmoetingscentrum of Huis van de Wijk is {name} ({kind.nl}), op "
                    f"{distance}: binnen de drempel van {threshold}. Breng de plek daar onder, of leg de "
                    "zwaarwegende reden vast waarom dat niet kan.")
        return (f"The nearest meeting centre or neighbourhood house is {name} ({kind.en}), at {distance}: within "
                f"the threshold of {threshold}. House the place there, or record the weighty reason why that is "
                "not possible.")


class NearCommunityHouseRule(_DistanceRule):
    id = "near_community_house"
    title = Text("Geen huiskamer dicht bij een gemeenschapshuis", "No living room close to a community house")
    seed_paragraph = Text("Aanleiding", "Background (Aanleiding)")
    seed_quote = (
        "Huiskamers spelen een waardevolle rol en een eigen locatie is daarvoor soms passend, maar een huiskamer "
        "dicht bij een gemeenschapshuis is in principe niet wenselijk. Dit leidt tot versnippering van middelen en "
        "voorzieningen, terwijl juist bundeling van krachten en functies de maatschappelijke impact en efficiëntie "
        "vergroot."
    )
    checks = Text(
        "Bij een huiskamer zoekt de regel het dichtstbijzijnde gemeenschapshuis (ook een Ontmoetingscentrum of Huis "
        "van de Wijk) en meet de afstand. Binnen de drempelafstand vraagt de regel aandacht, omdat een huiskamer "
        "zo dichtbij in principe niet wenselijk is; een vastgelegde zwaarwegende reden maakt dat de regel is voldaan.",
        "For a living room the rule finds the nearest community house (including a meeting centre or "
        "neighbourhood house) and measures the distance. Within the threshold distance the rule asks for "
        "attention, because a living room that close is in principle not desirable; a recorded weighty reason "
        "means the rule is met.",
    )
    applies_to = frozenset({PlaceKind.LIVING_ROOM})
    targets = (PlaceKind.COMMUNITY_HOUSE, PlaceKind.MEETING_CENTRE, PlaceKind.NEIGHBOURHOOD_HOUSE)
    target_label = Text("gemeenschapshuis, Ontmoetingscentrum of Huis van de Wijk",
                        "community house, meeting centre or neighbourhood house")
    applies_label = Text("huiskamers", "living rooms")
    new_only = False
    threshold_key = "near_community_house_threshold_m"

    def _within(self, name: str, kind: Text, distance: str, threshold: str, language: str) -> str:
        if language == "nl":
            return (f"De huiskamer ligt op {distance} van {name} ({kind.nl}), binnen de drempel van {threshold}. "
                    "Een huiskamer dicht bij een gemeenschapshuis is in principe niet wenselijk: breng haar daar "
                    "onder, of leg de zwaarwegende reden vast.")
        return (f"The living room is {distance} from {name} ({kind.en}), within the threshold of {threshold}. A "
                "living room close to a community house is in principle not desirable: house it there, or record "
                "the weighty reason.")


class VulnerabilityPriorityRule(Rule):
    id = "vulnerability_priority"
    title = Text("Ongelijk investeren voor gelijke kansen", "Unequal investment for equal opportunities")
    seed_paragraph = Text("§1.7 Afwegingskader, tweede punt", "§1.7 Assessment framework, second point")
    seed_quote = (
        "Bij keuzes wordt uitgegaan van ‘ongelijk investeren voor gelijke kansen’. De rol van de gemeente wordt "
        "groter als inwoners in meer kwetsbare posities verkeren."
    )
    checks = Text(
        "De regel zoekt de buurt van de plek op en berekent de kwetsbaarheidsindex van die buurt uit de buurtcijfers "
        "(laag inkomen, alleenwonende ouderen, eenzaamheid), met de wegingen uit het beleidsplan. Hij meldt de index "
        "en de plaats van de buurt in de rangorde van de buurten van Maastricht. De kwetsbaarste buurten krijgen "
        "voorrang; de index telt mee in de score waarmee aanvragen worden gerangschikt.",
        "The rule looks up the buurt of the place and computes the buurt's vulnerability index from the "
        "neighbourhood statistics (low income, older people living alone, loneliness), with the weights from the "
        "policy plan. It reports the index and the buurt's rank among the buurten of Maastricht. The most "
        "vulnerable buurten get priority; the index counts in the score used to rank applications.",
    )

    def parameters(self) -> tuple[RuleParameter, ...]:
        weights = self.params.vulnerability_weights
        result = [
            RuleParameter(key=f"assessment.vulnerability_weights.{key}",
                          label=Text(f"weging: {indicator_label(key).nl}", f"weight: {indicator_label(key).en}"),
                          value=weight, unit="", status=weights.status, source=weights.source)
            for key, weight in weights.weights.items()
        ]
        result.append(RuleParameter.of("assessment.vulnerability_priority_share",
                                       Text("aandeel buurten met voorrang", "share of buurten with priority"),
                                       self.params.vulnerability_priority_share))
        return tuple(result)

    def evaluate(self, facts: AssessmentFacts) -> Finding:
        location = facts.location
        if location is None or not location.neighbourhood_code:
            return self.finding(
                Outcome.NOT_APPLICABLE,
                "De buurt van de plek is onbekend (geen locatie, of een locatie buiten de buurten van Maastricht), "
                "dus de kwetsbaarheid van de buurt kan niet worden bepaald.",
                "The buurt of the place is unknown (no location, or a location outside the buurten of "
                "Maastricht), so the vulnerability of the buurt cannot be determined.",
            )
        buurt = location.neighbourhood_name or location.neighbourhood_code
        code_fact = _fact("neighbourhood_code", location.neighbourhood_code, "buurtcode", "buurt code")
        table = facts.vulnerability
        if table is None or not table.scores:
            return self.finding(
                Outcome.NOT_APPLICABLE,
                "Er zijn nog geen buurtcijfers ingelezen, dus de kwetsbaarheid van de buurt kan niet worden bepaald.",
                "No neighbourhood statistics have been imported yet, so the vulnerability of the buurt cannot be "
                "determined.",
                [code_fact],
            )
        year_fact = _fact("year", table.year, "jaar van de buurtcijfers", "year of the statistics")
        score = table.get(location.neighbourhood_code)
        if score is None or score.index is None or score.rank is None:
            missing = score.missing if score is not None else tuple(table.weights)
            return self.finding(
                Outcome.NOT_APPLICABLE,
                f"Voor buurt {buurt} ontbreken in {table.year} cijfers voor: "
                f"{', '.join(indicator_label(k).nl for k in missing)}; de kwetsbaarheid kan niet worden bepaald.",
                f"For buurt {buurt} the {table.year} figures are missing for: "
                f"{', '.join(indicator_label(k).en for k in missing)}; the vulnerability cannot be determined.",
                [code_fact, year_fact],
            )
        share = self.params.vulnerability_priority_share.value
        ranked = table.ranked_count
        # The top share of the ranked buurten, rounded up: a share never leaves the most vulnerable buurt out.
        priority_count = math.ceil(share * ranked)
        priority = score.rank <= priority_count
        is_demo = bool(score.row is not None and score.row.is_demo)
        formula = table.formula()
        facts_used = [
            code_fact,
            _fact("neighbourhood_name", location.neighbourhood_name, "buurt", "buurt"),
            _fact("vulnerability_index", float(score.index), "kwetsbaarheidsindex (0–1)", "vulnerability index (0–1)"),
            _fact("rank", score.rank, "plaats in de rangorde (1 = kwetsbaarst)", "rank (1 = most vulnerable)"),
            _fact("ranked_count", ranked, "aantal buurten in de rangorde", "number of buurten ranked"),
            _fact("priority", priority, "voorrang", "priority"),
            _fact("priority_share", float(share), "aandeel buurten met voorrang", "share of buurten with priority"),
            _fact("priority_count", priority_count, "aantal buurten met voorrang", "number of buurten with priority"),
            year_fact,
            _fact("source", score.row.source if score.row is not None else "", "bron", "source"),
            _fact("is_demo", is_demo, "demonstratiecijfers", "demonstration figures"),
            _fact("formula", formula.nl, "formule", "formula"),
        ]
        index = {lang: format_decimal(score.index, lang, 2) for lang in ("nl", "en")}
        share_pct = {lang: format_decimal(share * 100, lang, 0) for lang in ("nl", "en")}
        if priority:
            verdict_nl = (f"Daarmee hoort de buurt bij de {share_pct['nl']}% kwetsbaarste buurten (de eerste "
                          f"{priority_count}): hier is de rol van de gemeente groter en krijgt de plek voorrang.")
            verdict_en = (f"The buurt is therefore among the {share_pct['en']}% most vulnerable buurten (the first "
                          f"{priority_count}): here the municipality's role is larger and the place gets priority.")
        else:
            verdict_nl = (f"Daarmee hoort de buurt niet bij de {share_pct['nl']}% kwetsbaarste buurten (de eerste "
                          f"{priority_count}): de rol van de gemeente is hier kleiner.")
            verdict_en = (f"The buurt is therefore not among the {share_pct['en']}% most vulnerable buurten (the first "
                          f"{priority_count}): the municipality's role is smaller here.")
        demo_nl = " Let op: dit zijn demonstratiecijfers, geen echte cijfers." if is_demo else ""
        demo_en = " Note: these are demonstration figures, not real ones." if is_demo else ""
        return self.finding(
            Outcome.PASSED,
            f"Buurt {buurt} heeft kwetsbaarheidsindex {index['nl']} (0 = minst, 1 = meest kwetsbaar) en staat in "
            f"{table.year} op plaats {score.rank} van {ranked} buurten. {verdict_nl}{demo_nl}",
            f"Buurt {buurt} has vulnerability index {index['en']} (0 = least, 1 = most vulnerable) and ranks "
            f"{score.rank} of {ranked} buurten in {table.year}. {verdict_en}{demo_en}",
            facts_used,
        )


class IntegralExecutionRule(Rule):
    id = "integral_execution"
    title = Text("Integrale uitvoering: modernisering samen met duurzaamheid en toegankelijkheid",
                 "Integral execution: modernisation together with sustainability and accessibility")
    seed_paragraph = Text("Beslispunt 2 en §3.1 Koppelkansen", "Decision point 2 and §3.1 Linked opportunities")
    seed_quote = (
        "De investeringen in de gemeenschapshuizen inzake modernisering, duurzaamheid en toegankelijkheid op elkaar "
        "af te stemmen en integraal uit te voeren. (…) Door investeringen inzake modernisering te koppelen aan "
        "duurzaamheidsmaatregelen, zoals energiezuinige installaties en isolatie, wordt niet alleen het comfort "
        "verhoogd, maar ook het energieverbruik en de CO₂-uitstoot verlaagd. Tegelijkertijd wordt ingezet op het "
        "verbeteren van de fysieke toegankelijkheid van deze voorzieningen, zodat ook mensen met een beperking "
        "volwaardig kunnen deelnemen aan het sociale leven in hun buurt."
    )
    checks = Text(
        "Bij een aanvraag voor modernisering kijkt de regel of die duurzaamheidsmaatregelen én maatregelen voor "
        "toegankelijkheid bevat. Allebei: voldaan. Eén van beide ontbreekt: aandacht. Geen van beide: niet voldaan. "
        "Een vastgelegde toelichting waarom een soort maatregel niet nodig is (bijvoorbeeld omdat het pand al "
        "toegankelijk is) maakt dat de regel is voldaan; de toelichting blijft zichtbaar.",
        "For a modernisation request the rule checks that it contains sustainability measures and accessibility "
        "measures. Both: met. One of them missing: attention. Neither: not met. A recorded explanation of why a "
        "kind of measure is not needed (for instance because the building is already accessible) means the rule "
        "is met; the explanation stays visible.",
    )

    def evaluate(self, facts: AssessmentFacts) -> Finding:
        request = facts.modernisation
        if request is None:
            return self.finding(Outcome.NOT_APPLICABLE,
                                "Er is geen aanvraag voor modernisering, dus deze regel is niet van toepassing.",
                                "There is no modernisation request, so this rule does not apply.")
        sustainability = tuple(m.strip() for m in request.sustainability_measures if m.strip())
        accessibility = tuple(m.strip() for m in request.accessibility_measures if m.strip())
        justification = request.justification.strip()
        facts_used = [
            _fact("sustainability_measures", "; ".join(sustainability), "duurzaamheidsmaatregelen",
                  "sustainability measures"),
            _fact("accessibility_measures", "; ".join(accessibility), "toegankelijkheidsmaatregelen",
                  "accessibility measures"),
            _fact("sustainability_count", len(sustainability), "aantal duurzaamheidsmaatregelen",
                  "number of sustainability measures"),
            _fact("accessibility_count", len(accessibility), "aantal toegankelijkheidsmaatregelen",
                  "number of accessibility measures"),
        ]
        if sustainability and accessibility:
            return self.finding(
                Outcome.PASSED,
                f"De modernisering gaat samen met {len(sustainability)} duurzaamheidsmaatregel(en) en "
                f"{len(accessibility)} maatregel(en) voor toegankelijkheid: integraal uitgevoerd.",
                f"The modernisation comes with {len(sustainability)} sustainability measure(s) and "
                f"{len(accessibility)} accessibility measure(s): carried out integrally.",
                facts_used,
            )
        missing_nl = [label for label, present in (("duurzaamheid", sustainability),
                                                   ("toegankelijkheid", accessibility)) if not present]
        missing_en = [label for label, present in (("sustainability", sustainability),
                                                   ("accessibility", accessibility)) if not present]
        if justification:
            return self.finding(
                Outcome.PASSED,
                f"De aanvraag bevat geen maatregelen voor {' en '.join(missing_nl)}, met deze toelichting: "
                f"“{justification}”.",
                f"The request has no measures for {' and '.join(missing_en)}, with this explanation: "
                f"“{justification}”.",
                [*facts_used, _fact("justification", justification, "toelichting", "explanation")],
            )
        outcome = Outcome.FAILED if len(missing_nl) == 2 else Outcome.ATTENTION
        return self.finding(
            outcome,
            f"De modernisering bevat geen maatregelen voor {' en '.join(missing_nl)}. Het beleidsplan vraagt "
            "modernisering, duurzaamheid en toegankelijkheid samen aan te pakken: voeg die maatregelen toe, of "
            "licht toe waarom ze niet nodig zijn.",
            f"The modernisation has no measures for {' and '.join(missing_en)}. The policy plan asks for "
            "modernisation, sustainability and accessibility to be tackled together: add those measures, or "
            "explain why they are not needed.",
            facts_used,
        )


class NeighbourhoodInvolvementRule(Rule):
    id = "neighbourhood_involvement"
    title = Text("De buurt is betrokken", "The neighbourhood is involved")
    seed_paragraph = Text("§1.7 Afwegingskader, derde punt", "§1.7 Assessment framework, third point")
    seed_quote = (
        "De gemeente speelt een faciliterende rol en luistert daarbij goed naar de besturen, burgerinitiatieven, "
        "inwoners en andere relevante partners. We verwachten ook van de besturen dat zij de buurt betrekken bij "
        "het bepalen van de keuzes en de uitvoering."
    )
    checks = Text(
        "De regel kijkt of het bestuur beschrijft hoe buurtbewoners betrokken zijn bij de keuzes en de uitvoering. "
        "Een beschrijving: voldaan (de beschrijving staat in de bevinding). Gevraagd maar leeg: aandacht.",
        "The rule checks that the board describes how residents of the buurt were involved in the choices and the "
        "execution. A description: met (the description is part of the finding). Asked for but empty: attention.",
    )

    def evaluate(self, facts: AssessmentFacts) -> Finding:
        if facts.involvement is None:
            return self.finding(
                Outcome.NOT_APPLICABLE,
                "Er is (nog) niet gevraagd hoe de buurt is betrokken; bij een aanvraag beschrijft het bestuur dat.",
                "It has not (yet) been asked how the neighbourhood was involved; in an application the board "
                "describes it.",
            )
        text = facts.involvement.strip()
        if not text:
            return self.finding(
                Outcome.ATTENTION,
                "Het bestuur heeft niet beschreven hoe buurtbewoners betrokken zijn bij de keuzes en de uitvoering. "
                "Vraag het bestuur dat aan te vullen.",
                "The board has not described how residents were involved in the choices and the execution. Ask the "
                "board to add it.",
                [_fact("involvement", "", "betrokkenheid van de buurt", "involvement of the neighbourhood")],
            )
        return self.finding(
            Outcome.PASSED,
            f"Het bestuur beschrijft hoe de buurt betrokken is: “{text}”.",
            f"The board describes how the neighbourhood was involved: “{text}”.",
            [_fact("involvement", text, "betrokkenheid van de buurt", "involvement of the neighbourhood")],
        )


class EligibilityRule(Rule):
    id = "eligibility"
    title = Text("Subsidievoorwaarden (Ogh en Asv)", "Eligibility conditions (Ogh and Asv)")
    seed_paragraph = Text("§1.5 Ondersteuningsregeling gemeenschapshuizen", "§1.5 Community house support scheme")
    seed_quote = (
        "In 2018 is het beleid aangevuld met de Ondersteuningsregeling gemeenschapshuizen (Ogh), die een definitie "
        "van het gemeenschapshuis geeft en de verschillende ondersteuningsmogelijkheden vastlegt."
    )
    checks = Text(
        "De regel controleert de voorwaarden van de Ogh en de Algemene subsidieverordening: een rechtspersoon, "
        "gevestigd in Maastricht, breed toegankelijk, een bestuur van ten minste het minimumaantal personen zonder "
        "eerstegraads familiebanden en niet op één adres (gecontroleerd, met datum), en een bestuur dat overeenkomt "
        "met de inschrijving bij de KvK. Een voorwaarde die niet is voldaan: niet voldaan. Een voorwaarde die nog "
        "niet is gecontroleerd: aandacht.",
        "The rule checks the conditions of the Ogh and the general subsidy regulation: a legal entity, based in "
        "Maastricht, broadly accessible, a board of at least the minimum number of persons without first-degree "
        "family ties and not at one address (checked, with a date), and a board that matches the Chamber of "
        "Commerce (KvK) registration. A condition not met: not met. A condition not yet checked: attention.",
    )

    def parameters(self) -> tuple[RuleParameter, ...]:
        return (RuleParameter.of("assessment.min_board_members",
                                 Text("minimaal aantal bestuursleden", "minimum number of board members"),
                                 self.params.min_board_members),)

    def evaluate(self, facts: AssessmentFacts) -> Finding:
        board = facts.board
        if board is None:
            return self.finding(
                Outcome.NOT_APPLICABLE,
                "Er is (nog) geen bestuur bekend; bij een aanvraag toetst de subsidiebehandelaar deze voorwaarden.",
                "No board is known (yet); in an application the grant officer checks these conditions.",
            )
        minimum = int(self.params.min_board_members.value)
        size_ok = None if board.member_count is None else board.member_count >= minimum
        # A board condition counts as checked only with the date of the check.
        condition = board.board_condition_met
        if condition and board.board_condition_checked_on is None:
            condition = None
        conditions: list[tuple[str, bool | None, Text]] = [
            ("legal_entity", board.legal_entity, Text("rechtspersoon", "legal entity")),
            ("based_in_maastricht", board.based_in_maastricht, Text("gevestigd in Maastricht", "based in Maastricht")),
            ("broadly_accessible", board.broadly_accessible, Text("breed toegankelijk", "broadly accessible")),
            ("board_size", size_ok, Text(f"bestuur van ten minste {minimum} personen",
                                         f"board of at least {minimum} persons")),
            ("board_condition", condition, Text("bestuursvoorwaarde Ogh gecontroleerd",
                                                "Ogh board condition checked")),
            ("kvk_matches", board.kvk_matches, Text("bestuur komt overeen met KvK", "board matches KvK")),
        ]
        checked_on = board.board_condition_checked_on.isoformat() if board.board_condition_checked_on else None
        facts_used = [
            *(_fact(key, value, label.nl, label.en) for key, value, label in conditions),
            _fact("member_count", board.member_count, "aantal bestuursleden", "number of board members"),
            _fact("min_board_members", minimum, "minimaal aantal bestuursleden", "minimum number of board members"),
            _fact("board_condition_checked_on", checked_on, "bestuursvoorwaarde gecontroleerd op",
                  "board condition checked on"),
        ]
        failed = [label for _, value, label in conditions if value is False]
        unknown = [label for _, value, label in conditions if value is None]
        if failed:
            return self.finding(
                Outcome.FAILED,
                f"Niet voldaan aan: {', '.join(t.nl for t in failed)}.",
                f"Not met: {', '.join(t.en for t in failed)}.",
                facts_used,
            )
        if unknown:
            return self.finding(
                Outcome.ATTENTION,
                f"Nog te controleren: {', '.join(t.nl for t in unknown)}.",
                f"Still to be checked: {', '.join(t.en for t in unknown)}.",
                facts_used,
            )
        return self.finding(
            Outcome.PASSED,
            f"Aan alle voorwaarden is voldaan; de bestuursvoorwaarde is gecontroleerd op {checked_on}.",
            f"All conditions are met; the board condition was checked on {checked_on}.",
            facts_used,
        )


class FacilitatingRoleRule(Rule):
    id = "facilitating_role"
    title = Text("Faciliterende rol van de gemeente", "The municipality's facilitating role")
    seed_paragraph = Text("§1.7 Afwegingskader, derde punt", "§1.7 Assessment framework, third point")
    seed_quote = (
        "De gemeente kan eigenaar zijn van een pand, maar is niet de eigenaar van de ontmoetingsplekken die daarin "
        "worden gerealiseerd. Die rol ligt bij de besturen van de plekken, maar vooral bij de inwoners zelf."
    )
    checks = Text(
        "De regel kijkt wie de plek draagt. De gemeente mag eigenaar zijn van het pand, maar nooit van de plek zelf: "
        "die hoort bij het bestuur en de inwoners. Draagt de gemeente de plek zelf, dan is niet voldaan.",
        "The rule checks who carries the place. The municipality may own the building, but never the place "
        "itself: that belongs to the board and the residents. If the municipality carries the place itself, the "
        "rule is not met.",
    )

    def evaluate(self, facts: AssessmentFacts) -> Finding:
        ownership = facts.ownership
        if ownership is None or ownership.place_run_by_municipality is None:
            return self.finding(
                Outcome.NOT_APPLICABLE,
                "Het is (nog) niet bekend wie de plek draagt, dus deze regel kan niet worden beoordeeld.",
                "It is not known (yet) who carries the place, so this rule cannot be assessed.",
            )
        owner = ownership.building_owner
        facts_used = [
            _fact("building_owner", owner.value if owner else None, "eigenaar van het pand", "owner of the building"),
            _fact("place_run_by_municipality", ownership.place_run_by_municipality, "plek gedragen door de gemeente",
                  "place carried by the municipality"),
        ]
        if ownership.place_run_by_municipality:
            return self.finding(
                Outcome.FAILED,
                "De gemeente zou de plek zelf dragen. De gemeente kan eigenaar zijn van een pand, maar niet van de "
                "ontmoetingsplek: die rol ligt bij het bestuur en de inwoners.",
                "The municipality would carry the place itself. The municipality may own a building, but not the "
                "meeting place: that role lies with the board and the residents.",
                facts_used,
            )
        if owner is BuildingOwner.MUNICIPALITY:
            return self.finding(
                Outcome.PASSED,
                "De gemeente is eigenaar van het pand; de plek zelf wordt gedragen door het bestuur en de inwoners. "
                "Dat past bij de faciliterende rol van de gemeente.",
                "The municipality owns the building; the place itself is carried by the board and the residents. "
                "That fits the municipality's facilitating role.",
                facts_used,
            )
        return self.finding(
            Outcome.PASSED,
            "De plek wordt gedragen door het bestuur en de inwoners, niet door de gemeente.",
            "The place is carried by the board and the residents, not by the municipality.",
            facts_used,
        )


RULE_CLASSES: tuple[type[Rule], ...] = (
    CoLocationRule,
    NearCommunityHouseRule,
    VulnerabilityPriorityRule,
    IntegralExecutionRule,
    NeighbourhoodInvolvementRule,
    EligibilityRule,
    FacilitatingRoleRule,
)
RULE_IDS: tuple[str, ...] = tuple(cls.id for cls in RULE_CLASSES)


def framework_rules(params: AssessmentParameters) -> tuple[Rule, ...]:
    """The rules of the afwegingskader, in the order of the seed, built with the plan's parameters."""
    return tuple(cls(params) for cls in RULE_CLASSES)
