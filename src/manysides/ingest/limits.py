"""Size limits: page content is hostile, so every read and decompression is bounded."""

from __future__ import annotations

from dataclasses import dataclass

from manysides.settings import MB, PAGE_MB, URL_MB


@dataclass(frozen=True)
class Limits:
    """Upper bounds on what one input may make us hold in memory.

    A single page (HTML or text) or one record of a container (a JSON line, a WARC record) may be at most
    `page_bytes` once decompressed; containers themselves are streamed and may be of any size.
    """

    page_bytes: int = PAGE_MB * MB
    url_bytes: int = URL_MB * MB


def human_size(n: int) -> str:
    """1536 -> '1.5 KB': for messages a person reads."""
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"
