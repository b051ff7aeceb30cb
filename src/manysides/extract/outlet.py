"""The outlet behind a URL, looking through web-archive wrappers to the original address."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_ARCHIVE = re.compile(
    r"^https?://(?:web\.)?archive\.org/web/[^/]+/(?P<original>.+)$|"
    r"^https?://archive\.(?:today|ph|is|li|vn|md)/[^/]+/(?P<original2>https?://.+)$",
    re.IGNORECASE,
)


def original_url(url: str) -> str:
    """`web.archive.org/web/<time>/<original>` -> `<original>`; other URLs unchanged."""
    match = _ARCHIVE.match(url.strip())
    if not match:
        return url
    inner = match.group("original") or match.group("original2")
    if not re.match(r"^https?://", inner, re.IGNORECASE):
        inner = "http://" + inner.lstrip("/")
    return inner


def outlet_from_url(url: str | None) -> str | None:
    """The site's domain without `www.`, e.g. 'nytimes.com'; None for URLs without a host."""
    if not url:
        return None
    try:
        host = urlsplit(original_url(url)).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host
