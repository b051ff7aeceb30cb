"""One story assigner at a time per database, across processes and machines.

Two `ingest` runs and a `watch` may finish together; each would rebuild the story index from what is assigned
and assign the rest, and two doing so at once would each miss the other's stories. PostgreSQL has advisory
locks, freed by the server when their session ends (a killed process holds nothing); a SQLite file, only
reachable on one machine, gets an flock on a file beside it, freed by the kernel when the process dies.
"""

from __future__ import annotations

import fcntl
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url


@contextmanager
def exclusive(engine: Engine, name: str) -> Iterator[None]:
    """Hold the database-wide lock `name` (waiting for it) while the block runs."""
    if engine.dialect.name == "postgresql":
        with _advisory(engine, name):
            yield
        return
    database = make_url(str(engine.url)).database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield  # one connection's own database: nobody else can write it
        return
    with _flocked(Path(f"{database}-{name}.lock")):
        yield


@contextmanager
def _advisory(engine: Engine, name: str) -> Iterator[None]:
    key = zlib.crc32(f"manysides:{name}".encode())
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
        connection.commit()
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
            connection.commit()


@contextmanager
def _flocked(path: Path) -> Iterator[None]:
    try:
        handle = path.open("a")
    except OSError:  # a folder we may not write in: we cannot write the database there either
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
