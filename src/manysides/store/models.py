"""Database tables: raw pages (compressed) beside the articles extracted from them.

Only portable column types are used, so a `postgresql://` URL is a configuration change. Every string column
is one of `columns.py`'s types: a value is normalised and bounded to the length declared here before any
database sees it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, LargeBinary
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from manysides.store.columns import BoundedString, StorableJSON, StorableText


class Base(DeclarativeBase):
    pass


class PageRow(Base):
    """A page exactly as read (zlib-compressed), so re-extraction never needs a re-fetch."""

    __tablename__ = "pages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(StorableText)
    kind: Mapped[str] = mapped_column(BoundedString(16))
    path: Mapped[str | None] = mapped_column(StorableText)
    url: Mapped[str | None] = mapped_column(StorableText)
    content_type: Mapped[str | None] = mapped_column(StorableText)
    captured: Mapped[str | None] = mapped_column(BoundedString(40))
    given: Mapped[dict] = mapped_column(StorableJSON, default=dict)
    feed_entry: Mapped[bool] = mapped_column(default=False)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    raw_size: Mapped[int] = mapped_column(Integer)
    raw_sha256: Mapped[str] = mapped_column(BoundedString(64), unique=True, index=True)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ArticleRow(Base):
    """The article record of one page; list fields are JSON arrays."""

    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(BoundedString(200), primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), unique=True)
    path: Mapped[str | None] = mapped_column(StorableText)
    url: Mapped[str | None] = mapped_column(StorableText, index=True)
    outlet: Mapped[str | None] = mapped_column(BoundedString(300), index=True)
    title: Mapped[str | None] = mapped_column(StorableText)
    subtitle: Mapped[str | None] = mapped_column(StorableText)
    authors: Mapped[list] = mapped_column(StorableJSON, default=list)
    published: Mapped[str | None] = mapped_column(BoundedString(40))
    published_utc: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    language: Mapped[str | None] = mapped_column(BoundedString(16))
    body: Mapped[str] = mapped_column(StorableText)
    tags: Mapped[list] = mapped_column(StorableJSON, default=list)
    captions: Mapped[list] = mapped_column(StorableJSON, default=list)
    cited_sources: Mapped[list] = mapped_column(StorableJSON, default=list)
    republished_from: Mapped[str | None] = mapped_column(StorableText)
    canonical_url: Mapped[str | None] = mapped_column(StorableText, index=True)
    content_hash: Mapped[str] = mapped_column(BoundedString(64), index=True)
    method: Mapped[str] = mapped_column(BoundedString(16))
    confidence: Mapped[float] = mapped_column(Float)
    captured: Mapped[str | None] = mapped_column(BoundedString(40))
    extracted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    extractor_version: Mapped[str] = mapped_column(BoundedString(40))


class SiteRow(Base):
    """How many pages of a site were seen: the denominator of its template."""

    __tablename__ = "sites"

    site: Mapped[str] = mapped_column(BoundedString(300), primary_key=True)
    pages: Mapped[int] = mapped_column(Integer)


class SiteLineRow(Base):
    """On how many pages of a site a (hashed, normalised) line appeared."""

    __tablename__ = "site_lines"

    site: Mapped[str] = mapped_column(BoundedString(300), primary_key=True)
    line_key: Mapped[str] = mapped_column(BoundedString(16), primary_key=True)
    pages: Mapped[int] = mapped_column(Integer)


class ArticleStoryRow(Base):
    """Which story an article belongs to; `features` lets the story index be rebuilt without re-embedding."""

    __tablename__ = "article_stories"

    article_id: Mapped[str] = mapped_column(
        BoundedString(200), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    story_id: Mapped[str] = mapped_column(BoundedString(64), index=True)
    duplicate_of: Mapped[str | None] = mapped_column(BoundedString(200))
    features: Mapped[bytes] = mapped_column(LargeBinary)
    position: Mapped[int] = mapped_column(Integer)


class ArticleFeatureRow(Base):
    """Story features computed at ingest for an article still waiting for its story (migration 0006)."""

    __tablename__ = "article_features"

    article_id: Mapped[str] = mapped_column(
        BoundedString(200), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    features: Mapped[bytes] = mapped_column(LargeBinary)


class StorySummaryRow(Base):
    """One line of the stories listing, kept current on every assignment change, so listing reads no articles.

    `first_utc`/`last_utc` sort and filter; the stated texts are what is shown. `articles_key` digests the
    story's articles as the comparison reads them: a cached comparison with another key is stale.
    """

    __tablename__ = "story_summaries"

    story_id: Mapped[str] = mapped_column(BoundedString(64), primary_key=True)
    title: Mapped[str] = mapped_column(StorableText)
    first_published: Mapped[str | None] = mapped_column(BoundedString(40))
    last_published: Mapped[str | None] = mapped_column(BoundedString(40))
    first_utc: Mapped[datetime | None] = mapped_column(DateTime)
    last_utc: Mapped[datetime | None] = mapped_column(DateTime)
    undated: Mapped[bool] = mapped_column(Boolean)
    article_count: Mapped[int] = mapped_column(Integer)
    outlet_count: Mapped[int] = mapped_column(Integer)
    outlets: Mapped[dict] = mapped_column(StorableJSON, default=dict)
    languages: Mapped[list] = mapped_column(StorableJSON, default=list)
    articles_key: Mapped[str] = mapped_column(BoundedString(64))


class StoryOutletRow(Base):
    """Which outlets covered a story, by exact name and by `outlet_key` (what `--outlet` compares)."""

    __tablename__ = "story_outlets"

    story_id: Mapped[str] = mapped_column(BoundedString(64), primary_key=True)
    outlet: Mapped[str] = mapped_column(BoundedString(300), primary_key=True)
    outlet_key: Mapped[str] = mapped_column(BoundedString(300), index=True)
    articles: Mapped[int] = mapped_column(Integer)
    alone: Mapped[int] = mapped_column(Integer)  # 1 when this outlet is the story's only one: summed per outlet


class StoryLanguageRow(Base):
    __tablename__ = "story_languages"

    story_id: Mapped[str] = mapped_column(BoundedString(64), primary_key=True)
    language: Mapped[str] = mapped_column(BoundedString(16), primary_key=True, index=True)


class ComparisonRow(Base):
    """A story's comparison, computed once: valid while `articles_key` and `engine_version` still match.

    `outlet_digest` holds what outlet pages read (sources cited, framing used) per outlet, so they never parse
    whole reports.
    """

    __tablename__ = "comparisons"

    story_id: Mapped[str] = mapped_column(BoundedString(64), primary_key=True)
    articles_key: Mapped[str] = mapped_column(BoundedString(64))
    engine_version: Mapped[str] = mapped_column(BoundedString(40))
    report: Mapped[bytes] = mapped_column(LargeBinary)
    outlet_digest: Mapped[dict] = mapped_column(StorableJSON, default=dict)
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class WatchSourceRow(Base):
    """One followed source and its schedule: kept here so a restarted `watch` resumes where it stopped.

    Times are naive UTC. `interval` is learned from how often the source publishes, within `min_interval` and
    `max_interval` (seconds); `failure_weight` adds up failures by kind and disables the source at its limit.
    """

    __tablename__ = "watch_sources"

    name: Mapped[str] = mapped_column(BoundedString(300), primary_key=True)
    url: Mapped[str] = mapped_column(StorableText)
    outlet: Mapped[str] = mapped_column(BoundedString(300))
    kind: Mapped[str] = mapped_column(BoundedString(16))
    interval: Mapped[int] = mapped_column(Integer)
    min_interval: Mapped[int] = mapped_column(Integer)
    max_interval: Mapped[int] = mapped_column(Integer)
    next_fetch: Mapped[datetime] = mapped_column(DateTime, index=True)
    etag: Mapped[str | None] = mapped_column(BoundedString(400))
    last_modified: Mapped[str | None] = mapped_column(BoundedString(100))
    body_sha256: Mapped[str | None] = mapped_column(BoundedString(64))
    last_fetch: Mapped[datetime | None] = mapped_column(DateTime)
    last_success: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(StorableText)
    last_error_at: Mapped[datetime | None] = mapped_column(DateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    failure_weight: Mapped[float] = mapped_column(Float, default=0.0)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled_reason: Mapped[str | None] = mapped_column(StorableText)
    polls: Mapped[int] = mapped_column(Integer, default=0)
    not_modified: Mapped[int] = mapped_column(Integer, default=0)
    articles: Mapped[int] = mapped_column(Integer, default=0)


class WatchEntryRow(Base):
    """An entry (by link, else by content digest) a source already gave us: never fetched or stored twice."""

    __tablename__ = "watch_entries"

    source: Mapped[str] = mapped_column(
        BoundedString(300), ForeignKey("watch_sources.name", ondelete="CASCADE"), primary_key=True
    )
    entry_key: Mapped[str] = mapped_column(BoundedString(64), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(DateTime)


class OutletProfileRow(Base):
    """A user-supplied outlet profile (`manysides outlets load`): who an outlet is, never a verdict of ours."""

    __tablename__ = "outlet_profiles"

    name: Mapped[str] = mapped_column(BoundedString(300), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    domains: Mapped[list] = mapped_column(StorableJSON, default=list)
    aliases: Mapped[list] = mapped_column(StorableJSON, default=list)
    country: Mapped[str | None] = mapped_column(BoundedString(100))
    languages: Mapped[list] = mapped_column(StorableJSON, default=list)
    owner: Mapped[str | None] = mapped_column(BoundedString(300))
    kind: Mapped[str | None] = mapped_column(BoundedString(100))
    labels: Mapped[dict] = mapped_column(StorableJSON, default=dict)


class OutletMatchRow(Base):
    """What finds a profile: `domain:harborledger.example` or `name:<outlet_key>`, one row each."""

    __tablename__ = "outlet_matches"

    match: Mapped[str] = mapped_column(BoundedString(320), primary_key=True)
    outlet: Mapped[str] = mapped_column(
        BoundedString(300), ForeignKey("outlet_profiles.name", ondelete="CASCADE"), index=True
    )


class OutletLabelRow(Base):
    """One label of a profile (fields country, kind, owner and language too), so label filters are SQL."""

    __tablename__ = "outlet_labels"

    outlet: Mapped[str] = mapped_column(
        BoundedString(300), ForeignKey("outlet_profiles.name", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(BoundedString(100), primary_key=True)
    value: Mapped[str] = mapped_column(BoundedString(300), primary_key=True)


class ArticleOutletRow(Base):
    """Whose coverage an article counts as: its outlet's profile, or for a republication the original's.

    `outlet` is None when no profile matches; `republished_by` names the site that carried a copy.
    """

    __tablename__ = "article_outlets"

    article_id: Mapped[str] = mapped_column(
        BoundedString(200), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    outlet: Mapped[str | None] = mapped_column(BoundedString(300), index=True)
    republished_by: Mapped[str | None] = mapped_column(BoundedString(300))
