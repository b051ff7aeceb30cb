"""Shared fixtures: the real evaluation data beside the repo (`../shared`), and a fresh database per backend.

When `../shared` or the PostgreSQL test server is absent, tests that need it skip with a clear reason; under
CI=true they fail, because CI always has both and a silent skip there would hide a broken path.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path
from typing import NoReturn

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MANYSIDES_SHARED", REPO.parent / "shared"))
DEMO = REPO / "examples" / "demo"


PG_URL_VARIABLE = "MANYSIDES_TEST_PG_URL"


def _missing(reason: str) -> NoReturn:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _need(path: Path) -> Path:
    if not path.exists():
        _missing(f"{path} is missing: the real evaluation data must sit beside the repo as ../shared")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _need(SHARED / "seeds")


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    return _need(SHARED / "datasets")


@pytest.fixture(scope="session")
def extraction_dir(datasets_dir: Path) -> Path:
    return _need(datasets_dir / "article-extraction")


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return DEMO


BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new database of the test's own, once on each backend the store supports.

    PostgreSQL needs a server: MANYSIDES_TEST_PG_URL names one (`.ci/postgres.sh start` starts a throwaway one),
    and each test gets a new database there, dropped afterwards (see `empty_database`).
    """
    with empty_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture(scope="module", params=BACKENDS)
def module_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An empty database per backend for a module's shared fixture (built once, read by many tests)."""
    with empty_database(request.param, tmp_path_factory.mktemp(request.param)) as url:
        yield url


@contextmanager
def empty_database(backend: str, folder: Path, name: str = "test") -> Iterator[str]:
    """The URL of a new database holding no rows on `backend`: `name`.db in `folder` (not yet made: the first
    command migrates it), or a PostgreSQL database dropped afterwards, copied from one migrated once per run
    (migrating costs a PostgreSQL database about as much again as making it)."""
    if backend == "sqlite":
        yield sqlite_url(folder, name)
        return
    with _postgres_database(template=_migrated_template()) as url:
        yield url


_RUN = ExitStack()  # what lives as long as the test run: the migrated template database
_TEMPLATE: list[str] = []


def _migrated_template() -> str:
    """The name of this run's PostgreSQL database at the newest schema and without rows, made on first use."""
    if not _TEMPLATE:
        from manysides.store.repository import Store

        url = _RUN.enter_context(_postgres_database())
        Store(url).close()  # migrates from nothing, once a run; nothing stays connected, so it can be copied
        _TEMPLATE.append(make_url(url).database or "")
    return _TEMPLATE[0]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _RUN.close()


def sqlite_url(folder: Path, name: str = "test") -> str:
    """A SQLite database `name`.db in `folder`, for the tests that stay on SQLite (each says why)."""
    return f"sqlite:///{folder / name}.db"


@contextmanager
def another_database(db_url: str, folder: Path, name: str) -> Iterator[str]:
    """A second empty database on the backend of `db_url`, for a test that compares two."""
    with empty_database(make_url(db_url).get_backend_name(), folder, name) as url:
        yield url


@contextmanager
def database_copy(url: str, folder: Path) -> Iterator[str]:
    """A copy of the database at `url`, for a test that writes to it while others read the original.

    SQLite: the backup API (WAL content included). PostgreSQL: CREATE DATABASE ... TEMPLATE, which needs no other
    connection to the original at that moment, so take the copy before anything holds one open.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        source = Path(parsed.database or "")
        target = folder / source.name
        with closing(sqlite3.connect(source)) as reading, closing(sqlite3.connect(target)) as writing:
            reading.backup(writing)
        yield f"sqlite:///{target}"
        return
    with _postgres_database(template=parsed.database) as copy:
        yield copy


def postgres_server() -> str:
    """The test server's URL, or skip (fail under CI=true) when none is running."""
    server = os.environ.get(PG_URL_VARIABLE)
    if not server:
        _missing(
            f"{PG_URL_VARIABLE} is unset: `make test` starts a throwaway PostgreSQL server when one is installed "
            '(by hand: `eval "$(.ci/postgres.sh start)"`)'
        )
    return server


@contextmanager
def _postgres_database(template: str | None = None) -> Iterator[str]:
    """A new database on the test server, dropped afterwards: a copy of `template`, else empty with a language
    collation (ICU's en-US, as a server set up in a user's locale has; PostgreSQL 15 and later), so that a query
    whose order rests on SQLite's byte order shows it; the throwaway cluster itself is initialised with C."""
    server = postgres_server()
    name = f"manysides_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            if template:
                options = f' TEMPLATE "{template}"'
            elif connection.dialect.server_version_info >= (15,):
                options = " TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US'"
            else:
                options = ""
            connection.execute(text(f'CREATE DATABASE "{name}"{options}'))
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:  # FORCE: a connection the test left open must not keep it alive
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
