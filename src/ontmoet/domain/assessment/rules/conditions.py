"""Conditions on who runs the place: eligibility (Ogh/Asv) and the municipality's facilitating role (§1.7)."""

from __future__ import annotations

from ontmoet.domain.assessment.facts import AssessmentFacts, BuildingOwner
from ontmoet.domain.assessment.model import Finding, Outcome, Text
from ontmoet.domain.assessment.rules.base import Rule, RuleParameter, fact
from ontmoet.domain.register import board_condition


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
        derived = board_condition(member_count=board.member_count or 0, minimum=minimum,
                                  checked=board.board_condition_met, checked_on=board.board_condition_checked_on)
        size_ok = None if board.member_count is None else derived.size_ok
        condition = derived.checked
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
            *(fact(key, value, label.nl, label.en) for key, value, label in conditions),
            fact("member_count", board.member_count, "aantal bestuursleden", "number of board members"),
            fact("min_board_members", minimum, "minimaal aantal bestuursleden", "minimum number of board members"),
            fact("board_condition_checked_on", checked_on, "bestuursvoorwaarde gecontroleerd op",
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
            fact("building_owner", owner.value if owner else None, "eigenaar van het pand", "owner of the building"),
            fact("place_run_by_municipality", ownership.place_run_by_municipality, "plek gedragen door de gemeente",
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
