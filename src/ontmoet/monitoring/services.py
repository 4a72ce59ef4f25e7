"""Writes of the monitoring: the survey import and locking a year's figures. Each is one door."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ontmoet.accounts.doors import state_change
from ontmoet.accounts.models import User
from ontmoet.accounts.roles import INDICATOR_LOCKERS, SURVEY_IMPORTERS
from ontmoet.core.audit import audit_record, nothing_changed
from ontmoet.core.locks import serialise
from ontmoet.core.tabular import RowProblem, has_control_characters, normalise_column, read_table
from ontmoet.domain.activities import plain_whole
from ontmoet.monitoring.indicators import compute_indicators
from ontmoet.monitoring.models import IndicatorLock, SurveyResult
from ontmoet.places.models import Neighbourhood

SURVEY_COLUMNS = ("enough_contacts_pct", "visited_meeting_place_pct", "lonely_pct")
ALIASES = {normalise_column(k): k for k in ("year", "neighbourhood_code", "respondents", *SURVEY_COLUMNS)}
ALIASES.update({normalise_column(k): v for k, v in {
    "jaar": "year", "buurtcode": "neighbourhood_code", "respondenten": "respondents"}.items()})


@dataclass
class SurveyImportReport:
    rows: list[SurveyResult] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    replaced: int = 0


def _percentage(text: str) -> Decimal | None:
    if not text:
        return None
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite() or not 0 <= value <= 100:
        raise ValueError(text)
    return value


@state_change(roles=SURVEY_IMPORTERS, system=True, audit="per_object")
def survey_import(*, content: bytes, filename: str, source: str, by: User | None,
                  dry_run: bool = False) -> SurveyImportReport:
    """All-or-nothing import of survey results per buurt per year (issue 11, point 2). A buurt's year that
    was imported before is replaced by the new file's figures (audited per year, with the source)."""
    table = read_table(content, filename, aliases=ALIASES,
                       required=("year", "neighbourhood_code", "respondents", *SURVEY_COLUMNS))
    report = SurveyImportReport(problems=list(table.problems))
    buurten = {b.code: b for b in Neighbourhood.objects.only("code")}
    seen: set[tuple[int, str]] = set()
    for number, cells in table.rows:
        problems = []
        if any(has_control_characters(v) for v in cells.values()):
            report.problems.append(RowProblem(number, "", _("bevat een stuurteken")))
            continue
        year_text = cells.get("year", "")
        year = plain_whole(year_text, max_digits=4)
        year = year if year is not None and 2000 <= year <= 2100 else None
        if year is None:
            problems.append(RowProblem(number, "year", _("geen jaartal '%(value)s'") % {"value": year_text}))
        code = cells.get("neighbourhood_code", "")
        if code not in buurten:
            problems.append(RowProblem(number, "neighbourhood_code", _("onbekende buurtcode '%(value)s'") % {
                "value": code}))
        respondents_text = cells.get("respondents", "")
        respondents = plain_whole(respondents_text)
        if respondents is None:
            problems.append(RowProblem(number, "respondents", _("geen aantal '%(value)s'") % {
                "value": respondents_text}))
        values: dict[str, Decimal | None] = {}
        for column in SURVEY_COLUMNS:
            try:
                values[column] = _percentage(cells.get(column, ""))
            except ValueError:
                problems.append(RowProblem(number, column, _("geen percentage tussen 0 en 100 '%(value)s'") % {
                    "value": cells.get(column, "")}))
        if year is not None and (year, code) in seen:
            problems.append(RowProblem(number, "neighbourhood_code", _("deze buurt staat twee keer in %(year)s") % {
                "year": year}))
        if problems:
            report.problems.extend(problems)
            continue
        assert year is not None and respondents is not None
        seen.add((year, code))
        report.rows.append(SurveyResult(year=year, neighbourhood=buurten[code], respondents=respondents,
                                        source=source[:200], **values))
    if report.problems or dry_run or not report.rows:
        nothing_changed()
        return report
    years = sorted({r.year for r in report.rows})
    for year in years:
        codes = [r.neighbourhood.code for r in report.rows if r.year == year]
        old = SurveyResult.objects.filter(year=year, neighbourhood__code__in=codes)
        report.replaced += old.count()
        old.delete()
    SurveyResult.objects.bulk_create(report.rows)
    for year in years:
        first = SurveyResult.objects.filter(year=year).order_by("pk").first()
        assert first is not None
        audit_record(action="survey_import", obj=first, by=by, after={
            "year": year, "neighbourhoods": sum(1 for r in report.rows if r.year == year), "source": source})
    return report


@state_change(roles=INDICATOR_LOCKERS, system=True)
def indicators_lock(*, year: int, by: User | None, reason: str = "") -> IndicatorLock:
    """Fix ("vaststellen") the figures of ``year`` as computed now. Locking a year again makes a new version,
    which needs a reason; the report and the dashboards then show that version."""
    # Two analysts locking the same year at once: the second waits and then makes the next version.
    serialise(f"monitoring:lock:{year}")
    previous = IndicatorLock.objects.filter(year=year).order_by("-version").first()
    if previous is not None and not reason.strip():
        raise ValidationError({"reason": _("De cijfers van %(year)s zijn al vastgesteld; zeg waarom ze "
                                           "opnieuw worden vastgesteld.") % {"year": year}})
    figures: list[dict[str, Any]] = [r.to_json() for r in compute_indicators(year)]
    for item in figures:
        item["locked"] = True
    lock = IndicatorLock.objects.create(year=year, version=(previous.version + 1) if previous else 1,
                                        figures=figures, reason=reason.strip(), locked_by=by)
    audit_record(action="indicators_lock", obj=lock, by=by, reason=reason.strip(), after={
        "year": year, "version": lock.version,
        **({"previous": previous.version} if previous else {})})
    return lock


