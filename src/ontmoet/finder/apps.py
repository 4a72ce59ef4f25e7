from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinderConfig(AppConfig):
    name = "ontmoet.finder"
    label = "finder"
    verbose_name = _("Vind een ontmoetingsplek")

    def ready(self) -> None:
        from ontmoet.accounts.roles import BOARD_MEMBERS
        from ontmoet.core.registry import StartPanel, register_audit_actions, register_start_panel
        from ontmoet.finder.audit_labels import ACTIONS
        from ontmoet.finder.start import initiatives_panel

        register_start_panel(StartPanel(template="finder/start/initiatives.html", context=initiatives_panel,
                                        roles=BOARD_MEMBERS, order=15))
        register_audit_actions(*ACTIONS)
