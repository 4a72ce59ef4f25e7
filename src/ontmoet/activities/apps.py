from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "ontmoet.activities"
    label = "activities"
    verbose_name = _("Activiteiten")

    def ready(self) -> None:
        from ontmoet.accounts.roles import ACTIVITY_WRITERS
        from ontmoet.activities.audit_labels import ACTIONS
        from ontmoet.activities.demo import load_activities_demo
        from ontmoet.core.registry import (
            DemoLoader,
            MenuEntry,
            register_audit_actions,
            register_demo_loader,
            register_menu_entry,
        )

        register_menu_entry(MenuEntry(_("Activiteiten"), "activities:list", ACTIVITY_WRITERS, order=15,
                                      description=_("De activiteiten van de plekken registreren: één keer of "
                                                    "wekelijks, wijzigen en laten vervallen.")))
        register_demo_loader(DemoLoader(name="activities", load=load_activities_demo, order=40))
        register_audit_actions(*ACTIONS)
