"""Allocated against realised hours per place as a hand-written SVG (like the framework's charts, ADR 0105).

The chart is ``<svg role="img">`` named by its title and described in words; the page puts the data table beside
it as the text alternative."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ontmoet.capacity.selectors import PlaceRealisation

ALLOCATED, REALISED = "#00568b", "#17713a"  # project tokens, both ≥ 3:1 on white
WIDTH, ROW, LEFT, TOP = 640, 40, 180, 28


def realisation_chart(rows: Sequence[PlaceRealisation], *, year: int) -> SafeString:
    if not rows:
        return mark_safe("")  # nothing to draw
    maximum = max(max(r.allocated_hours, r.realised_hours) for r in rows) or 1
    height = TOP + ROW * len(rows) + 8
    scale = (WIDTH - LEFT - 16) / float(maximum)
    title = _("Toegekende en geschreven uren opbouwwerk %(year)s") % {"year": year}
    desc = "; ".join(_("%(place)s: %(allocated)s uur toegekend, %(realised)s uur geschreven")
                     % {"place": r.name, "allocated": r.allocated_hours, "realised": r.realised_hours} for r in rows)
    parts = [f'<svg class="capacity-chart" role="img" aria-labelledby="chart-title chart-desc" '
             f'viewBox="0 0 {WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="chart-title">{escape(title)}</title><desc id="chart-desc">{escape(desc)}</desc>',
             f'<rect x="{LEFT}" y="4" width="12" height="12" fill="{ALLOCATED}"/>'
             f'<text x="{LEFT + 18}" y="15" font-size="13">{escape(_("toegekend"))}</text>',
             f'<rect x="{LEFT + 120}" y="4" width="12" height="12" fill="{REALISED}"/>'
             f'<text x="{LEFT + 138}" y="15" font-size="13">{escape(_("geschreven"))}</text>']
    for index, row in enumerate(rows):
        y = TOP + index * ROW
        name = row.name if len(row.name) <= 24 else row.name[:23] + "…"
        parts.append(f'<text x="{LEFT - 8}" y="{y + 20}" font-size="13" text-anchor="end">{escape(name)}</text>')
        parts.append(f'<rect x="{LEFT}" y="{y + 4}" height="14" width="{float(row.allocated_hours) * scale:.1f}" '
                     f'fill="{ALLOCATED}"/>')
        parts.append(f'<rect x="{LEFT}" y="{y + 19}" height="14" width="{float(row.realised_hours) * scale:.1f}" '
                     f'fill="{REALISED}"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
