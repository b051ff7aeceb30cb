"""Every input format goes through `manysides ingest` / `extract` on real pages."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.helpers import run_cli


def test_extract_json_prints_one_record_per_seed(seeds_dir: Path) -> None:
    run = run_cli("extract", seeds_dir, "--json")
    assert run.exit_code == 0, run.stderr
    records = run.json_lines()
    assert len(records) == 2
    keys = {
        "id",
        "path",
        "url",
        "outlet",
        "title",
        "subtitle",
        "authors",
        "published",
        "language",
        "body",
        "tags",
        "captions",
        "cited_sources",
        "republished_from",
        "canonical_url",
        "content_hash",
        "method",
        "confidence",
    }
    for record in records:
        assert keys <= set(record)
        assert record["method"] == "text-dump"
        assert record["language"] == "en"
        assert len(record["body"].split()) > 200


def test_ingest_article_extraction_html_pages(extraction_dir: Path, db_url: str) -> None:
    pages = sorted((extraction_dir / "html").glob("*.html.gz"))[:25]
    db = db_url
    run = run_cli("ingest", *pages, "--db", db, "--json")
    assert run.exit_code == 0, run.stderr
    report = run.json()
    assert report["counts"]["new"] == 25 and report["counts"]["failed"] == 0
    articles = run_cli("articles", "--db", db, "--json").json()
    assert len(articles) == 25
    assert sum(1 for a in articles if a["title"]) >= 23
    assert all(a["method"] == "html" for a in articles)


def test_ingest_article_extraction_text_dumps(extraction_dir: Path, db_url: str) -> None:
    dumps = sorted((extraction_dir / "text").glob("*.txt"))[:10]
    run = run_cli("ingest", *dumps, "--db", db_url, "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["counts"]["new"] == 10


def test_demo_corpus_has_every_format_and_ingests_cleanly(demo_dir: Path, db_url: str) -> None:
    names = [p.name for p in demo_dir.rglob("*") if p.is_file()]
    for suffix in (".html", ".html.gz", ".txt", ".jsonl", ".rss", ".warc.gz", ".wet.gz"):
        assert any(name.endswith(suffix) for name in names), suffix
    run = run_cli("ingest", demo_dir, "--db", db_url, "--json")
    assert run.exit_code == 0, run.stderr
    methods = {a["method"] for a in run_cli("articles", "--db", db_url, "--json").json()}
    assert {"html", "text-dump", "provided", "feed-entry"} <= methods or {
        "html",
        "text-dump",
        "provided",
    } <= methods


def test_jsonl_keeps_ids_and_ignores_unknown_keys(tmp_path: Path) -> None:
    lines = [
        {
            "id": "a-1",
            "url": "https://example.org/a",
            "outlet": "Example",
            "title": "A",
            "published": "2024-03-02",
            "authors": ["Ann Lee"],
            "text": "First paragraph.\n\nSecond   paragraph.",
            "story": "gold-7",
        },
        {
            "id": 42,
            "html": "<html><body><article><p>" + "Body text here. " * 30 + "</p></article></body></html>",
        },
    ]
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    records = run_cli("extract", source, "--json").json_lines()
    assert [r["id"] for r in records] == ["a-1", "42"]
    first = records[0]
    assert first["body"] == "First paragraph.\n\nSecond paragraph."
    assert first["published"] == "2024-03-02" and first["authors"] == ["Ann Lee"] and first["method"] == "provided"
    assert "Body text here." in records[1]["body"]


def test_jsonl_gzipped_and_from_stdin(tmp_path: Path) -> None:
    line = json.dumps({"id": "z", "text": "Gzipped record text."}).encode() + b"\n"
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(line))
    assert run_cli("extract", tmp_path / "a.jsonl.gz", "--json").json_lines()[0]["id"] == "z"
    assert run_cli("extract", "-", "--json", stdin=line).json_lines()[0]["id"] == "z"


def _warc_with_pages(path: Path, pages: dict[str, str], broken_tail: bool = False) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, html in pages.items():
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(html.encode()),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2025-07-13T10:00:00Z"},
            )
            writer.write_record(record)
        robots = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://site.example/robots.txt",
                "response",
                payload=io.BytesIO(b"User-agent: *"),
                http_headers=robots,
            )
        )
        if broken_tail:
            handle.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\ntruncated")


def _article_html(title: str) -> str:
    paragraph = f"<p>{title} was reported by several outlets on Saturday, officials said in a statement.</p>"
    head = f"<head><title>{title}</title></head>"
    return f"<html>{head}<body><article><h1>{title}</h1>{paragraph * 6}</article></body></html>"


def test_warc_built_in_test_yields_html_responses_with_url_and_date(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    _warc_with_pages(
        archive,
        {
            "https://site.example/a": _article_html("Harbour closes"),
            "https://site.example/b": _article_html("Bridge reopens"),
        },
    )
    records = run_cli("extract", archive, "--json").json_lines()
    assert [r["url"] for r in records] == ["https://site.example/a", "https://site.example/b"]
    assert all(r["captured"] == "2025-07-13T10:00:00Z" for r in records)
    assert all(r["outlet"] == "site.example" for r in records)
    assert "Harbour closes was reported" in records[0]["body"]


def test_feed_entries_become_articles_with_feed_metadata(demo_dir: Path) -> None:
    feed = next((demo_dir / "feeds").glob("*.rss"))
    records = run_cli("extract", feed, "--json").json_lines()
    assert len(records) >= 2
    assert all(r["url"] and r["published"] and r["outlet"] for r in records)
    assert max(len(r["body"].split()) for r in records) > 150


def test_reingest_changes_nothing_and_says_so(seeds_dir: Path, db_url: str) -> None:
    db = db_url
    first = run_cli("ingest", seeds_dir, "--db", db)
    assert first.exit_code == 0 and "2 new" in first.stdout
    again = run_cli("ingest", seeds_dir, "--db", db)
    assert again.exit_code == 0
    assert "0 new" in again.stdout and "2 unchanged" in again.stdout and "Nothing changed" in again.stdout
    assert len(run_cli("articles", "--db", db, "--json").json()) == 2


def test_same_canonical_url_from_another_container_is_unchanged(tmp_path: Path, db_url: str) -> None:
    db = db_url
    archive = tmp_path / "a.warc.gz"
    _warc_with_pages(archive, {"https://site.example/a": _article_html("Harbour closes")})
    record = {"url": "https://site.example/a", "text": "Another rendering of the same article."}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n")
    run_cli("ingest", archive, "--db", db)
    report = run_cli("ingest", tmp_path / "a.jsonl", "--db", db, "--json").json()
    assert report["counts"] == {"new": 0, "unchanged": 1, "updated": 0, "failed": 0}


def test_articles_filters_by_outlet_and_date(tmp_path: Path, db_url: str) -> None:
    rows = [
        {"id": "1", "outlet": "Alpha", "published": "2025-07-01T09:00:00+02:00", "text": "One."},
        {"id": "2", "outlet": "Beta", "published": "2025-07-12", "text": "Two."},
        {"id": "3", "outlet": "alpha", "published": "2025-07-20", "text": "Three."},
        {"id": "4", "outlet": "Alpha", "text": "Undated."},
    ]
    source = tmp_path / "r.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows))
    db = db_url
    run_cli("ingest", source, "--db", db)
    ids = [a["id"] for a in run_cli("articles", "--db", db, "--json").json()]
    assert ids == ["3", "2", "1", "4"]
    assert [a["id"] for a in run_cli("articles", "--db", db, "--outlet", "ALPHA", "--json").json()] == [
        "3",
        "1",
        "4",
    ]
    assert [a["id"] for a in run_cli("articles", "--db", db, "--since", "2025-07-12", "--json").json()] == [
        "3",
        "2",
    ]
    table = run_cli("articles", "--db", db)
    assert table.exit_code == 0 and "Undated" not in table.stdout and "alpha" in table.stdout


def test_db_from_environment(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MANYSIDES_DB", db_url)
    source = tmp_path / "r.jsonl"
    source.write_text(json.dumps({"id": "e", "text": "From env."}))
    assert run_cli("ingest", source).exit_code == 0
    assert [a["id"] for a in run_cli("articles", "--json").json()] == ["e"]


def test_reextract_rebuilds_from_stored_pages_only(seeds_dir: Path, tmp_path: Path, db_url: str) -> None:
    work = tmp_path / "pages"
    work.mkdir()
    for seed in seeds_dir.glob("*.txt"):
        (work / seed.name).write_bytes(seed.read_bytes())
    db = db_url
    run_cli("ingest", work, "--db", db)
    before = run_cli("articles", "--db", db, "--json").json()
    for page in work.iterdir():
        page.unlink()  # re-extraction must not need the original files
    run = run_cli("reextract", "--db", db, "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["counts"]["failed"] == 0
    after = run_cli("articles", "--db", db, "--json").json()
    assert [a["id"] for a in after] == [a["id"] for a in before]
    assert [a["body"] for a in after] == [a["body"] for a in before]


def test_json_documents_objects_and_arrays(tmp_path: Path) -> None:
    one = {"id": "j1", "title": "One", "text": "A pretty-printed article record."}
    (tmp_path / "one.json").write_text(json.dumps(one, indent=2))
    many = [{"id": "j2", "text": "First of two."}, {"id": "j3", "text": "Second of two."}, {"id": "bad"}]
    (tmp_path / "many.json").write_text(json.dumps(many, indent=2))
    run = run_cli("extract", tmp_path / "one.json", tmp_path / "many.json", "--json")
    assert [r["id"] for r in run.json_lines()] == ["j1", "j2", "j3"]
    assert run.exit_code == 1 and "many.json#3: record has no `text` or `html`" in run.stderr
