"""What each capability contributes to the whole: its menu entry, its demo loader and its start-page panel.

The lower layers (core, accounts) never import an app. Instead every app registers its parts here from its
``AppConfig.ready()``; the navigation, ``ontmoet load_demo`` and the start page read the registry. A new app
adds itself without editing core.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.functional import Promise


@dataclass(frozen=True)
class MenuEntry:
    """One item of the main menu, shown to the roles named (role codes); ``description`` says on the start
    page's tile what it is for."""

    label: str | Promise
    url_name: str
    roles: frozenset[str]
    order: int
    description: str | Promise = ""


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


@dataclass(frozen=True)
class IndicatorReading:
    """One year's reading of an indicator from a capability's own records.

    ``value`` is a share as a fraction between 0 and 1, a count, or 1/0 for a yes/no effort; ``achieved`` says
    for a yes/no effort whether it was made; ``detail`` is one sentence for the dashboard (in Dutch, translated)."""

    value: Decimal | None
    achieved: bool | None = None
    detail: str | Promise = ""


@dataclass(frozen=True)
class IndicatorSource:
    """Where a plan indicator (``[monitoring.<key>]``) reads its value: ``read(year)`` returns the reading, or
    None when the capability holds no data for that year (the indicator then says so, never a made-up value).
    Monitoring reads these without importing the subsidy, capacity or board-support apps."""

    key: str
    read: Callable[[int], IndicatorReading | None]


_MENU: dict[str, MenuEntry] = {}
_DEMO: dict[str, DemoLoader] = {}
_PANELS: dict[str, StartPanel] = {}
_INDICATORS: dict[str, IndicatorSource] = {}


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


def register_indicator_source(source: IndicatorSource) -> None:
    _INDICATORS[source.key] = source


def indicator_source(key: str) -> IndicatorSource | None:
    return _INDICATORS.get(key)
