"""`manysides watch` and `manysides sources` against real HTTP servers on 127.0.0.1, started here.

Every feed and page is written here about fictional outlets (Tidewater Courier, Lowmoor Gazette) and events;
the feeds change between polls.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from manysides.errors import InputError
from manysides.ingest.fetch import StatusError
from manysides.watch.policy import DISABLE_AT, backoff, failure_weight, learned_interval
from manysides.watch.sources_file import parse_duration, read_sources
from tests.helpers import run_cli

pytestmark = pytest.mark.network

REPO = Path(__file__).resolve().parents[1]
START = datetime(2026, 3, 2, 8, 0)
TOWNS = ["Ashcombe", "Brindle", "Corran", "Dunmere", "Elsworth", "Farrow", "Gillan", "Harwick", "Islay", "Jessop"]
TOPICS = ["library", "tram line", "harbour wall", "market hall", "flood barrier", "school roof", "ferry pier"]


def story_text(n: int) -> str:
    """A made-up local news report, different for each n."""
    town, topic = TOWNS[n % len(TOWNS)], TOPICS[n % len(TOPICS)]
    return (
        f"<p>The council of {town} voted on Tuesday to rebuild the {topic}, report number {n}, after a survey "
        f"found {n + 12} faults that engineers said could not wait another winter.</p>"
        f"<p>Councillor Mara Penhale said the work on the {topic} would start in {5 + n % 6} weeks and cost "
        f"about {n + 3} million crowns, paid for from the reserve fund set aside after the storms.</p>"
        f"<p>Residents of {town} told the meeting that the closure of the {topic} had already cost local shops "
        "much of their trade, and asked for a temporary arrangement while the work goes on.</p>"
        f"<p>The council said a public meeting about the {topic} in {town} would be held in the town hall next "
        "month, where the final design and the timetable will be shown to residents.</p>"
    )


def page_html(n: int, outlet: str) -> str:
    return (
        f"<html><head><title>{TOWNS[n % 10]} to rebuild {TOPICS[n % 7]} ({n})</title>"
        f"<meta property='og:site_name' content='{outlet}'></head><body><article>"
        f"<h1>{TOWNS[n % 10]} to rebuild {TOPICS[n % 7]} ({n})</h1>{story_text(n)}</article></body></html>"
    )


def rss(title: str, base: str, items: list[int], full: bool = True, teaser_from: int | None = None) -> str:
    """An RSS feed; entries carry their whole text unless `full` is off (or from `teaser_from` on)."""
    parts = []
    for n in items:
        when = format_datetime((START + timedelta(hours=n)).replace(tzinfo=None), usegmt=False) + " +0000"
        teaser = not full or (teaser_from is not None and n >= teaser_from)
        body = (
            f"<description>Short note {n}.</description>"
            if teaser
            else f"<content:encoded><![CDATA[{story_text(n)}]]></content:encoded>"
        )
        parts.append(
            f"<item><title>{TOWNS[n % 10]} to rebuild {TOPICS[n % 7]} ({n})</title>"
            f"<link>{base}/news/{n}</link><guid>{base}/news/{n}</guid><pubDate>{when}</pubDate>{body}</item>"
        )
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title><link>{base}/</link>{''.join(parts)}</channel></rss>"
    )


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml"
    etag: bool = False  # answer If-None-Match with 304
    delay: float = 0.0
    location: str | None = None


@dataclass
class Site:
    """A local server whose routes the test changes between polls; it counts what it was asked."""

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    conditional: Counter[str] = field(default_factory=Counter)
    not_modified: Counter[str] = field(default_factory=Counter)

    def set(self, path: str, body: str | bytes, **kwargs: Any) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **kwargs)

    def url(self, path: str) -> str:
        return self.base + path


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            pass

        def do_GET(self) -> None:
            site.hits[self.path] += 1
            route = site.routes.get(self.path)
            if route is None and self.path.startswith("/news/"):
                n = int(self.path.rsplit("/", 1)[1])
                route = Route(body=page_html(n, "Tidewater Courier").encode(), content_type="text/html; charset=utf-8")
            if route is None:
                self.send_error(404)
                return
            if route.delay:
                time.sleep(route.delay)
            tag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match"):
                site.conditional[self.path] += 1
            if route.etag and self.headers.get("If-None-Match") == tag:
                site.not_modified[self.path] += 1
                self.send_response(304)
                self.send_header("ETag", tag)
                self.end_headers()
                return
            self.send_response(route.status)
            if route.location:
                self.send_header("Location", route.location)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            if route.etag:
                self.send_header("ETag", tag)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
                self.wfile.write(route.body)

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def sources_file(tmp_path: Path, *sources: tuple[str, str, str], extra: str = "") -> Path:
    """A TOML sources file of (name, outlet, url)."""
    text = extra + "".join(
        f'[[source]]\nname = "{name}"\noutlet = "{outlet}"\nurl = "{url}"\nmin_interval = "5m"\nmax_interval = "6h"\n\n'
        for name, outlet, url in sources
    )
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


WATCH = ("--allow-private", "--delay", "0", "--json")


def watch(db: str, sources: Path, *extra: str) -> tuple[int, dict[str, Any], str]:
    run = run_cli("watch", sources, "--db", db, "--once", *WATCH, *extra)
    return run.exit_code, json.loads(run.stdout), run.stderr


def articles(db: str) -> list[dict[str, Any]]:
    return run_cli("articles", "--db", db, "--json").json()


def source_health(db: str) -> dict[str, dict[str, Any]]:
    return {row["name"]: row for row in run_cli("sources", "--db", db, "--json").json()}


# --- picking up entries ------------------------------------------------------------------------------------


def test_new_entries_are_picked_up_and_never_stored_twice(site: Site, tmp_path: Path, db_url: str) -> None:
    site.set("/feed.xml", rss("Tidewater Courier", site.base, [1, 2, 3], teaser_from=3))
    sources = sources_file(tmp_path, ("Tidewater news", "Tidewater Courier", site.url("/feed.xml")))
    code, run, err = watch(db_url, sources)
    assert code == 0, err
    assert (run["pages_new"], run["polled"], run["rounds"]) == (3, 1, 1)
    assert run["stories_assigned"] == 3
    assert site.hits["/news/3"] == 1 and site.hits["/news/1"] == 0  # only the teaser's page is fetched
    stored = articles(db_url)
    assert {a["outlet"] for a in stored} == {"Tidewater Courier"}

    site.set("/feed.xml", rss("Tidewater Courier", site.base, [4, 1, 2, 3], teaser_from=3))  # one new entry
    code, run, err = watch(db_url, sources, "--now")
    assert code == 0, err
    assert (run["pages_new"], run["pages_known"]) == (1, 0)  # seen entries are skipped, not re-stored
    assert site.hits["/news/3"] == 1 and site.hits["/news/4"] == 1
    assert len(articles(db_url)) == 4
    assert source_health(db_url)["Tidewater news"]["articles"] == 4


def test_304_and_unchanged_bodies_cost_nothing(site: Site, tmp_path: Path, db_url: str) -> None:
    site.set("/etag.xml", rss("Tidewater Courier", site.base, [1, 2]), etag=True)
    site.set("/plain.xml", rss("Lowmoor Gazette", site.base, [5, 6]))
    sources = sources_file(
        tmp_path,
        ("Tidewater", "Tidewater Courier", site.url("/etag.xml")),
        ("Lowmoor", "Lowmoor Gazette", site.url("/plain.xml")),
    )
    assert watch(db_url, sources)[1]["pages_new"] == 4
    code, run, err = watch(db_url, sources, "--now")
    assert code == 0, err
    assert (run["polled"], run["not_modified"], run["unchanged"], run["pages_new"]) == (2, 1, 1, 0)
    assert site.conditional["/etag.xml"] == 1 and site.not_modified["/etag.xml"] == 1
    health = source_health(db_url)
    assert health["Tidewater"]["not_modified"] == 1 and health["Lowmoor"]["not_modified"] == 1


# --- failures ----------------------------------------------------------------------------------------------


def test_an_entry_whose_page_failed_for_a_while_is_tried_again_though_the_feed_is_unchanged(
    site: Site, tmp_path: Path, db_url: str
) -> None:
    """The teaser's page answers 503 once: the entry stays unseen, and the feed's validators are not kept, so the
    next poll reads the unchanged feed in full (no 304) and stores the page."""
    site.set("/teasers.xml", rss("Tidewater Courier", site.base, [1, 2], full=False), etag=True)
    site.set("/news/2", b"busy", status=503, content_type="text/plain")
    sources = sources_file(tmp_path, ("Tidewater", "Tidewater Courier", site.url("/teasers.xml")))
    code, run, _ = watch(db_url, sources, "--fetch-entries")
    assert code == 1 and run["pages_new"] == 1
    del site.routes["/news/2"]  # the page is served again
    code, run, err = watch(db_url, sources, "--now", "--fetch-entries")
    assert code == 0, err
    assert (run["not_modified"], run["pages_new"]) == (0, 1)
    assert len(articles(db_url)) == 2
    code, run, _ = watch(db_url, sources, "--now", "--fetch-entries")
    assert (code, run["not_modified"], run["pages_new"]) == (0, 1, 0)  # all handled: validators kept again


def test_a_failing_feed_is_backed_off_then_disabled(site: Site, tmp_path: Path, db_url: str) -> None:
    site.set("/busy.xml", b"busy", status=503, content_type="text/plain")
    site.set("/good.xml", rss("Lowmoor Gazette", site.base, [7]))
    busy = ("Busy", "Tidewater Courier", site.url("/busy.xml"))
    sources = sources_file(tmp_path, busy, ("Good", "Lowmoor Gazette", site.url("/good.xml")))
    waits = []
    for attempt in range(1, int(DISABLE_AT) + 1):
        before = datetime.utcnow()
        code, run, err = watch(db_url, sources, "--now")
        assert code == 1
        assert err.count("\n") == 1 and "Busy" in err and "503" in err, err  # one line, naming the source
        busy = source_health(db_url)["Busy"]
        assert busy["failures"] == attempt and "503" in busy["last_error"]
        waits.append((datetime.fromisoformat(busy["next_fetch"].rstrip("Z")) - before).total_seconds())
    assert waits[1] > waits[0] * 1.5 and waits[2] > waits[1] * 1.5  # backed off, doubling
    assert busy["disabled"] and "503" in busy["disabled_reason"]
    assert run["disabled"] == ["Busy"]
    code, run, err = watch(db_url, sources, "--now")
    assert run["polled"] == 1 and code == 0, err  # a disabled source is left alone; the good one goes on
    assert run_cli("sources", "enable", "Busy", "--db", db_url).exit_code == 0
    assert not source_health(db_url)["Busy"]["disabled"]
    assert run_cli("sources", "enable", "Nobody", "--db", db_url).exit_code == 1


def test_a_gone_feed_is_disabled_sooner(site: Site, tmp_path: Path, db_url: str) -> None:
    sources = sources_file(tmp_path, ("Gone", "Tidewater Courier", site.url("/gone.xml")))
    for _ in range(3):  # a 404 weighs three times a 503
        code, _run, err = watch(db_url, sources, "--now")
        assert code == 1 and "404" in err
    assert source_health(db_url)["Gone"]["disabled"]


def test_redirect_loop_slow_server_malformed_feed_one_line_each(site: Site, tmp_path: Path, db_url: str) -> None:
    site.set("/loop.xml", b"", status=302, location="/loop.xml")
    site.set("/slow.xml", rss("Slow", site.base, [1]), delay=3.0)
    site.set("/broken.xml", b"<rss version='2.0'><channel><title>Broken</title><item><title>x</ti")
    site.set("/good.xml", rss("Lowmoor Gazette", site.base, [8, 9]))
    sources = sources_file(
        tmp_path,
        ("Loop", "Tidewater Courier", site.url("/loop.xml")),
        ("Slow", "Tidewater Courier", site.url("/slow.xml")),
        ("Broken", "Tidewater Courier", site.url("/broken.xml")),
        ("Good", "Lowmoor Gazette", site.url("/good.xml")),
    )
    run = run_cli("watch", sources, "--db", db_url, "--once", "--allow-private", "--delay", "0", "--timeout", "0.5")
    assert run.exit_code == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 3, run.stderr
    assert all(line.startswith("error: ") for line in lines)
    assert any("Loop" in line and "redirects" in line for line in lines)
    assert any("Slow" in line and "timed out" in line for line in lines)
    assert any("Broken" in line for line in lines)
    assert "Traceback" not in run.stderr
    assert "2 new articles" in run.stdout
    assert len(articles(db_url)) == 2


def test_sources_file_problems_are_one_line_each(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(
        '[[source]]\nurl = "ftp://x.example/f"\noutlet = "A"\n\n[[source]]\nurl = "https://b.example/f"\n\n'
        '[[source]]\nurl = "https://c.example/f"\noutlet = "C"\nmin_interval = "soon"\n\n'
        '[[source]]\nurl = "https://d.example/f"\noutlet = "D"\n',
        encoding="utf-8",
    )
    specs, errors = read_sources(path)
    assert [s.outlet for s in specs] == ["D"] and len(errors) == 3
    assert parse_duration("15m", "x") == 900 and parse_duration(5, "x") == 60  # a minute at least
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
        '<outline text="Tidewater Courier" xmlUrl="https://tidewater.example/rss"/>'
        '<outline title="Lowmoor Gazette" xmlUrl="https://lowmoor.example/atom"/>'
        '<outline text="Tidewater Courier" xmlUrl="https://tidewater.example/sport"/></outline></body></opml>',
        encoding="utf-8",
    )
    specs, errors = read_sources(opml)
    assert not errors
    assert [(s.name, s.outlet, s.kind) for s in specs] == [
        ("Tidewater Courier", "Tidewater Courier", "feed"),
        ("Lowmoor Gazette", "Lowmoor Gazette", "feed"),
        ("Tidewater Courier #2", "Tidewater Courier", "feed"),
    ]
    run = run_cli("watch", tmp_path / "missing.toml", "--db", tmp_path / "x.db", "--once")
    assert run.exit_code == 2 and "Traceback" not in run.stderr


def test_news_sitemaps_and_section_pages_are_followed(site: Site, tmp_path: Path, db_url: str) -> None:
    site.set(
        "/sitemap-news.xml",
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        + "".join(
            f"<url><loc>{site.base}/news/{n}</loc><news:news><news:title>Report {n}</news:title>"
            f"<news:publication_date>2026-03-0{n - 40}T08:00:00Z</news:publication_date></news:news></url>"
            for n in (41, 42, 43)
        )
        + "</urlset>",
        content_type="application/xml",
    )
    links = "".join(f'<li><a href="/news/{n}-{TOWNS[n % 10].lower()}-council-vote">{n}</a></li>' for n in (51, 52))
    site.set(
        "/section/local",
        f'<html><body><nav><a href="/">Home</a><a href="/tag/council/">Council</a></nav><ul>{links}</ul>'
        '<a href="https://elsewhere.example/2026/03/01/other-site-story">elsewhere</a></body></html>',
        content_type="text/html",
    )
    for n in (51, 52):
        path = f"/news/{n}-{TOWNS[n % 10].lower()}-council-vote"
        site.set(path, page_html(n, "Lowmoor Gazette"), content_type="text/html")
    sources = sources_file(
        tmp_path,
        ("Tidewater sitemap", "Tidewater Courier", site.url("/sitemap-news.xml")),
        ("Lowmoor local", "Lowmoor Gazette", site.url("/section/local")),
    )
    code, run, err = watch(db_url, sources)
    assert code == 0, err
    assert run["pages_new"] == 5
    kinds = {name: row["kind"] for name, row in source_health(db_url).items()}
    assert kinds == {"Tidewater sitemap": "sitemap", "Lowmoor local": "page"}  # recognised from the content
    assert site.hits["/tag/council/"] == 0 and site.hits["/"] == 0  # only article links are followed
    by_outlet = Counter(a["outlet"] for a in articles(db_url))
    assert by_outlet == {"Tidewater Courier": 3, "Lowmoor Gazette": 2}


# --- bounded cost ------------------------------------------------------------------------------------------


def test_a_feed_of_10000_entries_stays_bounded(site: Site, tmp_path: Path) -> None:
    """SQLite only: this times and measures reading the feed; storing and resuming rounds run on both backends
    in the tests above, and a server's client library would only blur the memory figure."""
    site.set("/huge.xml", rss("Tidewater Courier", site.base, list(range(10_000)), full=False))
    assert len(site.routes["/huge.xml"].body) > 1_500_000
    site.set("/small.xml", rss("Tidewater Courier", site.base, [1], full=False))
    warm = sources_file(tmp_path, ("Small", "Tidewater Courier", site.url("/small.xml")))
    # the extractors' and the story model's first load is a fixed cost of the process, not the feed's
    assert watch(f"sqlite:///{tmp_path / 'warm.db'}", warm)[0] == 0
    sources = sources_file(tmp_path, ("Huge", "Tidewater Courier", site.url("/huge.xml")))
    db = f"sqlite:///{tmp_path / 'huge.db'}"
    tracemalloc.start()
    started = time.monotonic()
    code, run, err = watch(db, sources, "--max-pages", "20")
    seconds = time.monotonic() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert code == 0, err
    assert run["pages_new"] == 20  # the rest wait for the next round
    assert seconds < 15 and peak < 50 * 1024 * 1024, (seconds, peak)  # only the first 500 entries are read
    code, run, err = watch(db, sources, "--max-pages", "20")  # entries left: due again at once, and resumes
    assert code == 0 and run["pages_new"] == 20 and run["pages_known"] == 0, err


