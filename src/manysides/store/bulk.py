"""Storing a batch of pages in one transaction: Core inserts, not one ORM session per page.

A batch reads what is already stored (same raw bytes, same article id, URL or canonical URL) with a few IN
queries, then inserts pages, articles, their story features and their sites' line counts with one statement
each. Line counts are upserts in key order, so concurrent writers neither lose a count nor deadlock.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, TypeVar

from sqlalchemy import Connection, Table, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from manysides import __version__
from manysides.extract.templates import SiteLines
from manysides.records.article import Article, published_utc
from manysides.records.page import Page
from manysides.store.models import ArticleFeatureRow, ArticleRow, PageRow, SiteLineRow, SiteRow

Outcome = Literal["new", "unchanged"]
T = TypeVar("T")
IN_CHUNK = 500  # keys per IN (...) query, well under every database's parameter limit
_PAGES: Table = PageRow.__table__  # type: ignore[assignment]
_ARTICLES: Table = ArticleRow.__table__  # type: ignore[assignment]
_FEATURES: Table = ArticleFeatureRow.__table__  # type: ignore[assignment]
_SITES: Table = SiteRow.__table__  # type: ignore[assignment]
_SITE_LINES: Table = SiteLineRow.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class NewPage:
    """A page ready to store: its article in stored form, what it teaches its site, its story features."""

    page: Page
    article: Article
    site_lines: SiteLines | None = None
    features: bytes | None = None
    digest: str = ""


def write_batch(connection: Connection, batch: Sequence[NewPage]) -> list[tuple[Outcome, str]]:
    """Store every page of `batch` that is not stored yet, inside the caller's transaction; one outcome each.

    A page is unchanged when its bytes, its article id or one of its addresses is already stored, or appeared
    earlier in the batch."""
    known = _Known(connection, batch)
    outcomes: list[tuple[Outcome, str]] = []
    fresh: list[NewPage] = []
    for entry in batch:
        found = known.find(entry)
        if found is not None:
            outcomes.append(("unchanged", found))
            continue
        known.claim(entry)
        outcomes.append(("new", entry.article.id))
        fresh.append(entry)
    if fresh:
        _insert(connection, fresh)
    return outcomes


def stored_article(connection: Connection, article: Article) -> str | None:
    """The stored article this one is, by `write_batch`'s rule (same id, then each address), or None."""
    if connection.scalar(select(_ARTICLES.c.id).where(_ARTICLES.c.id == article.id)) is not None:
        return article.id
    for address in dict.fromkeys(a for a in (article.canonical_url, article.url) if a):
        for column in (_ARTICLES.c.canonical_url, _ARTICLES.c.url):
            found = connection.scalar(select(_ARTICLES.c.id).where(column == address).limit(1))
            if found is not None:
                return found
    return None


def stored_digests(connection: Connection, digests: Iterable[str]) -> dict[str, str]:
    """Raw digest -> article id for the pages among `digests` already stored (one IN query per IN_CHUNK)."""
    found: dict[str, str] = {}
    for chunk in chunks(sorted(set(digests)), IN_CHUNK):
        query = (
            select(_PAGES.c.raw_sha256, _ARTICLES.c.id)
            .join(_ARTICLES, _ARTICLES.c.page_id == _PAGES.c.id)
            .where(_PAGES.c.raw_sha256.in_(chunk))
        )
        found.update((key, value) for key, value in connection.execute(query))
    return found


