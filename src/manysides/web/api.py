"""The JSON twins of the reading pages, under /api: the same service answers, as data."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, HTTPException
from starlette.requests import Request

from manysides.records.article import Article
from manysides.records.report import Report
from manysides.records.story import Story
from manysides.web import views
from manysides.web.pages import Params, State, not_found, story_report

router = APIRouter(prefix="/api", tags=["read"])


@router.get("/stories", summary="Stories, newest first, searched, filtered and paged")
def api_stories(request: Request, state: State, params: Params) -> dict[str, Any]:
    """`next` is the URL of the following page, or null on the last one."""
    query, problems = params.query()
    if problems:
        raise HTTPException(status_code=400, detail="; ".join(problems))
    listing = state.service.stories(query)
    return {
        "total": listing.total,
        "offset": query.offset,
        "limit": query.limit,
        "next": params.url("/api/stories", listing.next_offset) if listing.next_offset is not None else None,
        "stories": [
            {**asdict(row), "url": f"/stories/{row.id}", "api": f"/api/stories/{row.id}"} for row in listing.rows
        ],
    }


@router.get("/stories/{story_id}", summary="One story: its articles, outlets and time span")
def api_story(state: State, story_id: str) -> Story:
    story = state.service.story(story_id)
    if story is None:
        raise not_found("story")
    return story


@router.get("/stories/{story_id}/report", summary="The story's comparison (schemas/report.schema.json)")
def api_report(state: State, story_id: str) -> Report:
    if state.service.story(story_id) is None:
        raise not_found("story")
    report = story_report(state, story_id)
    if report is None:
        raise HTTPException(status_code=500, detail="The comparison of this story failed.")
    return report


@router.get("/articles/{article_id:path}", summary="One article with its numbered sentences")
def api_article(state: State, article_id: str) -> dict[str, Any]:
    """`sentences[i].index` is the number a report's `Statement.sentence` refers to."""
    article: Article | None = state.service.article(article_id)
    if article is None:
        raise not_found("article")
    sentences = [{"index": s.index, "paragraph": s.paragraph, "text": s.text} for s in state.service.sentences(article)]
    href = views.article_href(article.id)
    return {"article": article.model_dump(mode="json"), "sentences": sentences, "url": href, "raw": href + "/raw"}


@router.get("/outlets", summary="Outlets: articles, stories, how often alone")
def api_outlets(state: State) -> dict[str, Any]:
    return {"outlets": [{**asdict(row), "url": views.outlet_href(row.name)} for row in state.service.outlets()]}


@router.get("/outlets/{name:path}", summary="One outlet: its stories, whom it cites, its framing")
def api_outlet(state: State, name: str) -> dict[str, Any]:
    profile = state.service.outlet(name)
    if profile is None:
        raise not_found("outlet")
    return asdict(profile)
