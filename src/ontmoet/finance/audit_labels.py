"""How the audit trail names the financial framework's actions (registered from ``FinanceConfig.ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ontmoet.core.blocks import BlockChoices
from ontmoet.core.registry import AuditAction, AuditField
from ontmoet.finance.models import EntryKind

SCENARIO, PROJECT, LEDGER = "finance.Scenario", "finance.InvestmentProject", "finance.LedgerEntry"
_EURO = AuditField(kind="euro")  # the model's label; the value as "€ 1.500.000"
_PROJECT = {"amount_min": _EURO, "amount_max": _EURO, "wider_need_min": _EURO, "wider_need_max": _EURO,
            "interest_rate": AuditField(_("Rente per jaar"), kind="percent"),
            "effective_date": AuditField(_("Datum"), kind="date"),
            "participation": AuditField(_("Participatie")), "related_plan": AuditField(_("Verwant plan"))}
_LEDGER = {"amount": _EURO, "block": AuditField(choices=dict(BlockChoices.choices))}

ACTIONS = (
    AuditAction("scenario_create", _("Scenario aangemaakt"), (SCENARIO,)),
    AuditAction("scenario_update", _("Scenario gewijzigd"), (SCENARIO,)),
    AuditAction("scenario_delete", _("Scenario verwijderd"), (SCENARIO,)),
    AuditAction("project_create", _("Investeringsproject aangemaakt"), (PROJECT,), _PROJECT),
    AuditAction("project_update", _("Investeringsproject gewijzigd"), (PROJECT,), _PROJECT),
    AuditAction("project_change_phase", _("Fase van het project gewijzigd"), (PROJECT,), _PROJECT),
    AuditAction("project_participation_add", _("Participatie vastgelegd"), (PROJECT,), _PROJECT),
    AuditAction("project_related_plan_add", _("Verwant plan vastgelegd"), (PROJECT,), _PROJECT),
    *(AuditAction(f"ledger_{kind}", label, (LEDGER,), _LEDGER) for kind, label in (
        (EntryKind.COMMITMENT.value, _("Verplichting geboekt")),
        (EntryKind.REALISATION.value, _("Realisatie geboekt")))),
)
