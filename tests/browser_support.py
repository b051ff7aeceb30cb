"""What the real-browser tests stand on: Debian's chromium, a database built by the real CLI, the real app served
by uvicorn on a free port, and a page that records every dialog, console error and CSP violation.

Playwright drives the system chromium (`executable_path`), because `playwright install` cannot download
browsers here; `.ci/run` installs Debian's `chromium` when it is missing.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import uvicorn
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Playwright, Request

from tests.conftest import DEMO, _missing
from tests.helpers import run_cli

CHROMIUM_VARIABLE = "MANYSIDES_CHROMIUM"
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")

# Each payload both calls alert (a dialog the page listener sees) and sets window.__pwned (checked afterwards).
SCRIPT = "<script>window.__pwned=1;alert(1)</script>"
IMAGE = '<img src=x onerror="window.__pwned=1;alert(1)">'
SVG = "<svg onload=alert(1)>"
JS_URL = "javascript:window.__pwned=1;alert(1)"
HOSTILE = f'{SCRIPT} {IMAGE} {SVG} <a href="{JS_URL}">click</a> [link]({JS_URL})'


def chromium_path() -> str:
    """The browser to drive: MANYSIDES_CHROMIUM, else Debian's; skips (fails under CI=true) when neither exists."""
    given = os.environ.get(CHROMIUM_VARIABLE)
    path = Path(given) if given else SYSTEM_CHROMIUM
    if not path.exists():
        _missing(f"no chromium at {path}: `apt-get install chromium` or set {CHROMIUM_VARIABLE}")
    return str(path)


def launch_chromium(playwright: Playwright) -> Browser:
    # Chromium refuses to run its sandbox as root (CI runs as root); the pages are our own test server's.
    args = ["--no-sandbox"] if os.geteuid() == 0 else []
    return playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=args)


# --- data ----------------------------------------------------------------------------------------------------
HOSTILE_IDS = ("hostile-1", "hostile-2")


def write_hostile_jsonl(path: Path) -> Path:
    """Two fictional outlets on one fictional event, every field a reader sees carrying script and handlers."""
    rows = [
        {
            "id": HOSTILE_IDS[0],
            "url": JS_URL,
            "outlet": f"Quillmere Courier {SCRIPT}",
            "authors": [f"Ada Venn {IMAGE}"],
            "published": "2025-05-02T09:00:00+00:00",
            "title": f"Tarnby lighthouse relit {HOSTILE}",
            "text": "The Tarnby lighthouse was relit on Friday after a year of repairs, the harbour board said. "
            f"{HOSTILE}\n\nAbout 30 volunteers helped repaint the tower, the board said. {IMAGE}",
        },
        {
            "id": HOSTILE_IDS[1],
            "url": "https://quillmere-post.example/lighthouse-relit",
            "outlet": f"Quillmere Post {IMAGE}",
            "authors": [f"Bo Lark {SCRIPT}"],
            "published": "2025-05-02T11:00:00+00:00",
            "title": f"Tarnby lighthouse shines again {SVG}",
            "text": "The Tarnby lighthouse shone again on Friday following a year of repair work, according to the "
            f"harbour board. {SCRIPT}\n\nSome 35 volunteers repainted the tower, the board said. {SVG}",
        },
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    return path


def fictional_upload(marker: str) -> bytes:
    """One JSON Lines record for the ingest form; `marker` is a word found nowhere else, to search for."""
    row = {
        "id": f"upload-{marker}",
        "url": f"https://brindle-gazette.example/{marker}",
        "outlet": "Brindle Gazette",
        "published": "2025-07-01T08:00:00+00:00",
        "title": f"Brindle orchard opens {marker} cider press",
        "text": f"The Brindle orchard opened its {marker} cider press on Tuesday, the growers' cooperative said.\n\n"
        "Around 200 visitors came to the opening, the cooperative said.",
    }
    return (json.dumps(row) + "\n").encode()


def build_database(folder: Path, url: str | None = None, hostile: bool = True) -> str:
    """The demo corpus (plus the hostile pages), through the real `manysides ingest`, into `url` (else a SQLite file
    in `folder`); returns the database URL."""
    db = url or f"sqlite:///{folder / 'browser.db'}"
    sources = [DEMO, write_hostile_jsonl(folder / "hostile.jsonl")] if hostile else [DEMO]
    for source in sources:
        result = run_cli("ingest", source, "--db", db)
        assert result.exit_code == 0, result.stdout + result.stderr
    return db


# --- the server ----------------------------------------------------------------------------------------------
@contextmanager
def serve(db_url: str, token: str | None = None) -> Iterator[str]:
    """The real app under uvicorn on a free port of 127.0.0.1, in a background thread; yields its base URL."""
    from manysides.web import create_app

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db_url, token), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the web app did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()


# --- watching a page -----------------------------------------------------------------------------------------
# Registered before any page script runs; a CSP violation raises this DOM event even where the console is quiet.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
    (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""

# Attributes that would run script if a page text ever became markup: on* handlers and javascript: URLs.
LIVE_ATTRIBUTES = """
() => {
    const found = [];
    for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
            const name = attribute.name.toLowerCase();
            const value = attribute.value.trim().toLowerCase();
            if (name.startsWith('on') || (['href', 'src', 'action', 'formaction'].includes(name)
                    && value.startsWith('javascript:'))) {
                found.push(element.tagName + ' ' + name + '=' + attribute.value);
            }
        }
    }
    return found;
}
"""


@dataclass
class Watched:
    """A browser page with everything it raised recorded: dialogs (dismissed), console errors, script errors."""

    page: Page
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)  # requests to anywhere but the test server

    def on_request(self, request: Request) -> None:
        if not request.url.startswith(("http://127.0.0.1:", "data:", "blob:")):
            self.foreign.append(request.url)

    def on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(self, message: ConsoleMessage) -> None:
        where = message.location.get("url") or self.page.url
        if message.type == "error":  # the layout names a `data:` icon, so not even /favicon.ico is asked for
            self.errors.append(f"console: {message.text} ({where})")

    def csp_violations(self) -> list[str]:
        return list(self.page.evaluate("window.__cspViolations || []"))

    def live_attributes(self) -> list[str]:
        return list(self.page.evaluate(LIVE_ATTRIBUTES))

    def assert_quiet(self) -> None:
        """No dialog, no console error, no uncaught script error, no CSP violation, no request elsewhere."""
        assert self.dialogs == [], self.dialogs
        assert self.foreign == [], self.foreign
        assert self.errors == [], self.errors
        assert self.csp_violations() == [], self.csp_violations()


def watch(page: Page) -> Watched:
    watched = Watched(page)
    page.on("dialog", watched.on_dialog)
    page.on("console", watched.on_console)
    page.on("request", watched.on_request)
    page.on("pageerror", lambda error: watched.errors.append(f"uncaught: {error} ({page.url})"))
    page.add_init_script(CSP_LISTENER)
    return watched
