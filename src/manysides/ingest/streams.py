"""Bounded reading of files, stdin and gzip: no input can make us hold more than the limits allow."""

from __future__ import annotations

import gzip
import io
import zlib
from typing import IO

from manysides.errors import InputError
from manysides.ingest.detect import GZIP_MAGIC
from manysides.ingest.limits import human_size

HEAD_BYTES = 64 * 1024


class PrefixedStream(io.RawIOBase):
    """A stream that replays bytes already read (the sniffed head) before the rest, for unseekable inputs."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer)
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._rest.read(len(view))
        view[: len(chunk)] = chunk
        return len(chunk)


def open_with_head(stream: IO[bytes]) -> tuple[bytes, IO[bytes]]:
    """Read the first bytes for sniffing and return a stream that still yields everything."""
    head = stream.read(HEAD_BYTES)
    return head, io.BufferedReader(PrefixedStream(head, stream), buffer_size=HEAD_BYTES)


def is_gzip(head: bytes) -> bool:
    return head.startswith(GZIP_MAGIC)


def gunzip_head(head: bytes, source: str) -> bytes:
    """Decompress just enough of a gzip head to sniff the format inside."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, HEAD_BYTES)
    except zlib.error as error:
        raise InputError(source, f"not a valid gzip file ({error})") from None


def read_bounded(stream: IO[bytes], source: str, max_bytes: int, what: str = "page") -> bytes:
    """Read all of a stream, refusing (not truncating) one over the limit; gzip errors become InputErrors."""
    try:
        data = stream.read(max_bytes + 1)
    except EOFError:
        raise InputError(source, "truncated gzip data (the file ends early)") from None
    except (gzip.BadGzipFile, zlib.error) as error:
        raise InputError(source, f"not a valid gzip file ({error})") from None
    if len(data) > max_bytes:
        raise InputError(source, f"{what} is larger than {human_size(max_bytes)}; refused")
    return data


def gzip_stream(stream: IO[bytes]) -> IO[bytes]:
    """A decompressing view; reading past the limit is the caller's bound (read_bounded, bounded lines)."""
    return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
