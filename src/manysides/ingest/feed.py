"""RSS and Atom feeds: each entry becomes a page, with the feed's own metadata as given fields.

feedparser trusts numeric character references: `&#99999999;` raises ValueError and `&#xD800;` yields a lone
surrogate that cannot be encoded later. References are made safe before parsing, anything feedparser still
raises becomes one InputError for the feed, and surrogates are replaced in everything it returns.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from manysides.errors import InputError, first_line
from manysides.ingest.decode import decode_wide, wide_encoding, without_surrogates
from manysides.records.page import Page

_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
_REPLACEMENT_REF = b"&#xFFFD;"
# Lone surrogates cannot be encoded; C0 controls and U+FFFE/U+FFFF are not XML characters, and lxml refuses
# any string holding them.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_DECLARED_ENCODING = re.compile(rb"^(\s*<\?xml[^>]*?encoding\s*=\s*)([\"'])[^\"']*\2")


def read_feed(data: bytes, source: str, path: str | None) -> Iterator[Page | InputError]:
    """Parse a whole feed; an entry with neither content nor link is reported and skipped."""
    try:
        parsed = feedparser.parse(safe_char_refs(_as_utf8(data)))
    except Exception as error:  # feedparser's loose parser can still choke on hostile markup
        raise InputError(source, f"feed could not be parsed ({first_line(error)})") from None
    if not parsed.entries:
        reason = parsed.get("bozo_exception") if parsed.get("bozo") else None
        if reason is None and parsed.get("version"):
            raise InputError(source, "feed has no entries")
        detail = f" ({first_line(reason)})" if reason else ""
        raise InputError(source, f"not a valid RSS or Atom feed{detail}")
    outlet = _clean((parsed.feed.get("title") or "").strip()) or None
    for index, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{index}"
        try:
            given = _clean_fields(entry_fields(entry, outlet))
            html = _clean(_entry_html(entry))
        except Exception as error:  # a hostile date or field in one entry must not cost the others
            yield InputError(where, f"feed entry could not be read ({first_line(error)}); skipped")
            continue
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


def safe_char_refs(data: bytes) -> bytes:
    """Numeric character references XML allows stay; others become U+FFFD (or vanish, for control codes)."""
    return _CHAR_REF.sub(_safe_ref, data)


def _safe_ref(match: re.Match[bytes]) -> bytes:
    hex_digits, decimal_digits = match.group(1), match.group(2)
    digits = (hex_digits or decimal_digits).lstrip(b"0")
    if len(digits) > 8:  # beyond any code point, and int() of a huge digit string is itself a cost
        return _REPLACEMENT_REF
    code = int(digits or b"0", 16 if hex_digits else 10)
    if code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF:
        return match.group(0)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return b""
    return _REPLACEMENT_REF


def _as_utf8(data: bytes) -> bytes:
    """UTF-16/32 feeds as UTF-8, declaration included, so the reference check sees their markup."""
    wide = wide_encoding(data)
    if not wide:
        return data
    return _XML_DECLARED_ENCODING.sub(rb'\1"utf-8"', decode_wide(data, wide).encode("utf-8"), count=1)


def _clean(text: str) -> str:
    """Text fit to store, print and parse again: lone surrogates (from references feedparser decoded itself)
    become U+FFFD, control codes (raw in CDATA) go."""
    return _NOT_TEXT.sub("", without_surrogates(text))


def _clean_fields(given: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for key, value in given.items():
        if isinstance(value, str):
            cleaned[key] = _clean(value)
        elif isinstance(value, list):
            cleaned[key] = [_clean(item) if isinstance(item, str) else item for item in value]
        else:
            cleaned[key] = value
    return cleaned
