"""From what the user typed (paths, folders, globs, `-`, URLs) to a stream of pages.

Each input is read on its own: an error in one is yielded as an InputError and the next input
still goes through. Formats are recognised by content, so names only break ties.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from manysides.errors import InputError
from manysides.ingest.decode import looks_binary, wide_encoding
from manysides.ingest.detect import detect_format
from manysides.ingest.feed import read_feed
from manysides.ingest.fetch import Fetched, Fetcher, FetchPolicy
from manysides.ingest.jsonl import read_json_document, read_jsonl
from manysides.ingest.limits import Limits, human_size
from manysides.ingest.streams import gunzip_head, gzip_stream, is_gzip, open_with_head, read_bounded, utf8_stream
from manysides.ingest.walk import expand_glob, has_glob_chars, walk_folder
from manysides.ingest.warc import read_warc
from manysides.records.page import Page

Item = Page | InputError
# A folder walk takes these (and names without an extension); a file named on the command line is read
# whatever its name, since formats are recognised by content.
PAGE_SUFFIXES = frozenset(
    {
        ".html",
        ".htm",
        ".xhtml",
        ".txt",
        ".text",
        ".jsonl",
        ".ndjson",
        ".json",
        ".warc",
        ".wet",
        ".arc",
        ".rss",
        ".atom",
        ".xml",
        ".gz",
    }
)
_SHORT_ENTRY_CHARS = 600  # a feed entry with less text than this is a teaser: fetch its page


@dataclass
class ReadOptions:
    """How inputs are read; `fetch_feed_entries` None means: follow entry links only for feeds fetched by URL.

    `follow_symlinks` lets folder walks and `**` follow symbolic links out of the folder (see ingest/walk.py).
    """

    limits: Limits = field(default_factory=Limits)
    fetch_policy: FetchPolicy = field(default_factory=FetchPolicy)
    fetch_feed_entries: bool | None = None
    follow_symlinks: bool = False


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def expand_inputs(inputs: Iterable[str], follow_symlinks: bool = False) -> Iterator[str | InputError]:
    """Each argument becomes files (folders recursively, globs expanded, sorted), URLs or `-` as given.

    A folder or glob names each real file once; symbolic links out of a folder are followed only on request.
    """
    for arg in inputs:
        if arg == "-" or is_url(arg):
            yield arg
            continue
        path = Path(arg).expanduser()
        if path.is_dir():
            walk = walk_folder(path, _is_page_file, follow_symlinks)
            if not walk.files:
                problem = "folder has no page files (.html, .txt, .jsonl, .warc, .rss, ...)"
                yield InputError(arg, problem + _links_out_note(walk.links_out))
            yield from walk.files
        elif path.is_file():
            yield str(path)
        elif has_glob_chars(arg):
            matches = expand_glob(arg, follow_symlinks)
            if not matches.files:
                yield InputError(arg, "pattern matches no files" + _links_out_note(matches.links_out))
            yield from matches.files
        elif path.exists():
            yield InputError(arg, "not a regular file")
        else:
            yield InputError(arg, "no such file, folder or URL")


def iter_pages(inputs: Iterable[str], options: ReadOptions | None = None) -> Iterator[Item]:
    """Every page of every input, in input order; errors are items too, so the caller can count them."""
    options = options or ReadOptions()
    fetchers = _LazyFetcher(options.fetch_policy)
    try:
        for item in expand_inputs(inputs, options.follow_symlinks):
            if isinstance(item, InputError):
                yield item
                continue
            follow = options.fetch_feed_entries if options.fetch_feed_entries is not None else is_url(item)
            for page in _guard(item, lambda source=item: _read_input(source, fetchers, options)):
                if follow and isinstance(page, Page) and page.feed_entry and page.url and is_teaser(page):
                    page = fetch_entry_page(page, fetchers.get())
                yield page
    finally:
        fetchers.close()


class _LazyFetcher:
    """One Fetcher for the whole run, made only when a URL is actually met."""

    def __init__(self, policy: FetchPolicy) -> None:
        self._policy = policy
        self._fetcher: Fetcher | None = None

    def get(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self._policy)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


def _read_input(source: str, fetchers: _LazyFetcher, options: ReadOptions) -> Iterator[Item]:
    if source == "-":
        return read_stream(sys.stdin.buffer, "<stdin>", None, "", options)
    if is_url(source):
        fetched = fetchers.get().fetch(source)
        name = _url_name(fetched)
        return read_stream(io.BytesIO(fetched.content), source, None, name, options, fetched=fetched)
    path = Path(source)
    return _read_file(path, options)


def _read_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    with path.open("rb") as handle:
        yield from read_stream(handle, str(path), str(path), path.name, options, size=path.stat().st_size)


def _guard(source: str, produce: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """Turn a fatal problem with one input into one InputError item, so the other inputs go on."""
    try:
        yield from produce()
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(source, error.strerror or str(error))


def read_stream(
    stream: IO[bytes],
    source: str,
    path: str | None,
    name: str,
    options: ReadOptions,
    size: int | None = None,
    fetched: Fetched | None = None,
) -> Iterator[Item]:
    """Sniff, then hand the stream to the reader of its format; containers are streamed, pages bounded."""
    limits = options.limits
    head, stream = open_with_head(stream)
    if not head.strip():
        raise InputError(source, "empty input")
    compressed = is_gzip(head)
    inner_head = gunzip_head(head, source) if compressed else head
    inner_name = name[:-3] if compressed and name.lower().endswith(".gz") else name
    fmt = detect_format(inner_head, inner_name)
    if fmt == "warc":
        yield from read_warc(stream, source, path, limits)
        return
    body_stream = gzip_stream(stream, source, limits.page_bytes) if compressed else stream
    if fmt == "jsonl":
        wide = wide_encoding(inner_head)
        yield from read_jsonl(utf8_stream(body_stream, wide) if wide else body_stream, source, path, limits)
        return
    if size is not None and not compressed and size > limits.page_bytes:
        raise InputError(
            source,
            f"file is {human_size(size)}; a single page may be at most {human_size(limits.page_bytes)}",
        )
    if looks_binary(inner_head):
        raise InputError(source, "binary data, not a web page, feed or archive")
    data = read_bounded(body_stream, source, limits.page_bytes)
    if fmt == "feed":
        yield from read_feed(data, source, path)
        return
    if fmt == "json":
        yield from read_json_document(data, source, path)
        return
    if not data.strip():
        raise InputError(source, "empty input")
    yield Page(
        source=source,
        kind="html" if fmt == "html" else "text",
        raw=data,
        path=path,
        url=fetched.final_url if fetched else None,
        content_type=fetched.content_type if fetched else None,
        captured=fetched.fetched_at if fetched else None,
    )


def is_teaser(page: Page) -> bool:
    """A feed entry too short to be the article: its linked page is fetched instead."""
    return len(page.raw) < _SHORT_ENTRY_CHARS


def fetch_entry_page(entry: Page, fetcher: Fetcher) -> Item:
    """Replace a feed teaser with the article page it links to, keeping the feed's metadata."""
    assert entry.url
    try:
        fetched = fetcher.fetch(entry.url)
    except InputError as error:
        return InputError(entry.source, f"could not fetch the entry's page {entry.url}: {error.problem}")
    return Page(
        source=entry.source,
        kind="html",
        raw=fetched.content,
        path=entry.path,
        url=fetched.final_url,
        content_type=fetched.content_type,
        captured=fetched.fetched_at,
        given=entry.given,
    )


def _url_name(fetched: Fetched) -> str:
    kind = (fetched.content_type or "").lower()
    last = fetched.final_url.split("?", 1)[0].rsplit("/", 1)[-1]
    if "xml" in kind and ("rss" in kind or "atom" in kind):
        return last + ".rss"
    if "html" in kind:
        return last + ".html"
    return last


def _is_page_file(path: Path) -> bool:
    """Folder walks skip what is plainly not a page (scripts, READMEs, images); the walk skips hidden files."""
    return path.is_file() and (path.suffix.lower() in PAGE_SUFFIXES or not path.suffix)


def _links_out_note(links_out: int) -> str:
    """Why a folder or pattern that seems full gave nothing: say which option reads what was left out."""
    if not links_out:
        return ""
    links = f"{links_out} symbolic link{'s' if links_out != 1 else ''}"
    return f"; {links} out of it not followed (add --follow-symlinks to read through them)"
