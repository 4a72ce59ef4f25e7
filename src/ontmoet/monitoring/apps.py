from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "ontmoet.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self) -> None:
        from ontmoet.accounts.roles import MONITORING_READERS
        from ontmoet.core.registry import MenuEntry, register_audit_actions, register_menu_entry
        from ontmoet.monitoring.audit_labels import ACTIONS

        register_menu_entry(MenuEntry(_("Monitoring"), "monitoring:dashboard", MONITORING_READERS, order=40,
                                      description=_("De indicatoren tegen hun doelen, per plek en buurt, met "
                                                    "de raadsrapportage.")))
        register_audit_actions(*ACTIONS)
