"""Keys that tie a republication to its original: a normalised URL or outlet name."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from manysides.extract.outlet import original_url, outlet_from_url
from manysides.records.article import Article
from manysides.stories.text import ascii_text, stable_hash

_TLD = re.compile(r"\.(?:com|co|org|net|news|info|tv|[a-z]{2})(?:\.[a-z]{2})?$")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def url_key(url: str | None) -> int:
    """Hash of host + path without scheme, www, query or trailing slash; 0 for no URL."""
    if not url or "/" not in url:
        return 0
    try:
        parts = urlsplit(original_url(url.strip()))
    except ValueError:
        return 0
    host = (parts.hostname or "").removeprefix("www.")
    if not host:
        return 0
    return stable_hash(host + parts.path.rstrip("/"))


def outlet_key(name: str | None) -> int:
    """'The Cradle', 'thecradle.co' and 'www.thecradle.co' -> one key; 0 for no name."""
    if not name:
        return 0
    text = ascii_text(name).lower().strip()
    host = outlet_from_url(text) if "://" in text else None
    text = _TLD.sub("", (host or text).removeprefix("www."))
    text = _NON_ALNUM.sub("", text).removeprefix("the")
    return stable_hash(text) if text else 0


def article_outlet(article: Article) -> str | None:
    """The outlet as given, else the domain of the URL (looking through web-archive wrappers)."""
    return article.outlet or outlet_from_url(article.url) or outlet_from_url(article.canonical_url)


def source_keys(reference: str | None) -> tuple[int, int]:
    """(url key, outlet key) that a `republished_from` value may match."""
    if not reference:
        return 0, 0
    looks_like_url = "/" in reference.strip().removeprefix("https://").removeprefix("http://")
    return (url_key(reference) if looks_like_url else 0), outlet_key(reference)
