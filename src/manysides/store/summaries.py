"""Story summaries: one row per story (title, span, outlets with counts, languages), derived from assignments.

The stories listing reads these instead of every article. They are recomputed for the stories an assignment
change touches (StoryStore.save, a merge, re-extraction of an article) in the same transaction, and rebuilt
whole after `restory` or when a database made before them is first opened. A story is built exactly as
`stories`/`story` show it (records/story.py), from its articles' fields without their bodies; a body is read
only for a story with no title at all, whose title is its first words.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from sqlalchemy import delete, exists, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from manysides.records.article import Article, published_utc
from manysides.records.story import Story, build_stories
from manysides.store.models import (
    ArticleRow,
    ArticleStoryRow,
    ComparisonRow,
    StoryLanguageRow,
    StoryOutletRow,
    StorySummaryRow,
)

Membership = tuple[str, str | None, Article]
_FIELDS = [name for name in Article.model_fields if name != "body"]
_IN_CHUNK = 500


def articles_key(articles: Iterable[tuple[Article, object]]) -> str:
    """A digest of a story's articles as the comparison reads them: every field (the body by its hash) and when
    the row was last written, which changes whenever re-extraction changed anything, whitespace included.

    Any change to a member, a new member or one leaving changes it; the order of members does not.
    """
    entries = sorted(
        json.dumps([article.model_dump(exclude={"body"}), str(written)], sort_keys=True, ensure_ascii=False)
        for article, written in articles
    )
    return hashlib.sha256("\n".join(entries).encode("utf-8")).hexdigest()


def refresh(session: Session, story_ids: Iterable[str]) -> None:
    """Recompute the summaries of these stories; a story left without articles loses its summary."""
    wanted = sorted(set(story_ids))
    if not wanted:
        return
    members = _light_memberships(session, wanted)
    _delete(session, wanted, comparisons=[sid for sid in wanted if sid not in members])
    _write(session, members)


def rebuild_all(session: Session) -> int:
    """Every summary anew from the assignments (after `restory`, or on a database that had none)."""
    for model in (StorySummaryRow, StoryOutletRow, StoryLanguageRow):
        session.connection().execute(delete(model.__table__))
    members = _light_memberships(session, None)
    _write(session, members)
    return len(members)


def ensure(engine: Engine) -> None:
    """Fill the summaries of a database whose stories were assigned before summaries existed."""
    with Session(engine) as session:
        assigned = session.scalar(select(exists().where(ArticleStoryRow.article_id.is_not(None))))
        summarised = session.scalar(select(exists().where(StorySummaryRow.story_id.is_not(None))))
    if assigned and not summarised:
        try:
            with Session(engine) as session, session.begin():
                rebuild_all(session)
        except IntegrityError:  # another process filled them at the same moment: theirs stand
            pass


def _light_memberships(session: Session, story_ids: list[str] | None) -> dict[str, list[tuple[Membership, object]]]:
    """(story id, duplicate_of, article without its body) with when its row was written, grouped by story."""
    columns = [getattr(ArticleRow, name) for name in _FIELDS]
    query = select(ArticleStoryRow.story_id, ArticleStoryRow.duplicate_of, ArticleRow.extracted_at, *columns)
    query = query.join(ArticleRow, ArticleRow.id == ArticleStoryRow.article_id)
    chunks = (
        [query]
        if story_ids is None
        else [
            query.where(ArticleStoryRow.story_id.in_(story_ids[start : start + _IN_CHUNK]))
            for start in range(0, len(story_ids), _IN_CHUNK)
        ]
    )
    grouped: dict[str, list[tuple[Membership, object]]] = defaultdict(list)
    connection = session.connection()  # Core rows: this runs on every assignment, ORM overhead would double it
    for chunk in chunks:
        for story_id, duplicate_of, written, *values in connection.execute(chunk):
            article = Article(body="", **dict(zip(_FIELDS, values, strict=True)))
            grouped[story_id].append(((story_id, duplicate_of, article), written))
    return grouped


def _delete(session: Session, story_ids: list[str], comparisons: list[str]) -> None:
    connection = session.connection()
    summary_tables = (StorySummaryRow, StoryOutletRow, StoryLanguageRow)
    for models, ids in ((summary_tables, story_ids), ((ComparisonRow,), comparisons)):
        for start in range(0, len(ids), _IN_CHUNK):  # a comparison of a story merged away is never asked for again
            chunk = ids[start : start + _IN_CHUNK]
            for model in models:
                table = model.__table__
                condition = table.c.story_id == chunk[0] if len(chunk) == 1 else table.c.story_id.in_(chunk)
                connection.execute(delete(table).where(condition))


def _write(session: Session, members: dict[str, list[tuple[Membership, object]]]) -> None:
    from manysides.store.repository import outlet_key

    summaries, outlets, languages = [], [], []
    for story_id, entries in members.items():
        story = _story(session, [membership for membership, _ in entries], build_stories)
        counts = Counter(a.outlet for _, _, a in (m for m, _ in entries) if a.outlet)
        langs = sorted({a.language for _, _, a in (m for m, _ in entries) if a.language})
        first, last = published_utc(story.first_published), published_utc(story.last_published)
        summaries.append(
            {
                "story_id": story_id,
                "title": story.title,
                "first_published": story.first_published,
                "last_published": story.last_published,
                "first_utc": first,
                "last_utc": last,
                "undated": last is None,
                "article_count": len(story.articles),
                "outlet_count": len(story.outlets),
                "outlets": dict(sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))),
                "languages": langs,
                "articles_key": articles_key((a, written) for (_, _, a), written in entries),
            }
        )
        outlets += [
            {
                "story_id": story_id,
                "outlet": name,
                "outlet_key": outlet_key(name),
                "articles": n,
                "alone": int(len(counts) == 1),
            }
            for name, n in counts.items()
        ]
        languages += [{"story_id": story_id, "language": lang} for lang in langs]
    for model, rows in ((StorySummaryRow, summaries), (StoryOutletRow, outlets), (StoryLanguageRow, languages)):
        if rows:
            session.connection().execute(model.__table__.insert(), rows)


def _story(session: Session, members: list[Membership], build: Callable[[list[Membership]], list[Story]]) -> Story:
    """The story as listed; only a story whose articles all lack a title needs a body (its title is its words)."""
    if not any(article.title for _, _, article in members):
        ids = [article.id for _, _, article in members]
        bodies: dict[str, str] = {}
        for start in range(0, len(ids), _IN_CHUNK):
            query = select(ArticleRow.id, ArticleRow.body).where(ArticleRow.id.in_(ids[start : start + _IN_CHUNK]))
            bodies.update((article_id, body) for article_id, body in session.execute(query))
        members = [(s, d, a.model_copy(update={"body": bodies.get(a.id, "")})) for s, d, a in members]
    return build(members)[0]
