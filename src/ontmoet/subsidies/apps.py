from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubsidiesConfig(AppConfig):
    name = "ontmoet.subsidies"
    label = "subsidies"
    verbose_name = _("Subsidies")

    def ready(self) -> None:
        from ontmoet.core.registry import register_audit_actions
        from ontmoet.subsidies.audit_labels import ACTIONS

        register_audit_actions(*ACTIONS)
