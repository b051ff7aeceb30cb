"""Bad input: one clear line naming the input, the others still go through, nothing stored is lost."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tests.helpers import run_cli

_VARIED = " ".join(f"word{i * 7919 % 10007}" for i in range(20000)).encode()
GOOD = {
    "id": "good-1",
    "title": "A good record",
    "text": "A perfectly fine article body.\n\nWith two paragraphs.",
}


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.jsonl"
    path.write_text(json.dumps(GOOD) + "\n")
    return path


def _assert_one_clean_error(run_stderr: str, name: str, words: str) -> None:
    lines = [line for line in run_stderr.splitlines() if line.strip()]
    assert len(lines) == 1, run_stderr
    assert lines[0].startswith("error: ") and name in lines[0] and words in lines[0].lower(), lines[0]
    assert "Traceback" not in run_stderr


BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty.html": (b"", "empty"),
    "blank.txt": (b"  \n\n \t\n", "empty"),
    "binary.bin": (bytes(range(256)) * 64, "binary"),
    "image.html": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 500, "binary"),
    "truncated.html.gz": (
        gzip.compress(b"<html><body><p>" + _VARIED + b"</p></body></html>")[:20000],
        "truncated",
    ),
    "notgzip.txt.gz": (b"\x1f\x8bthis is not really gzip data at all", "gzip"),
    "feed.rss": (b"<rss version='2.0'><channel><title>Broken", "feed"),
    "notxml.rss": (b"this is plain text that claims to be a feed by its name only", "feed"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_gets_one_line_and_the_good_one_still_goes_through(name: str, good: Path, tmp_path: Path) -> None:
    """SQLite only: what is tested is reading the bad file; storing the good one is covered on both backends by
    test_a_failed_run_loses_nothing_already_stored and the other tests here."""
    content, words = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(content)
    db = tmp_path / "x.db"
    run = run_cli("ingest", bad, good, "--db", db, "--json")
    assert run.exit_code == 1
    _assert_one_clean_error(run.stderr, name, words)
    assert run.json()["counts"]["new"] == 1


def test_wrong_encoding_is_decoded_not_rejected(tmp_path: Path) -> None:
    page = tmp_path / "latin.html"
    body = "<p>" + "Le café de la gare a rouvert ses portes après des travaux. " * 12 + "</p>"
    page.write_bytes(
        f"<html><head><title>Café</title></head><body><article>{body}</article></body></html>".encode("cp1252")
    )
    record = run_cli("extract", page, "--json").json_lines()[0]
    assert "café" in record["body"] and "\ufffd" not in record["body"]


def test_a_one_gigabyte_file_is_refused_without_reading_it(tmp_path: Path, good: Path, db_url: str) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.write(b"Some text at the start of a huge file.\n")
        handle.truncate(1024**3)  # sparse: costs no disk
    run = run_cli("ingest", huge, good, "--db", db_url)
    assert run.exit_code == 1
    _assert_one_clean_error(run.stderr, "huge.txt", "1.0 gb")


def test_gzip_bomb_is_cut_at_the_page_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<html><body><p>" + b"A" * (3 * 1024 * 1024)))
    run = run_cli("extract", bomb, "--max-page-mb", "1", "--json")
    assert run.exit_code == 1
    _assert_one_clean_error(run.stderr, "bomb.html.gz", "larger than 1.0 mb")


def test_broken_warc_record_keeps_the_pages_before_it(tmp_path: Path, db_url: str) -> None:
    from tests.test_ingest_formats import _article_html, _warc_with_pages

    archive = tmp_path / "broken.warc.gz"
    _warc_with_pages(archive, {"https://site.example/a": _article_html("Harbour closes")}, broken_tail=True)
    run = run_cli("ingest", archive, "--db", db_url, "--json")
    assert run.exit_code == 1
    assert run.json()["counts"]["new"] == 1
    _assert_one_clean_error(run.stderr, "broken.warc.gz#", "warc")


def test_bad_jsonl_lines_are_reported_by_number(tmp_path: Path, db_url: str) -> None:
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join([json.dumps(GOOD), "{not json", json.dumps({"id": "x"}), "[1, 2]", ""]) + "\n")
    run = run_cli("ingest", source, "--db", db_url, "--json")
    assert run.exit_code == 1
    errors = run.stderr.strip().splitlines()
    assert [line.split(":", 2)[1].rsplit(":", 1)[-1] for line in errors] == [" " + str(source)] * 0 or len(errors) == 3
    assert "mixed.jsonl:2: not valid JSON" in run.stderr
    assert "mixed.jsonl:3: record has no `text` or `html`" in run.stderr
    assert "mixed.jsonl:4:" in run.stderr
    assert run.json()["counts"]["new"] == 1


def test_missing_paths_and_empty_globs(tmp_path: Path, good: Path, db_url: str) -> None:
    run = run_cli("ingest", tmp_path / "nope.html", str(tmp_path / "*.xyz"), good, "--db", db_url)
    assert run.exit_code == 1
    assert "nope.html: no such file" in run.stderr and "pattern matches no files" in run.stderr
    assert "1 new" in run.stdout


def test_unreachable_url_is_one_line(good: Path, db_url: str) -> None:
    run = run_cli("ingest", "http://unreachable.invalid/page", good, "--db", db_url)
    assert run.exit_code == 1
    _assert_one_clean_error(run.stderr, "unreachable.invalid", "")
    assert "1 new" in run.stdout


def test_a_failed_run_loses_nothing_already_stored(tmp_path: Path, good: Path, db_url: str) -> None:
    db = db_url
    run_cli("ingest", good, "--db", db)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    assert run_cli("ingest", bad, "--db", db).exit_code == 1
    assert [a["id"] for a in run_cli("articles", "--db", db, "--json").json()] == ["good-1"]


def test_unusable_database_url_is_one_line(tmp_path: Path, good: Path) -> None:
    run = run_cli("ingest", good, "--db", "nosuchdriver://x/y")
    assert run.exit_code == 2
    assert run.stderr.count("\n") == 1 and "cannot open the database" in run.stderr


def test_bad_since_date(db_url: str) -> None:
    run = run_cli("articles", "--db", db_url, "--since", "yesterday")
    assert run.exit_code == 2 and "--since yesterday" in run.stderr
