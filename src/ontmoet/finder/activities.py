"""What the public pages show of activities. The activities capability is not part of Ontmoet yet: until it is,
there are none, and the pages and feeds say so (the place page: "no activities yet"; feeds: valid, empty)."""

from __future__ import annotations

from ontmoet.finder.ical import FeedEvent


def activity_feed_events(*, place_pk: int | None, base_url: str) -> list[FeedEvent]:
    return []
