"""From a raw Page to the Article record: pick the extractor, merge stated fields, fill ids and hashes."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from manysides.extract.dates import to_iso
from manysides.extract.fields import Extracted
from manysides.extract.fragment import fragment_text
from manysides.extract.html import extract_html
from manysides.extract.language import detect_language
from manysides.extract.outlet import outlet_from_url
from manysides.extract.textdump import extract_text_dump
from manysides.ingest.decode import decode_html, decode_text
from manysides.records.article import Article, ExtractionMethod, body_hash
from manysides.records.page import Page

_BLANK_LINES = re.compile(r"\n\s*\n+")
_FULL_PAGE_BYTES = 200_000  # a feed entry this large is a fetched page, not a content fragment


def extract_page(page: Page) -> Article:
    """Extract one page; fields the container stated (JSON Lines, feed entry) win over guesses."""
    return extract_with_warnings(page)[0]


def extract_with_warnings(page: Page) -> tuple[Article, list[str]]:
    """The article and what is doubtful about it (text cut, page read as plain text), for the user to see."""
    given = dict(page.given)
    if page.kind == "record":
        given.update(json.loads(page.raw))
        found, method = _extract_record(given, _clean(page.url))  # a JSON value: may be a number
    elif page.kind == "html" and page.feed_entry and len(page.raw) < _FULL_PAGE_BYTES:
        found, method = (
            Extracted(body=fragment_text(page.raw.decode("utf-8", "replace")), url=page.url),
            "feed-entry",
        )
        found.confidence = 0.9 if found.body else 0.0
    elif page.kind == "html":
        found = extract_html(decode_html(page.raw, page.content_type), page.url)
        method = "html"
    else:
        found = extract_text_dump(decode_text(page.raw, _charset(page.content_type)), page.url)
        method = "text-dump"
    return _assemble(page, found, given, method), found.warnings


def _extract_record(record: dict[str, Any], url: str | None) -> tuple[Extracted, ExtractionMethod]:
    text = record.get("text")
    if isinstance(text, str) and text.strip():
        return Extracted(body=normalise_paragraphs(text), url=url, confidence=1.0), "provided"
    found = extract_html(str(record.get("html", "")), url)
    return found, "html"


def _assemble(page: Page, found: Extracted, given: dict[str, Any], method: ExtractionMethod) -> Article:
    url = _clean(given.get("url")) or _clean(page.url) or found.url or found.canonical_url
    body = found.body
    published = to_iso(str(given["published"])) if given.get("published") else found.published
    return Article(
        id=str(given["id"]) if given.get("id") is not None else derive_id(page, found),
        path=page.path,
        url=url,
        outlet=_clean(given.get("outlet")) or found.outlet or outlet_from_url(url),
        title=_clean(given.get("title")) or found.title,
        subtitle=found.subtitle,
        authors=_authors(given.get("authors")) or found.authors,
        published=published,
        language=found.language or detect_language(body),
        body=body,
        tags=list(given.get("tags") or found.tags),
        captions=found.captions,
        cited_sources=found.cited_sources,
        republished_from=found.republished_from,
        canonical_url=found.canonical_url,
        content_hash=body_hash(body),
        method=method,
        confidence=round(found.confidence, 3),
        captured=page.captured,
    )


def derive_id(page: Page, found: Extracted) -> str:
    """A stable id: from the page's address when it has one, else from its raw bytes."""
    key = found.canonical_url or _clean(page.url) or ""
    basis = ("url:" + key).encode("utf-8", "surrogatepass") if key else b"raw:" + page.raw
    return hashlib.sha256(basis).hexdigest()[:16]


def normalise_paragraphs(text: str) -> str:
    """Paragraphs separated by exactly one blank line, inner white space folded."""
    paragraphs = (" ".join(p.split()) for p in _BLANK_LINES.split(text.replace("\r\n", "\n")))
    return "\n\n".join(p for p in paragraphs if p)


def _authors(value: Any) -> list[str]:
    if isinstance(value, str):
        value = re.split(r"\s*(?:;|,| and )\s*", value)
    if not isinstance(value, list):
        return []
    return [str(a).strip() for a in value if str(a).strip()]


def _clean(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _charset(content_type: str | None) -> str | None:
    match = re.search(r"charset=([\w-]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else None
