"""The framework as JSON, CSV, a text table and an Excel workbook with live formulas.

JSON/CSV carry whole euros (JSON ``null`` / an empty CSV cell for PM). The workbook puts the unit parameters on
the sheet "Parameters" and computes the table on "Begroting" with formulas that refer to them, and the capital
charges of the entered projects on "Investeringen" (PMT for an annuity, depreciation plus interest for linear),
so finance can change a figure in Excel and get the same totals as Ontmoet (ADR 0104).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ontmoet.core.tabular import write_csv, xlsx_cell
from ontmoet.domain.budget import ROW_KEYS, Budget, Investment
from ontmoet.domain.budget.model import COUNT_ROWS
from ontmoet.domain.money import format_thousands
from ontmoet.finance.labels import column_label, row_label
from ontmoet.policy.schema import STRUCTURAL, PolicyPlan

FORMATS = ("table", "csv", "json", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EURO_FORMAT = "#,##0"
SHEET_PARAMETERS = "Parameters"
SHEET_BUDGET = "Begroting"
SHEET_INVESTMENTS = "Investeringen"


def budget_json(budget: Budget) -> dict[str, Any]:
    """``{"plan", "scenario", "columns", "rows": [{"key", "label", "values"}]}``; whole euros, null for PM."""
    return {
        "plan": budget.plan_id,
        "scenario": budget.scenario,
        "columns": list(budget.columns),
        "rows": [{"key": key, "label": row_label(key), "values": list(budget.rows[key])} for key in ROW_KEYS],
    }


def budget_csv(budget: Budget) -> str:
    """CSV for Dutch Excel (semicolon, BOM, Dutch headers, whole euros, an empty cell for PM).

    The machine keys of the rows (``B1``, ``net_need``) and columns (``structural``) are in the JSON export.
    """
    header = [_("Onderdeel (bedragen in hele euro's)"), *(column_label(c) for c in budget.columns)]
    rows = ([row_label(key), *("" if v is None else v for v in budget.rows[key])] for key in ROW_KEYS)
    return write_csv(header, rows).decode("utf-8")


def budget_table(budget: Budget) -> str:
    """The seed's view for a terminal: thousands of euros, Dutch notation, '-' for zero, PM for unknown."""
    heading = [_("(x € 1.000)"), *(column_label(c) for c in budget.columns)]
    lines = [heading]
    for key in ROW_KEYS:
        values = budget.rows[key]
        cells = [str(v) for v in values] if key in COUNT_ROWS else [format_thousands(v) for v in values]
        lines.append([row_label(key), *cells])
    width = max(len(line[0]) for line in lines)
    widths = [max(len(line[i]) for line in lines) for i in range(1, len(heading))]
    rendered = []
    title = _("Indicatie van benodigde middelen voor het beleidsplan Sociale Ontmoetingsplekken")
    if budget.scenario:
        title += " — " + _("scenario: %(name)s") % {"name": budget.scenario}
    rendered.append(title)
    for line in lines:
        rendered.append(line[0].ljust(width) + "  " + "  ".join(c.rjust(w) for c, w in zip(line[1:], widths,
                                                                                          strict=True)))
    return "\n".join(rendered) + "\n"


# --- Excel ---------------------------------------------------------------------------------------------------

#: Rows of the sheet "Parameters" (per-column figures, then the unit parameters in column B).
_PARAM_ROWS = {
    "meeting_centres": 4,
    "neighbourhood_houses": 5,
    "B2": 6,
    "B4": 7,
    "B5": 8,
    "existing_coverage": 9,
}
_UNIT_ROWS = {
    "meeting_centre": 12,
    "neighbourhood_house": 13,
    "fte_per_place": 14,
    "cost_per_fte": 15,
    "vat_rate": 16,
}


def _header(sheet: Worksheet, row: int, first: str, columns: Sequence[str]) -> None:
    sheet.cell(row=row, column=1, value=first).font = Font(bold=True)
    for i, column in enumerate(columns, start=2):
        sheet.cell(row=row, column=i, value=int(column) if column.isdigit() else column_label(column)).font = \
            Font(bold=True)


