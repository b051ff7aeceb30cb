"""Build the demo web archive files in ``examples/demo/archive/``.

Writes two gzipped files from the HTML sources in ``archive/src/``:

* ``crawl.warc.gz`` -- a WARC/1.0 file as a crawler would write it: a ``warcinfo``
  record; a ``request``/``response`` pair for ``robots.txt`` (``text/plain``, not an
  article: readers must skip it); a ``request``/``response`` pair for each archived
  HTML page (``Content-Type: text/html; charset=utf-8``); and one ``metadata``
  record (crawl metadata for the first page, also to be skipped).
* ``crawl.wet.gz`` -- a WET file in the Common Crawl style: a ``warcinfo`` record
  and one ``conversion`` record (``Content-Type: text/plain``) with the plain text
  of each archived HTML page, linked to its response by ``WARC-Refers-To``.

The output is deterministic: every WARC-Date and WARC-Record-ID is fixed (record
ids are UUIDv5 values derived from the target URI and the record type), the HTTP
``Date`` headers are fixed, and gzip members carry no timestamp. Rebuilding gives
byte-identical files.

Usage (from the repository root)::

    .venv/bin/python examples/demo/build_archive.py
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import lxml.html
from warcio.warcwriter import WARCWriter

DEMO_DIR = Path(__file__).resolve().parent
ARCHIVE_DIR = DEMO_DIR / "archive"
SRC_DIR = ARCHIVE_DIR / "src"
WARC_PATH = ARCHIVE_DIR / "crawl.warc.gz"
WET_PATH = ARCHIVE_DIR / "crawl.wet.gz"

WARC_VERSION = "1.0"
USER_AGENT = "ManySidesDemoBot/0.1 (+https://manysides.example/bot)"
ID_NAMESPACE = uuid.UUID("6f1c2a7e-5d43-4b8e-9a0f-3c1d2e4b5a69")


@dataclass(frozen=True)
class Capture:
    """One fetched URL: where it came from, when, and what the server sent."""

    uri: str
    warc_date: str  # ISO 8601, UTC, as written in WARC-Date
    http_date: str  # RFC 7231 date for the HTTP Date header
    content_type: str
    body: bytes
    server: str


ROBOTS_TXT = b"""User-agent: *
Disallow: /search
Disallow: /account/
Allow: /

