"""Web speed benchmark (issue 15): page times with 100,000 stored articles, beside the issue's targets.

    python -m benchmarks.web                    # 100,000 articles (built once, cached), 20 passes
    python -m benchmarks.web --articles 10000   # a quick run on a smaller archive
    python -m benchmarks.web --json             # the figures as JSON
    python -m benchmarks.web --profile story    # sample one request (by its key): where time goes

Targets: the stories page answers in under 100 ms, a story page in under 300 ms once its comparison is cached.
Requests go through FastAPI's TestClient into the real app over a copy of the cached archive (benchmarks/
web_corpus.py), so the archive itself never holds a cached comparison and the cold story page is really cold.
Each pass runs every request once, in turn, so a noisy neighbour slows all of them alike rather than one;
wall and CPU time (time.process_time, all threads of this process) are reported per request as median and p90.
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import re
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import quote, urljoin

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from benchmarks.web_corpus import corpus, made_up_names
from manysides.service import Service, StoryQuery
from manysides.store.models import ArticleRow, ArticleStoryRow
from manysides.store.repository import Store

STORIES_TARGET_MS = 100.0
STORY_TARGET_MS = 300.0
_NEXT = re.compile(r'<a\b[^>]*\brel="next"[^>]*\bhref="([^"]+)"|<a\b[^>]*\bhref="([^"]+)"[^>]*\brel="next"')


@dataclass
class Timing:
    """One request's times over all passes."""

    key: str
    label: str
    target_ms: float | None = None
    wall_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    status: int | None = None

    def summary(self) -> dict[str, Any]:
        wall, cpu = sorted(self.wall_ms), sorted(self.cpu_ms)
        verdict = None
        if self.target_ms is not None:  # judged on wall time; CPU time says whether a miss is the machine's load
            verdict = "PASS" if _p(wall, 0.5) < self.target_ms else "MISS"
            if verdict == "MISS" and _p(cpu, 0.5) < self.target_ms:
                verdict = "MISS (CPU within: busy machine)"
        return {
            "key": self.key,
            "label": self.label,
            "status": self.status,
            "target_ms": self.target_ms,
            "wall_median_ms": _p(wall, 0.5),
            "wall_p90_ms": _p(wall, 0.9),
            "cpu_median_ms": _p(cpu, 0.5),
            "cpu_p90_ms": _p(cpu, 0.9),
            "verdict": verdict,
        }


def _p(values: list[float], quantile: float) -> float:
    if not values:
        return float("nan")
    return round(values[min(len(values) - 1, round(quantile * (len(values) - 1)))], 2)


def _timed(call: Callable[[], Any]) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, result


@dataclass(frozen=True)
class Picks:
    """What the requests ask for, chosen from the archive itself."""

    big_story: str  # the largest story: the worst case for a story page
    big_size: int
    cold_story: str  # another, mid-sized story whose comparison is computed once, with models loaded
    article: str
    outlet: str
    rare_word: str  # a made-up place name: one story's articles
    common_word: str
    articles: int
    stories: int


def pick(url: str) -> Picks:
    """Stories and names to request, read straight from the tables (not through the code under test)."""
    store = Store(url)
    try:
        with Session(store.engine) as session:
            sizes = session.execute(
                select(ArticleStoryRow.story_id, func.count())
                .group_by(ArticleStoryRow.story_id)
                .order_by(func.count().desc(), ArticleStoryRow.story_id)
            ).all()
            big = sizes[0][0]
            cold = next(sid for sid, n in sizes if n == 6) if any(n == 6 for _, n in sizes) else sizes[-1][0]
            first = session.execute(
                select(ArticleRow.id, ArticleRow.outlet, ArticleRow.title, ArticleRow.body)
                .join(ArticleStoryRow, ArticleStoryRow.article_id == ArticleRow.id)
                .where(ArticleStoryRow.story_id == big)
                .order_by(ArticleRow.id)
            ).first()
            assert first is not None
            count = session.scalar(select(func.count()).select_from(ArticleRow)) or 0
        place = made_up_names(f"{first[2]} {first[3]}")[0]  # the story's place or a person's surname
        return Picks(big, sizes[0][1], cold, first[0], first[1], place, "council", count, len(sizes))
    finally:
        store.close()


def _app(url: str) -> Any:
    """The real app, read-only (no token), as `manysides serve` builds it."""
    try:
        from manysides.web import create_app  # type: ignore[attr-defined]
    except ImportError:
        from manysides.web.app import create_app
    return create_app(url, None)


