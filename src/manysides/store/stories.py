"""Persisting story assignments: one row per article, merges rewrite the absorbed stories' rows.

Every change also recomputes the summaries of the stories it touched (store/summaries.py), in its transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from manysides.records.article import Article
from manysides.store import summaries
from manysides.store.bulk import chunks
from manysides.store.models import (
    ArticleFeatureRow,
    ArticleRow,
    ArticleStoryRow,
    StoryLanguageRow,
    StoryOutletRow,
    StorySummaryRow,
)
from manysides.store.repository import Store, row_to_article
from manysides.store.retry import retrying
from manysides.stories import Assignment
from manysides.stories.batch import date_key

_IN_CHUNK = 500


@dataclass(frozen=True)
class StoredAssignment:
    article_id: str
    features: bytes
    story_id: str = ""


class StoryStore:
    """Story rows beside a Store's articles."""

    def __init__(self, store: Store) -> None:
        self.engine = store.engine
        self._next_position: int | None = None  # read once, then counted here: no MAX() scan per insert
        self._pending: set[str] | None = None  # stories whose summaries wait for the end of a batch
        summaries.ensure(self.engine)

    def assigned(self) -> Iterator[StoredAssignment]:
        """Every assigned article's features and story, in assignment order, to rebuild the index."""
        columns = (ArticleStoryRow.article_id, ArticleStoryRow.features, ArticleStoryRow.story_id)
        with Session(self.engine) as session:
            for article_id, features, story_id in session.execute(select(*columns).order_by(ArticleStoryRow.position)):
                yield StoredAssignment(article_id, features, story_id)

    def pending(self) -> list[str]:
        """Ids of stored articles without a story yet, in the order stories are built: date, then id (see
        `date_key`), so the stories do not depend on which process or worker stored which page first."""
        query = (
            select(ArticleRow.id, ArticleRow.published, ArticleRow.captured)
            .outerjoin(ArticleStoryRow, ArticleStoryRow.article_id == ArticleRow.id)
            .where(ArticleStoryRow.article_id.is_(None))
        )
        with self.engine.connect() as connection:
            rows = [tuple(row) for row in connection.execute(query)]
        return [row[0] for row in sorted(rows, key=lambda r: date_key(r[1], r[2], r[0]))]

    def order_key(self, article_id: str) -> tuple[int, str, str]:
        """Where a stored article comes in story order (see `date_key`)."""
        query = select(ArticleRow.published, ArticleRow.captured).where(ArticleRow.id == article_id)
        with self.engine.connect() as connection:
            published, captured = connection.execute(query).one()
        return date_key(published, captured, article_id)

    def unassign_from(self, first: tuple[int, str, str]) -> int:
        """Put every assigned article at or after `first` in story order (see `date_key`) back among the pending,
        its features kept for the next assignment; returns how many.

        An article arriving after newer ones would otherwise see stories that, built in date order, could not
        have existed yet; assigning again from it on gives the stories of one ingest in date order. Stories
        older articles already merged stay merged. One transaction: a run killed after it finds them pending.
        """
        query = select(ArticleRow.id, ArticleRow.published, ArticleRow.captured).join(
            ArticleStoryRow, ArticleStoryRow.article_id == ArticleRow.id
        )
        with self.engine.connect() as connection:
            later = [row[0] for row in connection.execute(query) if date_key(row[1], row[2], row[0]) >= first]
        if later:
            retrying(lambda: self._unassign(later))
        return len(later)

    def _unassign(self, ids: list[str]) -> None:
        with Session(self.engine) as session, session.begin():
            touched: set[str] = set()
            for chunk in chunks(ids, _IN_CHUNK):
                query = select(ArticleStoryRow.article_id, ArticleStoryRow.story_id, ArticleStoryRow.features)
                rows = session.execute(query.where(ArticleStoryRow.article_id.in_(chunk))).all()
                touched.update(story for _, story, _ in rows)
                session.execute(delete(ArticleFeatureRow).where(ArticleFeatureRow.article_id.in_(chunk)))
                if rows:
                    session.execute(
                        insert(ArticleFeatureRow), [{"article_id": a, "features": data} for a, _, data in rows]
                    )
                session.execute(delete(ArticleStoryRow).where(ArticleStoryRow.article_id.in_(chunk)))
            session.flush()
            summaries.refresh(session, touched)

    def stored_features(self, ids: Iterable[str]) -> dict[str, bytes]:
        """The story features computed at ingest for these articles (those that have them)."""
        found: dict[str, bytes] = {}
        with self.engine.connect() as connection:
            for chunk in chunks(sorted(set(ids)), _IN_CHUNK):
                query = select(ArticleFeatureRow.article_id, ArticleFeatureRow.features)
                rows = connection.execute(query.where(ArticleFeatureRow.article_id.in_(chunk)))
                found.update((article_id, data) for article_id, data in rows)
        return found

    def save(self, assignment: Assignment, features: bytes) -> None:
        """Record one assignment (see `save_many`)."""
        self.save_many([(assignment, features)])

    def save_many(self, saved: Sequence[tuple[Assignment, bytes]]) -> None:
        """Record assignments, in order, in one transaction with the summaries of every story they touched: each
        article's row (its features computed at ingest dropped: the row holds them now), and every article of a
        story an assignment merged moved into the surviving story. A run killed part way loses at most this
        batch, whose articles stay unassigned for the next run. Retried when the database is busy."""
        if saved:
            retrying(lambda: self._save_many(saved))

    def _save_many(self, saved: Sequence[tuple[Assignment, bytes]]) -> None:
        ids = [assignment.article_id for assignment, _ in saved]
        with Session(self.engine) as session, session.begin():
            position = self._next_position
            if position is None:
                position = session.scalar(select(func.coalesce(func.max(ArticleStoryRow.position), -1))) + 1
            touched: set[str] = set()
            for chunk in chunks(ids, _IN_CHUNK):
                query = select(ArticleStoryRow.story_id).where(ArticleStoryRow.article_id.in_(chunk))
                touched.update(session.scalars(query))
                session.execute(delete(ArticleStoryRow).where(ArticleStoryRow.article_id.in_(chunk)))
                session.execute(delete(ArticleFeatureRow).where(ArticleFeatureRow.article_id.in_(chunk)))
            rows: list[dict[str, object]] = []
            for assignment, features in saved:
                rows.append(
                    {
                        "article_id": assignment.article_id,
                        "story_id": assignment.story_id,
                        "duplicate_of": assignment.duplicate_of,
                        "features": features,
                        "position": position,
                    }
                )
                position += 1
                touched.update([assignment.story_id, *assignment.merged])
                if assignment.merged:  # rows so far first: a merge moves every earlier member of the stories
                    session.execute(insert(ArticleStoryRow), rows)
                    rows = []
                    session.execute(
                        update(ArticleStoryRow)
                        .where(ArticleStoryRow.story_id.in_(assignment.merged))
                        .values(story_id=assignment.story_id)
                    )
            if rows:
                session.execute(insert(ArticleStoryRow), rows)
            session.flush()
            if self._pending is None:
                summaries.refresh(session, touched)
            else:
                self._pending.update(touched)
        self._next_position = position

    @contextmanager
    def batched_summaries(self) -> Iterator[None]:
        """Saves inside recompute their stories' summaries once, at the end: `restory` touches each story many
        times. Until then the listing lags; a process killed inside leaves them stale until the next restory."""
        self._pending = set()
        try:
            yield
        finally:
            pending, self._pending = self._pending, None
            with Session(self.engine) as session, session.begin():
                summaries.refresh(session, pending)

    def clear(self) -> None:
        with Session(self.engine) as session, session.begin():
            session.execute(delete(ArticleStoryRow))
            for model in (StorySummaryRow, StoryOutletRow, StoryLanguageRow):
                session.execute(delete(model))
        self._next_position = 0

    def rebuild_summaries(self) -> int:
        """Every story's summary anew; returns the number of stories."""
        with Session(self.engine) as session, session.begin():
            return summaries.rebuild_all(session)

    def memberships(
        self, story_id: str | None = None, story_ids: Iterable[str] | None = None
    ) -> list[tuple[str, str | None, Article]]:
        """(story id, duplicate_of, article) for every assigned article, or for one story's or some stories'."""
        query = select(ArticleStoryRow.story_id, ArticleStoryRow.duplicate_of, ArticleRow).join(
            ArticleRow, ArticleRow.id == ArticleStoryRow.article_id
        )
        if story_id is not None:
            query = query.where(ArticleStoryRow.story_id == story_id)
        queries = [query]
        if story_ids is not None:
            wanted = sorted(set(story_ids))
            queries = [
                query.where(ArticleStoryRow.story_id.in_(wanted[start : start + _IN_CHUNK]))
                for start in range(0, len(wanted), _IN_CHUNK)
            ]
        with Session(self.engine) as session:
            return [
                (sid, duplicate_of, row_to_article(row))
                for chunk in queries
                for sid, duplicate_of, row in session.execute(chunk)
            ]

    def story_count(self) -> int:
        with Session(self.engine) as session:
            return session.scalar(select(func.count(func.distinct(ArticleStoryRow.story_id)))) or 0
