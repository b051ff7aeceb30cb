"""WARC and WET archives: every HTML response and every text conversion record becomes a page.

An archive is hostile like any input: a record cut short by the end of the file is refused (its text would
be a fragment, often the site menu alone), garbage after `WARC/` is reported rather than skipped in
silence, and gzip is inflated by our own guarded reader so a bomb is stopped at the size cap.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from manysides.errors import InputError, first_line
from manysides.ingest.limits import Limits, human_size
from manysides.ingest.streams import gunzip_head, gzip_stream, is_gzip, open_with_head
from manysides.records.page import Page

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_DRAIN_BYTES = 1024 * 1024
_BLOCK_BYTES = 1024 * 1024  # warcio's reads: large blocks keep its line joining (quadratic in blocks) cheap


def read_warc(stream: IO[bytes], source: str, path: str | None, limits: Limits) -> Iterator[Page | InputError]:
    """Stream the archive record by record; a broken record ends the file with one error, pages before it stay."""
    head, stream = open_with_head(stream)
    if not (gunzip_head(head, source) if is_gzip(head) else head).lstrip().startswith((b"WARC/", b"filedesc://")):
        raise InputError(source, "not a WARC archive (the file does not start with a WARC record)")
    if is_gzip(head):  # per-record gzip members read as one stream; warcio then sees a plain archive
        stream = gzip_stream(stream, source, limits.page_bytes)
    guarded = _GuardedArchive(stream, source, limits.page_bytes + _BLOCK_BYTES)
    archive = ArchiveIterator(guarded, arc2warc=True, block_size=_BLOCK_BYTES)
    records = iter(archive)
    held: Page | InputError | None = None  # a record's page waits until warcio has seen what follows it
    index, pages, reported = 0, 0, False
    while True:
        index += 1
        where = f"{source}#{index}"
        misplaced_before = archive.err_count
        record, item, final = None, None, None
        try:
            with _quiet_stderr():
                record = next(records, None)
                item = _read_record(record, where, path, limits) if record is not None else None
        except InputError as error:  # damaged or hostile data: nothing after it can be trusted to parse
            final = InputError(where, f"{error.problem}; the rest of the archive is not read")
        except Exception as error:  # warcio raises many kinds of error on damaged archives
            final = _broken(source, index, error)
        if held is not None:
            checked = _checked(held, followed_by_separator=archive.err_count == misplaced_before)
            pages, reported = pages + isinstance(checked, Page), reported or isinstance(checked, InputError)
            yield checked
        held = item
        if final is not None:
            yield final
            return
        if record is None:
            break
    yield from _silent_end(archive, source, index, nothing_said=not (pages or reported))


def _silent_end(archive: Any, source: str, index: int, nothing_said: bool) -> Iterator[InputError]:
    """What warcio ends its iteration on without a word: a record cut inside its headers, or only junk."""
    if (getattr(archive, "next_line", None) or b"").strip():  # a record began but its headers never ended
        yield InputError(f"{source}#{index}", "WARC record is cut short inside its headers; skipped")
    elif index == 1:
        yield InputError(source, "no WARC records in the file")
    elif nothing_said and archive.err_count:
        yield InputError(source, "damaged archive: its records do not end where their Content-Length says")


def _checked(item: Page | InputError, followed_by_separator: bool) -> Page | InputError:
    """A record not followed by the blank lines that end it had a wrong Content-Length: its text is cut."""
    if followed_by_separator or not isinstance(item, Page):
        return item
    return InputError(
        item.source, "WARC record does not end where its Content-Length says, so its text may be cut; skipped"
    )


def _read_record(record: Any, where: str, path: str | None, limits: Limits) -> Page | InputError | None:
    """The record's page (or why it has none), having read the record to its end to prove it is whole."""
    missing = [name for name in ("WARC-Type", "Content-Length") if not record.rec_headers.get_header(name)]
    if missing or record.length is None:
        raise InputError(where, f"broken WARC record: no {' or '.join(missing) or 'valid Content-Length'} header")
    item = _record_page(record, where, path, limits)
    available = _drain(record)
    if available < record.length:
        return InputError(
            where,
            f"WARC record is cut short: Content-Length says {record.length} bytes but the file ends after "
            f"{available}; skipped",
        )
    return item


def _drain(record: Any) -> int:
    """Read the rest of the record and return how many of its stated bytes were actually there."""
    raw = record.raw_stream
    while raw.read(_DRAIN_BYTES):
        pass
    remaining = getattr(raw, "limit", 0)
    return int(record.length) - max(int(remaining), 0)


def _record_page(record: Any, where: str, path: str | None, limits: Limits) -> Page | InputError | None:
    rec_type = record.rec_type
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    captured = headers.get_header("WARC-Date")
    if rec_type == "response":
        http = record.http_headers
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
    payload = record.content_stream().read(limits.page_bytes + 1)
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


def _broken(source: str, index: int, error: Exception) -> InputError:
    """One readable line for whatever warcio raised; its messages can quote the garbage they choked on."""
    if isinstance(error, ArchiveLoadFailed) and "Unknown archive format" in str(error):
        if index == 1:
            return InputError(source, "not a WARC archive (the file does not start with a WARC record)")
        problem = "no WARC header where the record should start"
    else:
        problem = first_line(error, 160)
    return InputError(
        f"{source}#{index}",
        f"broken WARC record ({problem}); the rest of the archive is not read",
    )


class _GuardedArchive:
    """The archive stream as warcio reads it, with two defences warcio lacks.

    Reads return what is ready rather than fill the request, so the records before damaged gzip data reach
    warcio before the error does. And warcio reads the gap between records as one line however long it runs,
    holding all of it in memory: a run with no line break longer than any page may be is refused instead.
    """

    def __init__(self, stream: IO[bytes], source: str, max_line: int) -> None:
        self._stream = stream
        self._source = source
        self._max_line = max_line
        self._line = 0

    def read(self, size: int = -1) -> bytes:
        read_one_step = getattr(self._stream, "read1", self._stream.read)
        chunk: bytes = read_one_step(size)
        newline = chunk.rfind(b"\n")
        self._line = len(chunk) - newline - 1 if newline >= 0 else self._line + len(chunk)
        if self._line > self._max_line:
            raise InputError(
                self._source,
                f"over {human_size(self._max_line)} without a line break: junk or damage, not WARC records",
            )
        return chunk


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """warcio writes its warnings straight to sys.stderr; our own one line per problem says it instead."""
    with contextlib.redirect_stderr(io.StringIO()):
        yield
