"""Storage: versioned schema, WAL on SQLite, one commit per page (a killed ingest resumes), no loss on failure."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from manysides.store.database import MIGRATIONS
from manysides.store.repository import Store
from tests.helpers import run_cli


def _count(db_url: str) -> int:
    """Articles stored so far, read while another process writes; 0 before that process made the table."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT COUNT(*) FROM articles")).scalar_one())
    except SQLAlchemyError:
        return 0
    finally:
        engine.dispose()


def test_schema_is_versioned_and_reopening_migrates_nothing(db_url: str) -> None:
    Store(db_url).close()
    engine = create_engine(db_url)
    with engine.connect() as connection:
        head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head
    engine.dispose()
    Store(db_url).close()  # opening again migrates nothing and fails nothing


def test_sqlite_uses_wal(tmp_path: Path) -> None:
    """SQLite only: WAL is a SQLite journal mode (it is what lets a killed ingest lose at most its last page)."""
    db = tmp_path / "s.db"
    Store(f"sqlite:///{db}").close()
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_killed_ingest_keeps_committed_pages_and_the_next_run_resumes(
    extraction_dir: Path, tmp_path: Path, db_url: str
) -> None:
    pages = sorted((extraction_dir / "html").glob("*.html.gz"))[:40]
    db = db_url
    command = [sys.executable, "-m", "manysides", "ingest", *map(str, pages), "--db", db]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _count(db) < 5 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored = _count(db)
    assert stored >= 5
    report = run_cli("ingest", *pages, "--db", db, "--json").json()
    assert report["counts"]["failed"] == 0
    assert report["counts"]["unchanged"] >= stored
    assert report["counts"]["new"] + report["counts"]["unchanged"] == 40
    assert _count(db) == 40


def test_entry_point_runs_as_installed_command(tmp_path: Path, db_url: str) -> None:
    """The database comes from MANYSIDES_DB, as a deployment sets it (a PostgreSQL URL included)."""
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps({"id": "cli", "text": "Installed command works."}))
    env = {**os.environ, "MANYSIDES_DB": db_url}
    done = subprocess.run(
        [sys.executable, "-m", "manysides", "ingest", str(source)], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "1 new" in done.stdout
    version = subprocess.run([sys.executable, "-m", "manysides", "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("manysides ")
