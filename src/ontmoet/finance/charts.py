"""Charts of the framework as hand-written SVG (ADR 0105): small, accessible, the same in pages and PDFs.

Each chart is ``<svg role="img">`` named by its ``<title>`` and described by its ``<desc>`` (which states the
figures in words); the page puts a data table beside every chart as the text alternative. Colours are the
project's tokens, each at least 3:1 against white, and adjacent bar segments are separated by a white line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ontmoet.domain.budget import BLOCK_ROWS, Budget, UncertaintyBand
from ontmoet.domain.money import format_thousands, group_thousands
from ontmoet.finance.labels import BLOCK_SHORT, column_label

#: One colour per building block (ontmoet.css tokens; each ≥ 3:1 on white).
BLOCK_COLOURS = {"B1": "#00568b", "B2": "#b0001e", "B3": "#17713a", "B4": "#8a4600", "B5": "#6a2c9e"}
COST_COLOUR, COVERAGE_COLOUR, NEED_COLOUR = "#3d5374", "#17713a", "#b0001e"
BAND_FILL, MEDIAN_COLOUR, PLAN_COLOUR = "#9fbfdf", "#00568b", "#001a40"

WIDTH, HEIGHT = 720, 360
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 16, 96


@dataclass(frozen=True)
class _Frame:
    """Plot area and the scale from euros to pixels."""

    maximum: int
    columns: Sequence[str]

    @property
    def plot_width(self) -> float:
        return WIDTH - LEFT - RIGHT

    @property
    def plot_height(self) -> float:
        return HEIGHT - TOP - BOTTOM

    def y(self, amount: int) -> float:
        return TOP + self.plot_height * (1 - amount / self.maximum)

    def slot(self, index: int) -> tuple[float, float]:
        """Left edge and width of column ``index``'s slot."""
        width = self.plot_width / len(self.columns)
        return LEFT + index * width, width


def _nice_maximum(value: int) -> int:
    """A round axis maximum at or above ``value`` (steps of 1, 2 or 5 × a power of ten)."""
    if value <= 0:
        return 1000
    magnitude: int = 10 ** (len(str(value)) - 1)
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _axis(frame: _Frame) -> list[str]:
    parts = []
    for i in range(5):
        amount = frame.maximum * i // 4
        y = frame.y(amount)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#c0c7d2" '
                     f'stroke-width="1"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" fill="#001a40">'
                     f"{escape(format_thousands(amount, zero='0'))}</text>")
    for i, column in enumerate(frame.columns):
        left, width = frame.slot(i)
        parts.append(f'<text x="{left + width / 2:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
                     f'font-size="12" fill="#001a40">{escape(column_label(column))}</text>')
    axis_label = escape(_("x € 1.000"))
    parts.append(f'<text x="14" y="{TOP + frame.plot_height / 2:.1f}" font-size="12" fill="#001a40" '
                 f'transform="rotate(-90 14 {TOP + frame.plot_height / 2:.1f})" text-anchor="middle">'
                 f'{axis_label}</text>')
    return parts


def _legend(items: Sequence[tuple[str, str]], *, dashed: Sequence[str] = ()) -> list[str]:
    parts = []
    x, y = LEFT, HEIGHT - BOTTOM + 40
    for label, colour in items:
        if label in dashed:
            parts.append(f'<line x1="{x}" x2="{x + 14}" y1="{y - 4}" y2="{y - 4}" stroke="{colour}" '
                         f'stroke-width="3" stroke-dasharray="4 2"/>')
        else:
            parts.append(f'<rect x="{x}" y="{y - 11}" width="14" height="14" fill="{colour}"/>')
        parts.append(f'<text x="{x + 20}" y="{y}" font-size="12" fill="#001a40">{escape(label)}</text>')
        x += 32 + 8 * len(label)
        if x > WIDTH - 160:
            x, y = LEFT, y + 22
    return parts


def _svg(chart_id: str, title: str, description: str, body: list[str]) -> SafeString:
    return mark_safe(  # every text inside is escaped above
        f'<svg xmlns="http://www.w3.org/2000/svg" class="finance-chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>' + "".join(body) + "</svg>"
    )


def _k(amount: int | Decimal | None) -> str:
    return format_thousands(amount, zero="0")


def stacked_blocks_svg(budget: Budget, *, chart_id: str = "chart-blocks") -> SafeString:
    """Stacked bars: the costs of B1..B5 per column."""
    subtotals = [budget.value("subtotal", c) or 0 for c in budget.columns]
    frame = _Frame(_nice_maximum(max(subtotals)), budget.columns)
    body = _axis(frame)
    for i, column in enumerate(budget.columns):
        left, width = frame.slot(i)
        bottom = 0
        for block in BLOCK_ROWS:
            amount = budget.value(block, column) or 0
            if amount <= 0:
                continue
            y_top, y_bottom = frame.y(bottom + amount), frame.y(bottom)
            body.append(f'<rect x="{left + width * 0.2:.1f}" y="{y_top:.1f}" width="{width * 0.6:.1f}" '
                        f'height="{y_bottom - y_top:.1f}" fill="{BLOCK_COLOURS[block]}" stroke="#ffffff" '
                        f'stroke-width="1"/>')
            bottom += amount
        body.append(f'<text x="{left + width / 2:.1f}" y="{frame.y(bottom) - 4:.1f}" text-anchor="middle" '
                    f'font-size="12" font-weight="bold" fill="#001a40">{escape(_k(bottom))}</text>')
    body += _legend([(str(BLOCK_SHORT[b]), BLOCK_COLOURS[b]) for b in BLOCK_ROWS])
    description = _("Kosten per bouwsteen per jaar, in duizenden euro's. ") + " ".join(
        _("%(column)s: totaal %(total)s (%(parts)s).") % {
            "column": column_label(c), "total": _k(budget.value("subtotal", c)),
            "parts": ", ".join(f"{b} {_k(budget.value(b, c))}" for b in BLOCK_ROWS)}
        for c in budget.columns)
    return _svg(chart_id, _("Kosten per bouwsteen per jaar"), description, body)