def _parameters_sheet(sheet: Worksheet, plan: PolicyPlan) -> None:
    xlsx_cell(sheet, 1, 1, _("Parameters van het financieel kader (%(plan)s)") % {"plan": plan.id}).font = \
        Font(bold=True, size=13)
    sheet["A2"] = _("Wijzig hier een figuur: het blad Begroting rekent mee.")
    _header(sheet, 3, _("Per jaar"), plan.columns)
    per_column: dict[str, tuple[str, Any]] = {
        "meeting_centres": (row_label("meeting_centres"), lambda c: plan.counts[c].meeting_centres),
        "neighbourhood_houses": (row_label("neighbourhood_houses"), lambda c: plan.counts[c].neighbourhood_houses),
        "B2": (row_label("B2"), lambda c: plan.blocks["B2"][c]),
        "B4": (row_label("B4"), lambda c: plan.blocks["B4"][c]),
        "B5": (row_label("B5"), lambda c: plan.blocks["B5"][c]),
        "existing_coverage": (row_label("existing_coverage"), lambda c: plan.existing_coverage[c]),
    }
    for key, (label, value_of) in per_column.items():
        row = _PARAM_ROWS[key]
        sheet.cell(row=row, column=1, value=label)
        for i, column in enumerate(plan.columns, start=2):
            cell = sheet.cell(row=row, column=i, value=value_of(column))
            if key not in COUNT_ROWS:
                cell.number_format = EURO_FORMAT
    sheet.cell(row=11, column=1, value=_("Eenheidsbedragen")).font = Font(bold=True)
    units = {
        "meeting_centre": (_("Exploitatiesubsidie per Ontmoetingscentrum (€)"), plan.unit_amounts.meeting_centre),
        "neighbourhood_house": (_("Exploitatiesubsidie per Huis van de Wijk (€)"),
                                plan.unit_amounts.neighbourhood_house),
        "fte_per_place": (_("Opbouwwerk: fte per plek"), float(plan.community_work.fte_per_place)),
        "cost_per_fte": (_("Opbouwwerk: kosten per fte (€)"), plan.community_work.cost_per_fte),
        "vat_rate": (_("Btw-tarief"), float(plan.investments.vat_rate)),
    }
    for key, (label, value) in units.items():
        sheet.cell(row=_UNIT_ROWS[key], column=1, value=label)
        cell = sheet.cell(row=_UNIT_ROWS[key], column=2, value=value)
        cell.number_format = EURO_FORMAT if isinstance(value, int) else "0.0000"
    sheet.column_dimensions["A"].width = 70
    for i in range(2, len(plan.columns) + 2):
        sheet.column_dimensions[get_column_letter(i)].width = 14


def _investments_sheet(sheet: Worksheet, plan: PolicyPlan, investments: Sequence[Investment]) -> dict[str, str]:
    """One row per project with an amount; per plan year its charge as a formula. Returns the total cell per
    column (absent: PM)."""
    sheet["A1"] = _("Kapitaallasten van de ingevoerde investeringen (bovenkant van de bandbreedte)")
    sheet["A1"].font = Font(bold=True, size=13)
    inputs = [_("Project"), _("Investering (€, incl. btw)"), _("Btw terug te vorderen (1 = ja)"), _("Methode"),
              _("Looptijd (jaren)"), _("Rente"), _("Eerste jaar")]
    header_row = 3
    for i, text in enumerate(inputs, start=1):
        sheet.cell(row=header_row, column=i, value=text).font = Font(bold=True)
    first_col = len(inputs) + 1
    for i, column in enumerate(plan.columns):
        sheet.cell(row=header_row, column=first_col + i,
                   value=int(column) if column.isdigit() else column_label(column)).font = Font(bold=True)
    vat = f"{SHEET_PARAMETERS}!$B${_UNIT_ROWS['vat_rate']}"
    # Only projects with an amount and a start year count in the framework (ADR 0103); the others stay PM.
    entered = [i for i in investments if i.amount_max is not None and i.start_year is not None]
    row = header_row
    for investment in entered:
        row += 1
        xlsx_cell(sheet, row, 1, investment.name)  # entered by a user: data, never a formula
        sheet.cell(row=row, column=2, value=investment.amount_max).number_format = EURO_FORMAT
        sheet.cell(row=row, column=3, value=1 if investment.vat_recoverable else 0)
        xlsx_cell(sheet, row, 4, investment.method)
        sheet.cell(row=row, column=5, value=investment.term_years)
        sheet.cell(row=row, column=6, value=float(investment.interest_rate)).number_format = "0.00%"
        sheet.cell(row=row, column=7, value=investment.start_year)
        base = f"($B{row}/IF($C{row}=1,1+{vat},1))"
        for i, column in enumerate(plan.columns):
            letter = get_column_letter(first_col + i)
            index = "0" if column == STRUCTURAL else f"({letter}${header_row}-$G{row})"
            formula = (f'=IF(AND({index}>=0,{index}<$E{row}),IF($D{row}="annuity",PMT($F{row},$E{row},-{base}),'
                       f"{base}/$E{row}*(1+$F{row}*($E{row}-{index}))),0)")
            sheet.cell(row=row, column=first_col + i, value=formula).number_format = EURO_FORMAT
    total_row = row + 1
    sheet.cell(row=total_row, column=1, value=_("Totaal kapitaallasten")).font = Font(bold=True)
    totals: dict[str, str] = {}
    for i, column in enumerate(plan.columns):
        if not entered:
            continue
        letter = get_column_letter(first_col + i)
        cell = sheet.cell(row=total_row, column=first_col + i,
                          value=f"=ROUND(SUM({letter}{header_row + 1}:{letter}{max(row, header_row + 1)}),0)")
        cell.number_format = EURO_FORMAT
        cell.font = Font(bold=True)
        totals[column] = f"{SHEET_INVESTMENTS}!{letter}{total_row}"
    sheet.column_dimensions["A"].width = 45
    return totals


