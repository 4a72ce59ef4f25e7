"""Ongelijk investeren voor gelijke kansen (seed §1.7): the buurt's vulnerability and rank."""

from __future__ import annotations

import math

from ontmoet.domain.assessment.facts import AssessmentFacts
from ontmoet.domain.assessment.model import Finding, Outcome, Text
from ontmoet.domain.assessment.numbers import format_decimal
from ontmoet.domain.assessment.rules.base import Rule, RuleParameter, fact
from ontmoet.domain.assessment.vulnerability import indicator_label


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
        code_fact = fact("neighbourhood_code", location.neighbourhood_code, "buurtcode", "buurt code")
        table = facts.vulnerability
        if table is None or not table.scores:
            return self.finding(
                Outcome.NOT_APPLICABLE,
                "Er zijn nog geen buurtcijfers ingelezen, dus de kwetsbaarheid van de buurt kan niet worden bepaald.",
                "No neighbourhood statistics have been imported yet, so the vulnerability of the buurt cannot be "
                "determined.",
                [code_fact],
            )
        year_fact = fact("year", table.year, "jaar van de buurtcijfers", "year of the statistics")
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
            fact("neighbourhood_name", location.neighbourhood_name, "buurt", "buurt"),
            fact("vulnerability_index", float(score.index), "kwetsbaarheidsindex (0–1)", "vulnerability index (0–1)"),
            fact("rank", score.rank, "plaats in de rangorde (1 = kwetsbaarst)", "rank (1 = most vulnerable)"),
            fact("ranked_count", ranked, "aantal buurten in de rangorde", "number of buurten ranked"),
            fact("priority", priority, "voorrang", "priority"),
            fact("priority_share", float(share), "aandeel buurten met voorrang", "share of buurten with priority"),
            fact("priority_count", priority_count, "aantal buurten met voorrang", "number of buurten with priority"),
            year_fact,
            fact("source", score.row.source if score.row is not None else "", "bron", "source"),
            fact("is_demo", is_demo, "demonstratiecijfers", "demonstration figures"),
            fact("formula", formula.nl, "formule", "formula"),
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
