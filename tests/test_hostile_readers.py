"""Hostile inputs to the readers (issue 19, findings 2, 5, 6 and 7): each gets one line, the others go through.

Every input is generated here and goes through the real `manysides ingest`; the last test runs it as a
separate process, so that what reaches the terminal is exactly what a user would see.
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.conftest import sqlite_url
from tests.helpers import run_cli

GOOD = {"id": "good-1", "title": "A good record", "text": "A perfectly fine article body.\n\nWith two paragraphs."}
PARAGRAPHS = [
    "The harbour of Velm closed on Saturday after a storm damaged the northern pier, the port authority said.",
    "Ferries to Karsa will use the southern quay until repairs end, which officials expect to take two weeks.",
    "Fishing crews said the closure came at the worst time of the season, with catches already down this year.",
    "The mayor promised 3 million in emergency funds and said engineers would inspect the pier on Monday.",
]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.jsonl"
    path.write_text(json.dumps(GOOD) + "\n")
    return path


def _ingest(db_url: str, *inputs: Path) -> tuple[int, list[str], dict[str, Any]]:
    run = run_cli("ingest", *inputs, "--db", db_url, "--json", "--no-stories")
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert "Traceback" not in run.stderr
    return run.exit_code, lines, run.json()


def _stored(db_url: str) -> list[dict[str, Any]]:
    articles: list[dict[str, Any]] = run_cli("articles", "--db", db_url, "--json").json()
    return articles


def _article_html(title: str, menu: bool = False) -> str:
    nav = "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>" if menu else ""
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return (
        f"<html><head><title>{title}</title></head><body>{nav}<article><h1>{title}</h1>{body}</article></body></html>"
    )


# Finding 2: feeds with bad character references -----------------------------------------------------------

BAD_REFERENCES = ["&#99999999;", "&#xD800;", "&#xdfff;", "&#x110000;", "&#0;", "&#" + "9" * 5000 + ";", "&#55296;"]


@pytest.mark.parametrize("reference", BAD_REFERENCES, ids=lambda r: r[:12])
def test_feed_with_a_bad_character_reference_is_read_and_the_next_input_goes_through(
    reference: str, good: Path, tmp_path: Path, db_url: str
) -> None:
    feed = tmp_path / "bad.rss"
    feed.write_text(
        f"<rss version='2.0'><channel><title>Velm Post {reference}</title><item><title>Harbour {reference} closes"
        f"</title><link>https://velm.example/harbour</link><description>The harbour {reference} closed."
        "</description></item></channel></rss>"
    )
    code, lines, summary = _ingest(db_url, feed, good)
    assert (code, lines) == (0, [])
    assert summary["counts"]["new"] == 2
    titles = {article["title"] for article in _stored(db_url)}
    assert "A good record" in titles
    harbour = next(title for title in titles if title.startswith("Harbour"))
    assert harbour.endswith("closes") and not any("\ud800" <= c <= "\udfff" for c in harbour)


def test_an_exception_inside_the_feed_parser_is_one_error_for_that_feed(
    good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite only: the feed stores nothing; storing the good record is what the other tests here cover."""
    import feedparser

    def choke(_data: bytes) -> None:  # stands in for any crash of the third-party parser on hostile markup
        raise ValueError("chr() arg not in range(0x110000)\nand a second line")

    monkeypatch.setattr(feedparser, "parse", choke)
    feed = tmp_path / "feed.rss"
    feed.write_text("<rss version='2.0'><channel><title>T</title></channel></rss>")
    code, lines, summary = _ingest(sqlite_url(tmp_path), feed, good)
    assert code == 1
    assert lines == [f"error: {feed}: feed could not be parsed (chr() arg not in range(0x110000))"]
    assert summary["counts"]["new"] == 1


class _HostileFeedSite(BaseHTTPRequestHandler):
    """A feed with bad references, and the article page its entry links to."""

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/feed.xml":
            body, kind = (
                "<rss version='2.0'><channel><title>Velm &#xD800; Wire</title><item><title>Harbour &#99999999; closes"
                f"</title><link>{base}/harbour</link><description>Teaser &#xDFFF;.</description>"
                "</item></channel></rss>",
                "application/rss+xml",
            )
        else:
            body, kind = _article_html("Harbour closes"), "text/html; charset=utf-8"
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_args: object) -> None:
        pass


def test_a_hostile_feed_fetched_by_url_is_read_too(good: Path, tmp_path: Path, db_url: str) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HostileFeedSite)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
        run = run_cli("ingest", url, good, "--allow-private", "--delay", "0", "--db", db_url, "--json")
    finally:
        server.shutdown()
    assert (run.exit_code, run.stderr) == (0, ""), run.stderr
    harbour = next(a for a in _stored(db_url) if a["id"] != "good-1")
    assert harbour["title"] == "Harbour \ufffd closes" and harbour["outlet"] == "Velm \ufffd Wire"
    assert PARAGRAPHS[0] in harbour["body"]


# Finding 5: truncated and garbage WARC files ------------------------------------------------------------