def _get(client: Any, path: str) -> Callable[[], Any]:
    def call() -> Any:
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path} answered {response.status_code}")
        return response

    return call


def requests(client: Any, service: Service, picks: Picks, next_page: str | None) -> list[tuple[Timing, Callable]]:
    """Every measured request: the pages, their JSON twins, and the Service calls beneath them."""
    rare, common, outlet = quote(picks.rare_word), quote(picks.common_word), quote(picks.outlet)
    matches = {
        word: service.stories(StoryQuery(search=word, limit=1)).total for word in (picks.rare_word, picks.common_word)
    }
    pages: list[tuple[str, str, str, float | None]] = [
        ("stories", "GET / (stories page, first page)", "/", STORIES_TARGET_MS),
        (
            "search_rare",
            f"GET /?q={picks.rare_word} (matches {matches[picks.rare_word]:,} stories)",
            f"/?q={rare}",
            STORIES_TARGET_MS,
        ),
        (
            "search_common",
            f"GET /?q={picks.common_word} (matches {matches[picks.common_word]:,} stories)",
            f"/?q={common}",
            STORIES_TARGET_MS,
        ),
        ("outlet_filter", "GET /?outlet=<outlet>", f"/?outlet={outlet}", STORIES_TARGET_MS),
        ("language_filter", "GET /?language=fr", "/?language=fr", STORIES_TARGET_MS),
        (
            "date_filter",
            "GET /?since=..&until=.. (one month)",
            "/?since=2025-03-01&until=2025-03-31",
            STORIES_TARGET_MS,
        ),
        ("api_stories", "GET /api/stories", "/api/stories", STORIES_TARGET_MS),
        (
            "story",
            f"GET /stories/{{id}} (largest story, {picks.big_size} articles, cached)",
            f"/stories/{picks.big_story}",
            STORY_TARGET_MS,
        ),
        ("api_story", "GET /api/stories/{id}", f"/api/stories/{picks.big_story}", STORY_TARGET_MS),
        (
            "api_report",
            "GET /api/stories/{id}/report (cached)",
            f"/api/stories/{picks.big_story}/report",
            STORY_TARGET_MS,
        ),
        ("article", "GET /articles/{id}", f"/articles/{picks.article}", None),
        ("outlets", "GET /outlets", "/outlets", None),
        ("outlet", "GET /outlets/{name}", f"/outlets/{outlet}", None),
    ]
    if next_page:
        pages.insert(1, ("stories_next", "GET next page of / (rel=next)", next_page, STORIES_TARGET_MS))
        deep = picks.stories // 2 // 50 * 50
        if re.search(r"offset=\d+", next_page) and deep > 50:
            deep_page = re.sub(r"offset=\d+", f"offset={deep}", next_page)
            pages.insert(2, ("stories_deep", f"GET / at offset {deep:,} (paging deep)", deep_page, STORIES_TARGET_MS))
    measured = [(Timing(key, label, target), _get(client, path)) for key, label, path, target in pages]
    calls: list[tuple[str, str, Callable[[], Any]]] = [
        ("svc_stories", "Service.stories()", lambda: service.stories(StoryQuery())),
        (
            "svc_search",
            f"Service.stories(search={picks.rare_word})",
            lambda: service.stories(StoryQuery(search=picks.rare_word)),
        ),
        ("svc_story", "Service.story(id)", lambda: service.story(picks.big_story)),
        ("svc_report", "Service.report(id) (cached)", lambda: service.report(picks.big_story)),
        ("svc_outlets", "Service.outlets()", service.outlets),
    ]
    measured += [(Timing(key, label), call) for key, label, call in calls]
    return measured


