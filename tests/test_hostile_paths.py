"""Hostile paths (issue #19, findings 8 and 9): output files checked before the work, no database made by a
typo, folder walks and globs that stay inside and end on link loops, and literal `--outlet` filters."""

from __future__ import annotations

import json
import os
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import postgres_server
from tests.helpers import run_cli, two_outlet_jsonl

NO_DB_COMMANDS = [
    ("articles",),
    ("stories",),
    ("story", "s-anything"),
    ("compare", "--story", "s-anything"),
    ("reextract",),
    ("restory",),
]


def _one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: ") and "Traceback" not in stderr, stderr
    return lines[0]


def _record(path: Path, article_id: str, outlet: str = "Alpha Post") -> Path:
    """One JSON Lines article (fictional), so each file found is one article, whatever the extractor does."""
    row = {
        "id": article_id,
        "outlet": outlet,
        "title": f"Report {article_id}",
        "text": f"The harbour office said on Monday that {article_id} ships had docked.\n\nIt gave no other detail.",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return path


def _extracted_ids(*args: str | Path) -> list[str]:
    run = run_cli("extract", *args, "--json")
    assert run.exit_code == 0, run.stderr
    return sorted(row["id"] for row in run.json_lines())


# Finding 8, item 1: `-o` is checked before the comparison runs.


def test_output_in_a_missing_folder_stops_before_any_work(tmp_path: Path) -> None:
    bad_input = tmp_path / "bad.html"
    bad_input.write_bytes(b"")  # would print its own error line if any input were read
    target = tmp_path / "no" / "such" / "report.html"
    run = run_cli("compare", two_outlet_jsonl(tmp_path), bad_input, "-f", "html", "-o", target)
    assert run.exit_code == 2
    line = _one_error_line(run.stderr)
    assert line.startswith(f"error: --output {target}: folder {target.parent} does not exist"), line
    assert run.stdout == "" and not (tmp_path / "no").exists()


def test_output_to_a_folder_is_refused_and_the_folder_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    run = run_cli("compare", two_outlet_jsonl(tmp_path), "--json", "--output", folder)
    assert run.exit_code == 2
    assert _one_error_line(run.stderr) == f"error: --output {folder}: is a folder; give a file name"
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere, so nothing is unwritable")
def test_output_in_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        run = run_cli("compare", two_outlet_jsonl(tmp_path), "-o", folder / "report.txt")
    finally:
        folder.chmod(0o700)
    assert run.exit_code == 2
    assert "is not writable" in _one_error_line(run.stderr)


# Finding 8, item 2: no database is created by a command that only reads, nor folders by one that stores.


@pytest.mark.parametrize("command", NO_DB_COMMANDS, ids=lambda c: " ".join(c))
def test_reading_commands_do_not_create_a_database(command: tuple[str, ...], tmp_path: Path) -> None:
    """SQLite only: a file and its folders are what a typo would create; for PostgreSQL see the next test."""
    db = tmp_path / "typo" / "news.db"
    run = run_cli(*command, "--db", db)
    assert run.exit_code == 2
    expected = f"error: --db {db}: no database there (run `manysides ingest ... --db {db}` first)"
    assert _one_error_line(run.stderr) == expected
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize("command", [*NO_DB_COMMANDS, ("ingest", "-")], ids=lambda c: " ".join(c))
def test_a_missing_postgresql_database_is_one_line_and_none_is_created(command: tuple[str, ...]) -> None:
    """A PostgreSQL URL naming no database: every command, ingest included, says so in one line (creating a
    database on a server is its administrator's job) and none appears."""
    server = postgres_server()
    missing = make_url(server).set(database=f"manysides_typo_{uuid.uuid4().hex[:8]}")
    url = missing.render_as_string(hide_password=False)
    run = run_cli(*command, "--db", url, stdin=b"")
    assert run.exit_code == 2
    line = _one_error_line(run.stderr)
    assert "cannot open the database" in line and missing.database in line, line
    admin = create_engine(server)
    with admin.connect() as connection:
        query = text("SELECT count(*) FROM pg_database WHERE datname = :name")
        assert connection.execute(query, {"name": missing.database}).scalar_one() == 0
    admin.dispose()


def test_reading_a_missing_database_in_an_existing_folder_creates_no_file(tmp_path: Path) -> None:
    """SQLite only: about a file on disk."""
    run = run_cli("articles", "--db", f"sqlite:///{tmp_path / 'news.db'}")
    assert run.exit_code == 2 and "no database there" in _one_error_line(run.stderr)
    assert list(tmp_path.iterdir()) == []


def test_ingest_makes_the_database_file_but_not_missing_folders(tmp_path: Path) -> None:
    """SQLite only: about a file and its folder on disk."""
    page = _record(tmp_path / "a.jsonl", "a")
    db = tmp_path / "missing" / "news.db"
    run = run_cli("ingest", page, "--db", db)
    assert run.exit_code == 2
    assert _one_error_line(run.stderr).startswith(f"error: --db {db}: folder {db.parent} does not exist")
    assert not db.parent.exists()
    here = tmp_path / "news.db"
    assert run_cli("ingest", page, "--db", here).exit_code == 0 and here.is_file()
    assert [a["id"] for a in run_cli("articles", "--db", here, "--json").json()] == ["a"]


def test_a_folder_given_as_database_is_refused(tmp_path: Path) -> None:
    """SQLite only: about a path on disk."""
    run = run_cli("ingest", _record(tmp_path / "a.jsonl", "a"), "--db", tmp_path)
    assert run.exit_code == 2
    assert _one_error_line(run.stderr) == f"error: --db {tmp_path}: is a folder, not a database file"


# Finding 8, item 3: walks stay inside the folder unless asked; link loops are walked once.


def test_folder_walk_does_not_follow_links_out_unless_asked(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    _record(pages / "inside.jsonl", "inside")
    _record(tmp_path / "elsewhere" / "private" / "secret.jsonl", "secret")
    _record(tmp_path / "elsewhere" / "loose.jsonl", "loose")
    os.symlink(tmp_path / "elsewhere" / "private", pages / "linked-folder")
    os.symlink(tmp_path / "elsewhere" / "loose.jsonl", pages / "linked-file.jsonl")
    os.symlink(pages / "inside.jsonl", pages / "alias.jsonl")  # a link inside the folder: same file, read once
    assert _extracted_ids(pages) == ["inside"]
    assert _extracted_ids(pages, "--follow-symlinks") == ["inside", "loose", "secret"]


def test_folder_of_links_out_says_how_to_read_them(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    os.symlink(_record(tmp_path / "elsewhere.jsonl", "elsewhere"), pages / "link.jsonl")
    run = run_cli("extract", pages, "--json")
    assert run.exit_code == 1 and run.stdout == ""
    assert "--follow-symlinks" in _one_error_line(run.stderr)


def test_globstar_through_link_loops_names_each_file_once(tmp_path: Path) -> None:
    """Two links back up the tree made Python's glob walk 2^depth paths (over 30 s, 81 copies with one loop);
    each real folder is now entered once, so this finishes at once (the limit below is generous)."""
    root = tmp_path / "news"
    _record(root / "one.jsonl", "one")
    _record(root / "sub" / "two.jsonl", "two")
    os.symlink("..", root / "sub" / "up")
    os.symlink(".", root / "sub" / "here")
    started = time.monotonic()
    for follow in ((), ("--follow-symlinks",)):
        assert _extracted_ids(f"{root}/**/*.jsonl", *follow) == ["one", "two"]
        assert _extracted_ids(root, *follow) == ["one", "two"]
    assert time.monotonic() - started < 20


def test_glob_leaves_out_links_out_of_its_folder_unless_asked(tmp_path: Path) -> None:
    _record(tmp_path / "news" / "mine.jsonl", "mine")
    os.symlink(_record(tmp_path / "other" / "theirs.jsonl", "theirs"), tmp_path / "news" / "theirs.jsonl")
    assert _extracted_ids(f"{tmp_path}/news/*.jsonl") == ["mine"]
    assert _extracted_ids(f"{tmp_path}/news/*.jsonl", "--follow-symlinks") == ["mine", "theirs"]


def test_help_names_the_option_that_follows_links() -> None:
    for command in ("ingest", "extract", "compare"):
        assert "--follow-symlinks" in run_cli(command, "--help").stdout


# Finding 9: `--outlet` is a whole name in both listings; `%` and `_` are plain characters.


def test_outlet_filters_are_literal_and_agree(tmp_path: Path, db_url: str) -> None:
    jsonl = tmp_path / "outlets.jsonl"
    outlets = {"pct": "100% News", "under": "Beta_News", "plain": "BetaXNews", "accent": "Écho du Port"}
    rows = [
        {
            "id": key,
            "outlet": outlet,
            "published": f"2025-03-0{i + 1}T10:00:00",
            "title": f"Harbour {key} report",
            "text": f"The {key} harbour office said {i + 3} ships docked on Monday.\n\nIt gave no other detail.",
        }
        for i, (key, outlet) in enumerate(outlets.items())
    ]
    jsonl.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    db = db_url
    assert run_cli("ingest", jsonl, "--db", db).exit_code == 0

    def articles(outlet: str) -> list[str]:
        return sorted(a["id"] for a in run_cli("articles", "--db", db, "--outlet", outlet, "--json").json())

    def stories(outlet: str) -> list[str]:
        return sorted(s["id"] for s in run_cli("stories", "--db", db, "--outlet", outlet, "--json").json())

    story_of = {a["id"]: s["id"] for s in run_cli("stories", "--db", db, "--json").json() for a in s["articles"]}
    assert set(story_of) == set(outlets)
    for wildcard in ("%", "_", "Beta%", "100%", "%News"):
        assert articles(wildcard) == stories(wildcard) == [], wildcard
    for outlet, expected in [("100% news", "pct"), ("beta_news", "under"), ("  ÉCHO  du port ", "accent")]:
        assert articles(outlet) == [expected], outlet
        assert stories(outlet) == [story_of[expected]], outlet


def test_an_outlet_name_longer_than_the_store_keeps_still_finds_its_articles(tmp_path: Path, db_url: str) -> None:
    long_outlet = "Very Long Fictional Outlet Name " * 12
    db = db_url
    source = tmp_path / "long.jsonl"
    record = {"id": "long-1", "outlet": long_outlet, "title": "Ferry resumes", "text": "The ferry resumed on Monday."}
    source.write_text(json.dumps(record) + "\n")
    assert run_cli("ingest", source, "--db", db).exit_code == 0
    for command in ("articles", "stories"):
        run = run_cli(command, "--db", db, "--outlet", long_outlet, "--json")
        assert run.exit_code == 0 and len(run.json()) == 1, (command, run.stderr)
