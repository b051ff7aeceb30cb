"""Concurrent writers on one database: two `ingest` processes and a `watch`, real subprocesses, both backends.

The two ingests share a third of their articles (real BASIL articles), so they race on the same pages; the
watch polls a local feed of fictional reports (tests/test_watch.py's server). Meanwhile the test itself holds
the database for a few seconds, so every writer must wait for it: none may fail, lose or duplicate a row, or
show a "database is locked", deadlock or serialization error.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from benchmarks.batch_data import story_docs, write_shards
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from manysides.store.repository import Store
from tests.helpers import scalar
from tests.test_watch import Site, rss, site, sources_file  # noqa: F401  (site: the local feed server fixture)

pytestmark = pytest.mark.network

REPO = Path(__file__).resolve().parents[1]
HOLD_SECONDS = 3.0
FEED_ENTRIES = 30
WATCH_OPTIONS = ("--allow-private", "--delay", "0", "--json")
ERRORS = ("locked", "deadlock", "serializ", "Traceback", "could not")


@contextmanager
def _holding_the_database(url: str) -> Iterator[None]:
    """Keep every other writer out while the block runs: SQLite's write lock, or PostgreSQL's table locks."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        connection = sqlite3.connect(str(parsed.database), isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            connection.execute("ROLLBACK")
            connection.close()
        return
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            tables = "pages, articles, sites, site_lines, article_stories, watch_sources, watch_entries"
            connection.execute(text(f"LOCK TABLE {tables} IN EXCLUSIVE MODE"))  # reads still go through
            yield
            connection.rollback()
    finally:
        engine.dispose()


def _start(*args: str, cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-m", "manysides", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)


def test_two_ingests_and_a_watch_wait_for_each_other_and_lose_nothing(
    site: Site,  # noqa: F811
    db_url: str,
    tmp_path: Path,
    datasets_dir: Path,
) -> None:
    articles = [d.article for d in story_docs(150)]
    first = write_shards(tmp_path / "first", articles[:100], 2)  # both ingests carry articles 50-99
    second = write_shards(tmp_path / "second", list(reversed(articles[50:])), 3)
    site.set("/feed.xml", rss("Tidewater Courier", site.base, list(range(1, FEED_ENTRIES + 1))))
    sources = sources_file(tmp_path, ("Tidewater", "Tidewater Courier", site.url("/feed.xml")))
    Store(db_url).close()  # the schema exists before the test holds the database
    with _holding_the_database(db_url):
        runs = [
            _start("ingest", *map(str, first), "--db", db_url, "--json", cwd=tmp_path),
            _start("ingest", *map(str, second), "--db", db_url, "--json", cwd=tmp_path),
            _start("watch", str(sources), "--db", db_url, "--once", *WATCH_OPTIONS, cwd=tmp_path),
        ]
        time.sleep(HOLD_SECONDS)
        assert all(run.poll() is None for run in runs), "every writer waits while the database is held"
        assert scalar(db_url, "SELECT COUNT(*) FROM articles") == 0
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_stdout, stderr) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, stderr
        assert not any(word in stderr for word in ERRORS), stderr
    ingests = [json.loads(stdout)["counts"] for stdout, _ in outputs[:2]]
    watched = json.loads(outputs[2][0])
    assert sum(c["new"] for c in ingests) == len(articles)  # each shared page stored by one of them only
    assert sum(c["unchanged"] for c in ingests) == 50 and sum(c["failed"] for c in ingests) == 0
    assert watched["pages_new"] == FEED_ENTRIES and watched["failed"] == 0
    total = len(articles) + FEED_ENTRIES
    assert scalar(db_url, "SELECT COUNT(*) FROM articles") == total
    assert scalar(db_url, "SELECT COUNT(*) FROM pages") == total
    assert scalar(db_url, "SELECT COUNT(*) FROM article_stories") == total  # each assigned once
    assert scalar(db_url, "SELECT COALESCE(SUM(article_count), 0) FROM story_summaries") == total
    assert scalar(db_url, "SELECT COUNT(*) FROM watch_entries") == FEED_ENTRIES


def test_two_ingests_opening_a_new_database_together_make_its_schema_once(
    db_url: str, tmp_path: Path, datasets_dir: Path
) -> None:
    articles = [d.article for d in story_docs(40)]
    shards = write_shards(tmp_path / "shards", articles, 2)
    runs = [_start("ingest", str(shard), "--db", db_url, "--json", "--no-stories", cwd=tmp_path) for shard in shards]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_stdout, stderr) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, stderr
        assert not any(word in stderr for word in ERRORS), stderr
    assert scalar(db_url, "SELECT COUNT(*) FROM articles") == len(articles)
