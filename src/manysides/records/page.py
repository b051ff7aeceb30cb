"""A raw page as read from any input, before extraction.

The raw bytes are what gets stored, so that `manysides reextract` can rebuild the same Page
from the database alone and never needs a re-fetch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

PageKind = Literal["html", "text", "record"]


@dataclass
class Page:
    """One page: HTML, a plain-text dump, or an already-extracted JSON record.

    `given` holds fields the container stated (a feed entry's title, a JSON Lines id); they win over
    what the extractor guesses, because the container is the better witness.
    """

    source: str
    kind: PageKind
    raw: bytes
    path: str | None = None
    url: str | None = None
    content_type: str | None = None
    captured: str | None = None
    given: dict[str, Any] = field(default_factory=dict)
    feed_entry: bool = False