# --- stopping and resuming ---------------------------------------------------------------------------------


def test_sigterm_in_the_middle_of_a_round_loses_nothing(site: Site, tmp_path: Path, db_url: str) -> None:
    items = list(range(20, 28))
    site.set("/feed.xml", rss("Tidewater Courier", site.base, items, full=False))
    for n in items:
        site.set(f"/news/{n}", page_html(n, "Tidewater Courier"), content_type="text/html", delay=0.2)
    sources = sources_file(tmp_path, ("Tidewater", "Tidewater Courier", site.url("/feed.xml")))
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-m", "manysides", "watch", str(sources), "--db", db_url, *WATCH]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path)
    deadline = time.monotonic() + 30
    while sum(site.hits[f"/news/{n}"] for n in items) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    run = json.loads(stdout)
    fetched = sum(site.hits[f"/news/{n}"] for n in items)
    assert run["interrupted"] and 0 < run["pages_new"] < len(items), (run, fetched, stderr)
    assert len(articles(db_url)) == run["pages_new"] == fetched, (run, fetched)  # every page fetched was stored
    code, rest, err = watch(db_url, sources)  # the interrupted source is due at once
    assert code == 0, err
    assert rest["pages_new"] == len(items) - run["pages_new"]
    assert all(site.hits[f"/news/{n}"] == 1 for n in items)  # nothing fetched twice, nothing lost
    assert len(articles(db_url)) == len(items)


