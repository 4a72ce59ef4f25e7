"""How the audit trail names the public pages' actions (registered from ``FinderConfig.ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ontmoet.core.registry import AuditAction, AuditField

REQUEST = "finder.InitiativeRequest"
_PLACE = {"place": AuditField(_("Plek"))}

ACTIONS = (
    AuditAction("initiative_submit", _("Idee van een bewoner ontvangen"), (REQUEST,), _PLACE),
    AuditAction("initiative_purge", _("Idee van een bewoner verwijderd na de bewaartermijn"), (REQUEST,), _PLACE),
)
