"""Reading and writing pages and articles; every page is its own transaction."""

from __future__ import annotations

import hashlib
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from manysides import __version__
from manysides.errors import InputError
from manysides.extract.templates import SiteLines
from manysides.records.article import Article, body_hash, published_utc
from manysides.records.page import Page
from manysides.store.columns import as_stored
from manysides.store.database import open_engine
from manysides.store.models import ArticleRow, ArticleStoryRow, PageRow, SiteLineRow, SiteRow

Outcome = Literal["new", "unchanged"]
_ARTICLE_FIELDS = tuple(Article.model_fields)
_IN_CHUNK = 500  # keys per IN (...) query, well under every database's parameter limit


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

    def add(self, page: Page, article: Article, site_lines: SiteLines | None = None) -> tuple[Outcome, str]:
        """Store a page, its article and what it teaches its site's template, in one transaction.

        Nothing is written when the same article is already there (same id, URL or canonical URL). The id
        returned is the one stored (see `stored_form`). A page the database still refuses is an InputError
        for that page: its transaction is rolled back and every page stored before it stays.
        """
        article = stored_form(article)
        try:
            return self._add(page, article, site_lines)
        except SQLAlchemyError as error:
            raise InputError(page.source, refused(error)) from None

    def _add(self, page: Page, article: Article, site_lines: SiteLines | None) -> tuple[Outcome, str]:
        with Session(self.engine) as session, session.begin():
            existing = self._same_article(session, article)
            if existing is not None:
                return "unchanged", existing
            if site_lines is not None:
                _record_site_lines(session, site_lines)
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
        """Overwrite an article after re-extraction, keeping its id; True when anything changed.

        A database error is an InputError naming the page's article, as in `add`; the stored article stays.
        """
        updated = stored_form(article.model_copy(update={"id": article_id}))
        try:
            with Session(self.engine) as session, session.begin():
                row = session.get(ArticleRow, article_id)
                if row is None:
                    return False
                if row_to_article(row).model_dump() == updated.model_dump():
                    return False
                for key, value in _article_columns(updated).items():
                    setattr(row, key, value)
                session.flush()
                _refresh_story_of(session, article_id)
                return True
        except SQLAlchemyError as error:
            raise InputError(article_id, refused(error)) from None

    def articles(self, outlet: str | None = None, since: date | None = None, limit: int | None = None) -> list[Article]:
        """Stored articles, newest first; undated ones last. `outlet` is a whole name, see `outlet_key`."""
        query = select(ArticleRow)
        if outlet:
            query = query.where(ArticleRow.outlet.in_(self._outlet_names(outlet)))
        if since:
            query = query.where(ArticleRow.published_utc >= datetime(since.year, since.month, since.day))
        query = query.order_by(ArticleRow.published_utc.is_(None), ArticleRow.published_utc.desc(), ArticleRow.id)
        if limit:
            query = query.limit(limit)
        with Session(self.engine) as session:
            return [row_to_article(row) for row in session.scalars(query)]

    def _outlet_names(self, outlet: str) -> list[str]:
        """The stored spellings of one outlet. Matched here, not by LIKE: `%` and `_` are plain characters in a
        name, and SQLite's LIKE folds only ASCII case, so `ÉCHO` would miss `Écho`."""
        wanted = outlet_key(outlet)
        with Session(self.engine) as session:
            names = session.scalars(select(ArticleRow.outlet).where(ArticleRow.outlet.is_not(None)).distinct())
            return [name for name in names if outlet_key(name) == wanted]

    def site_counts(self, site: str, keys: Iterable[str]) -> tuple[int, dict[str, int]]:
        """Pages seen of a site, and on how many of them each of `keys` appeared."""
        with Session(self.engine) as session:
            pages = session.get(SiteRow, site)
            if pages is None:
                return 0, {}
            counts: dict[str, int] = {}
            for chunk in _chunks(sorted(keys), _IN_CHUNK):
                query = select(SiteLineRow.line_key, SiteLineRow.pages).where(
                    SiteLineRow.site == site, SiteLineRow.line_key.in_(chunk)
                )
                counts.update((key, pages) for key, pages in session.execute(query))
            return pages.pages, counts

    def articles_by_id(self, ids: list[str]) -> list[Article]:
        """The stored articles with these ids, in the order given (unknown ids are skipped)."""
        found: dict[str, Article] = {}
        with Session(self.engine) as session:
            for chunk in _chunks(sorted(set(ids)), _IN_CHUNK):
                for row in session.scalars(select(ArticleRow).where(ArticleRow.id.in_(chunk))):
                    found[row.id] = row_to_article(row)
        return [found[i] for i in dict.fromkeys(ids) if i in found]

    def count(self) -> int:
        with Session(self.engine) as session:
            return session.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def raw_page(self, article_id: str) -> bytes | None:
        """The bytes of the page an article was extracted from, as read (one indexed lookup)."""
        query = (
            select(PageRow.raw).join(ArticleRow, ArticleRow.page_id == PageRow.id).where(ArticleRow.id == article_id)
        )
        with Session(self.engine) as session:
            raw = session.scalar(query)
        return None if raw is None else zlib.decompress(raw)

    def stored_pages(self) -> Iterator[StoredPage]:
        """Every page with its article id, in ingest order, for re-extraction."""
        with Session(self.engine) as session:
            rows = session.execute(select(PageRow, ArticleRow.id).join(ArticleRow).order_by(PageRow.id))
            for page_row, article_id in rows:
                yield StoredPage(_row_to_page(page_row), article_id)

    def _same_article(self, session: Session, article: Article) -> str | None:
        """Id of a stored article that is this one: same id, or same URL/canonical URL (each an index lookup)."""
        if session.get(ArticleRow, article.id) is not None:
            return article.id
        for address in dict.fromkeys(a for a in (article.canonical_url, article.url) if a):
            for column in (ArticleRow.canonical_url, ArticleRow.url):
                found = session.scalar(select(ArticleRow.id).where(column == address).limit(1))
                if found is not None:
                    return found
        return None