def _warc(pages: dict[str, str], gzip: bool = False) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, html in pages.items():
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=http)
        )
    return buffer.getvalue()


CUTS = {  # where the file ends: bytes cut off the end, and what the one error line says
    "warc mid-page": (False, 300, "WARC record is cut short: Content-Length says"),
    "warc mid-headers": (False, 900, "WARC record is cut short inside its headers"),
    "warc.gz mid-page": (True, 100, "truncated gzip data"),
}


@pytest.mark.parametrize("case", sorted(CUTS))
def test_a_warc_cut_mid_record_keeps_the_whole_records_and_refuses_the_cut_one(
    case: str, good: Path, tmp_path: Path, db_url: str
) -> None:
    gzip, cut, words = CUTS[case]
    data = _warc(
        {
            "https://velm.example/harbour": _article_html("Harbour closes", menu=True),
            "https://velm.example/bridge": _article_html("Bridge reopens", menu=True),
        },
        gzip=gzip,
    )
    archive = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    archive.write_bytes(data[: len(data) - cut])  # inside the second record
    code, lines, summary = _ingest(db_url, archive, good)
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"error: {archive}#2: {words}"), lines[0]
    assert summary["counts"]["new"] == 2
    assert sorted(article["title"] for article in _stored(db_url)) == ["A good record", "Harbour closes"]


def test_a_warc_record_longer_than_its_content_length_says_is_refused(good: Path, tmp_path: Path, db_url: str) -> None:
    data = _warc({"https://velm.example/harbour": _article_html("Harbour closes")})
    stated = int(data.split(b"Content-Length: ", 1)[1].split(b"\r\n", 1)[0])
    archive = tmp_path / "short.warc"
    archive.write_bytes(data.replace(b"Content-Length: %d" % stated, b"Content-Length: %d" % (stated - 60), 1))
    code, lines, summary = _ingest(db_url, archive, good)
    assert code == 1
    assert lines == [
        f"error: {archive}#1: WARC record does not end where its Content-Length says, so its text may be cut; skipped"
    ]
    assert summary["counts"]["new"] == 1


GARBAGE_WARCS: dict[str, tuple[bytes, str]] = {
    "junk-after-header.warc": (b"WARC/1.0\r\n" + bytes(range(256)) * 10, "#1: broken WARC record"),
    "text-after-header.warc": (b"WARC/1.0\r\nthis is junk, not headers\nmore junk\n" * 5, "#1: broken WARC record"),
    "header-only.warc": (b"WARC/1.0\r\n\r\n", "#1: broken WARC record"),
    "random.warc": (bytes((i * 7919 + 13) % 251 for i in range(5000)), ": not a WARC archive"),
    "printable.warc": (b"Plain words in a file that is named like an archive.\n" * 20, ": not a WARC archive"),
}


@pytest.mark.parametrize("name", sorted(GARBAGE_WARCS))
def test_a_garbage_warc_gives_one_error_line(name: str, good: Path, tmp_path: Path) -> None:
    """SQLite only: the archive stores nothing; storing the good record is what the other tests here cover."""
    content, expected = GARBAGE_WARCS[name]
    archive = tmp_path / name
    archive.write_bytes(content)
    code, lines, summary = _ingest(sqlite_url(tmp_path), archive, good)
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"error: {archive}{expected}"), lines[0]
    assert summary["counts"]["new"] == 1


# Finding 6: UTF-16 and UTF-32 pages ------------------------------------------------------------------------

UNICODE_PAGES = {
    "utf-16 with BOM": ("utf-16", b""),
    "utf-16-be with BOM": ("utf-16-be", b"\xfe\xff"),
    "utf-32 with BOM": ("utf-32", b""),
    "utf-16-le without BOM": ("utf-16-le", b""),
    "utf-16-be without BOM": ("utf-16-be", b""),
}


@pytest.mark.parametrize("label", sorted(UNICODE_PAGES))
def test_utf16_and_utf32_pages_are_read_not_refused_as_binary(
    label: str, good: Path, tmp_path: Path, db_url: str
) -> None:
    encoding, bom = UNICODE_PAGES[label]
    page = tmp_path / "page.html"
    page.write_bytes(bom + _article_html("Harbour café closes").encode(encoding))
    code, lines, _ = _ingest(db_url, page, good)
    assert (code, lines) == (0, [])
    article = next(a for a in _stored(db_url) if a["id"] != "good-1")
    assert article["title"] == "Harbour café closes"
    assert PARAGRAPHS[0] in article["body"] and "\x00" not in article["body"]


