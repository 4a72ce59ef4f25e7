"""Writes of the afwegingskader: storing an assessment run, and importing neighbourhood statistics
(all-or-nothing, with a report per row).

``assessment.evaluation.assessment_run`` is the computation (what-if page, API, CLI): it changes nothing.
``assessment_for_application`` is the entry point for a subsidy application: it runs the same rules and stores
the result with its inputs, with an audit event, so the decision letter can quote the explanations later.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ontmoet.accounts.doors import state_change
from ontmoet.accounts.models import User
from ontmoet.accounts.roles import ASSESSORS, STATISTICS_IMPORTERS
from ontmoet.assessment.evaluation import AssessmentRequest, assessment_run
from ontmoet.assessment.importing import ParsedFile, parse_statistics
from ontmoet.assessment.models import AssessmentRecord, NeighbourhoodStatistic, NeighbourhoodStatisticImport
from ontmoet.core.audit import audit_record, nothing_changed
from ontmoet.core.plan import policy_plan
from ontmoet.core.tabular import RowProblem
from ontmoet.domain.assessment import Assessment
from ontmoet.places.models import Neighbourhood


@state_change(roles=ASSESSORS, system=True)
def assessment_for_application(*, request: AssessmentRequest, by: User | None, reference: str = "",
                               purpose: str = "application") -> tuple[Assessment, AssessmentRecord]:
    """Assess an application (or any request worth keeping) and store the result with its inputs.

    The subsidy process calls this when an application is assessed; the stored findings carry the Dutch
    and English explanations that go into the decision letter's motivation.
    """
    assessment, subject = assessment_run(request=request)
    record = AssessmentRecord.objects.create(
        purpose=purpose,
        reference=reference,
        place=request.place,
        subject_type=subject.kind.value,
        latitude=None if subject.latitude is None else Decimal(str(subject.latitude)).quantize(Decimal("0.000001")),
        longitude=None if subject.longitude is None else Decimal(str(subject.longitude)).quantize(Decimal("0.000001")),
        neighbourhood=subject.neighbourhood,
        advice=assessment.advice.value,
        score=assessment.score,
        plan_id=assessment.plan_id,
        plan_version=assessment.plan_version,
        findings=assessment.to_dict()["findings"],
        inputs=request.inputs(),
        created_by=by,
    )
    audit_record(action="assessment_store", obj=record, by=by,
                 after={"advice": record.advice, "score": str(record.score), "reference": reference,
                        "plan": f"{record.plan_id} {record.plan_version}"})
    return assessment, record


@dataclass
class StatisticsImportReport:
    parsed: ParsedFile
    dry_run: bool
    created: int = 0
    updated: int = 0
    batch: NeighbourhoodStatisticImport | None = None

    @property
    def ok(self) -> bool:
        return self.parsed.ok

    @property
    def written(self) -> bool:
        return self.batch is not None

    @property
    def messages(self) -> list[RowProblem]:
        return self.parsed.messages

    @property
    def rows(self) -> int:
        return len(self.parsed.rows)

    @property
    def is_demo(self) -> bool:
        return any(row.is_demo for row in self.parsed.rows)


@state_change(roles=STATISTICS_IMPORTERS, system=True)
def neighbourhood_stats_import(*, content: bytes | str, file_name: str, by: User | None,
                               dry_run: bool = False) -> StatisticsImportReport:
    """Check a statistics file and, when every row is good and it is not a dry run, write all of it.

    All-or-nothing: one bad row and nothing is written; the report names every row, column and problem.
    Existing figures for the same buurt and year are replaced (the file is the source, never hand edits).
    """
    known = set(Neighbourhood.objects.values_list("code", flat=True))
    keys = list(policy_plan().assessment.vulnerability_weights.weights)
    report = StatisticsImportReport(parsed=parse_statistics(content, known_codes=known, indicator_keys=keys),
                                    dry_run=dry_run)
    if not report.ok or dry_run:
        nothing_changed()
        return report
    neighbourhoods = {n.code: n for n in Neighbourhood.objects.filter(code__in={r.buurtcode for r in
                                                                                 report.parsed.rows})}
    for row in report.parsed.rows:
        _, created = NeighbourhoodStatistic.objects.update_or_create(
            neighbourhood=neighbourhoods[row.buurtcode], year=row.year,
            defaults={"source": row.source, "is_demo": row.is_demo, "residents": row.residents,
                      "indicators": row.indicators, "imported_by": by})
        if created:
            report.created += 1
        else:
            report.updated += 1
    report.batch = NeighbourhoodStatisticImport.objects.create(
        file_name=file_name[:255], rows=report.rows, created=report.created, updated=report.updated,
        is_demo=report.is_demo, imported_by=by)
    audit_record(action="neighbourhood_stats_import", obj=report.batch, by=by,
                 after={"file": file_name, "rows": report.rows, "created": report.created,
                        "updated": report.updated, "is_demo": report.is_demo,
                        "years": sorted({r.year for r in report.parsed.rows})})
    return report