Sitemap: https://northgatewire.example/sitemap.xml
"""

CAPTURES: tuple[Capture, ...] = (
    Capture(
        uri="https://northgatewire.example/robots.txt",
        warc_date="2025-06-16T09:00:01Z",
        http_date="Mon, 16 Jun 2025 09:00:01 GMT",
        content_type="text/plain",
        body=ROBOTS_TXT,
        server="nginx",
    ),
    Capture(
        uri="https://northgatewire.example/stories/2025/06/16/veyra-ferry-strike-talks-stall",
        warc_date="2025-06-16T09:00:03Z",
        http_date="Mon, 16 Jun 2025 09:00:03 GMT",
        content_type="text/html; charset=utf-8",
        body=(SRC_DIR / "northgatewire-veyra-ferry-strike-talks.html").read_bytes(),
        server="nginx",
    ),
    Capture(
        uri="https://harborledger.example/sport/2025/06/14/mariners-coastal-cup-final",
        warc_date="2025-06-16T09:00:07Z",
        http_date="Mon, 16 Jun 2025 09:00:07 GMT",
        content_type="text/html; charset=utf-8",
        body=(SRC_DIR / "harborledger-mariners-cup-final.html").read_bytes(),
        server="Apache",
    ),
)

#: Block-level tags after which the WET text starts a new line.
_BLOCK_TAGS = (
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "li",
    "ul",
    "ol",
    "header",
    "footer",
    "nav",
    "main",
    "article",
    "aside",
    "section",
    "figure",
    "figcaption",
    "title",
    "br",
)


def record_id(uri: str, kind: str) -> str:
    """Return a stable ``<urn:uuid:...>`` record id for ``kind`` of ``uri``."""
    return f"<urn:uuid:{uuid.uuid5(ID_NAMESPACE, f'{kind} {uri}')}>"


def http_response_bytes(capture: Capture) -> bytes:
    """Serialise the HTTP response (status line, headers, body) for ``capture``."""
    headers = [
        "HTTP/1.1 200 OK",
        f"Date: {capture.http_date}",
        f"Server: {capture.server}",
        f"Content-Type: {capture.content_type}",
        f"Content-Length: {len(capture.body)}",
        "Connection: close",
    ]
    return ("\r\n".join(headers) + "\r\n\r\n").encode("ascii") + capture.body


def http_request_bytes(capture: Capture) -> bytes:
    """Serialise the HTTP GET request that fetched ``capture``."""
    host, _, path = capture.uri.partition("://")[2].partition("/")
    lines = [
        f"GET /{path} HTTP/1.1",
        f"Host: {host}",
        f"User-Agent: {USER_AGENT}",
        "Accept: text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.8",
        "Accept-Language: en",
        "Connection: close",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


def html_to_text(html: bytes) -> str:
    """Render HTML as plain text the way WET files hold it: the title, then one
    line per block of visible text (navigation and footers included)."""
    root = lxml.html.fromstring(html)
    for bad in root.xpath("//script | //style | //noscript"):
        bad.drop_tree()
    title = " ".join((root.findtext(".//title") or "").split())
    body = root.find("body")
    if body is None:
        return title + "\n"
    for el in body.iter(*_BLOCK_TAGS):
        el.text = "\n" + (el.text or "")
        el.tail = "\n" + (el.tail or "")
    lines = [" ".join(line.split()) for line in body.text_content().splitlines()]
    return "\n".join([title, *[line for line in lines if line]]) + "\n"


def warcinfo_payload(filename: str, description: str) -> bytes:
    """Return the ``application/warc-fields`` block of a warcinfo record."""
    fields = [
        ("software", "ManySides demo build_archive.py (warcio)"),
        ("format", "WARC File Format 1.0"),
        ("conformsTo", "http://bibnum.bnf.fr/WARC/WARC_ISO_28500_version1_latestdraft.pdf"),
        ("isPartOf", "manysides-demo-crawl-2025-06"),
        ("description", description),
        ("robots", "checked via robots.txt"),
        ("http-header-user-agent", USER_AGENT),
        ("filename", filename),
    ]
    return "".join(f"{k}: {v}\r\n" for k, v in fields).encode("utf-8")


def write_warcinfo(writer: WARCWriter, filename: str, date: str, description: str) -> str:
    """Write a warcinfo record and return its record id."""
    rid = record_id(filename, "warcinfo")
    payload = warcinfo_payload(filename, description)
    record = writer.create_warc_record(
        "",
        "warcinfo",
        payload=BytesIO(payload),
        length=len(payload),
        warc_content_type="application/warc-fields",
        warc_headers_dict={"WARC-Record-ID": rid, "WARC-Date": date, "WARC-Filename": filename},
    )
    writer.write_record(record)
    return rid


def build_warc(path: Path) -> dict[str, str]:
    """Write the WARC file; return the response record id of each HTML capture."""
    response_ids: dict[str, str] = {}
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True, warc_version=WARC_VERSION)
        info_id = write_warcinfo(
            writer,
            path.name,
            "2025-06-16T09:00:00Z",
            "ManySides demo crawl: one article page, one unrelated page, robots.txt",
        )
        for capture in CAPTURES:
            resp_id = record_id(capture.uri, "response")
            req_id = record_id(capture.uri, "request")
            raw_resp = http_response_bytes(capture)
            response = writer.create_warc_record(
                capture.uri,
                "response",
                payload=BytesIO(raw_resp),
                length=len(raw_resp),
                warc_headers_dict={
                    "WARC-Record-ID": resp_id,
                    "WARC-Date": capture.warc_date,
                    "WARC-Warcinfo-ID": info_id,
                    "WARC-IP-Address": "192.0.2.10",
                },
            )
            raw_req = http_request_bytes(capture)
            request = writer.create_warc_record(
                capture.uri,
                "request",
                payload=BytesIO(raw_req),
                length=len(raw_req),
                warc_headers_dict={
                    "WARC-Record-ID": req_id,
                    "WARC-Date": capture.warc_date,
                    "WARC-Warcinfo-ID": info_id,
                    "WARC-Concurrent-To": resp_id,
                },
            )
            writer.write_record(request)
            writer.write_record(response)
            if capture.content_type.startswith("text/html"):
                response_ids[capture.uri] = resp_id

        first_html = next(c for c in CAPTURES if c.content_type.startswith("text/html"))
        meta = (
            b"fetchTimeMs: 212\r\n"
            b"charset-detected: UTF-8\r\n"
            b'languages-cld2: {"languages":[{"code":"en"}]}\r\n'
        )
        metadata = writer.create_warc_record(
            first_html.uri,
            "metadata",
            payload=BytesIO(meta),
            length=len(meta),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Record-ID": record_id(first_html.uri, "metadata"),
                "WARC-Date": first_html.warc_date,
                "WARC-Warcinfo-ID": info_id,
                "WARC-Concurrent-To": response_ids[first_html.uri],
            },
        )
        writer.write_record(metadata)
    return response_ids


def build_wet(path: Path, response_ids: dict[str, str]) -> None:
    """Write the WET file: plain-text ``conversion`` records of the HTML captures."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True, warc_version=WARC_VERSION)
        info_id = write_warcinfo(
            writer,
            path.name,
            "2025-06-16T09:05:00Z",
            "Plain text extracted from the HTML responses in crawl.warc.gz",
        )
        for capture in CAPTURES:
            if capture.uri not in response_ids:
                continue
            text = html_to_text(capture.body).encode("utf-8")
            record = writer.create_warc_record(
                capture.uri,
                "conversion",
                payload=BytesIO(text),
                length=len(text),
                warc_content_type="text/plain",
                warc_headers_dict={
                    "WARC-Record-ID": record_id(capture.uri, "conversion"),
                    "WARC-Date": capture.warc_date,
                    "WARC-Refers-To": response_ids[capture.uri],
                    "WARC-Warcinfo-ID": info_id,
                    "WARC-Identified-Content-Language": "eng",
                },
            )
            writer.write_record(record)


def main() -> None:
    """Build ``crawl.warc.gz`` and ``crawl.wet.gz`` next to the sources."""
    ARCHIVE_DIR.mkdir(parents=True, exist_ok=True)
    response_ids = build_warc(WARC_PATH)
    build_wet(WET_PATH, response_ids)
    print(f"wrote {WARC_PATH} ({WARC_PATH.stat().st_size} bytes)")
    print(f"wrote {WET_PATH} ({WET_PATH.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
