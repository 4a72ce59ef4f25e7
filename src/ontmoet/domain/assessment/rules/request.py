"""Rules on what a request shows: integral execution (seed §3.1) and the buurt's involvement (§1.7)."""

from __future__ import annotations

from ontmoet.domain.assessment.facts import AssessmentFacts
from ontmoet.domain.assessment.model import Finding, Outcome, Text
from ontmoet.domain.assessment.rules.base import Rule, fact


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
            fact("sustainability_measures", "; ".join(sustainability), "duurzaamheidsmaatregelen",
                  "sustainability measures"),
            fact("accessibility_measures", "; ".join(accessibility), "toegankelijkheidsmaatregelen",
                  "accessibility measures"),
            fact("sustainability_count", len(sustainability), "aantal duurzaamheidsmaatregelen",
                  "number of sustainability measures"),
            fact("accessibility_count", len(accessibility), "aantal toegankelijkheidsmaatregelen",
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
                [*facts_used, fact("justification", justification, "toelichting", "explanation")],
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
                [fact("involvement", "", "betrokkenheid van de buurt", "involvement of the neighbourhood")],
            )
        return self.finding(
            Outcome.PASSED,
            f"Het bestuur beschrijft hoe de buurt betrokken is: “{text}”.",
            f"The board describes how the neighbourhood was involved: “{text}”.",
            [fact("involvement", text, "betrokkenheid van de buurt", "involvement of the neighbourhood")],
        )
