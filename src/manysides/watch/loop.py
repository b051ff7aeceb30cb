"""The watch loop: sync the sources file into the schedule, run rounds until stopped, sleep until the next due
source. SIGTERM or Ctrl-C sets the stop flag; the page in flight is finished and stored, then the loop ends."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from types import FrameType

from manysides.records.source import SourceSpec, WatchRun
from manysides.store import watch as schedule
from manysides.watch.round import RoundContext, poll_round

MAX_SLEEP = 60.0  # seconds: the loop looks at the schedule at least this often


def utc_now() -> datetime:
    """Naive UTC, as the schedule stores it."""
    return datetime.now(UTC).replace(tzinfo=None)


def watch(context: RoundContext, specs: list[SourceSpec], once: bool) -> WatchRun:
    """Follow the sources: one round with `once`, else rounds until `context.stop` is set."""
    started = time.monotonic()
    run = WatchRun()
    schedule.sync(context.store.engine, specs, context.clock())
    while not context.stop.is_set():
        poll_round(context, run)
        if once:
            break
        upcoming = schedule.next_due(context.store.engine)
        wait = MAX_SLEEP if upcoming is None else (upcoming - context.clock()).total_seconds()
        if wait > 0:
            context.on_progress(f"waiting · next fetch {upcoming:%H:%M:%S} UTC" if upcoming else "waiting")
            context.stop.wait(min(MAX_SLEEP, wait))
    run.interrupted = context.stop.is_set()
    run.seconds = round(time.monotonic() - started, 2)
    return run


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM and SIGINT set `stop` instead of killing us mid-page; a second Ctrl-C ends at once."""
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}

    def handler(signum: int, _frame: FrameType | None) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()

    for sig in previous:
        signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