def stored_form(article: Article) -> Article:
    """The article as its row will hold it: the column types strip NUL and bound lengths (store/columns.py),
    so the id handed back and the fields compared on re-extraction are the ones written. The content hash
    follows a body that lost characters, as it does when a site template drops lines."""
    columns = ArticleRow.__table__.c
    stored = {name: as_stored(columns[name].type, value) for name, value in article.model_dump().items()}
    if stored["body"] != article.body:
        stored["content_hash"] = body_hash(stored["body"])
    return article.model_copy(update=stored)


def refused(error: SQLAlchemyError) -> str:
    """One line for a database refusal: the driver's own first line, without SQL or parameters."""
    cause = getattr(error, "orig", None) or error.__cause__ or error
    detail = str(cause).strip().splitlines()[0] if str(cause).strip() else ""
    return f"not stored: the database refused it ({type(cause).__name__}: {detail})"[:300]


def _refresh_story_of(session: Session, article_id: str) -> None:
    """A changed article changes its story's summary (title, span, outlets) and its comparison's key."""
    from manysides.store import summaries  # summaries build stories through present/, which reads this module

    story_id = session.scalar(select(ArticleStoryRow.story_id).where(ArticleStoryRow.article_id == article_id))
    if story_id is not None:
        summaries.refresh(session, [story_id])


def _record_site_lines(session: Session, lines: SiteLines) -> None:
    site = session.get(SiteRow, lines.site)
    if site is None:
        session.add(SiteRow(site=lines.site, pages=1))
    else:
        site.pages += 1
    keys = sorted(lines.keys)
    existing: set[str] = set()
    for chunk in _chunks(keys, _IN_CHUNK):
        rows = session.scalars(
            select(SiteLineRow).where(SiteLineRow.site == lines.site, SiteLineRow.line_key.in_(chunk))
        )
        for row in rows:
            row.pages += 1
            existing.add(row.line_key)
    session.add_all(SiteLineRow(site=lines.site, line_key=key, pages=1) for key in keys if key not in existing)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


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


def outlet_key(name: str) -> str:
    """What two spellings of one outlet name share: `--outlet` filters compare these (case and spacing aside).

    The name is first taken as the store keeps it, so a typed name too long for the column still finds its row."""
    stored = as_stored(ArticleRow.__table__.c.outlet.type, " ".join(name.split()))
    return " ".join(unicodedata.normalize("NFKC", stored).casefold().split())