def run(count: int, passes: int, profile: str | None, database: Path | None = None) -> dict[str, Any]:
    for name in ("httpx", "httpx2"):  # one INFO line per request would bury the table
        logging.getLogger(name).setLevel(logging.WARNING)
    cached = database or corpus(count)
    with tempfile.TemporaryDirectory(prefix="manysides-web-bench-") as folder:
        working = Path(folder) / "web.db"
        shutil.copyfile(cached, working)  # comparisons get cached during the run; the archive stays as built
        url = f"sqlite:///{working}"
        picks = pick(url)
        from fastapi.testclient import TestClient

        store = Store(url)
        service = Service(store)
        with TestClient(_app(url)) as client:
            started = time.perf_counter()
            first = _get(client, "/")()
            first_ms = (time.perf_counter() - started) * 1000
            found = _NEXT.search(first.text)
            next_page = urljoin("/", html.unescape(found.group(1) or found.group(2))) if found else None
            cold: dict[str, float] = {"first_request_ms": round(first_ms, 1)}
            for key, story in (("cold_story_first_ms", picks.big_story), ("cold_story_ms", picks.cold_story)):
                wall, cpu, _ = _timed(_get(client, f"/stories/{story}"))
                cold[key], cold[key.replace("_ms", "_cpu_ms")] = round(wall, 1), round(cpu, 1)
            measured = requests(client, service, picks, next_page)
            for timing, call in measured:  # one untimed pass: templates compiled, pages in the OS cache
                timing.status = getattr(call(), "status_code", None)
            if profile:
                calls = {t.key: c for t, c in measured}
                if profile not in calls:
                    raise SystemExit(f"--profile: unknown request {profile!r}; known: {', '.join(calls)}")
                _profile(calls[profile], passes)
            for _ in range(passes):
                for timing, call in measured:
                    wall, cpu, _ = _timed(call)
                    timing.wall_ms.append(wall)
                    timing.cpu_ms.append(cpu)
        store.close()
    return {
        "articles": picks.articles,
        "stories": picks.stories,
        "passes": passes,
        "picks": asdict(picks),
        "cold": cold,
        "requests": [t.summary() for t, _ in measured],
        "size_mb": round(cached.stat().st_size / 2**20, 1),
        "database": cached.name,
    }


_IDLE = {("threading.py", "wait"), ("selectors.py", "select"), ("thread.py", "_worker"), ("_asyncio.py", "run")}


def _frame_name(frame: FrameType) -> tuple[str, str]:
    return Path(frame.f_code.co_filename).name, frame.f_code.co_name


def _profile(call: Callable[[], Any], passes: int, interval: float = 0.0005) -> None:
    """Where one request's time goes, by sampling every thread's stack: TestClient runs the app in threads of
    its own, which cProfile (one thread) never sees. Prints the functions most often on the stack."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    samples = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal samples
        me = threading.get_ident()
        while not stop.is_set():
            for thread, frame in sys._current_frames().items():
                if thread == me or _frame_name(frame) in _IDLE:
                    continue
                stack: list[str] = []
                at: FrameType | None = frame
                while at is not None:
                    file, name = _frame_name(at)
                    stack.append(f"{file}:{at.f_code.co_firstlineno}:{name}")
                    at = at.f_back
                samples += 1
                own[stack[0]] += 1
                inclusive.update(set(stack))
            time.sleep(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    for _ in range(passes):
        call()
    elapsed = time.perf_counter() - started
    stop.set()
    sampler.join()
    print(f"profile: {passes} calls, {elapsed / passes * 1000:.1f} ms each, {samples} busy samples")
    print("| on stack | own | function |\n|---|---|---|")
    for name, n in inclusive.most_common(40):
        print(f"| {n / samples:.0%} | {own[name] / samples:.0%} | {name} |")
    print("top own time:", ", ".join(f"{name} {n / samples:.0%}" for name, n in own.most_common(8)))


def show(result: dict[str, Any]) -> None:
    print(
        f"{result['articles']:,} articles in {result['stories']:,} stories ({result['size_mb']} MB SQLite), "
        f"{result['passes']} interleaved passes; times in ms"
    )
    print("| request | target | wall median | wall p90 | CPU median | CPU p90 | verdict |")
    print("|---|---|---|---|---|---|---|")
    for row in result["requests"]:
        target = f"< {row['target_ms']:.0f}" if row["target_ms"] else ""
        print(
            f"| {row['label']} | {target} | {row['wall_median_ms']:.1f} | {row['wall_p90_ms']:.1f} | "
            f"{row['cpu_median_ms']:.1f} | {row['cpu_p90_ms']:.1f} | {row['verdict'] or ''} |"
        )
    cold = result["cold"]
    print(
        f"one-off: first request {cold['first_request_ms']:.0f} ms; story page with its comparison not cached "
        f"{cold['cold_story_first_ms']:.0f} ms (largest story, models loading) and "
        f"{cold['cold_story_ms']:.0f} ms (6-article story, models loaded)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000, help="articles in the archive (default 100,000)")
    parser.add_argument("--passes", type=int, default=20, help="interleaved passes over every request")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--db", type=Path, help="measure a copy of this SQLite file instead of the generated archive")
    parser.add_argument(
        "--profile", metavar="KEY", help="sample where this request's time goes (e.g. stories, story), before timing"
    )
    args = parser.parse_args()
    result = run(args.articles, args.passes, args.profile, args.db)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        show(result)


if __name__ == "__main__":
    main()
