"""The app factory: one Store and Service for the process, security headers on every answer, errors as pages.

SQLAlchemy engines are thread-safe, so FastAPI's worker threads and the ingest thread share one Service.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.staticfiles import StaticFiles

from manysides import __version__
from manysides.service import Service
from manysides.store.repository import Store
from manysides.web import api, ingest, pages
from manysides.web.config import MAX_FILE_BYTES, MAX_REQUEST_BYTES, WebConfig
from manysides.web.jobs import JobRunner
from manysides.web.security import SECURITY_HEADERS, Sessions
from manysides.web.state import STATIC, WebState, template_environment
from manysides.web.uploads import ASGIApp, BodyLimit, Message, Receive, Scope, Send, TooLarge


def create_app(
    db_url: str,
    token: str | None = None,
    *,
    allow_private: bool = False,
    max_file_bytes: int = MAX_FILE_BYTES,
    max_request_bytes: int = MAX_REQUEST_BYTES,
) -> FastAPI:
    """The web app over the database at `db_url`; with a `token`, pages can be added (else it is read-only)."""
    config = WebConfig(
        db_url=db_url,
        token=token or None,
        allow_private=allow_private,
        max_file_bytes=max_file_bytes,
        max_request_bytes=max_request_bytes,
    )
    store = Store(db_url)
    service = Service(store)
    state = WebState(config, service, Sessions(config.session_seconds), JobRunner(service), template_environment())

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.jobs.close()
        store.close()

    app = FastAPI(
        title="ManySides",
        version=__version__,
        description="How different news outlets cover the same event: stories, articles, outlets, comparisons.",
        docs_url=None,  # Swagger UI needs a CDN and inline script; /docs is our own page instead
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.web = state
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(ingest.api)
    app.include_router(ingest.router)
    app.include_router(pages.router)

    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(TooLarge, _too_large)
    app.add_middleware(BodyLimit, limit=max_request_bytes)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so even a 413 from BodyLimit carries them
    return app


class SecurityHeaders:
    """CSP without inline script or style, nosniff, no referrer, no framing: on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in self.headers if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, with_headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    detail = str(error.detail)
    if _wants_json(request):
        return JSONResponse({"detail": detail}, status_code=error.status_code, headers=error.headers)
    state: WebState = request.app.state.web
    response = state.render(request, "error.html", status_code=error.status_code, message=detail)
    if error.headers:
        response.headers.update(error.headers)
    return response


async def _invalid_request(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    if _wants_json(request):
        return JSONResponse({"detail": jsonable_encoder(error.errors())}, status_code=422)
    state: WebState = request.app.state.web
    return state.render(request, "error.html", status_code=422, message="Some values in the address are not valid.")


async def _too_large(request: Request, error: Exception) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": str(error)}, status_code=413)
    state: WebState = request.app.state.web
    return state.render(request, "error.html", status_code=413, message=f"Too large: {error}.")
