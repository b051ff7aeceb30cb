"""What every route needs from the running app: its settings, the service, sessions, jobs and templates."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse

from manysides.service import Service
from manysides.web.config import WebConfig
from manysides.web.jobs import JobRunner
from manysides.web.security import SESSION_COOKIE, Session, Sessions
from manysides.web.views import article_href, outlet_color, outlet_href, story_href, web_link

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def template_environment() -> Environment:
    """Autoescape on for every template, whatever its name: all page text is hostile."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        article_href=article_href,
        outlet_href=outlet_href,
        story_href=story_href,
        outlet_color=outlet_color,
        web_link=web_link,
    )
    return env


@dataclass
class WebState:
    config: WebConfig
    service: Service
    sessions: Sessions
    jobs: JobRunner
    templates: Environment

    def session(self, request: Request) -> Session | None:
        return self.sessions.read(request.cookies.get(SESSION_COOKIE))

    def logged_in(self, request: Request) -> bool:
        session = self.session(request)
        return self.config.can_ingest and session is not None and session.authenticated

    def render(
        self, request: Request, name: str, status_code: int = 200, session: Session | None = None, **context: Any
    ) -> HTMLResponse:
        session = session or self.session(request)
        html = self.templates.get_template(name).render(
            can_ingest=self.config.can_ingest,
            logged_in=bool(self.config.can_ingest and session and session.authenticated),
            csrf_token=self.sessions.csrf_token(session) if session else "",
            path=request.url.path,
            **context,
        )
        return HTMLResponse(html, status_code=status_code)


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state
