"""CSV and Excel exports of allocations and board support requests.

Cells are written through ``ontmoet.core.tabular`` (the register's exports use the same): text that starts with a
formula sign stays text, control characters cannot break the workbook."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from ontmoet.capacity.models import BoardSupportRequest, CommunityWorkAllocation
from ontmoet.core.tabular import write_csv, xlsx_cell
from ontmoet.domain.capacity import working_days_between

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def allocation_table(allocations: Iterable[CommunityWorkAllocation]) -> tuple[list[str], list[list[Any]]]:
    header = [_("Jaar"), _("Plek"), _("Volgorde"), _("Kwetsbaarheidsindex"), _("Toegekend (fte)"),
              _("Reden van afwijking")]
    rows = [[a.year, a.place.name, a.rank, a.vulnerability_index, a.allocated_fte, a.override_reason]
            for a in allocations]
    return header, rows


def support_table(requests: Iterable[BoardSupportRequest]) -> tuple[list[str], list[list[Any]]]:
    header = [_("Plek"), _("Soort"), _("Omschrijving"), _("Status"), _("Gevraagd op"), _("Opgepakt door"),
              _("Contactpersoon"), _("Opgepakt op"), _("Reactietijd (werkdagen)"), _("Afgesloten op"), _("Uitkomst")]
    rows = [[r.place.name, r.get_kind_display(), r.description, r.get_status_display(), r.requested_on,
             r.get_provider_display(), r.contact_person, r.taken_up_on,
             working_days_between(r.requested_on, r.taken_up_on) if r.taken_up_on else None, r.closed_on, r.outcome]
            for r in requests]
    return header, rows


def as_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    return write_csv(header, rows)


def as_xlsx(header: Sequence[str], rows: Iterable[Sequence[Any]], *, title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = title[:31]
    for column, text in enumerate(header, start=1):
        xlsx_cell(sheet, 1, column, text).font = Font(bold=True)
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            xlsx_cell(sheet, number, column, value)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
