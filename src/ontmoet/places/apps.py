from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "ontmoet.places"
    label = "places"
    verbose_name = _("Register van ontmoetingsplekken")

    def ready(self) -> None:
        from ontmoet.accounts.roles import ALL_ROLES, BOARD_MEMBERS, STAFF_ROLES
        from ontmoet.core.registry import (
            DemoLoader,
            MenuEntry,
            StartPanel,
            register_audit_actions,
            register_demo_loader,
            register_menu_entry,
            register_start_panel,
        )
        from ontmoet.places.audit_labels import ACTIONS
        from ontmoet.places.demo import load_register_demo
        from ontmoet.places.start import own_places_panel, register_panel

        register_menu_entry(MenuEntry(_("Register"), "places:list", frozenset(ALL_ROLES), order=10,
                                      description=_("Alle ontmoetingsplekken met type, adres, pand en bestuur; "
                                                    "zoeken, filteren en exporteren.")))
        register_menu_entry(MenuEntry(_("Kaart"), "places:map", frozenset(STAFF_ROLES), order=20,
                                      description=_("De plekken per wijk en buurt op de kaart van Maastricht.")))
        register_start_panel(StartPanel(template="places/start/own_places.html", context=own_places_panel,
                                        roles=BOARD_MEMBERS, order=10))
        register_start_panel(StartPanel(template="places/start/register.html", context=register_panel,
                                        roles=frozenset(STAFF_ROLES), order=20))
        register_demo_loader(DemoLoader(name="register", load=load_register_demo, order=10))
        register_audit_actions(*ACTIONS)