def test_a_restart_resumes_the_schedule(site: Site, tmp_path: Path, db_url: str) -> None:
    site.set("/feed.xml", rss("Tidewater Courier", site.base, [1, 2, 3, 4]), etag=True)
    sources = sources_file(tmp_path, ("Tidewater", "Tidewater Courier", site.url("/feed.xml")))
    assert watch(db_url, sources)[1]["polled"] == 1
    scheduled = source_health(db_url)["Tidewater"]
    assert scheduled["interval_seconds"] >= 300 and scheduled["last_success"]
    code, run, err = watch(db_url, sources)  # a new process: nothing is due yet
    assert code == 0 and run["polled"] == 0, err
    assert source_health(db_url)["Tidewater"]["next_fetch"] == scheduled["next_fetch"]
    code, run, err = watch(db_url, sources, "--now")  # ETag kept across the restart
    assert run["not_modified"] == 1 and site.conditional["/feed.xml"] == 1


def test_sources_table_and_help(site: Site, tmp_path: Path, db_url: str) -> None:
    db = db_url
    site.set("/feed.xml", rss("Tidewater Courier", site.base, [1]))
    watch(db, sources_file(tmp_path, ("Tide [bold]x[/]", "Tidewater Courier", site.url("/feed.xml"))))
    listing = run_cli("sources", "--db", db)
    assert listing.exit_code == 0 and "Tide [bold]x[/]" in listing.stdout  # names are text, never markup
    assert "conditional" in run_cli("watch", "--help").stdout.lower() or "ETag" in run_cli("watch", "--help").stdout


