"""How the audit trail names the afwegingskader's actions (registered from ``AssessmentConfig.ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ontmoet.core.registry import AuditAction, AuditField

_STORED = {"reference": AuditField(_("Kenmerk")), "plan": AuditField(_("Beleidsplan"))}
_IMPORT = {"file": AuditField(_("Bestand")), "years": AuditField(_("Jaren"), kind="list")}

ACTIONS = (
    AuditAction("assessment_store", _("Toets vastgelegd"), ("assessment.AssessmentRecord",), _STORED),
    AuditAction("neighbourhood_stats_import", _("Buurtcijfers geïmporteerd"),
                ("assessment.NeighbourhoodStatisticImport",), _IMPORT),
)
