from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "ontmoet.finance"
    label = "finance"
    verbose_name = _("Financieel kader")

    def ready(self) -> None:
        from ontmoet.accounts.roles import FINANCE_READERS
        from ontmoet.core.registry import (
            DemoLoader,
            MenuEntry,
            register_audit_actions,
            register_demo_loader,
            register_menu_entry,
        )
        from ontmoet.finance.audit_labels import ACTIONS
        from ontmoet.finance.demo import load_finance_demo

        register_menu_entry(MenuEntry(_("Financieel kader"), "finance:budget", FINANCE_READERS, order=30,
                                      description=_("Het budget per bouwsteen en jaar, scenario's, "
                                                    "investeringsprojecten en de verplichtingen.")))
        register_demo_loader(DemoLoader(name="finance", load=load_finance_demo, order=30))
        register_audit_actions(*ACTIONS)
