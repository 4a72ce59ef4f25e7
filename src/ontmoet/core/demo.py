"""The demo installation: every capability's registered demo loader, in order (idempotent)."""

from __future__ import annotations

from ontmoet.core.registry import demo_loaders


def load_demo() -> list[str]:
    """Run every registered demo loader (each is idempotent); returns the names loaded."""
    loaded = []
    for loader in demo_loaders():
        loader.load()
        loaded.append(loader.name)
    return loaded
