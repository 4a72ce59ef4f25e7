from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "ontmoet.places"
    label = "places"
    verbose_name = _("Register van ontmoetingsplekken")

    def ready(self) -> None:
        from ontmoet.accounts.roles import ALL_ROLES, STAFF_ROLES
        from ontmoet.core.registry import (
            DemoLoader,
            MenuEntry,
            register_audit_actions,
            register_demo_loader,
            register_menu_entry,
        )
        from ontmoet.places.audit_labels import ACTIONS
        from ontmoet.places.demo import load_register_demo

        register_menu_entry(MenuEntry(_("Register"), "places:list", frozenset(ALL_ROLES), order=10))
        register_menu_entry(MenuEntry(_("Kaart"), "places:map", frozenset(STAFF_ROLES), order=20))
        register_demo_loader(DemoLoader(name="register", load=load_register_demo, order=10))
        register_audit_actions(*ACTIONS)
