"""How the audit trail names the monitoring's actions (registered from ``MonitoringConfig.ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ontmoet.core.registry import AuditAction, AuditField

ACTIONS = (
    AuditAction("survey_import", _("Peilingsresultaten geïmporteerd"), ("monitoring.SurveyResult",), {
        "neighbourhoods": AuditField(_("Aantal buurten"), kind="text"),
        "source": AuditField(_("Bron"), kind="text")}),
    AuditAction("indicators_lock", _("Cijfers vastgesteld"), ("monitoring.IndicatorLock",), {
        "previous": AuditField(_("Vorige versie"), kind="text")}),
)
