"""JSON Lines of already-extracted articles: how users bring data from other tools and datasets."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

from manysides.errors import InputError, first_line
from manysides.ingest.decode import without_surrogates
from manysides.ingest.limits import Limits, human_size
from manysides.records.page import Page

# A lone surrogate reaches a record two ways: as a `\ud800` escape, or as its raw three-byte form, which
# json.loads decodes with "surrogatepass".
_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\xed[\xa0-\xbf]")
KNOWN_KEYS = ("id", "url", "outlet", "title", "published", "authors", "text", "html")


def read_jsonl(stream: IO[bytes], source: str, path: str | None, limits: Limits) -> Iterator[Page | InputError]:
    """One Page per line; a bad line is reported by its number and the rest still go through."""
    for number, line in enumerate(_bounded_lines(stream, limits.page_bytes), start=1):
        where = f"{source}:{number}"
        if line is None:
            yield InputError(where, f"line is longer than {human_size(limits.page_bytes)}; skipped")
            continue
        if not line.strip():
            continue
        try:
            yield record_page(line, where, path)
        except InputError as error:
            yield error


def read_json_document(data: bytes, source: str, path: str | None) -> Iterator[Page | InputError]:
    """A whole JSON document: one article object, or an array of them (as many tools export)."""
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError) as error:
        raise InputError(source, f"not valid JSON ({first_line(error)})") from None
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records, start=1):
        where = f"{source}#{number}" if isinstance(document, list) else source
        try:
            yield record_page(json.dumps(without_surrogates(record), ensure_ascii=False).encode("utf-8"), where, path)
        except InputError as error:
            yield error


def record_page(line: bytes, where: str, path: str | None) -> Page:
    """Validate one JSON record and wrap it; the raw line is kept so re-extraction can re-read it."""
    record = parse_record(line, where)
    raw = line.strip()
    if json.detect_encoding(line) not in ("utf-8", "utf-8-sig"):  # a UTF-16/32 line the file sniffing missed:
        raw = json.dumps(json.loads(line), ensure_ascii=False).encode("utf-8", "surrogatepass")  # kept as UTF-8
    if _SURROGATE.search(raw):  # a lone surrogate, which UTF-8 cannot hold
        raw = json.dumps(without_surrogates(json.loads(raw)), ensure_ascii=False).encode("utf-8")
        record = without_surrogates(record)
    return Page(source=where, kind="record", raw=raw, path=path, url=record.get("url"))


def parse_record(line: bytes, where: str) -> dict[str, Any]:
    """Parse and check one record; unknown keys (gold labels, extra metadata) are ignored, not errors."""
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError) as error:
        raise InputError(where, f"not valid JSON ({first_line(error)})") from None
    if not isinstance(record, dict):
        raise InputError(where, "expected a JSON object with at least `text` or `html`")
    text, html = record.get("text"), record.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        raise InputError(where, "record has no `text` or `html`")
    for key in ("id", "url", "outlet", "title", "published"):
        value = record.get(key)
        if value is not None and not isinstance(value, str | int):
            raise InputError(where, f"`{key}` must be a string")
    authors = record.get("authors")
    if authors is not None and not isinstance(authors, str | list):
        raise InputError(where, "`authors` must be a list of strings")
    return {key: record[key] for key in KNOWN_KEYS if record.get(key) is not None}


def _bounded_lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """Lines of at most max_bytes; a longer one is skipped whole and yielded as None."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(1024 * 1024)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line
