"""Charts of the monitoring as hand-written SVG (as the financial framework's, ADR 0105): the measured values
of an indicator with its trend line to the target year and the target, reach over the years, and the places
on the map coloured by their resident share. Each ``<svg role="img">`` has a title and a description in
words; the page puts a data table beside every chart."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ontmoet.monitoring.indicators import IndicatorResult
from ontmoet.monitoring.presentation import format_value
from ontmoet.places.mapping import buurt_layer
from ontmoet.places.models import Neighbourhood

WIDTH, HEIGHT = 480, 220
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 32
MEASURED, TREND, TARGET, BAR = "#00568b", "#8a4600", "#17713a", "#3d5374"
#: Map colours from "far below the target" to "at or above it" (each ≥ 3:1 on white).
SHARE_COLOURS = ("#b0001e", "#8a4600", "#17713a")


def _svg(title: str, desc: str, body: str, width: int = WIDTH, height: int = HEIGHT) -> SafeString:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'class="ontmoet-chart" preserveAspectRatio="xMinYMin meet"><title>{escape(title)}</title>'
        f"<desc>{escape(desc)}</desc>{body}</svg>")


def indicator_chart(result: IndicatorResult) -> SafeString:
    """The measured values, the least-squares trend to the target year and the target."""
    points = [(year, float(value)) for year, value in result.series]
    if not points:
        return _svg(result.label, _("Nog geen gegevens."), "")
    years = [y for y, _v in points]
    last_year = max([*years, result.target_year or years[-1]])
    first_year = min(years)
    values = [v for _y, v in points]
    if result.target is not None:
        values.append(float(result.target))
    if result.projected is not None:
        values.append(float(result.projected))
    top = max(values) * 1.1 or 1.0
    if result.is_share:
        top = min(1.0, max(top, 0.1))
    span = max(last_year - first_year, 1)

    def x(year: float) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (year - first_year) / span

    def y(value: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top)

    parts = [f'<line x1="{LEFT}" y1="{y(0):.1f}" x2="{WIDTH - RIGHT}" y2="{y(0):.1f}" stroke="#555"/>',
             f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{y(0):.1f}" stroke="#555"/>']
    for tick in (0, top / 2, top):
        label = format_value(Decimal(str(tick)), result.unit, digits=0)
        parts.append(f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" font-size="11">'
                     f"{escape(label)}</text>")
    for year in sorted({first_year, last_year, *years}):
        parts.append(f'<text x="{x(year):.1f}" y="{HEIGHT - 10}" text-anchor="middle" font-size="11">{year}</text>')
    if result.target is not None:
        ty = y(float(result.target))
        parts.append(f'<line x1="{LEFT}" y1="{ty:.1f}" x2="{WIDTH - RIGHT}" y2="{ty:.1f}" stroke="{TARGET}" '
                     f'stroke-dasharray="6 4" stroke-width="2"/>')
    if result.slope is not None and result.intercept is not None:
        def line(year: int) -> float:
            return float(result.intercept + result.slope * year)  # type: ignore[operator]

        parts.append(f'<line x1="{x(first_year):.1f}" y1="{y(max(line(first_year), 0)):.1f}" '
                     f'x2="{x(last_year):.1f}" y2="{y(max(line(last_year), 0)):.1f}" stroke="{TREND}" '
                     f'stroke-width="2" stroke-dasharray="2 3"/>')
    path = " ".join(f"{'M' if i == 0 else 'L'} {x(yr):.1f} {y(v):.1f}" for i, (yr, v) in enumerate(points))
    parts.append(f'<path d="{path}" fill="none" stroke="{MEASURED}" stroke-width="2.5"/>')
    parts.extend(f'<circle cx="{x(yr):.1f}" cy="{y(v):.1f}" r="4" fill="{MEASURED}"/>' for yr, v in points)
    words = "; ".join(f"{yr}: {format_value(Decimal(str(v)), result.unit)}" for yr, v in points)
    desc = _("Gemeten: %(values)s.") % {"values": words}
    if result.target is not None:
        desc += " " + _("Doel %(target)s in %(year)s.") % {
            "target": format_value(result.target, result.unit), "year": result.target_year}
    if result.projected is not None:
        desc += " " + _("Trend in %(year)s: %(value)s.") % {
            "year": result.target_year, "value": format_value(result.projected, result.unit)}
    return _svg(result.label, desc, "".join(parts))


def reach_chart(rows: Sequence[tuple[int, int, int]]) -> SafeString:
    """Held activities per year as bars."""
    title = _("Activiteiten per jaar")
    if not rows:
        return _svg(title, _("Nog geen gegevens."), "")
    top = max(r[1] for r in rows) * 1.1 or 1
    slot = (WIDTH - LEFT - RIGHT) / len(rows)
    parts = [f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}" stroke="#555"/>']
    for i, (year, held, _people) in enumerate(rows):
        h = (HEIGHT - TOP - BOTTOM) * held / top
        bx = LEFT + i * slot + slot * 0.15
        parts.append(f'<rect x="{bx:.1f}" y="{HEIGHT - BOTTOM - h:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" '
                     f'fill="{BAR}"/>')
        parts.append(f'<text x="{bx + slot * 0.35:.1f}" y="{HEIGHT - 10}" text-anchor="middle" font-size="11">'
                     f"{year}</text>")
    desc = "; ".join(f"{year}: {held}" for year, held, _p in rows)
    return _svg(title, desc, "".join(parts))


def share_map(places: Sequence[object], target: Decimal | None) -> SafeString:
    """The buurten with a dot per place with activities at a meeting centre, coloured by its resident share
    against the target (red: below half the target, orange: below it, green: at or above it)."""
    buurten = list(Neighbourhood.objects.select_related("district").order_by("code"))
    title = _("Kaart: aandeel activiteiten van bewoners per plek")
    if not buurten:
        return _svg(title, _("Nog geen gegevens."), "")
    projection, areas = buurt_layer(buurten)
    parts = [f'<path d="{a["d"]}" fill="#f2f2f2" stroke="#999" stroke-width="0.8"/>' for a in areas]
    described = []
    for row in places:
        share = getattr(row, "share", None)
        lat, lon = getattr(row, "latitude", None), getattr(row, "longitude", None)
        if share is None or lat is None or lon is None:
            continue
        px, py = projection.xy(float(lon), float(lat))
        goal = target if target is not None else Decimal(1)
        colour = SHARE_COLOURS[2] if share >= goal else SHARE_COLOURS[1] if share >= goal / 2 else SHARE_COLOURS[0]
        name = escape(getattr(row, "name", ""))
        parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="7" fill="{colour}" stroke="#fff" stroke-width="1.5">'
                     f"<title>{name}: {escape(format_value(share, '%'))}</title></circle>")
        described.append(f"{getattr(row, 'name', '')}: {format_value(share, '%')}")
    desc = "; ".join(described) or _("Nog geen activiteiten in ontmoetingscentra.")
    return _svg(title, desc, "".join(parts), width=800, height=int(projection.height))
