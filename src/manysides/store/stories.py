"""Persisting story assignments: one row per article, merges rewrite the absorbed stories' rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from manysides.records.article import Article
from manysides.store.models import ArticleRow, ArticleStoryRow
from manysides.store.repository import Store, row_to_article
from manysides.stories import Assignment


@dataclass(frozen=True)
class StoredAssignment:
    article_id: str
    features: bytes


class StoryStore:
    """Story rows beside a Store's articles."""

    def __init__(self, store: Store) -> None:
        self.engine = store.engine
        self._next_position: int | None = None  # read once, then counted here: no MAX() scan per insert

    def assigned(self) -> Iterator[StoredAssignment]:
        """Every assigned article's features, in assignment order, to rebuild the index."""
        with Session(self.engine) as session:
            query = select(ArticleStoryRow.article_id, ArticleStoryRow.features).order_by(ArticleStoryRow.position)
            for article_id, features in session.execute(query):
                yield StoredAssignment(article_id, features)

    def unassigned(self) -> list[Article]:
        """Stored articles without a story yet (new, or left by an interrupted run), in ingest order."""
        with Session(self.engine) as session:
            query = (
                select(ArticleRow)
                .outerjoin(ArticleStoryRow, ArticleStoryRow.article_id == ArticleRow.id)
                .where(ArticleStoryRow.article_id.is_(None))
                .order_by(ArticleRow.page_id)
            )
            return [row_to_article(row) for row in session.scalars(query)]

    def save(self, assignment: Assignment, features: bytes) -> None:
        """Record one assignment, and move every article of a story it merged into the surviving story."""
        with Session(self.engine) as session, session.begin():
            if self._next_position is None:
                self._next_position = session.scalar(select(func.coalesce(func.max(ArticleStoryRow.position), -1))) + 1
            position = self._next_position
            self._next_position += 1
            session.merge(
                ArticleStoryRow(
                    article_id=assignment.article_id,
                    story_id=assignment.story_id,
                    duplicate_of=assignment.duplicate_of,
                    features=features,
                    position=position,
                )
            )
            if assignment.merged:
                session.execute(
                    update(ArticleStoryRow)
                    .where(ArticleStoryRow.story_id.in_(assignment.merged))
                    .values(story_id=assignment.story_id)
                )

    def clear(self) -> None:
        with Session(self.engine) as session, session.begin():
            session.execute(delete(ArticleStoryRow))
        self._next_position = 0

    def memberships(self, story_id: str | None = None) -> list[tuple[str, str | None, Article]]:
        """(story id, duplicate_of, article) for every assigned article, or for one story's articles."""
        with Session(self.engine) as session:
            query = select(ArticleStoryRow.story_id, ArticleStoryRow.duplicate_of, ArticleRow).join(
                ArticleRow, ArticleRow.id == ArticleStoryRow.article_id
            )
            if story_id is not None:
                query = query.where(ArticleStoryRow.story_id == story_id)
            return [
                (story_id, duplicate_of, row_to_article(row)) for story_id, duplicate_of, row in session.execute(query)
            ]

    def story_count(self) -> int:
        with Session(self.engine) as session:
            return session.scalar(select(func.count(func.distinct(ArticleStoryRow.story_id)))) or 0
