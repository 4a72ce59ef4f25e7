from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ontmoet.accounts"
    label = "accounts"
    verbose_name = _("Accounts en rollen")

    def ready(self) -> None:
        from ontmoet.accounts.audit_labels import ACTIONS as AUDIT_ACTIONS
        from ontmoet.core.registry import register_audit_actions

        register_audit_actions(*AUDIT_ACTIONS)
        from ontmoet.accounts.demo import load_accounts_demo
        from ontmoet.accounts.roles import ACCOUNT_MANAGERS
        from ontmoet.core.registry import DemoLoader, MenuEntry, register_demo_loader, register_menu_entry

        register_demo_loader(DemoLoader(name="accounts", load=load_accounts_demo, order=0))
        register_menu_entry(MenuEntry(_("Gebruikers"), "accounts:users", ACCOUNT_MANAGERS, order=90,
                                      description=_("Accounts, rollen, plekken van bestuursleden, wachtwoorden "
                                                    "en API-tokens.")))
