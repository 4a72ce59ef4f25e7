"""Serialising writers that check a cap or a ceiling and then write (the register's caps, subsidy ceilings,
fte caps): the check and the write must be one step for everyone who writes at the same moment.

``serialise(name)`` takes a lock that lasts until the end of the current transaction:

- PostgreSQL: a transaction-level advisory lock on a stable 64-bit hash of ``name``. It also serialises the
  first writers of an empty table, which a row lock (``SELECT ... FOR UPDATE``) cannot, since there is no row
  yet to lock.
- SQLite: a write to the lock's row, which takes the database's write lock up front; other writers wait for
  the busy timeout instead of reading a stale count. Readers are not blocked (WAL mode).
"""

from __future__ import annotations

import hashlib

from django.db import connection, transaction
from django.db.models import F

from ontmoet.core.models import SerialLock

#: The register's type history: every path that sets a place's type (create, import, type change, correction).
REGISTER_TYPES = "register:types"


def _key(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def serialise(name: str) -> None:
    """Hold the lock ``name`` until the current transaction ends (call inside ``transaction.atomic``)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("serialise() must be called inside the transaction it protects")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_key(name)])
        return
    if not SerialLock.objects.filter(name=name).update(generation=F("generation") + 1):
        SerialLock.objects.get_or_create(name=name)
