"""Issue 19, finding 3: hostile field values are stored alike on SQLite and PostgreSQL, never a crash.

Each test runs the real `manysides ingest --db URL` once per backend (the `db_url` fixture) on inputs it writes
itself. Values a column cannot hold (NUL, lone surrogates, over-long strings) are normalised and bounded before
storage; a page the database still refuses is one `error:` line, and every other page is stored.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from manysides.store.repository import Store
from tests.helpers import run_cli

BODY = "The Karsa bridge reopened on Saturday after two years of repairs, the city council said."


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _row(row_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": row_id, "outlet": "Alpha Post", "title": f"Bridge report {row_id}", "text": BODY, **fields}


def _stored(db_url: str) -> dict[str, dict[str, Any]]:
    run = run_cli("articles", "--db", db_url, "--json")
    assert run.exit_code == 0, run.stderr
    return {article["id"]: article for article in run.json()}


def _problem_lines(stderr: str) -> list[str]:
    """The lines a user sees; each must be one of the contract's `error:`/`warning:` lines."""
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert all(line.startswith(("error: ", "warning: ")) for line in lines), stderr
    return lines


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_nul_in_jsonl_fields_is_stripped_and_every_row_stored(db_url: str, tmp_path: Path) -> None:
    rows = [
        _row("good-1"),
        _row("nul-title", title="Bridge\x00 reopens"),
        _row("nul-text", text=BODY.replace("bridge", "bri\x00dge")),
        _row("nul-outlet", outlet="Beta\x00 News", authors=["Ann\x00 Lee"]),
        _row("nul\x00id", url="https://beta.example/a\x00b"),
        _row("good-2"),
    ]
    run = run_cli("ingest", _jsonl(tmp_path / "nul.jsonl", rows), "--db", db_url, "--json")

    assert run.exit_code == 0, run.stderr
    assert _problem_lines(run.stderr) == []
    assert run.json()["counts"] == {"new": 6, "unchanged": 0, "updated": 0, "failed": 0}
    stored = _stored(db_url)
    assert set(stored) == {"good-1", "nul-title", "nul-text", "nul-outlet", "nulid", "good-2"}
    assert stored["nul-title"]["title"] == "Bridge reopens"
    assert "bridge reopened" in stored["nul-text"]["body"]
    assert stored["nul-outlet"]["outlet"] == "Beta News" and stored["nul-outlet"]["authors"] == ["Ann Lee"]
    assert stored["nulid"]["url"] == "https://beta.example/ab"
    assert not [s for article in stored.values() for s in _strings(article) if "\x00" in s]
    assert stored["nul-text"]["content_hash"] == stored["good-1"]["content_hash"]  # the hash follows the body


def test_lone_surrogates_in_stated_fields_become_replacement_characters(db_url: str, tmp_path: Path) -> None:
    # json.dumps writes "\ud800" escapes; json.loads turns them back into lone surrogates, which UTF-8 cannot hold.
    # The reader marks where one stood with U+FFFD, as a decoder marks undecodable bytes.
    rows = [
        _row("sur-title", title="Bridge \ud800reopens"),
        _row("sur-outlet", outlet="Gamma\udfff Times", authors=["\udc80Ann Lee"]),
        _row("split-pair", title="Bridge \ud83c\udf09 reopens"),
        _row("good"),
    ]
    run = run_cli("ingest", _jsonl(tmp_path / "surrogates.jsonl", rows), "--db", db_url, "--json")

    assert run.exit_code == 0, run.stderr
    assert _problem_lines(run.stderr) == []
    stored = _stored(db_url)
    assert stored["sur-title"]["title"] == "Bridge \ufffdreopens"
    assert stored["sur-outlet"]["outlet"] == "Gamma\ufffd Times"
    assert stored["sur-outlet"]["authors"] == ["\ufffdAnn Lee"]
    assert stored["split-pair"]["title"] == "Bridge \N{BRIDGE AT NIGHT} reopens"  # an escaped pair is one character
    assert "good" in stored


def test_outlet_over_300_characters_is_bounded_and_outlets_stay_distinct(db_url: str, tmp_path: Path) -> None:
    long_outlet = "Very Long Outlet Name " * 20
    rows = [
        _row("long-1", outlet=long_outlet + "One"),
        _row("long-2", outlet=long_outlet + "Two"),
        _row("good"),
    ]
    paragraph = f"<p>{BODY} Traffic resumed within the hour, the transport office said.</p>"
    page = (
        f'<html><head><meta property="og:site_name" content="{long_outlet}"><title>Bridge reopens</title></head>'
        f"<body><article><h1>Bridge reopens</h1>{paragraph * 5}</article></body></html>"
    )
    (tmp_path / "site-page.html").write_text(page, encoding="utf-8")  # no URL: its site key is the long outlet
    run = run_cli("ingest", _jsonl(tmp_path / "outlets.jsonl", rows), tmp_path / "site-page.html", "--db", db_url)

    assert run.exit_code == 0, run.stderr
    assert _problem_lines(run.stderr) == []
    stored = _stored(db_url)
    assert len(stored) == 4
    first, second = stored["long-1"]["outlet"], stored["long-2"]["outlet"]
    assert len(first) == len(second) == 300 and first != second
    assert first.startswith(long_outlet[:250])


