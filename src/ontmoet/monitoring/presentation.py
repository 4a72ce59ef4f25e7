"""How the monitoring's figures and statuses read (Dutch msgids; English in locale/en)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

STATUS_LABELS = {
    "achieved": _("behaald"),
    "on_track": _("op koers"),
    "at_risk": _("risico"),
    "off_track": _("niet op koers"),
    None: _("nog geen gegevens"),
}
#: The rule behind a status, in words (docs/monitoring.md gives the same rules).
RULE_TEXTS = {
    "target_reached": _("De laatste meting haalt het doel."),
    "trend_reaches_target": _("De trendlijn door de metingen haalt het doel in het doeljaar."),
    "trend_near_target": _("De trendlijn blijft in het doeljaar onder het doel, binnen de marge."),
    "trend_misses_target": _("De trendlijn blijft in het doeljaar meer dan de marge onder het doel."),
    "one_measurement": _("Eén meting, nog geen trend: vergeleken met het doel en de marge."),
    "rising": _("De trend stijgt meer dan de marge per jaar en de laatste meting ligt boven de eerste."),
    "rising_slowly": _("De trend stijgt, maar minder dan de marge per jaar."),
    "stable": _("De trend is stabiel (binnen de marge per jaar)."),
    "falling": _("De trend daalt meer dan de marge per jaar."),
    "done": _("Volgens de registratie in Ontmoet gedaan."),
    "before_target_year": _("Nog niet gedaan; het doeljaar moet nog komen."),
    "in_target_year": _("Nog niet gedaan; dit is het doeljaar."),
    "after_target_year": _("Niet gedaan in het doeljaar."),
    "not_done": _("Volgens de registratie in Ontmoet niet gedaan."),
    "no_data": _("Nog geen gegevens: de registratie hiervoor is er nog niet of bevat niets voor dit jaar."),
    "no_target": _("Geen doel in het beleidsplan."),
}


def format_value(value: Decimal | None, unit: str, *, digits: int = 1) -> str:
    """A share as a Dutch percentage ("87,5%"), a yes/no effort as ja/nee, otherwise the number."""
    if value is None:
        return str(_("nog geen gegevens"))
    if unit == "%":
        quantum = Decimal(1).scaleb(-digits) if digits else Decimal(1)
        text = str((value * 100).quantize(quantum, rounding=ROUND_HALF_UP)).replace(".", ",")
        return f"{text}%"
    if unit == "":
        return str(_("ja")) if value >= 1 else str(_("nee"))
    number = str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()).replace(".", ",")
    return f"{number} {unit}"
