"""The URL fetcher against a real HTTP server on 127.0.0.1 (no mocks, no other address is contacted).

Addresses other than 127.0.0.1 appear only in URLs that must be refused before any connection.
"""

from __future__ import annotations

import gzip
import http.server
import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
import pytest

from manysides.errors import InputError
from manysides.ingest import fetch
from manysides.ingest.fetch import Fetched, Fetcher, FetchPolicy

pytestmark = pytest.mark.network

PAGE = b"<!doctype html><html><head><title>Hello</title></head><body><p>Hello, world.</p></body></html>"
BOMB_SIZE = 20 * 1024 * 1024
BOMB = gzip.compress(b"\0" * BOMB_SIZE, compresslevel=9)
SMALL = 64 * 1024  # max_bytes used by the size tests
FAST = dict(allow_private=True, politeness_delay=0.0)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    robots: bytes | None = b"User-agent: *\nDisallow: /private\n"
    robots_status = 200
    hits: Counter[str]

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hang up on purpose (size caps, timeouts); keep the test output quiet."""


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        headers = {
            "Content-Type": "text/html; charset=utf-8",
            "Content-Length": str(len(body)),
            **(headers or {}),
        }
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        self.server.hits[path] += 1
        self.server.hits["user-agent:" + self.headers.get("User-Agent", "")] += 1
        if self.headers.get("Cookie"):
            self.server.hits["cookie"] += 1
        if path == "/robots.txt":
            if self.server.robots is None:
                self._send(404, b"no")
            else:
                self._send(self.server.robots_status, self.server.robots, {"Content-Type": "text/plain"})
        elif path in ("/page", "/private/secret", "/other"):
            self._send(200, PAGE)
        elif path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            self._send(302, headers={"Location": f"/redirect/{n - 1}" if n > 1 else "/page"})
        elif path == "/loop":
            self._send(301, headers={"Location": "/loop"})
        elif path == "/to-private":
            self._send(302, headers={"Location": "http://10.0.0.1/admin"})
        elif path == "/to-metadata":
            self._send(302, headers={"Location": "http://[::ffff:169.254.169.254]/latest/meta-data/"})
        elif path == "/to-file":
            self._send(302, headers={"Location": "file:///etc/passwd"})
        elif path == "/to-disallowed":
            self._send(302, headers={"Location": "/private/secret"})
        elif path == "/big":  # honest Content-Length
            self._send(200, b"x" * (SMALL * 4))
        elif path == "/big-stream":  # no Content-Length: HTTP/1.0, delimited by closing
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"y" * 16384)
        elif path == "/bomb":
            self._send(200, BOMB, {"Content-Encoding": "gzip"})
        elif path == "/gzip":
            self._send(200, gzip.compress(PAGE), {"Content-Encoding": "gzip"})
        elif path == "/raw-deflate":
            c = zlib.compressobj(wbits=-zlib.MAX_WBITS)
            self._send(200, c.compress(PAGE) + c.flush(), {"Content-Encoding": "deflate"})
        elif path == "/brotli":
            self._send(200, b"\x1b\x00", {"Content-Encoding": "br"})
        elif path == "/slow":
            time.sleep(0.4)
            self._send(200, PAGE)
        elif path == "/hang":
            time.sleep(3)
            self._send(200, PAGE)
        elif path == "/drip":  # headers at once, then one byte every 0.1 s: no read ever times out
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b".")
                self.wfile.flush()
                time.sleep(0.1)
        elif path == "/set-cookie":
            self._send(200, PAGE, {"Set-Cookie": "tracker=1; Path=/"})
        elif path == "/error":
            self._send(503, b"down")
        else:
            self._send(404, b"not here")


@dataclass
class Site:
    server: _Server
    base: str

    @property
    def hits(self) -> Counter[str]:
        return self.server.hits


def _serve(robots: bytes | None = _Server.robots, robots_status: int = 200) -> Iterator[Site]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.robots = robots
    server.robots_status = robots_status
    server.hits = Counter()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield Site(server, f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    yield from _serve()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FetchPolicy(**FAST)) as f:
        yield f


def _problem(fetcher: Fetcher, url: str) -> str:
    with pytest.raises(InputError) as info:
        fetcher.fetch(url)
    assert info.value.source == url
    return info.value.problem


# --- success -------------------------------------------------------------------------------------


def test_fetches_a_page(site: Site, fetcher: Fetcher) -> None:
    result = fetcher.fetch(site.base + "/page")
    assert isinstance(result, Fetched)
    assert result.status == 200
    assert result.content == PAGE
    assert result.url == result.final_url == site.base + "/page"
    assert result.content_type == "text/html; charset=utf-8"
    assert result.headers["content-length"] == str(len(PAGE))
    assert result.fetched_at.endswith("Z") and result.fetched_at[4] == "-"


def test_sends_a_real_user_agent(site: Site, fetcher: Fetcher) -> None:
    fetcher.fetch(site.base + "/page")
    assert site.hits[f"user-agent:{fetch.DEFAULT_USER_AGENT}"] > 0
    assert fetch.DEFAULT_USER_AGENT.startswith("ManySides/")


def test_keeps_no_cookies(site: Site, fetcher: Fetcher) -> None:
    fetcher.fetch(site.base + "/set-cookie")
    fetcher.fetch(site.base + "/page")
    assert site.hits["cookie"] == 0


def test_decodes_gzip_and_raw_deflate(site: Site, fetcher: Fetcher) -> None:
    assert fetcher.fetch(site.base + "/gzip").content == PAGE
    assert fetcher.fetch(site.base + "/raw-deflate").content == PAGE


def test_follows_redirects_and_reports_final_url(site: Site, fetcher: Fetcher) -> None:
    result = fetcher.fetch(site.base + "/redirect/3")
    assert result.url == site.base + "/redirect/3"
    assert result.final_url == site.base + "/page"
    assert result.content == PAGE


def test_context_manager_closes(site: Site) -> None:
    with Fetcher(FetchPolicy(**FAST)) as f:
        f.fetch(site.base + "/page")
    with pytest.raises(RuntimeError):  # httpx refuses to reuse a closed client
        f._client.get(site.base + "/page")


# --- HTTP failures --------------------------------------------------------------------------------


def test_too_many_redirects(site: Site, fetcher: Fetcher) -> None:
    assert _problem(fetcher, site.base + "/redirect/6") == "too many redirects (more than 5)"
    assert _problem(fetcher, site.base + "/loop") == "too many redirects (more than 5)"
    with Fetcher(FetchPolicy(max_redirects=0, **FAST)) as strict:
        assert _problem(strict, site.base + "/redirect/1") == "too many redirects (more than 0)"


def test_404_and_503(site: Site, fetcher: Fetcher) -> None:
    assert _problem(fetcher, site.base + "/missing") == "HTTP 404 Not Found"
    assert _problem(fetcher, site.base + "/error") == "HTTP 503 Service Unavailable"


def test_redirect_to_other_scheme_is_refused(site: Site, fetcher: Fetcher) -> None:
    assert "unsupported URL scheme (file)" in _problem(fetcher, site.base + "/to-file")


# --- size caps ------------------------------------------------------------------------------------


def test_content_length_over_the_cap_is_rejected(site: Site) -> None:
    with Fetcher(FetchPolicy(max_bytes=SMALL, **FAST)) as f:
        assert _problem(f, site.base + "/big") == "response exceeds the 64 KB limit"


def test_streamed_body_is_cut_at_the_cap(site: Site) -> None:
    with Fetcher(FetchPolicy(max_bytes=SMALL, **FAST)) as f:
        assert _problem(f, site.base + "/big-stream") == "response exceeds the 64 KB limit"
    with Fetcher(FetchPolicy(max_bytes=2 * 1024 * 1024, **FAST)) as f:
        assert len(f.fetch(site.base + "/big-stream").content) == 64 * 16384


def test_gzip_bomb_is_cut_on_decoded_size(site: Site) -> None:
    assert len(BOMB) < SMALL  # small on the wire, 20 MB once decoded
    with Fetcher(FetchPolicy(max_bytes=SMALL, **FAST)) as f:
        assert _problem(f, site.base + "/bomb") == "response exceeds the 64 KB limit"


def test_bounded_inflater_never_emits_big_pieces() -> None:
    pieces = list(fetch._Inflater("gzip").feed(BOMB))
    assert sum(len(p) for p in pieces) == BOMB_SIZE
    assert max(len(p) for p in pieces) <= fetch._PIECE
    inflater = fetch._Inflater("gzip")  # and input arriving a byte at a time still decodes
    assert b"".join(p for byte in gzip.compress(PAGE) for p in inflater.feed(bytes([byte]))) == PAGE


def test_unoffered_content_encoding_is_refused(site: Site, fetcher: Fetcher) -> None:
    assert _problem(fetcher, site.base + "/brotli") == "unsupported content encoding (br)"


# --- time -----------------------------------------------------------------------------------------


def test_timeout(site: Site) -> None:
    with Fetcher(FetchPolicy(timeout=0.5, **FAST)) as f:
        start = time.monotonic()
        assert _problem(f, site.base + "/hang") == "timed out after 0.5 s"
        assert time.monotonic() - start < 2


def test_slow_drip_hits_the_total_deadline(site: Site) -> None:
    with Fetcher(FetchPolicy(timeout=0.5, **FAST)) as f:
        start = time.monotonic()
        assert _problem(f, site.base + "/drip") == "timed out after 0.5 s"
        assert time.monotonic() - start < 2


def test_one_request_at_a_time_per_host(site: Site, fetcher: Fetcher) -> None:
    fetcher.fetch(site.base + "/page")  # robots.txt is now cached
    start = time.monotonic()
    threads = [threading.Thread(target=fetcher.fetch, args=(site.base + "/slow",)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert time.monotonic() - start >= 0.75  # two 0.4 s responses, one after the other

    # Two Fetchers share no locks, so the same two requests overlap.
    other = Fetcher(FetchPolicy(**FAST))
    other.fetch(site.base + "/page")
    start = time.monotonic()
    threads = [threading.Thread(target=f.fetch, args=(site.base + "/slow",)) for f in (fetcher, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.close()
    assert time.monotonic() - start < 0.75


def test_politeness_delay_between_requests(site: Site) -> None:
    with Fetcher(FetchPolicy(allow_private=True, politeness_delay=0.3)) as f:
        f.fetch(site.base + "/page")
        start = time.monotonic()
        f.fetch(site.base + "/page")
        assert time.monotonic() - start >= 0.29


# --- robots.txt -----------------------------------------------------------------------------------


def test_robots_disallow(site: Site, fetcher: Fetcher) -> None:
    assert _problem(fetcher, site.base + "/private/secret") == "disallowed by robots.txt"
    with Fetcher(FetchPolicy(respect_robots=False, **FAST)) as rude:
        assert rude.fetch(site.base + "/private/secret").content == PAGE


def test_robots_checked_on_redirect_target(site: Site, fetcher: Fetcher) -> None:
    assert _problem(fetcher, site.base + "/to-disallowed").startswith("disallowed by robots.txt (redirect")


def test_robots_fetched_once_per_fetcher(site: Site) -> None:
    before = site.hits["/robots.txt"]
    with Fetcher(FetchPolicy(**FAST)) as f:
        for path in ("/page", "/other", "/gzip", "/page"):
            f.fetch(site.base + path)
    assert site.hits["/robots.txt"] - before == 1


def test_missing_robots_allows_everything() -> None:
    for s in _serve(robots=None):
        with Fetcher(FetchPolicy(**FAST)) as f:
            assert f.fetch(s.base + "/private/secret").status == 200


def test_robots_5xx_disallows_the_site() -> None:
    for s in _serve(robots=b"", robots_status=503):
        with Fetcher(FetchPolicy(**FAST)) as f:
            problem = _problem(f, s.base + "/page")
            assert problem.startswith("robots.txt is unreachable (HTTP 503")
            assert s.hits["/page"] == 0


def test_robots_crawl_delay_is_honoured() -> None:
    for s in _serve(robots=b"User-agent: manysides\nCrawl-delay: 1\nDisallow:\n"):
        with Fetcher(FetchPolicy(**FAST)) as f:
            f.fetch(s.base + "/page")
            start = time.monotonic()
            f.fetch(s.base + "/page")
            assert time.monotonic() - start >= 0.95


# --- URL and address checks -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)", "data:text/html,hi", "//127.0.0.1/"],
)
def test_non_http_schemes_are_refused(fetcher: Fetcher, url: str) -> None:
    assert "unsupported URL scheme" in _problem(fetcher, url)


@pytest.mark.parametrize("url", ["http://", "http:///path", "http://a b/", "http://999.1.1.1/", "not a url"])
def test_invalid_urls(fetcher: Fetcher, url: str) -> None:
    assert "URL" in _problem(fetcher, url)


def test_unresolvable_host(fetcher: Fetcher) -> None:
    assert _problem(fetcher, "http://no-such-host.invalid/") == "could not resolve host 'no-such-host.invalid'"


def test_loopback_refused_without_allow_private(site: Site) -> None:
    before = sum(site.hits.values())
    with Fetcher() as f:
        problem = _problem(f, site.base + "/page")
        assert problem == "refused: 127.0.0.1, a loopback address; pass --allow-private to fetch it"
        host_problem = _problem(f, site.base.replace("127.0.0.1", "localhost") + "/page")
        assert "localhost, which resolves to a loopback address" in host_problem
    assert sum(site.hits.values()) == before  # not even robots.txt was asked for


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://10.0.0.1/", "a private address"),
        ("http://192.168.1.1/", "a private address"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
        ("http://[::1]/", "a loopback address"),
        ("http://0.0.0.0/", "an unspecified address"),
        ("http://[::ffff:127.0.0.1]/", "a loopback address"),
        ("http://[::ffff:a9fe:a9fe]/", "a link-local address"),
        ("http://[fe80::1]/", "a link-local address"),
        ("http://[fc00::1]/", "a private address"),
        ("http://224.0.0.1/", "a multicast address"),
        ("http://100.64.0.1/", "a non-public address"),
        ("http://2130706433/", "a loopback address"),
        ("http://0x7f.1/", "a loopback address"),
        ("http://017700000001/", "a loopback address"),
        ("http://127.1:8080/", "a loopback address"),
        ("http://[64:ff9b::a00:1]/", "a private address"),
        ("https://10.1.2.3:8443/x", "a private address"),
    ],
)
def test_private_literals_refused_before_connecting(url: str, kind: str) -> None:
    with Fetcher() as f:
        start = time.monotonic()
        problem = _problem(f, url)
        assert time.monotonic() - start < 0.5  # refused locally, no connection attempt
    assert problem.startswith("refused: ") and f", {kind};" in problem


def test_public_addresses_pass_the_check() -> None:
    for ip in ("8.8.8.8", "2606:4700::1", "::ffff:8.8.8.8", "64:ff9b::808:808"):
        assert fetch.address_problem(fetch.literal_ip(ip)) is None  # type: ignore[arg-type]


class _OnlyLocalhostAllowed(Fetcher):
    """A strict Fetcher that admits just the test server, to test redirect hops to other addresses."""

    def _address_problem(self, ip: fetch.IPAddress) -> str | None:
        return None if str(ip) == "127.0.0.1" else fetch.address_problem(ip)


def test_redirect_to_private_address_refused(site: Site) -> None:
    with _OnlyLocalhostAllowed(FetchPolicy(politeness_delay=0.0)) as f:
        assert f.fetch(site.base + "/page").status == 200
        assert _problem(f, site.base + "/to-private") == (
            "refused: redirected to 10.0.0.1, a private address; pass --allow-private to fetch it"
        )
        problem = _problem(f, site.base + "/to-metadata")
        assert "redirected to ::ffff:a9fe:a9fe = 169.254.169.254, a link-local address" in problem


def test_transport_enforces_the_check_at_connect_time(site: Site) -> None:
    """Even if the pre-check were bypassed (e.g. DNS rebinding), the connection itself is refused."""
    before = sum(site.hits.values())
    with (
        httpx.Client(transport=fetch._GuardedTransport(fetch.address_problem)) as client,
        pytest.raises(fetch._Refused),
    ):
        client.get(site.base + "/page")
    assert sum(site.hits.values()) == before
