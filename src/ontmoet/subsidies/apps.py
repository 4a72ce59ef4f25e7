from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubsidiesConfig(AppConfig):
    name = "ontmoet.subsidies"
    label = "subsidies"
    verbose_name = _("Subsidies")

    def ready(self) -> None:
        from ontmoet.accounts.roles import SUBSIDY_READERS
        from ontmoet.core.registry import (
            DemoLoader,
            IndicatorSource,
            MenuEntry,
            register_audit_actions,
            register_demo_loader,
            register_indicator_source,
            register_menu_entry,
        )
        from ontmoet.subsidies.audit_labels import ACTIONS
        from ontmoet.subsidies.demo import load_subsidies_demo
        from ontmoet.subsidies.selectors import (
            read_scheme_meeting_centres_published,
            read_scheme_modernisation_published,
        )

        register_menu_entry(MenuEntry(_("Subsidies"), "subsidies:index", SUBSIDY_READERS, order=35,
                                      description=_("Subsidieaanvragen: indienen, beoordelen, besluiten, "
                                                    "voorschotten, vaststelling en bezwaar.")))
        register_demo_loader(DemoLoader(name="subsidies", load=load_subsidies_demo, order=40))
        register_audit_actions(*ACTIONS)
        # The monitoring's effort indicators read the schemes' publication dates (issue 9 point 1).
        register_indicator_source(IndicatorSource(key="scheme_meeting_centres_published",
                                                  read=read_scheme_meeting_centres_published))
        register_indicator_source(IndicatorSource(key="scheme_modernisation_published",
                                                  read=read_scheme_modernisation_published))
