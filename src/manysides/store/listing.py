"""The stories and outlets listings as SQL over story summaries: filtered, ordered and paged in the database.

Order is the one `manysides stories` has always shown: dated stories first, newest last article first, then id
(the `ix_story_summaries_order` index). Filters keep their meanings: `outlet` is a whole name as `outlet_key`
folds it, `since` keeps stories with an article on or after that day, `until` those whose first article is on
or before it, `language` those with an article in it, `search` those with an article holding every word.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, ScalarSelect, exists, func, literal, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, aliased

from manysides.store import outlets as outlet_store
from manysides.store.models import ArticleRow, ArticleStoryRow, StoryLanguageRow, StoryOutletRow, StorySummaryRow
from manysides.store.search import matching_articles, search_words


@dataclass(frozen=True)
class StoryFilters:
    search: str | None = None
    outlet_key: str | None = None
    since: date | None = None
    until: date | None = None
    language: str | None = None
    label: tuple[str, str] | None = None  # (key, value) of an outlet profile label (store/outlets.py)
    blindspot: str | None = None  # a label key: stories whose labelled outlets all share one value of it


@dataclass(frozen=True)
class OutletStats:
    """One outlet: what it covered, and how often it covered a story alone."""

    name: str
    articles: int
    stories: int
    alone: int
    first_published: str | None
    last_published: str | None


_ORDER = (StorySummaryRow.undated, StorySummaryRow.last_utc.desc(), StorySummaryRow.story_id)


def story_page(
    engine: Engine, filters: StoryFilters, limit: int | None, offset: int = 0
) -> tuple[list[StorySummaryRow], int]:
    """One page of matching summaries in listing order, and how many match in all."""
    conditions = _conditions(engine, filters)
    count = select(func.count()).select_from(StorySummaryRow).where(*conditions)
    searching = bool(filters.search and filters.search.strip())
    # A search's subquery is the costly part: its total comes with the page (a window count), so it runs once.
    # Without one, a window count would sort every story; a page off the index plus a count is cheaper.
    total = func.count().over() if searching else literal(None)
    query = select(StorySummaryRow, total.label("total")).where(*conditions).order_by(*_ORDER).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with Session(engine) as session:
        found = list(session.execute(query))
        if found and searching:
            return [row for row, _total in found], found[0].total
        return [row for row, _total in found], session.scalar(count) or 0


def outlet_names(engine: Engine) -> list[str]:
    """Every outlet's stored name, for a filter's choices: no statistics, so it costs one index scan."""
    with Session(engine) as session:
        names = session.scalars(select(StoryOutletRow.outlet).distinct())
        return sorted((name for name in names if name), key=lambda name: (name.casefold(), name))


def story_ids(engine: Engine, filters: StoryFilters) -> list[str]:
    """Every matching story's id, in listing order."""
    query = select(StorySummaryRow.story_id).where(*_conditions(engine, filters)).order_by(*_ORDER)
    with Session(engine) as session:
        return list(session.scalars(query))


def story_of(engine: Engine, article_id: str) -> StorySummaryRow | None:
    """The listing row of the story an article belongs to, or None before stories are assigned."""
    query = (
        select(StorySummaryRow)
        .join(ArticleStoryRow, ArticleStoryRow.story_id == StorySummaryRow.story_id)
        .where(ArticleStoryRow.article_id == article_id)
    )
    with Session(engine) as session:
        return session.scalars(query).first()


def summary(engine: Engine, story_id: str) -> StorySummaryRow | None:
    with Session(engine) as session:
        return session.get(StorySummaryRow, story_id)


def _conditions(engine: Engine, filters: StoryFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.outlet_key is not None:
        # an outlet covers few stories: collect them first (a language covers many: probe each row in order)
        outlets = select(StoryOutletRow.story_id).where(StoryOutletRow.outlet_key == filters.outlet_key)
        conditions.append(StorySummaryRow.story_id.in_(outlets))
    if filters.since is not None:
        conditions.append(StorySummaryRow.last_utc >= datetime.combine(filters.since, time()))
    if filters.until is not None and filters.until < date.max:  # the last day there is leaves nothing out
        conditions.append(StorySummaryRow.first_utc < datetime.combine(filters.until + timedelta(days=1), time()))
    if filters.language:
        conditions.append(
            exists().where(
                StoryLanguageRow.story_id == StorySummaryRow.story_id, StoryLanguageRow.language == filters.language
            )
        )
    if filters.label is not None:
        conditions.append(StorySummaryRow.story_id.in_(outlet_store.stories_with_label(*filters.label)))
    if filters.blindspot is not None:
        conditions.append(StorySummaryRow.story_id.in_(outlet_store.blindspot_stories(filters.blindspot)))
    if filters.search is not None and filters.search.strip():
        articles = matching_articles(engine, search_words(filters.search))
        stories = select(ArticleStoryRow.story_id).where(ArticleStoryRow.article_id.in_(select(articles.c.id)))
        conditions.append(StorySummaryRow.story_id.in_(stories))
    return conditions


def outlet_stats(engine: Engine) -> list[OutletStats]:
    """Every outlet by its stored name: articles, stories covered, stories covered alone, first and last article.

    First and last are the stated dates of its earliest and latest articles in UTC: one index lookup of
    (outlet, published_utc) each.
    """
    groups = (
        select(
            ArticleRow.outlet.label("outlet"),
            func.count().label("articles"),
            func.min(ArticleRow.published_utc).label("first_utc"),
            func.max(ArticleRow.published_utc).label("last_utc"),
        )
        .where(ArticleRow.outlet.is_not(None))
        .group_by(ArticleRow.outlet)
        .subquery()
    )
    stated = aliased(ArticleRow)

    def stated_at(moment: ColumnElement[datetime]) -> ScalarSelect[str]:
        return (
            select(func.min(stated.published))
            .where(stated.outlet == groups.c.outlet, stated.published_utc == moment)
            .scalar_subquery()
        )

    articles = select(groups.c.outlet, groups.c.articles, stated_at(groups.c.first_utc), stated_at(groups.c.last_utc))
    stories = select(StoryOutletRow.outlet, func.count(), func.sum(StoryOutletRow.alone)).group_by(
        StoryOutletRow.outlet
    )
    with Session(engine) as session:
        counted = session.execute(articles).all()
        covered = {name: (n, alone or 0) for name, n, alone in session.execute(stories)}
    return [
        OutletStats(
            name=name,
            articles=count,
            stories=covered.get(name, (0, 0))[0],
            alone=covered.get(name, (0, 0))[1],
            first_published=first,
            last_published=last,
        )
        for name, count, first, last in counted
    ]
