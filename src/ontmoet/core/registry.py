"""What each capability contributes to the whole: its menu entry, its demo loader and its start-page panel.

The lower layers (core, accounts) never import an app. Instead every app registers its parts here from its
``AppConfig.ready()``; the navigation, ``ontmoet load_demo`` and the start page read the registry. A new app
adds itself without editing core.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils.functional import Promise


@dataclass(frozen=True)
class MenuEntry:
    """One item of the main menu, shown to the roles named (role codes)."""

    label: str | Promise
    url_name: str
    roles: frozenset[str]
    order: int


@dataclass(frozen=True)
class DemoLoader:
    """A capability's demo data; loaders run by ``order`` (accounts first, then the register, ...)."""

    name: str
    load: Callable[[], object]
    order: int


@dataclass(frozen=True)
class StartPanel:
    """A panel on the start page: ``context(request)`` returns the template context, or None to hide it."""

    template: str
    context: Callable[[HttpRequest], dict[str, Any] | None]
    roles: frozenset[str]
    order: int


_MENU: dict[str, MenuEntry] = {}
_DEMO: dict[str, DemoLoader] = {}
_PANELS: dict[str, StartPanel] = {}


def register_menu_entry(entry: MenuEntry) -> None:
    _MENU[entry.url_name] = entry


def register_demo_loader(loader: DemoLoader) -> None:
    _DEMO[loader.name] = loader


def register_start_panel(panel: StartPanel) -> None:
    _PANELS[panel.template] = panel


def menu_entries() -> list[MenuEntry]:
    return sorted(_MENU.values(), key=lambda e: e.order)


def demo_loaders() -> list[DemoLoader]:
    return sorted(_DEMO.values(), key=lambda d: d.order)


def start_panels() -> list[StartPanel]:
    return sorted(_PANELS.values(), key=lambda p: p.order)
