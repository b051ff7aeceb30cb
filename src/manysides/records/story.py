"""A story: the articles of several outlets on one event, as `manysides stories` lists it
(schemas/stories.schema.json), and how one is built from its articles (time order, title, span, outlets)."""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel, ConfigDict

from manysides.records.article import Article, published_utc
from manysides.records.outlet import Coverage


class StoryArticle(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    url: str | None
    path: str | None
    outlet: str | None
    title: str | None
    published: str | None
    duplicate_of: str | None


class Story(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    title: str
    first_published: str | None
    last_published: str | None
    outlets: list[str]
    articles: list[StoryArticle]


def build_stories(memberships: list[tuple[str, str | None, Article]]) -> list[Story]:
    """Stories with their articles in time order (undated last); stories newest first, undated last."""
    grouped: dict[str, list[tuple[str | None, Article]]] = defaultdict(list)
    for story_id, duplicate_of, article in memberships:
        grouped[story_id].append((duplicate_of, article))
    stories = [_story(story_id, members) for story_id, members in grouped.items()]
    return sorted(stories, key=lambda s: (s.last_published is None, _neg_time(s.last_published), s.id))


def _story(story_id: str, members: list[tuple[str | None, Article]]) -> Story:
    ordered = sorted(members, key=lambda m: _time_key(m[1].published, m[1].id))
    dated = [a.published for _, a in ordered if a.published and published_utc(a.published)]
    titled = [a for dup, a in ordered if a.title and dup is None] or [a for _, a in ordered if a.title]
    title = titled[0].title if titled else _first_words(ordered[0][1].body)
    outlets = sorted({a.outlet for _, a in ordered if a.outlet}, key=str.casefold)
    return Story(
        id=story_id,
        title=title or "(untitled)",
        first_published=min(dated, key=lambda p: published_utc(p)) if dated else None,
        last_published=max(dated, key=lambda p: published_utc(p)) if dated else None,
        outlets=outlets,
        articles=[
            StoryArticle(
                id=a.id,
                url=a.url,
                path=a.path,
                outlet=a.outlet,
                title=a.title,
                published=a.published,
                duplicate_of=dup,
            )
            for dup, a in ordered
        ],
    )


def _time_key(published: str | None, article_id: str) -> tuple[int, float, str]:
    moment = published_utc(published)
    return (1, 0.0, article_id) if moment is None else (0, moment.timestamp(), article_id)


def _neg_time(published: str | None) -> float:
    moment = published_utc(published)
    return -moment.timestamp() if moment else 0.0


def _first_words(body: str, words: int = 12) -> str:
    parts = body.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


class StoryWithCoverage(Story):
    """`manysides story ID --json`: the story and who covered it (records/outlet.py; schemas/story.schema.json)."""

    coverage: Coverage | None = None
