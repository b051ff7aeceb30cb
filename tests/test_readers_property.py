"""Property tests: whatever bytes arrive, the readers answer with pages or InputErrors, never a crash."""

from __future__ import annotations

import gzip
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manysides.errors import InputError
from manysides.extract import extract_page
from manysides.ingest.page import Page
from manysides.ingest.sources import ReadOptions, read_stream

PREFIXES = [
    b"",
    b"WARC/1.0\r\n",
    b"{",
    b'{"id": 1, "text": ',
    b"<rss><channel>",
    b"<html><body>",
    b"\x1f\x8b",
]


def _read_all(data: bytes, name: str) -> list[Page | InputError]:
    try:
        return list(read_stream(io.BytesIO(data), name, None, name, ReadOptions()))
    except InputError as error:
        return [error]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(PREFIXES),
    tail=st.binary(max_size=4096),
    name=st.sampled_from(["x", "x.gz", "a.html"]),
)
def test_random_bytes_never_crash_the_readers(prefix: bytes, tail: bytes, name: str) -> None:
    for item in _read_all(prefix + tail, name):
        assert isinstance(item, Page | InputError)
        if isinstance(item, Page):
            extract_page(item)  # extraction of whatever came through must not raise either


@settings(max_examples=100, deadline=None)
@given(tail=st.binary(max_size=2048))
def test_random_gzip_payloads_never_crash(tail: bytes) -> None:
    for item in _read_all(gzip.compress(tail), "random.gz"):
        assert isinstance(item, Page | InputError)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=3000))
def test_random_text_pages_extract(text: str) -> None:
    for item in _read_all(text.encode("utf-8"), "t.txt"):
        if isinstance(item, Page):
            article = extract_page(item)
            assert article.content_hash and len(article.content_hash) == 64