def test_utf16_without_bom_in_another_script_and_as_a_text_dump(tmp_path: Path) -> None:
    russian = "".join(f"<p>Порт Вельма закрылся в субботу: абзац {n}, сообщили власти порта.</p>" for n in range(8))
    page = tmp_path / "ru.html"
    page.write_bytes(
        f"<html><head><title>Порт закрыт</title></head><body><article>{russian}</article></body></html>".encode(
            "utf-16-le"
        )
    )
    dump = tmp_path / "dump.txt"
    dump.write_bytes(("Harbour café closes\n\n" + "\n\n".join(PARAGRAPHS)).encode("utf-16"))
    records = run_cli("extract", page, dump, "--json").json_lines()
    assert records[0]["title"] == "Порт закрыт" and "Порт Вельма закрылся" in records[0]["body"]
    assert records[1]["title"] == "Harbour café closes" and PARAGRAPHS[1] in records[1]["body"]


def test_binary_data_with_nul_bytes_is_still_refused(tmp_path: Path) -> None:
    noise = tmp_path / "noise.html"
    noise.write_bytes(bytes((i * 31 + 7) % 256 if i % 2 else 0 for i in range(8192)))  # NUL every other byte
    run = run_cli("extract", noise, "--json")
    assert run.exit_code == 1 and run.stderr.strip() == f"error: {noise}: binary data, not a web page, feed or archive"


# Finding 7: gzip bombs stop at the cap; no library output reaches the terminal ------------------------------

BOMB_BYTES = 16 * 1024**3  # 16 GiB once inflated; inflating it all would take a minute or more


def _gzip_bomb(prefix: bytes, fill: bytes = b"a ") -> bytes:
    """A gzip stream that inflates to BOMB_BYTES, built in milliseconds by repeating one flushed deflate block.

    It ends without the gzip trailer: a reader that stops at the cap never gets there."""
    mib = (fill * (1024 * 1024 // len(fill) + 1))[: 1024 * 1024]
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = deflate.compress(prefix) + deflate.flush(zlib.Z_FULL_FLUSH)
    block = deflate.compress(mib) + deflate.flush(zlib.Z_FULL_FLUSH)
    header = b"\x1f\x8b\x08\x00" + struct.pack("<I", 0) + b"\x02\xff"
    return header + start + block * (BOMB_BYTES // len(mib))


WARC_BOMB_HEAD = (
    b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://velm.example/x\r\n"
    b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>" % BOMB_BYTES
)
BOMBS = {
    "bomb.html.gz": b"<html><body><p>",
    "bomb.jsonl.gz": b'{"id": "x", "text": "',
    "bomb.warc.gz": WARC_BOMB_HEAD,
    # a small record, then endless bytes in the same gzip member: warcio would read them as one line
    "tail.warc.gz": b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://velm.example/r\r\n"
    b"Content-Length: 5\r\n\r\nhello\r\n\r\n",
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_a_gzip_bomb_is_stopped_at_the_cap_and_the_next_input_goes_through(
    name: str, good: Path, tmp_path: Path
) -> None:
    """SQLite only: the bomb stores nothing; storing the good record is what the other tests here cover."""
    bomb = tmp_path / name
    bomb.write_bytes(_gzip_bomb(BOMBS[name]))
    started = time.monotonic()
    code, lines, summary = _ingest(sqlite_url(tmp_path), bomb, good)
    # The product's bound: decompression stops at the 20 MB cap, so a 16 GiB bomb costs well under 20 s
    # (inflating it all took about a minute before the cap was enforced while inflating).
    assert time.monotonic() - started < 20
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"error: {bomb}") and "decompression bomb" in lines[0], lines[0]
    assert summary["counts"]["new"] == 1


def test_only_our_own_lines_reach_the_terminal(good: Path, tmp_path: Path) -> None:
    """warcio writes multi-line WARNINGs to stderr and logs through `logging`; none of it may be seen."""
    data = _warc({"https://velm.example/a b": _article_html("Harbour closes")})  # spaces: warcio logs a warning
    stated = int(data.split(b"Content-Length: ", 1)[1].split(b"\r\n", 1)[0])
    short = tmp_path / "short.warc"  # a wrong Content-Length: warcio writes "WARNING: Record not followed..."
    short.write_bytes(data.replace(b"Content-Length: %d" % stated, b"Content-Length: %d" % (stated - 60), 1))
    tail = tmp_path / "tail.warc.gz"
    tail.write_bytes(_gzip_bomb(BOMBS["tail.warc.gz"]))
    feed = tmp_path / "bad.rss"
    feed.write_text(
        "<rss version='2.0'><channel><item><title>A &#99999999; B</title><link>https://velm.example/f</link><description>"
        + " ".join(PARAGRAPHS)
        + "</description></item></channel></rss>"
    )
    command = [
        sys.executable,
        "-m",
        "manysides",
        "ingest",
        short,
        tail,
        feed,
        good,
        "--db",
        tmp_path / "p.db",
        "--no-stories",
    ]
    env = {**os.environ, "PYTHONWARNINGS": "always", "COLUMNS": "300", "NO_COLOR": "1"}
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"error: {short}#1: WARC record does not end where its Content-Length says, so its text may be cut; skipped",
        f"error: {tail}#2: gzip data expands to larger than 20.0 MB at over 100 times its size; refused as a "
        "decompression bomb; the rest of the archive is not read",
    ]
    assert "2 new" in done.stdout
