"""The data version: a number that rises after every committed state change, for caches that must stay exact.

Every state change writes an audit event inside its transaction (ADR 0020); :func:`audit_record` asks for the
version to be raised *after* that transaction commits. A page part computed from the data is cached under the
version read before it was computed (:func:`data_version`), so:

- computed before a change committed → stored under a version that the change's raise has already passed;
- computed after → shows the change.

The raise runs after the commit, outside the writer's transaction and locks, as one single-row UPDATE; a
transaction that rolls back raises nothing. Should a process die between its commit and the raise, the caches'
own short lifetime bounds what could be shown (ADR 0030).
"""

from __future__ import annotations

import hashlib

from django.db import transaction
from django.db.models import F

from ontmoet.core.models import DataVersion

KEY = "data"
#: How long a cached part lives at most (the bound should a process die between a commit and its rise).
PAGE_CACHE_SECONDS = 300


def data_version() -> int:
    """The current version (one primary-key read)."""
    row = DataVersion.objects.filter(key=KEY).values_list("number", flat=True).first()
    return row or 0


def _raise_version() -> None:
    if DataVersion.objects.filter(key=KEY).update(number=F("number") + 1) == 0:
        DataVersion.objects.get_or_create(key=KEY, defaults={"number": 1})


def raise_after_commit() -> None:
    """Raise the version once this transaction commits (once per transaction, however many events it writes)."""
    connection = transaction.get_connection()
    if any(func is _raise_version for _sids, func, _robust in connection.run_on_commit):
        return
    transaction.on_commit(_raise_version, robust=True)


def cache_key(name: str, *parts: object) -> str:
    """A page-cache key under the current data version and day (a scheduled change takes effect at midnight
    without a write); ``parts`` say whatever else the cached thing depends on. Hashed, so any text is safe."""
    from django.utils import timezone

    text = "\x1f".join(str(p) for p in (data_version(), timezone.localdate(), *parts))
    return f"{name}:{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()}"
