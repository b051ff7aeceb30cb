"""A story: the articles of several outlets on one event, as `manysides stories` lists it
(schemas/stories.schema.json)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


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
