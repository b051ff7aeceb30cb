"""Fetch one news page over HTTP(S), treating every URL and every response as hostile.

What this guards against, and why:

* **SSRF.** A seed list or a redirect could point us at the cloud metadata service, a router, or a
  database on localhost. Every hop's host is resolved and refused if *any* address is private,
  loopback, link-local, reserved, multicast, unspecified or otherwise non-global (IPv4-mapped, NAT64
  and 6to4 IPv6 addresses are judged by the IPv4 address inside them). Literal IPs, including odd
  forms such as ``2130706433`` or ``0x7f.1``, are judged locally before any packet is sent.
* **DNS rebinding.** Checking a name and then letting the HTTP library resolve it again would leave
  a window in which the answer can change. So the check is also enforced where the socket is opened:
  a custom httpcore network backend resolves the name itself, refuses if any answer is forbidden,
  and connects to the very address it checked. The up-front check only exists to give a clear
  message before robots.txt is fetched. Known limit: ``getaddrinfo`` has no timeout, so a stalled
  resolver can take longer than ``FetchPolicy.timeout``.
* **Resource exhaustion.** Bodies are streamed and cut as soon as the *decoded* size passes
  ``max_bytes``; gzip/deflate are decoded here in bounded pieces (never more than 64 KiB out per
  step), so a compression bomb cannot balloon in memory first. Only ``gzip`` and ``deflate`` are
  offered; a response in any other content coding is refused. The total time for one response
  (headers and body) is capped too, so a server dripping a byte at a time cannot hold us forever.
* **Leaks between sites.** No cookies are kept, no proxy or ``.netrc`` settings are read from the
  environment, and nothing from a response is echoed into error messages except status codes and
  addresses we parsed ourselves.

Politeness: robots.txt is honoured (RFC 9309 semantics, see :meth:`Fetcher._robots_for`), one
request at a time per host, and a delay between requests to the same host.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import threading
import time
import urllib.robotparser
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.cookiejar import CookieJar, DefaultCookiePolicy
from types import TracebackType
from typing import Any, Self

import httpcore
import httpx

from manysides import __version__
from manysides.errors import InputError
from manysides.settings import FETCH_TIMEOUT, POLITENESS_DELAY

DEFAULT_USER_AGENT = f"ManySides/{__version__} (+https://github.com/manysides/manysides)"
ACCEPT = (
    "text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,"
    "application/xml;q=0.8,text/xml;q=0.8,*/*;q=0.5"
)
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to parse at least the first 500 KiB
ROBOTS_MAX_REDIRECTS = 5  # RFC 9309: follow at least five
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PIECE = 64 * 1024  # most bytes a decoder may emit per step
_SUPPORTED_CODINGS = frozenset({"gzip", "x-gzip", "deflate"})
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_HOSTNAME = re.compile(r"^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*\.?$")
# What inet_aton would read as an IPv4 address: 1-4 parts, each decimal, octal or hex.
_NUMERIC_HOST = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+)){0,3}$")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressCheck = Callable[[IPAddress], str | None]


@dataclass(frozen=True)
class FetchPolicy:
    """How careful and how polite a Fetcher is; the defaults suit crawling the open web.

    `timeout` bounds each single request: connecting, waiting for headers, and reading the whole
    body (checked as data arrives, so a stalled read is noticed after at most another `timeout`).
    A fetch with redirects makes up to `max_redirects + 1` such requests, plus robots.txt ones.
    `max_bytes` counts decoded body bytes (and, separately, bytes on the wire).
    """

    allow_private: bool = False
    max_bytes: int = 10 * 1024 * 1024
    timeout: float = FETCH_TIMEOUT
    max_redirects: int = 5
    respect_robots: bool = True
    user_agent: str = DEFAULT_USER_AGENT
    politeness_delay: float = POLITENESS_DELAY  # seconds between the end of one request and the next to a host
    max_crawl_delay: float = 10.0  # a robots.txt Crawl-delay above this is capped, not obeyed

    def __post_init__(self) -> None:
        if self.max_bytes <= 0 or self.timeout <= 0 or self.max_redirects < 0:
            raise ValueError("max_bytes and timeout must be positive, max_redirects not negative")
        if self.politeness_delay < 0 or self.max_crawl_delay < 0:
            raise ValueError("delays must not be negative")


@dataclass(frozen=True)
class Fetched:
    """One successful response (2xx, or 304 to a conditional GET), body fully read and decoded."""

    url: str
    final_url: str
    status: int
    content_type: str | None
    headers: dict[str, str]
    content: bytes
    fetched_at: str


# --- address checks -------------------------------------------------------------------------------


def address_problem(ip: IPAddress) -> str | None:
    """Name what makes `ip` unfit for fetching untrusted URLs ("a loopback address"), or None if global."""
    if isinstance(ip, ipaddress.IPv6Address):
        # These forms deliver to an IPv4 address, so the IPv4 address is what matters.
        if ip.ipv4_mapped is not None:
            return address_problem(ip.ipv4_mapped)
        if ip in _NAT64:
            return address_problem(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if ip.sixtofour is not None and (inner := address_problem(ip.sixtofour)):
            return inner
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_private:
        return "a private address"
    if ip.is_reserved:
        return "a reserved address"
    if not ip.is_global:
        return "a non-public address"
    return None


def literal_ip(host: str) -> IPAddress | None:
    """The address `host` spells directly (also inet_aton forms like 0x7f.1), so no DNS is needed."""
    bare = host.strip("[]").rstrip(".").lower()
    try:
        return ipaddress.ip_address(bare)
    except ValueError:
        pass
    if _NUMERIC_HOST.match(bare):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(bare))
        except OSError:
            return None
    return None


class StatusError(InputError):
    """A non-2xx answer, with its status kept so a scheduler can tell a 503 (try later) from a 404 (gone)."""

    def __init__(self, source: str, status: int) -> None:
        super().__init__(source, _status_text(status))
        self.status = status


class _Refused(Exception):
    """Raised inside the transport when a connection would reach a forbidden address."""

    def __init__(self, host: str, ip: IPAddress, problem: str) -> None:
        super().__init__(f"{host} resolves to {problem} ({ip})")
        self.host = host
        self.ip = ip
        self.problem = problem


def _resolve(host: str, port: int) -> list[IPAddress]:
    """All addresses `host` resolves to, in resolver order, without duplicates."""
    seen: dict[IPAddress, None] = {}
    for *_, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        seen[ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])] = None
    return list(seen)


def _checked_addresses(host: str, port: int, check: AddressCheck | None) -> list[IPAddress]:
    """Resolve `host`; raise _Refused if any answer fails `check` (None means allow everything)."""
    ip = literal_ip(host)
    addresses = [ip] if ip is not None else _resolve(host, port)
    if check is not None:
        for address in addresses:
            if problem := check(address):
                raise _Refused(host, address, problem)
    return addresses


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves and checks the host at connect time and connects to the checked address only.

    This is what closes the DNS-rebinding window: httpcore never resolves the name itself.
    """

    def __init__(self, check: AddressCheck | None) -> None:
        self._check = check

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = _checked_addresses(host, port, self._check)
        except (OSError, ValueError) as exc:  # gaierror is an OSError
            raise httpcore.ConnectError(f"could not resolve host {host!r}") from exc
        last: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(str(address), port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None  # getaddrinfo never returns an empty list
        raise last


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport, with its connection pool swapped for one using _GuardedBackend.

    httpx offers no public hook for the network backend, so this replaces the `_pool` attribute;
    the isinstance check makes an httpx change fail loudly here rather than silently unguarded.
    """

    def __init__(self, check: AddressCheck | None) -> None:
        super().__init__(trust_env=False, retries=0)
        if not isinstance(getattr(self, "_pool", None), httpcore.ConnectionPool):
            raise RuntimeError("this httpx version has no HTTPTransport._pool; the address guard needs it")
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=32,
            max_keepalive_connections=16,
            keepalive_expiry=5.0,
            network_backend=_GuardedBackend(check),
        )


def _no_cookies() -> CookieJar:
    """A jar that accepts nothing: fetches stay independent and sites cannot track us across pages."""
    return CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))


# --- bounded content decoding ---------------------------------------------------------------------


class _Inflater:
    """Decodes gzip or deflate in pieces of at most _PIECE bytes, so a bomb is cut, not inflated."""

    def __init__(self, coding: str) -> None:
        self._raw_fallback = coding == "deflate"  # servers send both zlib-wrapped and raw deflate
        self._d = zlib.decompressobj(zlib.MAX_WBITS | 32 if coding != "deflate" else zlib.MAX_WBITS)
        self._started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        while not self._d.eof:  # bytes after the end of the stream are ignored
            try:
                out = self._d.decompress(data, _PIECE)
            except zlib.error:
                if not self._raw_fallback or self._started:
                    raise
                self._raw_fallback = False  # first bytes were not zlib-wrapped: try raw deflate
                self._d = zlib.decompressobj(-zlib.MAX_WBITS)
                continue
            self._started = self._started or bool(data)
            data = self._d.unconsumed_tail
            if out:
                yield out
            if not data and len(out) < _PIECE:
                return


def _through(pieces: Iterable[bytes], decoder: _Inflater) -> Iterator[bytes]:
    for piece in pieces:
        yield from decoder.feed(piece)


# --- robots.txt -----------------------------------------------------------------------------------


@dataclass
class _Robots:
    """What one origin's robots.txt says; `refusal` is set when the whole site counts as disallowed."""

    parser: urllib.robotparser.RobotFileParser | None = None
    refusal: str | None = None

    def allows(self, url: str, user_agent: str) -> bool:
        if self.refusal is not None:
            return False
        return self.parser is None or self.parser.can_fetch(user_agent, url)

    def crawl_delay(self, user_agent: str) -> float:
        if self.parser is None:
            return 0.0
        delay = self.parser.crawl_delay(user_agent)
        try:
            return max(0.0, float(delay)) if delay is not None else 0.0
        except (TypeError, ValueError):
            return 0.0


# --- the fetcher ----------------------------------------------------------------------------------


@dataclass
class _Reply:
    url: httpx.URL
    status: int
    headers: dict[str, str]
    content: bytes = b""
    location: str | None = None


@dataclass
class _HostState:
    lock: threading.Lock = field(default_factory=threading.Lock)
    last_request_end: float = float("-inf")


class _TooBig(Exception):
    pass


def _size(n: int) -> str:
    if n % (1024 * 1024) == 0:
        return f"{n // (1024 * 1024)} MB"
    if n % 1024 == 0:
        return f"{n // 1024} KB"
    return f"{n} bytes"


def _seconds(s: float) -> str:
    return f"{s:g} s"


def _clean(text: str, limit: int = 160) -> str:
    """Make text safe for a one-line terminal message (it may come from a hostile server)."""
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _status_text(status: int) -> str:
    reason = http.client.responses.get(status, "")
    return f"HTTP {status} {reason}".rstrip()


class Fetcher:
    """Fetches pages one URL at a time; safe to share between threads.

    Requests to one host are serialised (a lock per host name) and spaced by
    ``max(politeness_delay, min(Crawl-delay, max_crawl_delay))``; different hosts proceed in
    parallel. robots.txt is fetched once per origin and cached for the Fetcher's lifetime.
    """

    def __init__(self, policy: FetchPolicy = FetchPolicy()) -> None:
        self.policy = policy
        check = None if policy.allow_private else self._address_problem
        self._client = httpx.Client(
            transport=_GuardedTransport(check),
            follow_redirects=False,
            trust_env=False,
            cookies=_no_cookies(),
            timeout=httpx.Timeout(policy.timeout),
            headers={
                "User-Agent": policy.user_agent,
                "Accept": ACCEPT,
                "Accept-Encoding": "gzip, deflate",
            },
        )
        self._meta = threading.Lock()
        self._hosts: dict[str, _HostState] = {}
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, threading.Lock] = {}

    # Overridable so tests can admit exactly one address; production code should use the policy.
    def _address_problem(self, ip: IPAddress) -> str | None:
        return address_problem(ip)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close pooled connections."""
        self._client.close()

    def fetch(self, url: str, conditional: dict[str, str] | None = None) -> Fetched:
        """GET `url`, following up to max_redirects redirects; raise InputError on any failure.

        `conditional` holds `If-None-Match` / `If-Modified-Since` from the last fetch: a 304 answer then comes
        back as a Fetched with status 304 and no content, so a feed that did not change costs no body.
        """
        current = self._parse(url, url)
        for hop in range(self.policy.max_redirects + 1):
            self._precheck(current, url, redirected=hop > 0)
            delay = self.policy.politeness_delay
            if self.policy.respect_robots:
                robots = self._robots_for(current, url)
                if not robots.allows(str(current), self.policy.user_agent):
                    where = "" if hop == 0 else f" (redirect target {_clean(str(current))})"
                    raise InputError(url, robots.refusal or f"disallowed by robots.txt{where}")
                crawl_delay = robots.crawl_delay(self.policy.user_agent)
                delay = max(delay, min(crawl_delay, self.policy.max_crawl_delay))
            reply = self._exchange(current, url, delay=delay, max_bytes=self.policy.max_bytes, headers=conditional)
            if reply.status == 304 and conditional:
                reply.content = b""
            elif reply.status in _REDIRECTS:
                if reply.location is None:
                    raise InputError(url, f"{_status_text(reply.status)} without a Location header")
                if hop == self.policy.max_redirects:
                    break
                current = self._redirect_target(current, reply.location, url)
                continue
            elif not 200 <= reply.status < 300:
                raise StatusError(url, reply.status)
            return Fetched(
                url=url,
                final_url=str(reply.url),
                status=reply.status,
                content_type=reply.headers.get("content-type"),
                headers=reply.headers,
                content=reply.content,
                fetched_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            )
        raise InputError(url, f"too many redirects (more than {self.policy.max_redirects})")

    # -- URLs and addresses

    def _parse(self, url: str, source: str) -> httpx.URL:
        """Parse and vet a URL: http(s) only, a plausible host, no surprises."""
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, ValueError, TypeError):
            raise InputError(source, "not a valid URL") from None
        if parsed.scheme not in ("http", "https"):
            scheme = _clean(parsed.scheme, 20) if parsed.scheme else "none"
            raise InputError(source, f"unsupported URL scheme ({scheme}); only http and https are fetched")
        host = parsed.host
        if not host:
            raise InputError(source, "not a valid URL (no host)")
        if literal_ip(host) is None and (_NUMERIC_HOST.match(host.rstrip(".")) or not _HOSTNAME.match(host)):
            raise InputError(source, f"not a valid URL (bad host name {_clean(host, 80)!r})")
        return parsed

    def _redirect_target(self, current: httpx.URL, location: str, source: str) -> httpx.URL:
        try:
            target = current.join(location)
        except (httpx.InvalidURL, ValueError, TypeError):
            raise InputError(source, "redirected to an invalid URL") from None
        if target.scheme not in ("http", "https"):
            scheme = _clean(target.scheme, 20) or "none"
            raise InputError(source, f"redirected to an unsupported URL scheme ({scheme})")
        try:
            return self._parse(str(target), source)
        except InputError as exc:
            raise InputError(source, f"redirected to an invalid URL ({exc.problem})") from None

    def _precheck(self, url: httpx.URL, source: str, redirected: bool) -> None:
        """Refuse forbidden addresses before any traffic, with a clear message.

        The transport enforces the same rule again at connect time (see _GuardedBackend).
        """
        check = None if self.policy.allow_private else self._address_problem
        try:
            _checked_addresses(url.host, url.port or (443 if url.scheme == "https" else 80), check)
        except _Refused as exc:
            raise InputError(source, self._refusal(exc, redirected)) from None
        except (OSError, ValueError, UnicodeError):
            raise InputError(source, f"could not resolve host {_clean(url.host, 80)!r}") from None

    @staticmethod
    def _refusal(exc: _Refused, redirected: bool) -> str:
        via = "redirected to " if redirected else ""
        ip = str(exc.ip)
        if isinstance(exc.ip, ipaddress.IPv6Address) and exc.ip.ipv4_mapped is not None:
            ip = f"{ip} = {exc.ip.ipv4_mapped}"  # Python writes ::ffff:a9fe:a9fe; show the IPv4 too
        if literal_ip(exc.host) is not None:
            what = f"{via}{ip}, {exc.problem}"
        else:
            what = f"{via}{_clean(exc.host, 80)}, which resolves to {exc.problem} ({ip})"
        return f"refused: {what}; pass --allow-private to fetch it"

    # -- robots.txt

    def _robots_for(self, url: httpx.URL, source: str) -> _Robots:
        """robots.txt rules for the URL's origin, fetched once and cached.

        Following RFC 9309: 2xx is parsed (first 512 KiB); 4xx (404, and also 401/403) or more than
        five redirects means no rules, i.e. everything allowed; 429, 5xx, and any network failure
        (timeout, refused connection, TLS error, a redirect to a refused address) means "unreachable",
        and the whole site is treated as disallowed. The outcome is cached either way, so a dead
        site costs one timeout per Fetcher, not one per URL.
        """
        origin = f"{url.scheme}://{url.netloc.decode('ascii')}"
        with self._meta:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            robots = self._robots.get(origin)
            if robots is None:
                robots = self._load_robots(url.copy_with(path="/robots.txt", query=None, fragment=None))
                self._robots[origin] = robots
            return robots

    def _load_robots(self, robots_url: httpx.URL) -> _Robots:
        current = robots_url
        try:
            for hop in range(ROBOTS_MAX_REDIRECTS + 1):
                src = str(robots_url)
                self._precheck(current, src, redirected=hop > 0)
                reply = self._exchange(current, src, delay=0.0, max_bytes=ROBOTS_MAX_BYTES, truncate=True)
                if reply.status in _REDIRECTS and reply.location is not None:
                    try:
                        current = self._redirect_target(current, reply.location, src)
                    except InputError:
                        return _Robots()  # nowhere sensible to go: treat as "no robots.txt"
                    continue
                if 200 <= reply.status < 300:
                    parser = urllib.robotparser.RobotFileParser()
                    parser.parse(reply.content.decode("utf-8", errors="replace").splitlines())
                    return _Robots(parser=parser)
                if 400 <= reply.status < 500 and reply.status != 429:
                    return _Robots()
                return _Robots(
                    refusal=f"robots.txt is unreachable ({_status_text(reply.status)}), "
                    "so the site is treated as disallowed"
                )
            return _Robots()  # too many redirects: RFC 9309 says treat as unavailable (allow)
        except InputError as exc:
            return _Robots(
                refusal=f"robots.txt could not be fetched ({exc.problem}), so the site is treated as disallowed"
            )

    # -- one HTTP exchange

    def _host_state(self, host: str) -> _HostState:
        with self._meta:
            return self._hosts.setdefault(host, _HostState())

    def _exchange(
        self,
        url: httpx.URL,
        source: str,
        *,
        delay: float,
        max_bytes: int,
        truncate: bool = False,
        headers: dict[str, str] | None = None,
    ) -> _Reply:
        """One GET under the host's lock. The body is only read for 2xx; redirects return Location.

        `delay` is the politeness gap enforced since the previous request to this host; robots.txt
        requests pass 0 and do not count as a request for that purpose.
        """
        state = self._host_state(url.host)
        with state.lock:
            if delay > 0:
                wait = state.last_request_end + delay - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
            try:
                return self._do_exchange(url, source, max_bytes, truncate, headers)
            finally:
                if delay > 0:
                    state.last_request_end = time.monotonic()

    def _do_exchange(
        self, url: httpx.URL, source: str, max_bytes: int, truncate: bool, headers: dict[str, str] | None = None
    ) -> _Reply:
        timeout = self.policy.timeout
        deadline = time.monotonic() + timeout
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                headers = dict(response.headers.items())
                reply = _Reply(url=url, status=response.status_code, headers=headers)
                if response.status_code in _REDIRECTS:
                    reply.location = response.headers.get("location")
                    return reply
                if not 200 <= response.status_code < 300:
                    return reply
                reply.content = self._read_body(response, source, max_bytes, truncate, deadline)
                return reply
        except InputError:
            raise
        except _Refused as exc:  # the connect-time check caught what the pre-check let through
            raise InputError(source, self._refusal(exc, redirected=False)) from None
        except httpx.TimeoutException:
            raise InputError(source, f"timed out after {_seconds(timeout)}") from None
        except httpx.ConnectError as exc:
            reason = _clean(str(exc))
            if "ssl" in reason.lower() or "certificate" in reason.lower():
                raise InputError(source, f"TLS error ({reason})") from None
            raise InputError(source, f"could not connect ({reason})") from None
        except httpx.RemoteProtocolError:
            problem = "the server broke the HTTP protocol or closed the connection early"
            raise InputError(source, problem) from None
        except httpx.HTTPError as exc:
            raise InputError(source, f"network error ({type(exc).__name__})") from None
        except zlib.error:
            raise InputError(source, "the compressed response body is corrupt") from None

    def _read_body(
        self, response: httpx.Response, source: str, max_bytes: int, truncate: bool, deadline: float
    ) -> bytes:
        """Stream and decode the body, stopping at max_bytes decoded (or raw) bytes or at the deadline."""
        too_big = f"response exceeds the {_size(max_bytes)} limit"
        codings = [c.strip().lower() for c in response.headers.get("content-encoding", "").split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        unsupported = [c for c in codings if c not in _SUPPORTED_CODINGS]
        if unsupported or len(codings) > 2:
            raise InputError(source, f"unsupported content encoding ({_clean(', '.join(codings), 40)})")
        if not truncate:
            try:
                declared = int(response.headers.get("content-length", ""))
            except ValueError:
                declared = None
            # With a content coding this is the compressed size; decoded is practically never smaller.
            if declared is not None and declared > max_bytes:
                raise InputError(source, too_big)

        def raw() -> Iterator[bytes]:
            received = 0
            for chunk in response.iter_raw():
                if time.monotonic() > deadline:
                    raise InputError(source, f"timed out after {_seconds(self.policy.timeout)}")
                received += len(chunk)
                if received > max_bytes and not truncate:  # e.g. endless junk after a gzip stream
                    raise _TooBig
                yield chunk

        pieces: Iterable[bytes] = raw()
        for coding in reversed(codings):  # the last coding applied is undone first
            pieces = _through(pieces, _Inflater(coding))
        body = bytearray()
        try:
            for piece in pieces:
                body += piece
                if len(body) > max_bytes:
                    if truncate:
                        return bytes(body[:max_bytes])
                    raise _TooBig
        except _TooBig:
            raise InputError(source, too_big) from None
        return bytes(body)
