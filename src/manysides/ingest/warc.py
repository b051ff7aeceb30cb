"""WARC and WET archives: every HTML response and every text conversion record becomes a page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator

from manysides.errors import InputError
from manysides.ingest.limits import Limits, human_size
from manysides.ingest.page import Page

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: IO[bytes], source: str, path: str | None, limits: Limits) -> Iterator[Page | InputError]:
    """Stream the archive record by record; a broken record ends the file with one error, pages before it stay."""
    index = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            index += 1
            page = _record_page(record, f"{source}#{index}", path, limits)
            if isinstance(page, Page | InputError):
                yield page
    except Exception as error:  # warcio raises many kinds of error on damaged archives
        problem = str(error).split("\n", 1)[0][:160] or type(error).__name__
        yield InputError(f"{source}#{index + 1}", f"broken WARC record, rest of the file skipped ({problem})")


def _record_page(record: object, where: str, path: str | None, limits: Limits) -> Page | InputError | None:
    rec_type = record.rec_type  # type: ignore[attr-defined]
    headers = record.rec_headers  # type: ignore[attr-defined]
    url = headers.get_header("WARC-Target-URI")
    captured = headers.get_header("WARC-Date")
    if rec_type == "response":
        http = record.http_headers  # type: ignore[attr-defined]
        content_type = http.get_header("Content-Type") if http else None
        status = http.get_statuscode() if http else None
        if not content_type or not content_type.lower().startswith(_HTML_TYPES):
            return None
        if status and not str(status).startswith("2"):
            return None
        kind = "html"
    elif rec_type == "conversion":
        content_type = headers.get_header("Content-Type") or "text/plain"
        kind = "text"
    else:
        return None
    payload = record.content_stream().read(limits.page_bytes + 1)  # type: ignore[attr-defined]
    if len(payload) > limits.page_bytes:
        return InputError(where, f"record is larger than {human_size(limits.page_bytes)}; skipped")
    if not payload.strip():
        return None
    return Page(
        source=where,
        kind=kind,
        raw=payload,
        path=path,
        url=url,
        content_type=content_type,
        captured=captured,
    )
