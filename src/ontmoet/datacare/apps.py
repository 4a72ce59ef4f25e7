from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatacareConfig(AppConfig):
    name = "ontmoet.datacare"
    label = "datacare"
    verbose_name = _("Gegevensbeheer")

    def ready(self) -> None:
        from ontmoet.core.registry import register_audit_actions
        from ontmoet.datacare.audit_labels import ACTIONS

        register_audit_actions(*ACTIONS)
