"""The article record: the contract between extraction, storage and every later stage.

`manysides extract --json` prints these, the store keeps them, and `schemas/article.schema.json`
is generated from this model. Missing values are None or empty lists, never invented.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ExtractionMethod = Literal["html", "text-dump", "feed-entry", "provided"]

_SPACE = re.compile(r"\s+")


class Article(BaseModel):
    """One extracted article, with every field a later stage may need."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Stable id: the one given in JSON Lines input, else derived from URL or content.")
    path: str | None = Field(None, description="Local file the page came from (with #record for archives).")
    url: str | None = Field(None, description="Address the page was fetched from or states.")
    outlet: str | None = Field(None, description="Publishing outlet's name, or its domain when no name is stated.")
    title: str | None = None
    subtitle: str | None = Field(None, description="Standfirst or lede shown under the title.")
    authors: list[str] = Field(default_factory=list)
    published: str | None = Field(None, description="ISO 8601; a date alone when no time is known.")
    language: str | None = Field(None, description="ISO 639-1 code, detected offline when the page does not say.")
    body: str = Field("", description="Article text, paragraphs separated by one blank line.")
    tags: list[str] = Field(default_factory=list)
    captions: list[str] = Field(default_factory=list)
    cited_sources: list[str] = Field(default_factory=list, description="Agencies or media credited, e.g. AFP.")
    republished_from: str | None = Field(None, description="URL or outlet of the original this page republishes.")
    canonical_url: str | None = None
    content_hash: str = Field(description="sha256 of the normalised body text; equal bodies, equal hash.")
    method: ExtractionMethod = Field(description="How the article was extracted.")
    confidence: float = Field(ge=0.0, le=1.0, description="Extractor's confidence that body and fields are right.")
    captured: str | None = Field(None, description="When the page was fetched or archived (WARC-Date), ISO 8601.")


def body_hash(body: str) -> str:
    """Hash of the body with white space folded, so re-wrapped copies of one text hash alike."""
    return hashlib.sha256(_SPACE.sub(" ", body).strip().encode("utf-8")).hexdigest()


def published_utc(published: str | None) -> datetime | None:
    """A sortable naive-UTC instant for --since: naive times count as UTC, a bare date as its midnight.

    None when there is none: not ISO 8601, or an offset that moves it out of the years 1 to 9999.
    """
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published)
        return moment if moment.tzinfo is None else moment.astimezone(UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):
        return None
