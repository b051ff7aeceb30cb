"""A followed source: as the sources file lists it, its health as `manysides sources --json` prints it
(schemas/sources.schema.json), and what a `manysides watch` run did (its `--json`)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from manysides.settings import WATCH_MAX_INTERVAL as MAX_INTERVAL
from manysides.settings import WATCH_MIN_INTERVAL as MIN_INTERVAL


@dataclass(frozen=True)
class SourceSpec:
    """One source as the sources file lists it."""

    name: str
    url: str
    outlet: str
    kind: str | None  # None: recognised from what the URL returns
    min_interval: int = MIN_INTERVAL
    max_interval: int = MAX_INTERVAL


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceHealth(_Model):
    name: str
    url: str
    outlet: str
    kind: str = Field(description="feed, sitemap or page (a section page whose article links are followed)")
    interval_seconds: int = Field(description="the poll interval learned so far, within the source's bounds")
    next_fetch: str = Field(description="UTC, ISO 8601")
    last_success: str | None = None
    last_error: str | None = None
    last_error_at: str | None = None
    failures: int = Field(0, description="failures since the last success")
    polls: int = 0
    not_modified: int = Field(0, description="polls answered 304 or with an unchanged body")
    articles: int = Field(0, description="new articles stored from this source")
    disabled: bool = False
    disabled_reason: str | None = None


class SourceError(_Model):
    source: str
    problem: str


class WatchRun(_Model):
    """What one `watch` run did, over all its rounds."""

    rounds: int = 0
    polled: int = Field(0, description="source fetches made")
    not_modified: int = Field(0, description="of those, answered 304 Not Modified")
    unchanged: int = Field(0, description="of those, a body identical to the last one (nothing read)")
    pages_new: int = 0
    pages_known: int = Field(0, description="entries whose article was already stored")
    failed: int = 0
    stories_assigned: int = 0
    disabled: list[str] = Field(default_factory=list, description="sources disabled during this run")
    errors: list[SourceError] = Field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = Field(False, description="stopped by SIGTERM or Ctrl-C after finishing the page in flight")
