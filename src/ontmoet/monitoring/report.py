"""The council report (raadsrapportage) as a PDF: WeasyPrint renders an HTML template in Dutch with the
indicators against their targets and their trend charts, budget vs. commitments vs. realisation per building
block (from the ledger), places and reach, and a short explanation per indicator (issue 11, point 5)."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation

from ontmoet.core.blocks import BLOCK_LABELS
from ontmoet.finance.selectors import positions_get
from ontmoet.monitoring.charts import indicator_chart
from ontmoet.monitoring.presentation import RULE_TEXTS, STATUS_LABELS, format_value
from ontmoet.monitoring.selectors import indicators_for_year, latest_lock, neighbourhood_rows, place_rows


def indicator_rows(year: int) -> list[dict[str, Any]]:
    rows = []
    for result in indicators_for_year(year):
        rows.append({
            "result": result, "value": format_value(result.value, result.unit),
            "target": format_value(result.target, result.unit) if result.target is not None else "",
            "projected": format_value(result.projected, result.unit) if result.projected is not None else "",
            "status": STATUS_LABELS.get(result.status, result.status), "rule": RULE_TEXTS.get(result.rule, ""),
            "chart": indicator_chart(result),
            "series": [(y, format_value(v, result.unit)) for y, v in result.series]})
    return rows


def report_context(year: int) -> dict[str, Any]:
    table, _sums = positions_get()
    places = place_rows(year)
    return {"year": year, "indicators": indicator_rows(year), "lock": latest_lock(year),
            "positions": [{"label": BLOCK_LABELS.get(p.block, p.block) if p.block != "total" else "Totaal",  # type: ignore[call-overload]
                           "position": p} for p in table.get(year, [])],
            "places": places, "neighbourhoods": neighbourhood_rows(places),
            "total_activities": sum(p.activities for p in places),
            "total_participants": sum(p.participants for p in places),
            "made_on": timezone.localdate()}


def report_pdf(year: int) -> bytes:
    """The report of ``year`` as PDF bytes (always in Dutch: it is the council's document)."""
    from weasyprint import HTML

    with translation.override("nl"):
        html = render_to_string("monitoring/report.html", report_context(year))
    return HTML(string=html).write_pdf()  # type: ignore[no-any-return]
