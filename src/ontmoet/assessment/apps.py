from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "ontmoet.assessment"
    label = "assessment"
    verbose_name = _("Afwegingskader")

    def ready(self) -> None:
        from ontmoet.accounts.roles import STAFF_ROLES
        from ontmoet.assessment.audit_labels import ACTIONS
        from ontmoet.assessment.demo import load_assessment_demo
        from ontmoet.core.registry import (
            DemoLoader,
            MenuEntry,
            register_audit_actions,
            register_demo_loader,
            register_menu_entry,
        )

        register_menu_entry(MenuEntry(_("Afwegingskader"), "assessment:index", frozenset(STAFF_ROLES), order=40,
                                      description=_("De regels voor een nieuwe plek toetsen: wat als hier een "
                                                    "plek komt, en de kwetsbaarheid per buurt.")))
        register_demo_loader(DemoLoader(name="assessment", load=load_assessment_demo, order=20))
        register_audit_actions(*ACTIONS)