# --- the demo ----------------------------------------------------------------------------------------------


def test_watch_once_on_the_demo_feed(site: Site, tmp_path: Path, demo_dir: Path, db_url: str) -> None:
    """What `make demo` could show: the demo's Northgate Wire feed served locally, followed with `watch --once`."""
    site.set("/feed.rss", (demo_dir / "feeds" / "northgatewire.rss").read_bytes(), etag=True)
    sources = tmp_path / "demo-sources.toml"
    sources.write_text(f'[[source]]\noutlet = "Northgate Wire"\nurl = "{site.url("/feed.rss")}"\n', encoding="utf-8")
    db = db_url
    code, run, err = watch(db, sources, "--no-fetch-entries")  # its links are to the fictional site: keep teasers
    assert code == 0, err
    assert run["pages_new"] == 3 and run["stories_assigned"] == 3
    assert run_cli("outlets", "load", demo_dir / "outlets.toml", "--db", db).exit_code == 0
    [northgate] = [row for row in run_cli("outlets", "--db", db, "--json").json() if row["articles"]]
    assert northgate["profile"]["name"] == "Northgate Wire" and northgate["articles"] == 3
    code, run, err = watch(db, sources, "--now", "--no-fetch-entries")
    assert run["not_modified"] == 1 and run["pages_new"] == 0


# --- the policy --------------------------------------------------------------------------------------------


def test_interval_is_learned_from_publishing_times_within_bounds() -> None:
    now = START
    hourly = [now - timedelta(hours=h) for h in range(10)]
    assert learned_interval(900, 300, 21600, hourly, True, now) == 1800  # half the gap
    daily = [now - timedelta(days=d) for d in range(5)]
    assert learned_interval(900, 300, 21600, daily, False, now) == 21600  # capped at the bound
    assert learned_interval(900, 300, 21600, [], False, now) == 1350  # nothing dated: found nothing, slower
    assert learned_interval(900, 300, 21600, [], True, now) == 675


def test_failures_weigh_by_kind_and_back_off() -> None:
    assert failure_weight(StatusError("u", 503)) == 1.0 and failure_weight(StatusError("u", 404)) == 3.0
    assert failure_weight(InputError("u", "timed out after 20 s")) == 1.0
    assert failure_weight(InputError("u", "not a valid RSS or Atom feed")) == 3.0
    assert [backoff(600, n) for n in (1, 2, 3)] == [600, 1200, 2400]
    assert backoff(600, 30) == 86400
