"""Engine creation and schema migration; SQLite gets WAL so a killed ingest loses at most the batch in flight, and
a busy timeout so concurrent writers wait for each other (store/retry.py retries past it)."""

from __future__ import annotations

import os
from contextlib import nullcontext
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from manysides.settings import DATABASE_ENV, DATABASE_URL
from manysides.store.locks import exclusive
from manysides.store.retry import retrying

DEFAULT_DB = DATABASE_URL
MIGRATIONS = Path(__file__).parent / "migrations"


POSTGRES_DRIVER = "postgresql+psycopg"  # the `postgres` extra installs psycopg 3, not SQLAlchemy's default psycopg2


def database_url(given: str | None) -> str:
    """--db, else MANYSIDES_DB, else manysides.db in the working directory; a bare path means SQLite.

    A `postgresql://` (or `postgres://`) URL without a driver uses psycopg 3, the one the extra installs.
    """
    url = given or os.environ.get(DATABASE_ENV) or DEFAULT_DB
    if "://" not in url:
        return f"sqlite:///{url}"
    scheme, rest = url.split("://", 1)
    return f"{POSTGRES_DRIVER}://{rest}" if scheme in ("postgresql", "postgres") else url


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL opens, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def open_engine(url: str) -> Engine:
    """An engine with the schema at its newest version; a missing SQLite file is created, its folder is not."""
    engine = create_engine(url)
    if make_url(url).get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    retrying(lambda: migrate(engine))  # a new file another process is setting up may still say it is busy
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest version, one process at a time: two processes opening a new database
    together must not both create its tables. PostgreSQL takes an advisory lock; SQLite runs the whole
    migration in one BEGIN IMMEDIATE transaction (its write lock, waited for, and no half-made schema)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current == ScriptDirectory.from_config(config).get_current_head():
        return  # the usual case, read only: a read-only database still opens
    lock = exclusive(engine, "migrate") if engine.dialect.name == "postgresql" else nullcontext()
    with lock, engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA busy_timeout=10000")  # first: switching a new file to WAL waits for another opener
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