def test_id_over_200_characters_is_bounded_unique_and_stable(db_url: str, tmp_path: Path) -> None:
    shared_start = "story-" + "x" * 240
    rows = [_row(shared_start + "-a"), _row(shared_start + "-b"), _row("good")]
    run = run_cli("ingest", _jsonl(tmp_path / "ids.jsonl", rows), "--db", db_url, "--json")

    assert run.exit_code == 0, run.stderr
    assert _problem_lines(run.stderr) == []
    stored = _stored(db_url)
    long_ids = sorted(i for i in stored if i.startswith("story-"))
    assert len(long_ids) == 2 and all(len(i) == 200 for i in long_ids)
    assert sorted(item["article_id"] for item in run.json()["items"][:2]) == long_ids  # the ids reported are stored

    # The same long id again, in another file with another text: found as the article already stored.
    again = _jsonl(tmp_path / "again.jsonl", [_row(shared_start + "-a", text=BODY + " Updated.")])
    rerun = run_cli("ingest", again, "--db", db_url, "--json")
    assert rerun.exit_code == 0, rerun.stderr
    assert rerun.json()["counts"]["unchanged"] == 1 and len(_stored(db_url)) == 3


def test_a_published_date_that_leaves_the_calendar_in_utc_is_kept_as_stated(db_url: str, tmp_path: Path) -> None:
    # Valid ISO 8601, but year 0 and year 10000 in UTC: Python's datetime cannot hold the sortable instant.
    rows = [
        _row("year-1", published="0001-01-01T00:00:00+01:00"),
        _row("year-9999", published="9999-12-31T23:59:59-05:00"),
        _row("dated", published="2025-03-01T10:00:00"),
    ]
    run = run_cli("ingest", _jsonl(tmp_path / "dates.jsonl", rows), "--db", db_url, "--json")

    assert run.exit_code == 0, run.stderr
    assert _problem_lines(run.stderr) == []
    assert _stored(db_url)["year-1"]["published"] == "0001-01-01T00:00:00+01:00"
    since = run_cli("articles", "--db", db_url, "--since", "2025-01-01", "--json")
    assert [article["id"] for article in since.json()] == ["dated"]


def _warc(path: Path, records: list[tuple[str, str]]) -> Path:
    """A gzipped WARC of HTML responses, each (WARC-Date, title)."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for number, (captured, title) in enumerate(records, start=1):
            paragraph = f"<p>{title}: {BODY} Traffic resumed within the hour, officials said.</p>"
            html = f"<html><head><title>{title}</title></head><body><article>{paragraph * 5}</article></body></html>"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://site{number}.example/news/{number}",
                "response",
                payload=io.BytesIO(html.encode()),
                http_headers=http,
                warc_headers_dict={"WARC-Date": captured},
            )
            writer.write_record(record)
    return path


def test_warc_date_over_40_characters_is_bounded(db_url: str, tmp_path: Path) -> None:
    long_date = "2025-07-13T10:00:00Z" + " and then some more text" * 4
    archive = _warc(tmp_path / "dates.warc.gz", [("2025-07-13T10:00:00Z", "Bridge opens"), (long_date, "Pier shut")])
    run = run_cli("ingest", archive, "--db", db_url, "--json")

    assert run.exit_code == 0, run.stderr
    assert _problem_lines(run.stderr) == []
    captured = {article["title"]: article["captured"] for article in _stored(db_url).values()}
    assert captured["Bridge opens"] == "2025-07-13T10:00:00Z"
    assert len(captured["Pier shut"]) <= 40 and captured["Pier shut"].startswith("2025-07-13T10:00:00Z")


def test_reextract_finds_normalised_articles_unchanged(db_url: str, tmp_path: Path) -> None:
    rows = [_row("nul-title", title="Bridge\x00 reopens"), _row("x" * 250), _row("good")]
    assert run_cli("ingest", _jsonl(tmp_path / "rows.jsonl", rows), "--db", db_url).exit_code == 0

    run = run_cli("reextract", "--db", db_url, "--json")
    assert run.exit_code == 0, run.stderr
    assert _problem_lines(run.stderr) == []
    assert run.json()["counts"] == {"new": 0, "unchanged": 3, "updated": 0, "failed": 0}


REFUSED_TITLE = "Refused by the database"
_TRIGGERS = {
    "sqlite": [
        f"CREATE TRIGGER refuse_marked BEFORE INSERT ON articles WHEN NEW.title = '{REFUSED_TITLE}' "
        "BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF NEW.title = '{REFUSED_TITLE}' THEN RAISE EXCEPTION 'refused by a test trigger'; END IF; "
        "RETURN NEW; END $$",
        "CREATE TRIGGER refuse_marked BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION refuse_marked()",
    ],
}


def test_a_page_the_database_still_refuses_is_one_error_line_and_the_rest_stay(db_url: str, tmp_path: Path) -> None:
    # A real database refusal that normalising cannot prevent: a trigger rejects one row by its title.
    Store(db_url).close()  # creates the schema
    engine = create_engine(db_url)
    with engine.begin() as connection:
        for statement in _TRIGGERS[make_url(db_url).get_backend_name()]:
            connection.execute(text(statement))
    engine.dispose()
    rows = [_row("before"), _row("refused", title=REFUSED_TITLE), _row("after")]
    run = run_cli("ingest", _jsonl(tmp_path / "batch.jsonl", rows), "--db", db_url, "--json")

    assert run.exit_code == 1
    lines = _problem_lines(run.stderr)
    assert len(lines) == 1 and lines[0].startswith(f"error: {tmp_path / 'batch.jsonl'}:2: not stored"), lines
    assert "refused by a test trigger" in lines[0] and "INSERT" not in lines[0]
    assert run.json()["counts"] == {"new": 2, "unchanged": 0, "updated": 0, "failed": 1}
    assert set(_stored(db_url)) == {"before", "after"}
