"""The roles of domain.md §1 and the groups of roles that pages and endpoints declare."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    POLICY_OFFICER = "policy_officer", _("Beleidsmedewerker")
    GRANT_OFFICER = "grant_officer", _("Subsidiebehandelaar")
    DECISION_MAKER = "decision_maker", _("Besluitvormer")
    FINANCE_ADVISOR = "finance_advisor", _("Financieel adviseur")
    BOARD_MEMBER = "board_member", _("Bestuurslid")
    COMMUNITY_WORKER = "community_worker", _("Opbouwwerker")
    DATA_ANALYST = "data_analyst", _("Data-analist")
    ADMINISTRATOR = "administrator", _("Beheerder")


#: Municipal staff and Trajekt: they read the whole register.
STAFF_ROLES = frozenset(
    {
        Role.POLICY_OFFICER,
        Role.GRANT_OFFICER,
        Role.DECISION_MAKER,
        Role.FINANCE_ADVISOR,
        Role.COMMUNITY_WORKER,
        Role.DATA_ANALYST,
        Role.ADMINISTRATOR,
    }
)
#: Everyone with an account.
ALL_ROLES = frozenset(Role)
#: Who keeps the register (create, edit, change type, import) — domain.md §1.
REGISTER_KEEPERS = frozenset({Role.POLICY_OFFICER, Role.ADMINISTRATOR})
#: Who reads audit trails of objects: officers who decide or account for decisions.
AUDIT_READERS = frozenset(
    {Role.POLICY_OFFICER, Role.GRANT_OFFICER, Role.DECISION_MAKER, Role.FINANCE_ADVISOR, Role.ADMINISTRATOR}
)
