"""One poll round: fetch every due source (conditionally), store its new entries' pages, then assign stories.

Every page is stored and its entry marked seen in transactions of their own, and a source's validators (ETag,
Last-Modified, body digest) are saved only when all its new entries were handled. So a round stopped anywhere
(SIGTERM, `--max-pages`, a crash) loses nothing: the next round fetches that source in full again and skips
what it had already seen.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from manysides.errors import InputError
from manysides.ingest.fetch import Fetched, Fetcher, FetchPolicy
from manysides.ingest.sources import fetch_entry_page, is_teaser
from manysides.jobs import assign_stories, ingest_page
from manysides.records.source import SourceError, WatchRun
from manysides.settings import WATCH_MAX_PAGES
from manysides.store import watch as schedule
from manysides.store.models import WatchSourceRow
from manysides.store.repository import Store
from manysides.watch.entries import Listing, list_entries
from manysides.watch.policy import DISABLE_AT, backoff, failure_weight, is_passing, learned_interval

Clock = Callable[[], datetime]
Report = Callable[[str], None]


@dataclass
class RoundContext:
    """What a round works with: the store, how to fetch, a clock (naive UTC), a page budget and a stop flag."""

    store: Store
    policy: FetchPolicy
    clock: Clock
    stop: threading.Event
    on_error: Callable[[str, str], None]
    on_progress: Report
    max_pages: int = WATCH_MAX_PAGES
    force: bool = False
    fetch_entries: bool = True  # a teaser entry is replaced by its linked page (an entry without text always is)


def poll_round(context: RoundContext, run: WatchRun) -> None:
    """Poll every due source once, adding what happened to `run`."""
    run.rounds += 1
    budget = [context.max_pages]
    new_before = run.pages_new
    with Fetcher(context.policy) as fetcher:  # one per round: robots.txt is read again each round
        for row in schedule.due(context.store.engine, context.clock(), context.force):
            if context.stop.is_set() or budget[0] <= 0:
                break
            context.on_progress(f"round {run.rounds} · {row.name}")
            _poll(context, fetcher, row, run, budget)
    if run.pages_new > new_before:
        context.on_progress(f"round {run.rounds} · grouping {run.pages_new - new_before} new articles into stories")
        run.stories_assigned += assign_stories(context.store)


def _poll(context: RoundContext, fetcher: Fetcher, row: WatchSourceRow, run: WatchRun, budget: list[int]) -> None:
    now = context.clock()
    row.polls += 1
    run.polled += 1
    row.last_fetch = now
    conditional = {k: v for k, v in (("If-None-Match", row.etag), ("If-Modified-Since", row.last_modified)) if v}
    try:
        fetched = fetcher.fetch(row.url, conditional or None)
        digest = hashlib.sha256(fetched.content).hexdigest()
        if fetched.status == 304 or digest == row.body_sha256:
            run.not_modified += fetched.status == 304
            run.unchanged += fetched.status != 304
            row.not_modified += 1
            _succeeded(row, now, found_new=False, published=[], complete=True, fetched=None, digest=None)
            schedule.save(context.store.engine, row)
            return
        listing = list_entries(fetched, None if row.kind == "auto" else row.kind, row.name, row.outlet)
    except InputError as error:
        _failed(context, row, error, now, run)
        schedule.save(context.store.engine, row)
        return
    row.kind = listing.kind
    for entry_error in listing.errors:
        _report(context, run, entry_error.source, entry_error.problem)
    found_new, complete, retry = _store_entries(context, fetcher, row, listing, run, budget)
    _succeeded(row, context.clock(), found_new, listing.published, complete, fetched, digest, retry)
    schedule.save(context.store.engine, row)


def _store_entries(
    context: RoundContext, fetcher: Fetcher, row: WatchSourceRow, listing: Listing, run: WatchRun, budget: list[int]
) -> tuple[bool, bool, bool]:
    """Store the entries not seen before; returns (any new article, every new entry handled, an entry left to try
    again: its page could not be fetched for a passing reason)."""
    engine = context.store.engine
    known = schedule.seen(engine, row.name, (key for key, _ in listing.entries))
    found_new = retry = False
    for key, page in listing.entries:
        if key in known:
            continue
        if context.stop.is_set() or budget[0] <= 0:
            return found_new, False, retry
        budget[0] -= 1
        wanted = not page.raw or (context.fetch_entries and is_teaser(page))
        item = fetch_entry_page(page, fetcher) if page.url and wanted else page
        if isinstance(item, InputError):
            _report(context, run, item.source, item.problem)
            if is_passing(item):
                retry = True
                continue  # unseen: tried again next poll
        else:
            result = ingest_page(context.store, item)
            if result.status == "failed":
                _report(context, run, result.source, result.problem or "failed")
            elif result.status == "new":
                run.pages_new += 1
                row.articles += 1
                found_new = True
            else:
                run.pages_known += 1
        schedule.mark_seen(engine, row.name, key, context.clock())
        known.add(key)
    return found_new, True, retry


def _succeeded(
    row: WatchSourceRow,
    now: datetime,
    found_new: bool,
    published: list[datetime],
    complete: bool,
    fetched: Fetched | None,
    digest: str | None,
    retry: bool = False,
) -> None:
    row.last_success, row.failures, row.failure_weight, row.last_error = now, 0, 0.0, None
    row.interval = learned_interval(row.interval, row.min_interval, row.max_interval, published, found_new, now)
    if fetched is not None:  # a full answer: keep its validators only when every new entry was handled, so an
        # entry left to try again (its page timed out) is read again next poll even if the source did not change
        keep = complete and not retry
        row.etag = _header(fetched, "etag") if keep else None
        row.last_modified = _header(fetched, "last-modified") if keep else None
        row.body_sha256 = digest if keep else None
    row.next_fetch = now + timedelta(seconds=row.interval if complete else 0)


def _failed(context: RoundContext, row: WatchSourceRow, error: InputError, now: datetime, run: WatchRun) -> None:
    row.failures += 1
    row.failure_weight += failure_weight(error)
    row.last_error, row.last_error_at = error.problem, now
    row.next_fetch = now + timedelta(seconds=backoff(row.interval, row.failures))
    if row.failure_weight >= DISABLE_AT:
        row.disabled = True
        row.disabled_reason = f"{row.failures} failures in a row; the last: {error.problem}"
        run.disabled.append(row.name)
    _report(context, run, row.name, error.problem + (" (source disabled)" if row.disabled else ""))


def _report(context: RoundContext, run: WatchRun, source: str, problem: str) -> None:
    run.failed += 1
    run.errors.append(SourceError(source=source, problem=problem))
    context.on_error(source, problem)


def _header(fetched: Fetched, name: str) -> str | None:
    value = next((v for k, v in fetched.headers.items() if k.lower() == name), None)
    return value if value and len(value) <= 400 and value.isprintable() else None
