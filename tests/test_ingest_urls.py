"""URLs and feeds fetched from a real local HTTP server (127.0.0.1 only, with --allow-private)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.helpers import run_cli

ARTICLE = (
    "<html><head><title>Port strike ends</title><link rel='canonical' href='{base}/news/strike'></head>"
    "<body><nav><a href='/'>Home</a></nav><article><h1>Port strike ends</h1>"
    + "<p>Dock workers in the harbour returned to work on Monday after a deal on pay was signed by both sides.</p>" * 8
    + "</article></body></html>"
)
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>Port strike ends</title><link>{base}/news/strike</link>
<pubDate>Mon, 16 Jun 2025 09:00:00 GMT</pubDate><description>Dock workers returned.</description></item>
</channel></rss>"""


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        routes = {
            "/news/strike": ("text/html; charset=utf-8", ARTICLE.format(base=base)),
            "/feed.xml": ("application/rss+xml", FEED.format(base=base)),
            "/robots.txt": ("text/plain", "User-agent: *\nDisallow: /private/\n"),
            "/private/page": ("text/html", ARTICLE.format(base=base)),
        }
        if self.path not in routes:
            self.send_error(404)
            return
        content_type, body = routes[self.path]
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_url_is_refused_without_allow_private(base_url: str, db_url: str) -> None:
    run = run_cli("ingest", f"{base_url}/news/strike", "--db", db_url)
    assert run.exit_code == 1
    assert "allow-private" in run.stderr and run.stderr.count("\n") == 1


def test_url_ingest_with_allow_private(base_url: str, db_url: str) -> None:
    db = db_url
    run = run_cli("ingest", f"{base_url}/news/strike", "--allow-private", "--delay", "0", "--db", db)
    assert run.exit_code == 0, run.stderr
    [article] = run_cli("articles", "--db", db, "--json").json()
    assert article["url"] == f"{base_url}/news/strike"
    assert article["title"] == "Port strike ends"
    assert article["captured"]
    assert "Dock workers in the harbour returned" in article["body"]


def test_feed_url_fetches_teaser_entries_pages(base_url: str, tmp_path: Path) -> None:
    records = run_cli("extract", f"{base_url}/feed.xml", "--allow-private", "--delay", "0", "--json").json_lines()
    assert len(records) == 1
    record = records[0]
    assert record["outlet"] == "Local Wire"  # the feed's name, stated by the container
    assert record["published"] == "2025-06-16T09:00:00+00:00"
    assert "after a deal on pay was signed" in record["body"]  # the fetched page, not the one-line teaser


def test_robots_and_missing_pages_are_one_line_each(base_url: str, db_url: str) -> None:
    run = run_cli(
        "ingest",
        f"{base_url}/private/page",
        f"{base_url}/gone",
        f"{base_url}/news/strike",
        "--allow-private",
        "--delay",
        "0",
        "--db",
        db_url,
    )
    assert run.exit_code == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 2
    assert "robots.txt" in lines[0] and "404" in lines[1]
    assert "1 new" in run.stdout