class _Known:
    """What the database (and the batch so far) already holds, by page digest, article id and address."""

    def __init__(self, connection: Connection, batch: Sequence[NewPage]) -> None:
        self.digests: dict[str, str] = {}
        self.ids: set[str] = set()
        self.canonical: dict[str, str] = {}
        self.urls: dict[str, str] = {}
        self.digests.update(stored_digests(connection, (entry.digest for entry in batch)))
        for chunk in chunks(sorted({entry.article.id for entry in batch}), IN_CHUNK):
            self.ids.update(connection.scalars(select(_ARTICLES.c.id).where(_ARTICLES.c.id.in_(chunk))))
        addresses = sorted({a for entry in batch for a in (entry.article.url, entry.article.canonical_url) if a})
        for chunk in chunks(addresses, IN_CHUNK):
            columns = (_ARTICLES.c.id, _ARTICLES.c.url, _ARTICLES.c.canonical_url)
            query = select(*columns).where(or_(_ARTICLES.c.url.in_(chunk), _ARTICLES.c.canonical_url.in_(chunk)))
            for article_id, url, canonical in connection.execute(query.order_by(_ARTICLES.c.id)):
                if canonical:
                    self.canonical.setdefault(canonical, article_id)
                if url:
                    self.urls.setdefault(url, article_id)

    def find(self, entry: NewPage) -> str | None:
        """The stored article this page is (`Store.add`'s rule: same bytes, same id, then each address)."""
        article = entry.article
        if entry.digest in self.digests:
            return self.digests[entry.digest]
        if article.id in self.ids:
            return article.id
        for address in dict.fromkeys(a for a in (article.canonical_url, article.url) if a):
            for column in (self.canonical, self.urls):
                if address in column:
                    return column[address]
        return None

    def claim(self, entry: NewPage) -> None:
        article = entry.article
        self.digests[entry.digest] = article.id
        self.ids.add(article.id)
        if article.canonical_url:
            self.canonical.setdefault(article.canonical_url, article.id)
        if article.url:
            self.urls.setdefault(article.url, article.id)


def _insert(connection: Connection, fresh: Sequence[NewPage]) -> None:
    now = datetime.now(UTC)
    returning = insert(_PAGES).returning(_PAGES.c.id, sort_by_parameter_order=True)
    page_ids = connection.execute(returning, [_page_values(entry, now) for entry in fresh]).scalars().all()
    connection.execute(
        insert(_ARTICLES),
        [_article_values(entry.article, page_id, now) for entry, page_id in zip(fresh, page_ids, strict=True)],
    )
    features = [{"article_id": e.article.id, "features": e.features} for e in fresh if e.features is not None]
    if features:
        connection.execute(insert(_FEATURES), features)
    _count_site_lines(connection, [entry.site_lines for entry in fresh if entry.site_lines is not None])


def _page_values(entry: NewPage, now: datetime) -> dict[str, object]:
    page = entry.page
    return {
        "source": page.source,
        "kind": page.kind,
        "path": page.path,
        "url": page.url,
        "content_type": page.content_type,
        "captured": page.captured,
        "given": page.given,
        "feed_entry": page.feed_entry,
        "raw": zlib.compress(page.raw, 6),
        "raw_size": len(page.raw),
        "raw_sha256": entry.digest,
        "ingested_at": now,
    }


def _article_values(article: Article, page_id: int, now: datetime) -> dict[str, object]:
    return {
        **article_columns(article, now),
        "page_id": page_id,
    }


def article_columns(article: Article, now: datetime | None = None) -> dict[str, object]:
    """An article's row values besides its page: the record, its UTC date, when and by which version."""
    values = article.model_dump()
    values["published_utc"] = published_utc(article.published)
    values["extracted_at"] = now or datetime.now(UTC)
    values["extractor_version"] = __version__
    return values


def _count_site_lines(connection: Connection, lines: Sequence[SiteLines]) -> None:
    """Add the batch's pages to their sites' counts: one upsert per table, keys sorted (same lock order)."""
    if not lines:
        return
    pages = Counter(item.site for item in lines)
    keys = Counter((item.site, key) for item in lines for key in item.keys)
    _upsert_add(connection, _SITES, ["site"], [{"site": s, "pages": n} for s, n in sorted(pages.items())])
    rows = [{"site": s, "line_key": k, "pages": n} for (s, k), n in sorted(keys.items())]
    for chunk in chunks(rows, IN_CHUNK):
        _upsert_add(connection, _SITE_LINES, ["site", "line_key"], chunk)


def _upsert_add(connection: Connection, table: Table, keys: list[str], rows: list[dict[str, object]]) -> None:
    """INSERT ... ON CONFLICT DO UPDATE SET pages = pages + excluded.pages (SQLite and PostgreSQL)."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=keys, set_={"pages": table.c.pages + statement.excluded.pages}
    )
    connection.execute(statement, rows)


def chunks(items: Sequence[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