def need_vs_coverage_svg(budget: Budget, *, chart_id: str = "chart-need") -> SafeString:
    """Grouped bars per column: the yearly costs, the existing coverage and the net need."""
    series = [
        ("subtotal", _("Jaarlijkse kosten"), COST_COLOUR),
        ("existing_coverage", _("Bestaande dekking"), COVERAGE_COLOUR),
        ("net_need", _("Benodigd (exploitatie)"), NEED_COLOUR),
    ]
    top = max(max(budget.value(k, c) or 0 for k, _l, _c in series) for c in budget.columns)
    frame = _Frame(_nice_maximum(top), budget.columns)
    body = _axis(frame)
    for i, column in enumerate(budget.columns):
        left, width = frame.slot(i)
        bar = width * 0.8 / len(series)
        for j, (key, _label, colour) in enumerate(series):
            amount = max(budget.value(key, column) or 0, 0)
            x = left + width * 0.1 + j * bar
            body.append(f'<rect x="{x:.1f}" y="{frame.y(amount):.1f}" width="{bar - 2:.1f}" '
                        f'height="{frame.y(0) - frame.y(amount):.1f}" fill="{colour}"/>')
    body += _legend([(str(label), colour) for _k_, label, colour in series])
    description = _("Jaarlijkse kosten, bestaande dekking en benodigd bedrag per jaar, in duizenden euro's. ") + \
        " ".join(_("%(column)s: kosten %(cost)s, dekking %(coverage)s, benodigd %(need)s.") % {
            "column": column_label(c), "cost": _k(budget.value("subtotal", c)),
            "coverage": _k(budget.value("existing_coverage", c)), "need": _k(budget.value("net_need", c))}
            for c in budget.columns)
    return _svg(chart_id, _("Benodigd bedrag tegenover de bestaande dekking"), description, body)


def fan_chart_svg(band: UncertaintyBand, plan_need: Mapping[str, int | None], *,
                  chart_id: str = "chart-band") -> SafeString:
    """The P10–P90 band of the yearly need (exploitation + capital charges), its median, and the plan's need."""
    columns = band.columns
    top = max(max(band.total_need[c].p90 for c in columns), max((v or 0) for v in plan_need.values()))
    frame = _Frame(_nice_maximum(top), columns)
    body = _axis(frame)
    centres = [frame.slot(i)[0] + frame.slot(i)[1] / 2 for i in range(len(columns))]
    upper = [f"{x:.1f},{frame.y(band.total_need[c].p90):.1f}" for x, c in zip(centres, columns, strict=True)]
    lower = [f"{x:.1f},{frame.y(band.total_need[c].p10):.1f}" for x, c in zip(centres, columns, strict=True)]
    body.append(f'<polygon points="{" ".join(upper + lower[::-1])}" fill="{BAND_FILL}" stroke="{MEDIAN_COLOUR}" '
                f'stroke-width="1"/>')
    median = " ".join(f"{x:.1f},{frame.y(band.total_need[c].p50):.1f}" for x, c in zip(centres, columns, strict=True))
    body.append(f'<polyline points="{median}" fill="none" stroke="{MEDIAN_COLOUR}" stroke-width="3"/>')
    plan_points = " ".join(f"{x:.1f},{frame.y(plan_need[c] or 0):.1f}" for x, c in zip(centres, columns, strict=True))
    body.append(f'<polyline points="{plan_points}" fill="none" stroke="{PLAN_COLOUR}" stroke-width="3" '
                f'stroke-dasharray="6 3"/>')
    for x, c in zip(centres, columns, strict=True):
        body.append(f'<circle cx="{x:.1f}" cy="{frame.y(band.total_need[c].p50):.1f}" r="4" fill="{MEDIAN_COLOUR}"/>')
    plan_label = _("Beleidsplan (exploitatie)")
    body += _legend([(_("P10–P90"), BAND_FILL), (_("Mediaan (P50)"), MEDIAN_COLOUR), (plan_label, PLAN_COLOUR)],
                    dashed=[plan_label])
    description = _("Bandbreedte van het benodigde bedrag per jaar (exploitatie en kapitaallasten) uit "
                    "%(draws)s trekkingen, in duizenden euro's. ") % {"draws": group_thousands(band.draws)} + \
        " ".join(_("%(column)s: P10 %(p10)s, P50 %(p50)s, P90 %(p90)s.") % {
            "column": column_label(c), "p10": _k(band.total_need[c].p10), "p50": _k(band.total_need[c].p50),
            "p90": _k(band.total_need[c].p90)} for c in columns)
    return _svg(chart_id, _("Bandbreedte van het benodigde bedrag per jaar"), description, body)

