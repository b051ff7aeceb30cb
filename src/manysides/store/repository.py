"""Reading and writing pages and articles; every page is its own transaction."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from manysides import __version__
from manysides.ingest.page import Page
from manysides.record import Article
from manysides.store.database import open_engine
from manysides.store.models import ArticleRow, PageRow

Outcome = Literal["new", "unchanged"]
_ARTICLE_FIELDS = tuple(Article.model_fields)


@dataclass(frozen=True)
class StoredPage:
    """A stored page rebuilt as a Page, with the id of the article extracted from it."""

    page: Page
    article_id: str


def raw_digest(page: Page) -> str:
    return hashlib.sha256(page.raw).hexdigest()


class Store:
    """The database behind every command; `postgresql://` and `sqlite://` URLs both work."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = open_engine(url)

    def close(self) -> None:
        self.engine.dispose()

    def known_page(self, page: Page) -> str | None:
        """The article id of an identical page stored before, or None: lets re-ingest skip extraction."""
        with Session(self.engine) as session:
            row = session.execute(
                select(ArticleRow.id).join(PageRow).where(PageRow.raw_sha256 == raw_digest(page))
            ).first()
            return row[0] if row else None

    def add(self, page: Page, article: Article) -> tuple[Outcome, str]:
        """Store a page and its article unless the same article is already there (same id or canonical URL)."""
        with Session(self.engine) as session, session.begin():
            existing = self._same_article(session, article)
            if existing is not None:
                return "unchanged", existing
            page_row = PageRow(
                source=page.source,
                kind=page.kind,
                path=page.path,
                url=page.url,
                content_type=page.content_type,
                captured=page.captured,
                given=page.given,
                feed_entry=page.feed_entry,
                raw=zlib.compress(page.raw, 6),
                raw_size=len(page.raw),
                raw_sha256=raw_digest(page),
                ingested_at=datetime.now(UTC),
            )
            session.add(page_row)
            session.flush()
            session.add(ArticleRow(page_id=page_row.id, **_article_columns(article)))
        return "new", article.id

    def replace_article(self, article_id: str, article: Article) -> bool:
        """Overwrite an article after re-extraction, keeping its id; True when anything changed."""
        with Session(self.engine) as session, session.begin():
            row = session.get(ArticleRow, article_id)
            if row is None:
                return False
            before = row_to_article(row)
            updated = article.model_copy(update={"id": article_id})
            if before.model_dump() == updated.model_dump():
                return False
            for key, value in _article_columns(updated).items():
                setattr(row, key, value)
            return True

    def articles(
        self, outlet: str | None = None, since: date | None = None, limit: int | None = None
    ) -> list[Article]:
        """Stored articles, newest first; undated ones last. `outlet` matches case-insensitively."""
        query = select(ArticleRow)
        if outlet:
            query = query.where(ArticleRow.outlet.ilike(outlet))
        if since:
            query = query.where(ArticleRow.published_utc >= datetime(since.year, since.month, since.day))
        query = query.order_by(
            ArticleRow.published_utc.is_(None), ArticleRow.published_utc.desc(), ArticleRow.id
        )
        if limit:
            query = query.limit(limit)
        with Session(self.engine) as session:
            return [row_to_article(row) for row in session.scalars(query)]

    def count(self) -> int:
        with Session(self.engine) as session:
            return len(session.scalars(select(ArticleRow.id)).all())

    def stored_pages(self) -> Iterator[StoredPage]:
        """Every page with its article id, in ingest order, for re-extraction."""
        with Session(self.engine) as session:
            rows = session.execute(select(PageRow, ArticleRow.id).join(ArticleRow).order_by(PageRow.id))
            for page_row, article_id in rows:
                yield StoredPage(_row_to_page(page_row), article_id)

    def _same_article(self, session: Session, article: Article) -> str | None:
        conditions = [ArticleRow.id == article.id]
        for address in {article.canonical_url, article.url} - {None}:
            conditions += [ArticleRow.canonical_url == address, ArticleRow.url == address]
        found = session.execute(select(ArticleRow.id).where(or_(*conditions)).limit(1)).first()
        return found[0] if found else None


def _article_columns(article: Article) -> dict[str, object]:
    values = article.model_dump()
    values["published_utc"] = published_utc(article.published)
    values["extracted_at"] = datetime.now(UTC)
    values["extractor_version"] = __version__
    return values


def row_to_article(row: ArticleRow) -> Article:
    return Article(**{name: getattr(row, name) for name in _ARTICLE_FIELDS})


def _row_to_page(row: PageRow) -> Page:
    return Page(
        source=row.source,
        kind=row.kind,  # type: ignore[arg-type]
        raw=zlib.decompress(row.raw),
        path=row.path,
        url=row.url,
        content_type=row.content_type,
        captured=row.captured,
        given=dict(row.given or {}),
        feed_entry=row.feed_entry,
    )


def published_utc(published: str | None) -> datetime | None:
    """A sortable naive-UTC instant for --since: naive times count as UTC, a bare date as its midnight."""
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return None
    return moment if moment.tzinfo is None else moment.astimezone(UTC).replace(tzinfo=None)
