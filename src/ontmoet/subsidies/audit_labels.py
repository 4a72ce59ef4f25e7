"""How the audit trail names the subsidy module's actions (registered from ``SubsidiesConfig.ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ontmoet.core.registry import AuditAction, AuditField
from ontmoet.subsidies.models import ApplicationState

SCHEME, APPLICATION = "subsidies.Scheme", "subsidies.Application"
_EURO = AuditField(kind="euro")
_FIELDS = {"state": AuditField(_("Status"), choices=dict(ApplicationState.choices)),
           "amount": AuditField(_("Bedrag"), kind="euro"), "amount_requested": _EURO,
           "settlement_due": AuditField(_("Vaststelling aanvragen uiterlijk"), kind="date"),
           "published_on": AuditField(_("Gepubliceerd op"), kind="date"),
           "document": AuditField(_("Document")), "schemes": AuditField(_("Regelingen"), kind="list"),
           "plan": AuditField(_("Beleidsplan")), "ceilings": AuditField(_("Plafonds per jaar"), kind="list"),
           "distribution": AuditField(_("Verdeelmethode")), "channel": AuditField(_("Publicatiekanaal")),
           "boards_told": AuditField(_("Besturen geïnformeerd"))}

ACTIONS = (
    AuditAction("subsidy_schemes_from_plan", _("Regelingen uit het beleidsplan overgenomen"), (SCHEME,), _FIELDS),
    AuditAction("subsidy_scheme_create", _("Regeling aangemaakt"), (SCHEME,), _FIELDS),
    AuditAction("subsidy_scheme_publish", _("Regeling gepubliceerd"), (SCHEME,), _FIELDS),
    AuditAction("subsidy_application_create", _("Aanvraag aangemaakt"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_application_update", _("Concept-aanvraag gewijzigd"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_document_upload", _("Document toegevoegd"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_settlement_reminder", _("Herinnering vaststelling verstuurd"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_submit", _("Aanvraag ingediend"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_request_supplement", _("Om aanvulling gevraagd"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_supplement", _("Aanvraag aangevuld"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_not_handle", _("Aanvraag buiten behandeling gesteld"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_complete", _("Aanvraag volledig; afweging gemaakt"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_advise", _("Advies uitgebracht"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_postpone", _("Beslissing verdaagd"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_decide", _("Besluit op de aanvraag genomen"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_pay_advance", _("Voorschot betaald"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_request_settlement", _("Vaststelling aangevraagd"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_settle", _("Subsidie vastgesteld"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_close", _("Aanvraag afgesloten"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_withdraw", _("Aanvraag ingetrokken"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_change", _("Subsidie gewijzigd"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_revoke", _("Subsidie ingetrokken door de gemeente"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_object", _("Bezwaar gemaakt"), (APPLICATION,), _FIELDS),
    AuditAction("subsidy_decide_objection", _("Beslist op bezwaar"), (APPLICATION,), _FIELDS),
)
