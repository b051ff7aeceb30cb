"""Retrying a write the database asks us to retry, so concurrent writers wait instead of failing.

SQLite answers "database is locked" (busy) once its busy_timeout has run out; PostgreSQL aborts one side of a
deadlock or a serialization conflict. Both mean "try the same transaction again", never "this page is bad".
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

T = TypeVar("T")
ATTEMPTS = 12  # with the backoff below, about a minute of waiting on top of SQLite's own busy_timeout
_PG_RETRY = {"40001", "40P01", "55P03"}  # serialization failure, deadlock detected, lock not available
_PG_UNIQUE = "23505"


def is_transient(error: SQLAlchemyError) -> bool:
    """True when the database refused for a moment (busy, deadlock, serialization), not for good."""
    cause = getattr(error, "orig", None)
    if getattr(cause, "sqlstate", None) in _PG_RETRY:
        return True
    if isinstance(error, DBAPIError) and getattr(error, "connection_invalidated", False):
        return True
    text = str(cause or error).lower()
    return "database is locked" in text or "database table is locked" in text or "database is busy" in text


def is_race(error: SQLAlchemyError) -> bool:
    """A unique key another writer took first: reading again finds its row (the page is then unchanged)."""
    if not isinstance(error, IntegrityError):
        return False
    cause = getattr(error, "orig", None)
    return getattr(cause, "sqlstate", None) == _PG_UNIQUE or "unique constraint failed" in str(cause).lower()


def retrying(work: Callable[[], T], attempts: int = ATTEMPTS) -> T:
    """Run `work` (one whole transaction) again while the database says to; other errors pass through."""
    for attempt in range(attempts):
        try:
            return work()
        except SQLAlchemyError as error:
            if attempt == attempts - 1 or not is_transient(error):
                raise
            time.sleep(min(8.0, 0.05 * 2**attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")
