"""How the audit trail names the data-care actions (registered from ``DatacareConfig.ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ontmoet.core.registry import AuditAction, AuditField

ACTIONS = (
    AuditAction("personal_data_erase", _("Persoonsgegevens gepseudonimiseerd (AVG art. 17)"), ("accounts.User",),
                {"pseudonym": AuditField(_("Pseudoniem")), "active": AuditField(_("Actief"))}),
)
