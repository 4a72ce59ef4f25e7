"""Turn budgets into rows for the templates: the seed's notation, and differences against the plan."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from ontmoet.domain.budget import ROW_KEYS, Budget
from ontmoet.domain.budget.model import COUNT_ROWS
from ontmoet.domain.money import format_euro, format_thousands, group_thousands, round_half_up
from ontmoet.finance.labels import column_label, row_label

TOTAL_ROWS = frozenset({"subtotal", "net_need"})


@dataclass(frozen=True)
class Cell:
    column: str
    value: int | None
    display: str
    base_display: str = ""
    diff: int | None = None
    diff_display: str = ""
    diff_exact: str = ""

    @property
    def changed(self) -> bool:
        return self.diff is not None and self.diff != 0


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    is_count: bool
    is_total: bool
    cells: list[Cell]

    @property
    def changed(self) -> bool:
        return any(c.changed for c in self.cells)


def show(key: str, value: int | Decimal | None) -> str:
    """Counts as they are; amounts in thousands, half-up (seed notation: '-' for zero, PM for unknown)."""
    if key in COUNT_ROWS:
        return "PM" if value is None else str(value)
    return format_thousands(value)


def show_diff(key: str, diff: int | None) -> str:
    if diff is None or diff == 0:
        return ""
    sign = "+" if diff > 0 else "−"
    if key in COUNT_ROWS:
        return f"{sign}{abs(diff)}"
    return sign + group_thousands(round_half_up(Decimal(abs(diff)) / 1000))


def budget_rows(budget: Budget, base: Budget | None = None) -> list[Row]:
    """Rows of ``budget``; with ``base`` every cell also carries the base value and the difference."""
    diffs = budget.differences(base) if base is not None else None
    rows = []
    for key in ROW_KEYS:
        cells = []
        for i, column in enumerate(budget.columns):
            value = budget.rows[key][i]
            if base is None or diffs is None:
                cells.append(Cell(column, value, show(key, value)))
                continue
            diff = diffs[key][i]
            cells.append(Cell(
                column, value, show(key, value), base_display=show(key, base.rows[key][i]), diff=diff,
                diff_display=show_diff(key, diff),
                diff_exact="" if diff is None or key in COUNT_ROWS else format_euro(diff),
            ))
        rows.append(Row(key, row_label(key), key in COUNT_ROWS, key in TOTAL_ROWS, cells))
    return rows


def column_headers(budget: Budget) -> list[str]:
    return [column_label(c) for c in budget.columns]


def scenario_summary(rows: list[Row]) -> str:
    """One sentence on what changed, for the page and screen readers."""
    changed = [r.label for r in rows if r.changed]
    if not changed:
        return _("Dit scenario wijkt in geen enkele regel af van het beleidsplan.")
    return _("Afwijkend van het beleidsplan: %(rows)s.") % {"rows": "; ".join(changed)}
