"""Reading and writing pages and articles; pages are written in batches, one transaction each (store/bulk.py)."""

from __future__ import annotations

import hashlib
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from manysides.errors import InputError
from manysides.extract.templates import SiteLines
from manysides.records.article import Article, body_hash
from manysides.records.page import Page
from manysides.store.bulk import (
    IN_CHUNK,
    NewPage,
    Outcome,
    article_columns,
    chunks,
    stored_article,
    stored_digests,
    write_batch,
)
from manysides.store.columns import as_stored, byte_order
from manysides.store.database import open_engine
from manysides.store.models import ArticleFeatureRow, ArticleRow, ArticleStoryRow, PageRow, SiteLineRow, SiteRow
from manysides.store.retry import is_race, retrying

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
        return self.known_pages([raw_digest(page)]).get(raw_digest(page))

    def known_pages(self, digests: Iterable[str]) -> dict[str, str]:
        """Raw digest -> article id for the pages among `digests` already stored."""
        with self.engine.connect() as connection:
            return stored_digests(connection, digests)

    def same_article(self, article: Article) -> str | None:
        """Id of a stored article that is this one: same id, or same URL/canonical URL (each an index lookup)."""
        with self.engine.connect() as connection:
            return stored_article(connection, stored_form(article))

    def add(self, page: Page, article: Article, site_lines: SiteLines | None = None) -> tuple[Outcome, str]:
        """Store a page, its article and what it teaches its site's template, in one transaction.

        Nothing is written when the same article is already there (same id, URL or canonical URL). The id
        returned is the one stored (see `stored_form`). A page the database still refuses is an InputError
        for that page: its transaction is rolled back and every page stored before it stays.
        """
        outcome = self.add_batch([NewPage(page, stored_form(article), site_lines, digest=raw_digest(page))])[0]
        if isinstance(outcome, InputError):
            raise outcome
        return outcome

    def add_batch(self, batch: Sequence[NewPage]) -> list[tuple[Outcome, str] | InputError]:
        """Store a batch of pages in one transaction; one outcome per page, in order.

        Busy, deadlocked or serialization-failed transactions are retried. When the database refuses the batch
        otherwise (a bad row, or a page another writer stored meanwhile), each page is written again in its own
        transaction: a page it still refuses is an InputError alone, and one stored meanwhile is unchanged.
        An interrupted run loses at most the batch in flight.
        """
        try:
            return list(retrying(lambda: self._write(batch)))
        except SQLAlchemyError as error:
            if len(batch) > 1:
                return [self.add_batch([entry])[0] for entry in batch]
            problem = error
        if is_race(problem):  # another writer stored this page first: read again, it is then unchanged
            try:
                return list(retrying(lambda: self._write(batch)))
            except SQLAlchemyError as again:
                problem = again
        return [InputError(batch[0].page.source, refused(problem))]

    def _write(self, batch: Sequence[NewPage]) -> list[tuple[Outcome, str]]:
        with self.engine.begin() as connection:
            return write_batch(connection, batch)

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
                for key, value in article_columns(updated).items():
                    setattr(row, key, value)
                session.execute(delete(ArticleFeatureRow).where(ArticleFeatureRow.article_id == article_id))
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
        query = query.order_by(
            ArticleRow.published_utc.is_(None), ArticleRow.published_utc.desc(), byte_order(ArticleRow.id)
        )
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
            for chunk in chunks(sorted(keys), IN_CHUNK):
                query = select(SiteLineRow.line_key, SiteLineRow.pages).where(
                    SiteLineRow.site == site, SiteLineRow.line_key.in_(chunk)
                )
                counts.update((key, pages) for key, pages in session.execute(query))
            return pages.pages, counts

    def articles_by_id(self, ids: list[str]) -> list[Article]:
        """The stored articles with these ids, in the order given (unknown ids are skipped)."""
        found: dict[str, Article] = {}
        with Session(self.engine) as session:
            for chunk in chunks(sorted(set(ids)), IN_CHUNK):
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
