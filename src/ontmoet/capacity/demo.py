"""Demo data of community work and board support: filled in later in this file."""

from __future__ import annotations


def load_capacity_demo() -> None:
    return None
