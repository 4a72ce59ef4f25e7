"""Distance rules: clustering under one roof (seed §1.7) and no huiskamer near a community house (Aanleiding)."""

from __future__ import annotations

from abc import abstractmethod
from typing import ClassVar

from ontmoet.domain.assessment.facts import KIND_LABELS, AssessmentFacts
from ontmoet.domain.assessment.geodesy import DISTANCE_METHOD
from ontmoet.domain.assessment.model import Finding, Outcome, Text
from ontmoet.domain.assessment.numbers import format_metres
from ontmoet.domain.assessment.rules.base import DEFAULT_MARK, Rule, RuleParameter, fact, plain_number
from ontmoet.domain.register import SMALL_SCALE_KINDS, PlaceKind
from ontmoet.policy.schema import Parameter


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
        threshold_m = plain_number(self.threshold.value)
        base = [
            fact("threshold_m", threshold_m, "drempelafstand", "threshold distance", "m"),
            fact("threshold_is_default", self.threshold.is_default, "drempel is een standaardwaarde",
                  "threshold is a default"),
            fact("distance_method", DISTANCE_METHOD.nl, "afstandsmethode", "distance method"),
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
                [fact("housed_in_place_id", housed_in.id, "ondergebracht in (id)", "housed in (id)"),
                 fact("housed_in_place_name", housed_in.name, "ondergebracht in", "housed in"), *base],
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
                [fact("nearest_place_id", None, "dichtstbijzijnde plek (id)", "nearest place (id)"),
                 fact("nearest_place_name", None, "dichtstbijzijnde plek", "nearest place"),
                 fact("distance_m", None, "afstand", "distance", "m"), *base],
            )
        target = KIND_LABELS[nearest.place.kind]
        facts_used = [
            fact("nearest_place_id", nearest.place.id, "dichtstbijzijnde plek (id)", "nearest place (id)"),
            fact("nearest_place_name", nearest.place.name, "dichtstbijzijnde plek", "nearest place"),
            fact("nearest_place_type", nearest.place.kind.value, "type dichtstbijzijnde plek",
                  "type of nearest place"),
            fact("distance_m", round(nearest.distance_m, 1), "afstand", "distance", "m"),
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
                [*facts_used, fact("weighty_reason", reason, "zwaarwegende reden", "weighty reason")],
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
