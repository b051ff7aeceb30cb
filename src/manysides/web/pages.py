"""The reading pages: stories, a story, an article (and its raw download), outlets."""

from __future__ import annotations

import logging
import re
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from manysides.records.report import Report
from manysides.service import PAGE_SIZE
from manysides.web import views
from manysides.web.queries import ListingParams
from manysides.web.state import WebState, web_state

router = APIRouter(include_in_schema=False)
State = Annotated[WebState, Depends(web_state)]
log = logging.getLogger(__name__)
_FILE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


def listing_params(
    q: str = "",
    outlet: str = "",
    since: str = "",
    until: str = "",
    language: str = "",
    limit: Annotated[int, Query(ge=1, le=1000)] = PAGE_SIZE,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ListingParams:
    return ListingParams(q, outlet, since, until, language, limit, offset)


Params = Annotated[ListingParams, Depends(listing_params)]


def not_found(what: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"No such {what}.")


def story_report(state: WebState, story_id: str) -> Report | None:
    """The comparison, or None when it cannot be made: the page still shows headlines and timeline."""
    try:
        return state.service.report(story_id)
    except Exception:  # one story's comparison failing must not take its page down
        log.exception("comparing story %s failed", story_id)
        return None


@router.get("/", response_class=HTMLResponse)
def stories_page(request: Request, state: State, params: Params) -> HTMLResponse:
    query, problems = params.query()
    listing = state.service.stories(query)
    outlets = state.service.outlet_names()
    return state.render(
        request,
        "stories.html",
        listing=listing,
        params=params,
        problems=problems,
        outlets=outlets,
        next_url=params.url("/", listing.next_offset) if listing.next_offset is not None else None,
        previous_url=params.url("/", max(0, query.offset - query.limit)) if query.offset > 0 else None,
        first=query.offset + 1,
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, state: State, story_id: str) -> HTMLResponse:
    story = state.service.story(story_id)
    if story is None:
        raise not_found("story")
    report = story_report(state, story_id)
    return state.render(
        request,
        "story.html",
        story=story,
        headlines=views.headlines(story),
        timeline=views.timeline(story, report),
        comparison=views.comparison(report) if report else None,
    )


@router.get("/articles/{article_id:path}/raw")
def article_raw(state: State, article_id: str) -> Response:
    """The page as it was read, only as a download: text/plain, attachment, never rendered as HTML."""
    raw = state.service.raw_page(article_id)
    if raw is None:
        raise not_found("article")
    name = (_FILE_CHARS.sub("_", article_id).strip("._")[:80] or "page") + ".txt"
    return Response(
        raw,
        media_type="text/plain",
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
    )


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, state: State, article_id: str) -> HTMLResponse:
    article = state.service.article(article_id)
    if article is None:
        raise not_found("article")
    paragraphs: dict[int, list[object]] = {}
    for sentence in state.service.sentences(article):
        paragraphs.setdefault(sentence.paragraph, []).append(sentence)
    return state.render(
        request,
        "article.html",
        article=article,
        paragraphs=list(paragraphs.values()),
        raw_href=views.article_href(article.id) + "/raw",
        story=state.service.story_of(article.id),
    )


@router.get("/outlets", response_class=HTMLResponse)
def outlets_page(request: Request, state: State) -> HTMLResponse:
    return state.render(request, "outlets.html", outlets=state.service.outlets())


@router.get("/outlets/{name:path}", response_class=HTMLResponse)
def outlet_page(request: Request, state: State, name: str) -> HTMLResponse:
    profile = state.service.outlet(name)
    if profile is None:
        raise not_found("outlet")
    return state.render(request, "outlet.html", profile=profile)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request, state: State) -> HTMLResponse:
    """The API's routes from the OpenAPI document, as a plain page (Swagger UI would need a CDN and scripts)."""
    spec = request.app.openapi()
    routes = [
        (method.upper(), path, operation.get("summary", ""), operation.get("description", ""))
        for path, methods in spec.get("paths", {}).items()
        for method, operation in methods.items()
    ]
    return state.render(request, "docs.html", routes=routes, title=spec.get("info", {}).get("title", "API"))
