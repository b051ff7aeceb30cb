"""`manysides watch` and `manysides sources`: follow feeds, sitemaps and section pages on a schedule kept in the
database, and see each source's health. Registered on the main app by cli.py."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from manysides.cli import (
    AllowPrivate,
    DbOption,
    Delay,
    IgnoreRobots,
    JsonOption,
    _cells,
    _emit_json,
    _error,
    _error_line,
    _open_store,
    app,
    err,
    out,
)
from manysides.present.safe_text import one_line
from manysides.settings import FETCH_TIMEOUT, POLITENESS_DELAY, WATCH_MAX_PAGES

if TYPE_CHECKING:  # the store, fetching and the watch loop load only when a command runs (see cli.py)
    from manysides.records.source import WatchRun


@app.command("watch")
def watch_command(
    sources: Annotated[
        Path,
        typer.Argument(
            help="The sources to follow: a TOML file (`[[source]]` tables with `url`, `outlet`, optional `name`, "
            "`kind` and interval bounds) or an OPML export of a feed reader.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    once: Annotated[bool, typer.Option("--once", help="Run one round of what is due, then exit (for cron).")] = False,
    max_pages: Annotated[
        int,
        typer.Option("--max-pages", min=1, help="At most this many entry pages per round; the rest wait for the next."),
    ] = WATCH_MAX_PAGES,
    now: Annotated[
        bool, typer.Option("--now", help="Poll every enabled source in the first round, due or not.")
    ] = False,
    fetch_entries: Annotated[
        bool,
        typer.Option(
            "--fetch-entries/--no-fetch-entries",
            help="Fetch the linked page of feed entries that carry only a teaser (sitemap and section-page links "
            "are always fetched: they carry no text).",
        ),
    ] = True,
    allow_private: AllowPrivate = False,
    ignore_robots: IgnoreRobots = False,
    delay: Delay = POLITENESS_DELAY,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, max=600.0, help="Seconds one request may take, body included.")
    ] = FETCH_TIMEOUT,
    json_output: Annotated[bool, typer.Option("--json", help="Print what the run did as JSON when it ends.")] = False,
) -> None:
    """Follow news sources as they publish: fetch what is due, store new articles, group them into stories.

    Each source is an RSS/Atom feed, a news sitemap or a section page, and names its outlet. The schedule lives in
    the database: each source's next fetch, its ETag and Last-Modified (sent back, so an unchanged feed answers
    304), a digest of its last body, a poll interval learned from how often it publishes (within its
    `min_interval` and `max_interval`), and its failures, backed off by kind; a source that keeps failing is
    disabled (see `manysides sources`). Fetching is as polite and guarded as `ingest`.

    Without `--once` it runs until SIGTERM or Ctrl-C, then finishes the page in flight and exits.
    A bad source is one error line; the others go on; the exit code is 1 if anything failed.

    Example: `manysides watch sources.toml --db news.db --once` (from cron), or without `--once` as a service.
    """
    from manysides.ingest.fetch import FetchPolicy
    from manysides.service import Service
    from manysides.watch.loop import stop_on_signals, utc_now
    from manysides.watch.round import RoundContext
    from manysides.watch.sources_file import read_sources

    specs, problems = read_sources(sources)
    for problem in problems:
        _error_line(problem.source, problem.problem)
    if not specs:
        _error_line(str(sources), "no source to follow")
        raise typer.Exit(2)
    policy = FetchPolicy(
        allow_private=allow_private, respect_robots=not ignore_robots, politeness_delay=delay, timeout=timeout
    )
    stop = threading.Event()
    with _open_store(db, create=True) as store, _status(enabled=not json_output) as progress:
        context = RoundContext(
            store=store, policy=policy, clock=utc_now, stop=stop, on_error=_error_line, on_progress=progress,
            max_pages=max_pages, force=now, fetch_entries=fetch_entries,
        )  # fmt: skip
        with stop_on_signals(stop):
            run = Service(store).watch(context, specs, once)
    if json_output:
        _emit_json(run.model_dump())
    else:
        _print_run(run)
    raise typer.Exit(1 if run.failed or problems else 0)


@contextmanager
def _status(enabled: bool) -> Iterator[Callable[[str], None]]:
    """A progress line on stderr while a person watches; silent under cron or in a pipe."""
    if not enabled or not err.is_terminal:
        yield lambda _text: None
        return
    with err.status("starting") as status:
        yield lambda text: status.update(Text(one_line(text, 120)))


def _print_run(run: WatchRun) -> None:
    rounds = f"{run.rounds} round{'s' if run.rounds != 1 else ''}"
    line = Text(f"Watched for {run.seconds:g} s, {rounds}: {run.polled} fetches ")
    line.append(f"({run.not_modified} not modified, {run.unchanged} unchanged), ")
    line.append(f"{run.pages_new} new articles", style="green").append(f", {run.pages_known} already stored")
    if run.failed:
        line.append(", ").append(f"{run.failed} failed", style="red")
    out.print(line.append("."))
    if run.stories_assigned:
        out.print(f"Grouped {run.stories_assigned} new articles into stories: see `manysides stories`.")
    for name in run.disabled:
        out.print(Text("Disabled ", style="red").append(one_line(name)).append(": `manysides sources` says why."))
    if run.interrupted:
        out.print("Stopped: the page in flight was finished; the next run resumes from the schedule.")


sources_app = typer.Typer(
    help="The followed sources' health; `manysides sources enable NAME` puts a disabled one back.",
    invoke_without_command=True,
    rich_markup_mode="markdown",
)
app.add_typer(sources_app, name="sources")


@sources_app.callback()
def sources_command(ctx: typer.Context, db: DbOption = None, json_output: JsonOption = False) -> None:
    """List each followed source: last success, last error, articles collected, next fetch, disabled or not.

    Example: `manysides sources --db news.db --json`
    """
    if ctx.invoked_subcommand is not None:
        return
    from manysides.service import Service

    with _open_store(db) as store:
        rows = Service(store).sources()
    if json_output:
        _emit_json([row.model_dump() for row in rows])
        return
    if not rows:
        out.print("No sources yet: `manysides watch SOURCES` follows the ones a sources file lists.")
        return
    table = Table(header_style="bold")
    for column in ("name", "outlet", "kind", "articles", "last success", "next fetch", "every", "state"):
        table.add_column(column, overflow="fold")
    for row in rows:
        state = "ok"
        if row.disabled:
            state = f"disabled: {row.disabled_reason}"
        elif row.failures:
            state = f"failing ({row.failures}): {row.last_error}"
        next_fetch = "—" if row.disabled else row.next_fetch
        every = _every(row.interval_seconds)
        cells = _cells(row.name, row.outlet, row.kind, str(row.articles), row.last_success or "—", next_fetch, every)
        table.add_row(*cells, Text(one_line(state, 300), style="red" if row.disabled or row.failures else "green"))
    out.print(table)


@sources_app.command("enable")
def enable_command(
    name: Annotated[str, typer.Argument(help="The source's name, as `manysides sources` lists it.")],
    db: DbOption = None,
) -> None:
    """Put a disabled source back on the schedule, due at once, with its failures forgiven."""
    from manysides.service import Service

    with _open_store(db) as store:
        found = Service(store).enable_source(name)
    if not found:
        _error(f"no source named {name!r}; `manysides sources` lists them")
        raise typer.Exit(1)
    out.print(Text("Enabled ").append(one_line(name)).append(": it is fetched in the next round."))


def _every(seconds: int) -> str:
    if seconds % 3600 == 0:
        return f"{seconds // 3600} h"
    return f"{seconds // 60} min" if seconds >= 60 else f"{seconds} s"
