"""What a running web app was told at start: its token, whether it may fetch private addresses, upload limits."""

from __future__ import annotations

from dataclasses import dataclass

from manysides.settings import MB, PAGE_MB, UPLOAD_MB

# Defaults for uploads: a file as large as a page the CLI accepts, and a bound on one whole request.
MAX_FILE_BYTES = PAGE_MB * MB
MAX_REQUEST_BYTES = UPLOAD_MB * MB
MAX_URLS = 200  # URLs one ingest request may list
SESSION_SECONDS = 12 * 60 * 60


@dataclass(frozen=True)
class WebConfig:
    db_url: str
    token: str | None = None
    allow_private: bool = False
    max_file_bytes: int = MAX_FILE_BYTES
    max_request_bytes: int = MAX_REQUEST_BYTES
    max_urls: int = MAX_URLS
    session_seconds: int = SESSION_SECONDS

    @property
    def can_ingest(self) -> bool:
        """Without a token the app is read-only: no form, no link, and the ingest routes answer 404."""
        return bool(self.token)
