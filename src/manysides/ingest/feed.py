"""RSS and Atom feeds: each entry becomes a page, with the feed's own metadata as given fields."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from manysides.errors import InputError
from manysides.ingest.page import Page


def read_feed(data: bytes, source: str, path: str | None) -> Iterator[Page | InputError]:
    """Parse a whole feed; an entry with neither content nor link is reported and skipped."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = parsed.get("bozo_exception") if parsed.get("bozo") else None
        if reason is None and parsed.get("version"):
            raise InputError(source, "feed has no entries")
        detail = f" ({str(reason).splitlines()[0][:120]})" if reason else ""
        raise InputError(source, f"not a valid RSS or Atom feed{detail}")
    outlet = (parsed.feed.get("title") or "").strip() or None
    for index, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{index}"
        given = entry_fields(entry, outlet)
        html = _entry_html(entry)
        if not html and not given.get("url"):
            yield InputError(where, "feed entry has neither content nor a link; skipped")
            continue
        yield Page(
            source=where,
            kind="html",
            raw=html.encode("utf-8"),
            path=path,
            url=given.get("url"),
            content_type="text/html; charset=utf-8",
            given=given,
            feed_entry=True,
        )


def entry_fields(entry: Any, outlet: str | None) -> dict[str, Any]:
    """What a feed entry states about its article, in the record's own keys."""
    given: dict[str, Any] = {}
    if entry.get("link"):
        given["url"] = entry["link"]
    if entry.get("title"):
        given["title"] = entry["title"].strip()
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        given["published"] = datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC).isoformat()
    authors = [a.get("name", "").strip() for a in entry.get("authors", []) if a.get("name")]
    if authors:
        given["authors"] = authors
    tags = [t.get("term", "").strip() for t in entry.get("tags", []) if t.get("term")]
    if tags:
        given["tags"] = tags
    if outlet:
        given["outlet"] = outlet
    return given


def _entry_html(entry: Any) -> str:
    """The fullest HTML the entry carries: content:encoded beats the summary."""
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    if contents:
        return max(contents, key=len)
    return entry.get("summary", "") or ""
