"""Adding pages from the browser and the API, only when the server has a token.

The browser logs in once with the token (a signed, HttpOnly, SameSite=Strict cookie) and every form carries a
CSRF token tied to that session; the API sends the token as a bearer header instead. Without a token every route
here answers 404, as if it did not exist.
"""

from __future__ import annotations

import asyncio
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from manysides.ingest.fetch import FetchPolicy
from manysides.ingest.limits import Limits
from manysides.ingest.sources import ReadOptions
from manysides.web.security import SESSION_COOKIE, Session, bearer, same_secret
from manysides.web.state import WebState, web_state
from manysides.web.uploads import IngestRequest, save_uploads, split_urls

MAX_FILES = 100
WRONG_TOKEN_DELAY = 0.5  # seconds


def ingest_enabled(request: Request) -> WebState:
    """The state, or 404 when the server has no token: a read-only server has no ingest routes at all."""
    state = web_state(request)
    if not state.config.can_ingest:
        raise HTTPException(status_code=404, detail="Not found.")
    return state


State = Annotated[WebState, Depends(ingest_enabled)]
router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["ingest"])
_PRIVATE = {"Cache-Control": "no-store"}


def read_options(state: WebState) -> ReadOptions:
    """The CLI's defaults: private addresses refused unless the server was started with --allow-private."""
    return ReadOptions(
        limits=Limits(page_bytes=state.config.max_file_bytes),
        fetch_policy=FetchPolicy(allow_private=state.config.allow_private),
    )


def set_session(request: Request, response: Response, state: WebState, value: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        value,
        max_age=state.config.session_seconds,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


async def ingest_request(state: WebState, form: FormData) -> IngestRequest:
    urls_text = form.get("urls")
    urls, refused = split_urls(urls_text if isinstance(urls_text, str) else "", state.config.max_urls)
    uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
    workdir = await save_uploads(uploads, state.config.max_file_bytes)
    files = sorted(workdir.iterdir()) if workdir else []
    return IngestRequest(urls=urls, files=files, refused=refused, workdir=workdir)


def start(state: WebState, wanted: IngestRequest) -> str:
    job = state.jobs.submit(wanted.inputs, read_options(state), wanted.workdir, wanted.refused)
    return job.id


# --- browser -------------------------------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, state: State) -> HTMLResponse:
    session = state.session(request)
    cookie = None
    if session is None:
        session, cookie = state.sessions.new(authenticated=False)  # the form's CSRF token needs a session
    response = state.render(request, "login.html", session=session, error=None)
    response.headers.update(_PRIVATE)
    if cookie:
        set_session(request, response, state, cookie)
    return response


@router.post("/login")
async def login(request: Request, state: State) -> Response:
    form = await request.form(max_files=0, max_fields=5)
    session = state.session(request)
    if not state.sessions.csrf_ok(session, _text(form, "csrf_token")):
        raise HTTPException(status_code=403, detail="The form expired or came from elsewhere: reload and try again.")
    if not same_secret(_text(form, "token"), state.config.token):
        await asyncio.sleep(WRONG_TOKEN_DELAY)  # slows guessing down; the comparison itself is constant-time
        return state.render(request, "login.html", status_code=401, session=session, error="Wrong token.")
    _fresh, cookie = state.sessions.new(authenticated=True)  # a new id on login: a planted session gains nothing
    response = RedirectResponse("/ingest", status_code=303)
    set_session(request, response, state, cookie)
    return response


@router.post("/logout")
async def logout(request: Request, state: State) -> Response:
    form = await request.form(max_files=0, max_fields=5)
    if not state.sessions.csrf_ok(state.session(request), _text(form, "csrf_token")):
        raise HTTPException(status_code=403, detail="The form expired or came from elsewhere: reload and try again.")
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(request: Request, state: State) -> Response:
    if not state.logged_in(request):
        return RedirectResponse("/login", status_code=303)
    response = state.render(request, "ingest.html", error=None, config=state.config)
    response.headers.update(_PRIVATE)
    return response


@router.post("/ingest")
async def ingest_submit(request: Request, state: State) -> Response:
    session = _logged_in_session(request, state)
    form = await request.form(max_files=MAX_FILES, max_fields=10)
    if not state.sessions.csrf_ok(session, _text(form, "csrf_token")):
        raise HTTPException(status_code=403, detail="The form expired or came from elsewhere: reload and try again.")
    wanted = await ingest_request(state, form)
    if not wanted.inputs and not wanted.refused:
        error = "Paste at least one URL or choose a file."
        return state.render(request, "ingest.html", status_code=400, error=error, config=state.config)
    return RedirectResponse(f"/jobs/{start(state, wanted)}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, state: State, job_id: str) -> Response:
    if not state.logged_in(request):
        return RedirectResponse("/login", status_code=303)
    job = state.jobs.get(job_id)
    if job is None:
        raise HTTPException(status_code=404, detail="No such job.")
    response = state.render(request, "job.html", job=job)
    response.headers.update(_PRIVATE)
    return response


# --- API -----------------------------------------------------------------------------------------------------


@api.post("/ingest", status_code=202, summary="Add pages: URLs and/or uploaded files, as a background job")
async def api_ingest(request: Request, state: State) -> JSONResponse:
    """Needs `Authorization: Bearer TOKEN`. Send multipart form data (`urls`: one per line, `files`: uploads) or
    JSON `{"urls": [...]}`. Answers 202 with the job's URL; poll `GET /api/jobs/{id}`."""
    _require_bearer(request, state)
    if request.headers.get("content-type", "").startswith("application/json"):
        wanted = _json_request(state, await request.body())
    else:
        wanted = await ingest_request(state, await request.form(max_files=MAX_FILES, max_fields=10))
    if not wanted.inputs and not wanted.refused:
        raise HTTPException(status_code=400, detail="Give at least one URL or file.")
    job_id = start(state, wanted)
    return JSONResponse({"job": job_id, "url": f"/api/jobs/{job_id}"}, status_code=202)


@api.get("/jobs/{job_id}", summary="An ingest job's progress: pages done, counts, one line per bad input")
def api_job(request: Request, state: State, job_id: str) -> dict[str, Any]:
    if not state.logged_in(request):
        _require_bearer(request, state)
    job = state.jobs.get(job_id)
    if job is None:
        raise HTTPException(status_code=404, detail="No such job.")
    return job


def _require_bearer(request: Request, state: WebState) -> None:
    if not same_secret(bearer(request.headers.get("authorization")), state.config.token):
        raise HTTPException(status_code=401, detail="A bearer token is needed.", headers={"WWW-Authenticate": "Bearer"})


def _logged_in_session(request: Request, state: WebState) -> Session:
    session = state.session(request)
    if session is None or not session.authenticated:
        raise HTTPException(status_code=403, detail="Log in first.")
    return session


def _json_request(state: WebState, body: bytes) -> IngestRequest:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise HTTPException(status_code=400, detail="The body is not JSON.") from None
    urls = data.get("urls") if isinstance(data, dict) else None
    if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
        raise HTTPException(status_code=400, detail='Expected {"urls": ["https://...", ...]}.')
    found, refused = split_urls("\n".join(urls), state.config.max_urls)
    return IngestRequest(urls=found, refused=refused)


def _text(form: FormData, name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) else None
