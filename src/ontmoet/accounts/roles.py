"""The roles of domain.md §1 and every group of roles that pages, endpoints and services declare.

Role groups live only here (a test fails on a role set written elsewhere), so who may do what can be read in one
file and matched against domain.md §1.
"""

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
#: Board members: the start page shows them their own places.
BOARD_MEMBERS = frozenset({Role.BOARD_MEMBER})
#: Everyone with an account.
ALL_ROLES = frozenset(Role)
#: Who must pass two-factor authentication at every login (accounts.two_factor); a board member may choose it.
TWO_FACTOR_REQUIRED = STAFF_ROLES
#: Who keeps the register (create, edit, change type, import) — domain.md §1.
REGISTER_KEEPERS = frozenset({Role.POLICY_OFFICER, Role.ADMINISTRATOR})
#: Who reads audit trails of objects: officers who decide or account for decisions.
AUDIT_READERS = frozenset(
    {Role.POLICY_OFFICER, Role.GRANT_OFFICER, Role.DECISION_MAKER, Role.FINANCE_ADVISOR, Role.ADMINISTRATOR}
)
#: Who edits a place's facts: the register keepers, and a board member for the public information of their own
#: place (ownership: accounts.permissions).
PLACE_EDITORS = REGISTER_KEEPERS | {Role.BOARD_MEMBER}
#: Who manages accounts, roles and the links of board members to their places.
ACCOUNT_MANAGERS = frozenset({Role.ADMINISTRATOR})

#: Financial framework (domain.md §1: officers, finance, decision makers) ...
FINANCE_READERS = frozenset({Role.POLICY_OFFICER, Role.FINANCE_ADVISOR, Role.DECISION_MAKER, Role.ADMINISTRATOR})
#: ... who save scenarios and keep the investment projects ...
SCENARIO_WRITERS = frozenset({Role.POLICY_OFFICER, Role.FINANCE_ADVISOR, Role.ADMINISTRATOR})
PROJECT_WRITERS = SCENARIO_WRITERS
#: ... and who may book commitments and realisations (through the subsidy and capacity modules).
LEDGER_WRITERS = frozenset({Role.POLICY_OFFICER, Role.GRANT_OFFICER, Role.DECISION_MAKER, Role.FINANCE_ADVISOR,
                            Role.ADMINISTRATOR})

#: Afwegingskader: who imports neighbourhood statistics (the Datagedreven Sturen team; and administrators) ...
STATISTICS_IMPORTERS = frozenset({Role.DATA_ANALYST, Role.ADMINISTRATOR})
#: ... and who stores an assessment with a subsidy application (the grant officers who assess it).
ASSESSORS = frozenset({Role.GRANT_OFFICER})

#: Activities (issue 11): a board member registers those of their own places; the register keepers may too.
ACTIVITY_WRITERS = REGISTER_KEEPERS | {Role.BOARD_MEMBER}
#: Monitoring: every member of staff reads the officers' dashboard and the indicators ...
MONITORING_READERS = STAFF_ROLES
#: ... the data team imports the surveys and locks ("vaststellen") a year's figures.
SURVEY_IMPORTERS = frozenset({Role.DATA_ANALYST, Role.ADMINISTRATOR})
INDICATOR_LOCKERS = frozenset({Role.DATA_ANALYST})
#: Community work (B3) and board support (B5), issue 10. Who asks for community work or board support: a board
#: member for their own places (ownership rule), an officer for any place ...
CAPACITY_REQUESTERS = frozenset({Role.BOARD_MEMBER, Role.POLICY_OFFICER, Role.ADMINISTRATOR})
#: ... who decides the allocation of community work and keeps the working group of board delegates ...
CAPACITY_OFFICERS = frozenset({Role.POLICY_OFFICER, Role.ADMINISTRATOR})
#: ... who reads requests and allocations (board members their own places' only) ...
CAPACITY_READERS = ALL_ROLES
#: ... who registers hours of community work (Trajekt's community workers, their own hours only) ...
HOURS_WRITERS = frozenset({Role.COMMUNITY_WORKER})
#: ... who reads the hours: the community workers, the officers and those who account for B3 ...
HOURS_READERS = frozenset({Role.COMMUNITY_WORKER, Role.POLICY_OFFICER, Role.FINANCE_ADVISOR, Role.DECISION_MAKER,
                           Role.ADMINISTRATOR})
#: ... and the support team that takes up and closes board support requests (municipality and Trajekt).
BOARD_SUPPORTERS = frozenset({Role.POLICY_OFFICER, Role.COMMUNITY_WORKER, Role.ADMINISTRATOR})
#: Subsidies (domain.md §1, §6): who reads applications and schemes (board members: their own places only) ...
SUBSIDY_READERS = frozenset({Role.POLICY_OFFICER, Role.GRANT_OFFICER, Role.DECISION_MAKER, Role.FINANCE_ADVISOR,
                             Role.ADMINISTRATOR, Role.BOARD_MEMBER})
#: ... who work the queue (the officer workspace) ...
SUBSIDY_STAFF = frozenset({Role.POLICY_OFFICER, Role.GRANT_OFFICER, Role.DECISION_MAKER, Role.FINANCE_ADVISOR,
                           Role.ADMINISTRATOR})
#: ... who keep and publish schemes ...
SCHEME_KEEPERS = frozenset({Role.POLICY_OFFICER, Role.ADMINISTRATOR})
#: ... who start an application (a board for its own place; an officer on a board's behalf) ...
SUBSIDY_APPLICANTS = frozenset({Role.BOARD_MEMBER, Role.GRANT_OFFICER})
#: ... and everyone who takes a step in an application's lifecycle (each step's own roles are in the transition
#: table, ontmoet.domain.subsidies.lifecycle).
SUBSIDY_ACTORS = frozenset({Role.BOARD_MEMBER, Role.GRANT_OFFICER, Role.DECISION_MAKER, Role.FINANCE_ADVISOR})
#: The subsidy team's officers (the daily reminders job runs on their behalf).
SUBSIDY_OFFICERS = frozenset({Role.GRANT_OFFICER})
