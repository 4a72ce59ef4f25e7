"""How the audit trail names the account actions (registered from ``AccountsConfig.ready()``). A password or a
token's key is never in an event, so there is nothing of them to name."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ontmoet.core.registry import AuditAction, AuditField

USER = "accounts.User"
_ACCOUNT = {"account": AuditField(_("Account"))}
_USER = {"places": AuditField(_("Gekoppelde plekken"), kind="list"), "name": AuditField(_("Naam")),
         "active": AuditField(_("Account actief"), kind="bool"),
         "token_revoked": AuditField(_("API-token ingetrokken"), kind="bool"),
         "token": AuditField(_("API-token")), "scope": AuditField(_("Bereik")),
         "expires": AuditField(_("Verloopt op"), kind="date")}

ATTEMPT = "accounts.LoginAttempt"
_LOGIN = {"address": AuditField(_("Adres")), "username": AuditField(_("Gebruikersnaam")),
          "until": AuditField(_("Geblokkeerd tot"))}

_TWO_FACTOR = {"recovery_codes": AuditField(_("Nieuwe herstelcodes")),
               "recovery_codes_left": AuditField(_("Herstelcodes over")),
               "devices": AuditField(_("Verwijderde apparaten")),
               "address": AuditField(_("Adres"))}

ACTIONS = (
    AuditAction("user_create", _("Account aangemaakt"), (USER,), _USER),
    AuditAction("user_update", _("Account gewijzigd"), (USER,), _USER),
    AuditAction("user_deactivate", _("Account gedeactiveerd"), (USER,), _USER),
    AuditAction("user_reactivate", _("Account weer geactiveerd"), (USER,), _USER),
    AuditAction("password_reset", _("Wachtwoord opnieuw ingesteld"), (USER,)),
    AuditAction("password_change", _("Eigen wachtwoord gewijzigd"), (USER,)),
    AuditAction("token_issue", _("API-token uitgegeven"), (USER,), _USER),
    AuditAction("token_revoke", _("API-token ingetrokken"), (USER,), _USER),
    AuditAction("board_account_link", _("Account van het bestuur gekoppeld"), (), _ACCOUNT),
    AuditAction("login", _("Ingelogd"), (USER,), _LOGIN),
    AuditAction("login_failure", _("Inloggen mislukt"), (ATTEMPT,), _LOGIN),
    AuditAction("login_lockout", _("Inloggen tijdelijk geblokkeerd"), (ATTEMPT,), _LOGIN),
    AuditAction("board_account_unlink", _("Account van het bestuur ontkoppeld"), (), _ACCOUNT),
    AuditAction("otp_enrol", _("Tweestapsverificatie ingesteld"), (USER,), _TWO_FACTOR),
    AuditAction("otp_failure", _("Verkeerde code bij de tweestapsverificatie"), (USER,), _TWO_FACTOR),
    AuditAction("otp_recovery_used", _("Herstelcode gebruikt"), (USER,), _TWO_FACTOR),
    AuditAction("otp_recovery_renew", _("Nieuwe herstelcodes gemaakt"), (USER,), _TWO_FACTOR),
    AuditAction("otp_reset", _("Tweestapsverificatie gewist"), (USER,), _TWO_FACTOR),
)
