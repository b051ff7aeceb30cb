"""Shared fixtures: the real evaluation data beside the repo (`../shared`), and a fresh database per backend.

When `../shared` or the PostgreSQL test server is absent, tests that need it skip with a clear reason; under
CI=true they fail, because CI always has both and a silent skip there would hide a broken path.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
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


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of the test's own, once on each backend the store supports.

    PostgreSQL needs a server: MANYSIDES_TEST_PG_URL names one (`.ci/postgres.sh start` starts a throwaway one),
    and each test gets a new database there, dropped afterwards.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    server = os.environ.get(PG_URL_VARIABLE)
    if not server:
        _missing(f'{PG_URL_VARIABLE} is unset: start a test server with `eval "$(.ci/postgres.sh start)"`')
    yield from _fresh_postgres_database(server)


def _fresh_postgres_database(server: str) -> Iterator[str]:
    name = f"manysides_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:  # FORCE: a connection the test left open must not keep it alive
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
