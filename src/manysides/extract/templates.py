"""Site templates: lines that repeat across pages of one site are that site's boilerplate.

A menu, a footer, a "Most Read" block or a newsletter prompt appears on many pages of a site; an article
paragraph appears on one. Every page records the set of its (normalised, hashed) lines under its site; a body
paragraph whose line was seen on enough *other* pages of the same site is dropped. Metadata is left alone:
only the body is filtered, so a repeated byline still gives the author.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from manysides.extract.outlet import outlet_from_url
from manysides.records.article import Article, body_hash
from manysides.records.page import Page

MIN_PAGES = 2  # a line seen on this many other pages of the site can be boilerplate...
MIN_SHARE = 0.3  # ...if it is also on at least this share of the site's other pages
_MIN_LINE_CHARS = 3
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_SPACE = re.compile(r"\s+")


class LineCounts(Protocol):
    """Where per-site line counts live: in memory for one run, or in the database."""

    def site_counts(self, site: str, keys: Iterable[str]) -> tuple[int, dict[str, int]]: ...


def line_key(line: str) -> str | None:
    """A short stable key for a line, ignoring case, spacing and edge punctuation (bullets, pipes)."""
    text = _SPACE.sub(" ", _EDGE.sub("", line.casefold())).strip()
    if len(text) < _MIN_LINE_CHARS:
        return None
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def page_keys(page: Page, article: Article) -> set[str]:
    """The lines a page contributes to its site's template: every line of a text dump, the body otherwise."""
    if page.kind == "text":
        lines: Iterable[str] = page.raw.decode("utf-8", "replace").splitlines()
    else:
        lines = article.body.split("\n\n")
    return {key for key in map(line_key, lines) if key}


def site_of(page: Page, article: Article) -> str | None:
    """The site a page belongs to: its domain, else the outlet it names, else (text dumps) its header line.

    A whole-page dump begins with the site's own header (name, logo text), so its first line identifies the
    site even when the file carries no URL. Records given as JSON and feed entries have no template.
    """
    if article.method in ("provided", "feed-entry"):
        return None
    site = outlet_from_url(article.url or page.url) or (article.outlet.casefold() if article.outlet else None)
    if site is None and page.kind == "text":
        header = next((line for line in page.raw[:4096].decode("utf-8", "replace").splitlines() if line.strip()), "")
        site = f"header:{line_key(header)}" if line_key(header) else None
    return site


def boilerplate_keys(site_pages: int, counts: dict[str, int], includes_self: bool) -> set[str]:
    """Keys seen on enough other pages; `includes_self` when the counts already contain this page."""
    own = 1 if includes_self else 0
    others = site_pages - own
    if others < MIN_PAGES:
        return set()
    needed = max(MIN_PAGES, MIN_SHARE * others)
    return {key for key, count in counts.items() if count - own >= needed}


def strip_boilerplate(article: Article, boilerplate: set[str]) -> Article:
    """Drop body paragraphs that are the site's boilerplate; the record's hash follows the new body."""
    if not boilerplate:
        return article
    paragraphs = article.body.split("\n\n")
    kept = [p for p in paragraphs if line_key(p) not in boilerplate]
    if len(kept) == len(paragraphs):
        return article
    body = "\n\n".join(kept)
    return article.model_copy(update={"body": body, "content_hash": body_hash(body)})


@dataclass(frozen=True)
class SiteLines:
    """What one page teaches its site's template; recorded together with the page."""

    site: str
    keys: frozenset[str]


def apply_site_template(
    page: Page, article: Article, counts: LineCounts, includes_self: bool = False
) -> tuple[Article, SiteLines | None]:
    """Filter the article with what its site's other pages taught; return what this page teaches in turn."""
    site = site_of(page, article)
    if site is None:
        return article, None
    keys = page_keys(page, article)
    site_pages, seen = counts.site_counts(site, keys)
    cleaned = strip_boilerplate(article, boilerplate_keys(site_pages, seen, includes_self))
    return cleaned, SiteLines(site, frozenset(keys))


class MemoryLineCounts:
    """Line counts for one run without a database (`manysides extract`)."""

    def __init__(self) -> None:
        self._pages: dict[str, int] = defaultdict(int)
        self._lines: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def site_counts(self, site: str, keys: Iterable[str]) -> tuple[int, dict[str, int]]:
        lines = self._lines[site]
        return self._pages[site], {key: lines[key] for key in keys if key in lines}

    def record(self, lines: SiteLines | None) -> None:
        if lines is None:
            return
        self._pages[lines.site] += 1
        counts = self._lines[lines.site]
        for key in lines.keys:
            counts[key] += 1
