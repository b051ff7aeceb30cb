"""Bounded reading of files, stdin and gzip: no input can make us hold more than the limits allow."""

from __future__ import annotations

import codecs
import gzip
import io
import zlib
from typing import IO

from manysides.errors import InputError
from manysides.ingest.detect import GZIP_MAGIC
from manysides.ingest.limits import human_size

HEAD_BYTES = 64 * 1024
# Text and HTML gzip at 3-20 times; far beyond that, past the size cap, the data is built to exhaust us.
MAX_GZIP_RATIO = 100
TRUNCATED_GZIP = "truncated gzip data (the file ends early)"


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
        raise InputError(source, TRUNCATED_GZIP) from None
    except (gzip.BadGzipFile, zlib.error) as error:
        raise InputError(source, f"not a valid gzip file ({error})") from None
    if len(data) > max_bytes:
        raise InputError(source, f"{what} is larger than {human_size(max_bytes)}; refused")
    return data


def gzip_stream(stream: IO[bytes], source: str = "<gzip>", max_bytes: int | None = None) -> IO[bytes]:
    """A decompressing view that reports damaged gzip data as InputErrors.

    With `max_bytes`, it also stops a decompression bomb as soon as the output passes `max_bytes` while
    running at more than MAX_GZIP_RATIO times the compressed bytes read, instead of inflating gigabytes
    only to skip them; legitimate text and HTML compress far less than that.
    """
    counted = _CountingReader(stream)
    inflated = gzip.GzipFile(fileobj=counted, mode="rb")  # type: ignore[arg-type]
    guarded = _GuardedGunzip(inflated, counted, source, max_bytes)
    return io.BufferedReader(guarded, buffer_size=HEAD_BYTES)  # type: ignore[return-value]


class _CountingReader(io.RawIOBase):
    """Counts the compressed bytes read through it, so the decompression ratio can be watched."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self.count = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:  # type: ignore[override]
        chunk = self._stream.read(size)
        self.count += len(chunk)
        return chunk

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = self.read(len(buffer))
        memoryview(buffer)[: len(chunk)] = chunk
        return len(chunk)


class _GuardedGunzip(io.RawIOBase):
    """Gzip output with damaged data and bombs turned into one InputError naming the input."""

    def __init__(self, inflated: gzip.GzipFile, counted: _CountingReader, source: str, max_bytes: int | None) -> None:
        self._inflated = inflated
        self._counted = counted
        self._source = source
        self._max_bytes = max_bytes
        self._produced = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            chunk = self._inflated.read1(len(buffer))  # one step at a time: data before damage is delivered
        except EOFError:
            raise InputError(self._source, TRUNCATED_GZIP) from None
        except (gzip.BadGzipFile, zlib.error) as error:
            raise InputError(self._source, f"not a valid gzip file ({error})") from None
        self._produced += len(chunk)
        cap = self._max_bytes
        if cap is not None and self._produced > cap and self._produced > MAX_GZIP_RATIO * self._counted.count:
            raise InputError(
                self._source,
                f"gzip data expands to larger than {human_size(cap)} at over {MAX_GZIP_RATIO} times its size; "
                "refused as a decompression bomb",
            )
        memoryview(buffer)[: len(chunk)] = chunk
        return len(chunk)


def utf8_stream(stream: IO[bytes], encoding: str) -> IO[bytes]:
    """A UTF-16/32 stream read as UTF-8, so line readers split on real line breaks (in UTF-16 a newline is two
    bytes, and splitting on the byte 0x0A cuts every later line one byte off)."""
    return codecs.StreamRecoder(  # type: ignore[return-value]
        stream,
        codecs.getencoder("utf-8"),
        codecs.getdecoder("utf-8"),
        codecs.getreader(encoding),
        codecs.getwriter(encoding),
        errors="replace",
    )
