"""Settings and their defaults, declared once: the CLI, the web app, the store and the docs all read them here.

Each is a `Setting` with its name, default, environment variable (when one overrides it) and a line of help, so
a front end can list them and a test can check every one is documented. The module-level constants are the same
defaults for code that needs one value.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024

DATABASE_URL = "sqlite:///manysides.db"
DATABASE_ENV = "MANYSIDES_DB"
TOKEN_ENV = "MANYSIDES_TOKEN"
PAGE_MB = 20
URL_MB = 10
POLITENESS_DELAY = 1.0
FETCH_TIMEOUT = 20.0  # seconds one request may take, body included (`watch --timeout`, FetchPolicy.timeout)
SERVER_HOST = "127.0.0.1"
SERVER_PORT = 8000
UPLOAD_MB = 100
WATCH_MAX_PAGES = 200
WATCH_MIN_INTERVAL = 5 * 60
WATCH_MAX_INTERVAL = 6 * 3600


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str
    env: str | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting("database_url", DATABASE_URL, "Database URL; a bare path means SQLite (`--db`).", env=DATABASE_ENV),
    Setting("page_mb", PAGE_MB, "Largest single page or container record accepted, in MB once decompressed."),
    Setting("url_mb", URL_MB, "Largest response body fetched from one URL, in MB."),
    Setting("politeness_delay", POLITENESS_DELAY, "Seconds between two requests to the same host."),
    Setting("server_host", SERVER_HOST, "Address `manysides serve` binds to: only this machine unless told otherwise."),
    Setting("server_port", SERVER_PORT, "Port `manysides serve` listens on."),
    Setting("upload_mb", UPLOAD_MB, "Largest upload one ingest request of the web app may carry, in MB."),
    Setting("watch_max_pages", WATCH_MAX_PAGES, "Most entry pages one `watch` round stores (`--max-pages`)."),
    Setting(
        "watch_min_interval",
        WATCH_MIN_INTERVAL,
        "Shortest learned poll interval of a watched source, in seconds (`min_interval` in the sources file).",
    ),
    Setting(
        "watch_max_interval",
        WATCH_MAX_INTERVAL,
        "Longest learned poll interval of a watched source, in seconds (`max_interval` in the sources file).",
    ),
    Setting(
        "token", None, "Token that enables ingest in the web app; without one the app is read-only.", env=TOKEN_ENV
    ),
)
