"""What an ingest request may hand the server: bounded bodies, uploaded files in a private folder, web URLs only.

A pasted line that is not an http(s) URL is never read as a path on the server: it becomes an error line.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.datastructures import UploadFile

from manysides.ingest.limits import human_size
from manysides.ingest.sources import is_url
from manysides.present.safe_text import one_line

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_CHUNK = 1024 * 1024


class TooLarge(Exception):
    """A request body or one uploaded file is over its limit: answered with 413."""

    def __init__(self, what: str, limit: int) -> None:
        super().__init__(f"{what} is larger than {human_size(limit)}")


@dataclass
class IngestRequest:
    """What one ingest request asks for: URLs, saved files, and the lines refused before any reading."""

    urls: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    workdir: Path | None = None

    @property
    def inputs(self) -> list[str]:
        return [*self.urls, *(str(p) for p in self.files)]


def split_urls(text: str, max_urls: int) -> tuple[list[str], list[str]]:
    """Pasted lines -> (http(s) URLs, one error line per other non-empty line)."""
    urls: list[str] = []
    refused: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if not is_url(line) or any(c.isspace() for c in line):
            refused.append(one_line(f"{line}: not an http(s) URL", 300))
        elif len(urls) >= max_urls:
            refused.append(one_line(f"{line}: more than {max_urls} URLs in one request", 300))
        else:
            urls.append(line)
    return urls, refused


def safe_name(name: str | None, number: int) -> str:
    """`NNN-name` with only harmless characters; the number keeps names unique and the extension is kept."""
    cleaned = _UNSAFE_NAME.sub("_", (name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip("._")[:100]
    return f"{number:03d}-{cleaned or 'upload'}"


async def save_uploads(files: list[UploadFile], max_file_bytes: int) -> Path | None:
    """Copy uploads into a fresh folder only this user can read; raises TooLarge for a file over the limit."""
    real = [f for f in files if f.filename or (f.size or 0) > 0]
    if not real:
        return None
    workdir = Path(tempfile.mkdtemp(prefix="manysides-upload-"))  # mode 0700
    try:
        for number, upload in enumerate(real, start=1):
            written = 0
            with (workdir / safe_name(upload.filename, number)).open("wb") as out:
                while chunk := await upload.read(_CHUNK):
                    written += len(chunk)
                    if written > max_file_bytes:
                        raise TooLarge(f"file {one_line(upload.filename or '', 100)!r}", max_file_bytes)
                    out.write(chunk)
    except BaseException:
        _remove(workdir)
        raise
    return workdir


def _remove(workdir: Path) -> None:
    shutil.rmtree(workdir, ignore_errors=True)


class BodyLimit:
    """ASGI middleware: a POST body over `limit` bytes is refused, by its Content-Length or as it streams in."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _too_large(send, self.limit)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise TooLarge("request", self.limit)
            return message

        await self.app(scope, counted, send)


async def _too_large(send: Send, limit: int) -> None:
    body = f"Request body larger than {human_size(limit)}.\n".encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
