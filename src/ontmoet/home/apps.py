from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "ontmoet.home"
    label = "home"
    verbose_name = _("Startpagina")

    def ready(self) -> None:
        from ontmoet.accounts.roles import AUDIT_READERS
        from ontmoet.core.registry import StartPanel, register_start_panel
        from ontmoet.home.panels import recent_changes_panel

        register_start_panel(StartPanel(template="home/start/recent_changes.html", context=recent_changes_panel,
                                        roles=AUDIT_READERS, order=80))
