from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CapacityConfig(AppConfig):
    name = "ontmoet.capacity"
    label = "capacity"
    verbose_name = _("Opbouwwerk en bestuursondersteuning")

    def ready(self) -> None:
        from ontmoet.accounts.roles import CAPACITY_READERS
        from ontmoet.capacity.audit_labels import ACTIONS
        from ontmoet.capacity.demo import load_capacity_demo
        from ontmoet.capacity.selectors import read_board_support_on_demand, read_community_work_in_subsidy
        from ontmoet.core.registry import (
            DemoLoader,
            IndicatorSource,
            MenuEntry,
            register_audit_actions,
            register_demo_loader,
            register_indicator_source,
            register_menu_entry,
        )

        register_menu_entry(MenuEntry(_("Opbouwwerk en besturen"), "capacity:overview", CAPACITY_READERS, order=50,
                                      description=_("Extra opbouwwerk per plek, de uren, vragen om "
                                                    "bestuursondersteuning en de besturen die aandacht nodig "
                                                    "hebben.")))
        register_demo_loader(DemoLoader(name="capacity", load=load_capacity_demo, order=50))
        register_audit_actions(*ACTIONS)
        register_indicator_source(IndicatorSource(key="community_work_in_trajekt_subsidy",
                                                  read=read_community_work_in_subsidy))
        register_indicator_source(IndicatorSource(key="board_support_on_demand", read=read_board_support_on_demand))