def _budget_sheet(sheet: Worksheet, plan: PolicyPlan, budget: Budget, charge_cells: dict[str, str]) -> None:
    title = _("Indicatie van benodigde middelen voor het beleidsplan Sociale Ontmoetingsplekken (€)")
    if budget.scenario:
        title += " — " + _("scenario: %(name)s") % {"name": budget.scenario}
    xlsx_cell(sheet, 1, 1, title).font = Font(bold=True, size=13)  # holds the scenario's name
    _header(sheet, 3, "", plan.columns)
    rows = {key: 4 + i for i, key in enumerate(ROW_KEYS)}
    p = SHEET_PARAMETERS
    units = {k: f"{p}!$B${r}" for k, r in _UNIT_ROWS.items()}
    for key, row in rows.items():
        sheet.cell(row=row, column=1, value=row_label(key)).font = Font(bold=key in ("subtotal", "net_need"))
    for i, column in enumerate(plan.columns, start=2):
        c = get_column_letter(i)
        oc, hh = f"{p}!{c}{_PARAM_ROWS['meeting_centres']}", f"{p}!{c}{_PARAM_ROWS['neighbourhood_houses']}"
        formulas = {
            "meeting_centres": f"={oc}",
            "neighbourhood_houses": f"={hh}",
            "B1": f"={oc}*{units['meeting_centre']}+{hh}*{units['neighbourhood_house']}",
            "B2": f"={p}!{c}{_PARAM_ROWS['B2']}",
            # B3 is rounded to whole euros, as in the model, so the subtotal is the sum of the lines shown.
            "B3": f"=ROUND(({oc}+{hh})*{units['fte_per_place']}*{units['cost_per_fte']},0)",
            "B4": f"={p}!{c}{_PARAM_ROWS['B4']}",
            "B5": f"={p}!{c}{_PARAM_ROWS['B5']}",
            "subtotal": f"=SUM({c}{rows['B1']}:{c}{rows['B5']})",
            "existing_coverage": f"={p}!{c}{_PARAM_ROWS['existing_coverage']}",
            "net_need": f"={c}{rows['subtotal']}-{c}{rows['existing_coverage']}",
            "capital_charges": f"={charge_cells[column]}" if column in charge_cells else "PM",
        }
        for key, formula in formulas.items():
            cell = sheet.cell(row=rows[key], column=i, value=formula)
            if key not in COUNT_ROWS:
                cell.number_format = EURO_FORMAT
            if key in ("subtotal", "net_need"):
                cell.font = Font(bold=True)
    note_row = rows["capital_charges"] + 2
    xlsx_cell(sheet, note_row, 1, _(
        "Bedragen in hele euro's, incl. btw. PM: nog niet bekend (pro memorie). Bron: %(source)s")
        % {"source": plan.source})
    sheet.column_dimensions["A"].width = 70
    for i in range(2, len(plan.columns) + 2):
        sheet.column_dimensions[get_column_letter(i)].width = 14
    sheet.freeze_panes = "B4"


def budget_xlsx(plan: PolicyPlan, budget: Budget, investments: Sequence[Investment] = ()) -> bytes:
    """A workbook whose table is computed by formulas from the parameters (the plan or the scenario applied)."""
    workbook = Workbook()
    budget_sheet = workbook.active
    assert budget_sheet is not None
    budget_sheet.title = SHEET_BUDGET
    _parameters_sheet(workbook.create_sheet(SHEET_PARAMETERS), plan)
    charge_cells: dict[str, str] = {}
    if budget.rows["capital_charges"] != (None,) * len(budget.columns):
        charge_cells = _investments_sheet(workbook.create_sheet(SHEET_INVESTMENTS), plan, investments)
    _budget_sheet(budget_sheet, plan, budget, charge_cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


#: Cell positions of the table on the sheet "Begroting", for readers of the workbook (and its test).
def budget_cell(key: str, column_index: int) -> str:
    return f"{get_column_letter(column_index + 2)}{4 + ROW_KEYS.index(key)}"
