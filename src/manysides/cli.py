"""The `manysides` command: ingest pages, extract articles, list what is stored."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from sqlalchemy.exc import SQLAlchemyError

from manysides import __version__
from manysides.errors import InputError
from manysides.ingest.fetch import FetchPolicy
from manysides.ingest.limits import MB, Limits
from manysides.ingest.sources import ReadOptions
from manysides.jobs import ItemResult, Summary, extracted, ingest, reextract
from manysides.store.database import database_url
from manysides.store.repository import Store

app = typer.Typer(
    name="manysides",
    help=(
        "See how different news outlets cover the same event.\n\n"
        "Start with `manysides ingest PAGES...` (HTML, text dumps, JSON Lines, WARC/WET, RSS/Atom, URLs), "
        "then `manysides articles` to see what was stored."
    ),
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="markdown",
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="MANYSIDES_DB",
        help="Database URL, e.g. `sqlite:///news.db` or `postgresql://user@host/db`. A bare path means SQLite.",
        show_default="sqlite:///manysides.db",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON instead of a table.")]
InputsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Files, folders (read recursively), glob patterns, `-` for standard input, or http(s) URLs.",
        show_default=False,
    ),
]
AllowPrivate = Annotated[
    bool,
    typer.Option("--allow-private", help="Allow fetching URLs on private, loopback or link-local networks."),
]
IgnoreRobots = Annotated[
    bool, typer.Option("--ignore-robots", help="Fetch URLs even where robots.txt disallows it.")
]
FetchEntries = Annotated[
    bool | None,
    typer.Option(
        "--fetch-entries/--no-fetch-entries",
        help="Fetch the linked page of feed entries that carry only a teaser. Default: only for feeds given as URLs.",
        show_default=False,
    ),
]
Delay = Annotated[
    float,
    typer.Option(
        "--delay", min=0.0, max=60.0, help="Seconds between two requests to the same host (politeness)."
    ),
]
MaxPageMb = Annotated[
    int, typer.Option("--max-page-mb", min=1, max=1024, help="Largest single page or record accepted, in MB.")
]


def _version(value: bool) -> None:
    if value:
        out.print(f"manysides {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """See how different news outlets cover the same event."""


def _read_options(
    allow_private: bool, ignore_robots: bool, fetch_entries: bool | None, max_page_mb: int, delay: float
) -> ReadOptions:
    return ReadOptions(
        limits=Limits(page_bytes=max_page_mb * MB),
        fetch_policy=FetchPolicy(
            allow_private=allow_private, respect_robots=not ignore_robots, politeness_delay=delay
        ),
        fetch_feed_entries=fetch_entries,
    )


@contextmanager
def _open_store(db: str | None) -> Iterator[Store]:
    """Open the database or stop with one line saying why (bad URL, no driver, no server)."""
    url = database_url(db)
    try:
        store = Store(url)
    except (SQLAlchemyError, ImportError, OSError, ValueError) as error:
        err.print(f"[red]error:[/] --db {url}: cannot open the database ({str(error).splitlines()[0][:200]})")
        raise typer.Exit(2) from None
    try:
        yield store
    finally:
        store.close()


@contextmanager
def _progress(label: str, enabled: bool) -> Iterator[Progress | None]:
    """A progress line on stderr when a person is watching; nothing when output goes to a file or pipe."""
    if not enabled or not err.is_terminal:
        yield None
        return
    columns = (
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        TextColumn("{task.completed} pages"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        yield progress


def _error_line(source: str, problem: str) -> None:
    line = Text("error: ", style="red")
    line.append(f"{source}: {problem}")
    err.print(line)


@app.command("ingest")
def ingest_command(
    inputs: InputsArgument,
    db: DbOption = None,
    json_output: JsonOption = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print a line for every page.")] = False,
    allow_private: AllowPrivate = False,
    ignore_robots: IgnoreRobots = False,
    fetch_entries: FetchEntries = None,
    max_page_mb: MaxPageMb = 20,
    delay: Delay = 1.0,
) -> None:
    """Read pages, extract their articles and store both.

    Formats are recognised by content: HTML (also gzipped), plain-text dumps of whole pages, JSON Lines of
    articles (`id`, `url`, `outlet`, `title`, `published`, `authors`, `text` or `html`), WARC/WET archives and
    RSS/Atom feeds. Re-ingesting a page already stored (same content or same canonical URL) changes nothing.

    Bad inputs are reported one line each and the others still go through; the exit code is 1 if any failed.

    Example: `manysides ingest examples/demo --db demo.db`
    """
    options = _read_options(allow_private, ignore_robots, fetch_entries, max_page_mb, delay)
    with _open_store(db) as store, _progress("Ingesting", enabled=not json_output) as progress:
        task = progress.add_task("ingest", total=None) if progress else None

        def report(result: ItemResult) -> None:
            if progress is not None and task is not None:
                progress.advance(task)
            if result.status == "failed":
                _error_line(result.source, result.problem or "failed")
            elif verbose and not json_output:
                err.print(
                    f"{result.status}: {result.source}" + (f" ({result.problem})" if result.problem else "")
                )

        summary = ingest(store, inputs, options, on_result=report)
        total = store.count()
    if json_output:
        out.print_json(json.dumps(_summary_json(summary, store.url, total)))
    else:
        _print_ingest_summary(summary, total, store.url)
    raise typer.Exit(1 if summary.failed else 0)


def _summary_json(summary: Summary, url: str, total: int) -> dict[str, object]:
    return {
        "db": url,
        "counts": summary.counts,
        "stored_articles": total,
        "items": [
            {k: v for k, v in vars(result).items() if v is not None or k in ("article_id", "problem")}
            for result in summary.results
        ],
    }


def _print_ingest_summary(summary: Summary, total: int, url: str) -> None:
    counts = summary.counts
    pages = counts["new"] + counts["unchanged"]
    parts = [f"[green]{counts['new']} new[/]", f"{counts['unchanged']} unchanged (already stored)"]
    if counts["failed"]:
        parts.append(f"[red]{counts['failed']} failed[/]")
    out.print(f"Ingested {pages} page{'s' if pages != 1 else ''}: " + ", ".join(parts) + ".")
    if pages and counts["new"] == 0:
        out.print("Nothing changed: every page was already stored.")
    out.print(f"The database ({url}) now holds {total} article{'s' if total != 1 else ''}.")


@app.command("extract")
def extract_command(
    inputs: InputsArgument,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print one JSON article record per line (JSON Lines).")
    ] = False,
    allow_private: AllowPrivate = False,
    ignore_robots: IgnoreRobots = False,
    fetch_entries: FetchEntries = None,
    max_page_mb: MaxPageMb = 20,
    delay: Delay = 1.0,
) -> None:
    """Extract articles without storing anything.

    With `--json`, prints one article record per line: the same record `ingest` stores (see
    `docs/article-record.md`). Without it, prints a short summary of each article.

    Example: `manysides extract page.html --json | jq .title`
    """
    options = _read_options(allow_private, ignore_robots, fetch_entries, max_page_mb, delay)
    failed = 0
    for item in extracted(inputs, options):
        if isinstance(item, InputError):
            failed += 1
            _error_line(item.source, item.problem)
            continue
        page, article = item
        if json_output:
            sys.stdout.write(article.model_dump_json() + "\n")
        else:
            _print_article(page.source, article)
    sys.stdout.flush()
    raise typer.Exit(1 if failed else 0)


def _print_article(source: str, article: object) -> None:
    from manysides.record import Article

    assert isinstance(article, Article)
    words = len(article.body.split())
    out.print(Text(article.title or "(no title)", style="bold"))
    details = [
        article.outlet or "unknown outlet",
        article.published or "undated",
        f"{words} words",
        article.method,
    ]
    if article.authors:
        details.insert(1, "by " + ", ".join(article.authors))
    out.print(Text("  " + " · ".join(details), style="dim"))
    out.print(Text(f"  {source}", style="dim"))
    if article.republished_from:
        out.print(Text(f"  republished from {article.republished_from}", style="dim"))
    first = article.body.split("\n\n", 1)[0]
    if first:
        out.print(Text("  " + (first[:200] + ("…" if len(first) > 200 else ""))))
    out.print()


@app.command("articles")
def articles_command(
    db: DbOption = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Only this outlet (case-insensitive).")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only articles published on or after this date (YYYY-MM-DD)."),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="At most this many, newest first.")
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """List stored articles, newest first (undated ones last).

    Example: `manysides articles --outlet "Meridian Daily" --since 2025-07-01`
    """
    since_date = _parse_since(since)
    with _open_store(db) as store:
        articles = store.articles(outlet=outlet, since=since_date, limit=limit)
    if json_output:
        out.print_json(json.dumps([a.model_dump() for a in articles]))
        return
    if not articles:
        out.print(
            "No articles stored"
            + (" match those filters." if outlet or since else " yet: try `manysides ingest`.")
        )
        return
    table = Table(show_lines=False, header_style="bold")
    for column in ("published", "outlet", "title", "words", "id"):
        table.add_column(column, overflow="fold", no_wrap=column in ("published", "id"))
    for article in articles:
        table.add_row(
            article.published or "—",
            article.outlet or "—",
            article.title or "(no title)",
            str(len(article.body.split())),
            article.id,
        )
    out.print(table)


def _parse_since(since: str | None) -> date | None:
    if since is None:
        return None
    try:
        return date.fromisoformat(since)
    except ValueError:
        err.print(f"[red]error:[/] --since {since}: expected a date like 2025-07-12")
        raise typer.Exit(2) from None


@app.command("reextract")
def reextract_command(db: DbOption = None, json_output: JsonOption = False) -> None:
    """Re-run extraction on every stored page (after an upgrade), without fetching anything again.

    Article ids stay the same; articles whose extraction changed are updated.
    """
    with _open_store(db) as store, _progress("Re-extracting", enabled=not json_output) as progress:
        task = progress.add_task("reextract", total=store.count()) if progress else None

        def report(result: ItemResult) -> None:
            if progress is not None and task is not None:
                progress.advance(task)
            if result.status == "failed":
                _error_line(result.source, result.problem or "failed")

        summary = reextract(store, on_result=report)
        total = store.count()
    counts = summary.counts
    if json_output:
        out.print_json(json.dumps(_summary_json(summary, store.url, total)))
    else:
        out.print(
            f"Re-extracted {counts['updated'] + counts['unchanged'] + counts['failed']} pages: "
            f"{counts['updated']} updated, {counts['unchanged']} unchanged, {counts['failed']} failed."
        )
    raise typer.Exit(1 if summary.failed else 0)


@app.command("schema")
def schema_command(
    name: Annotated[str, typer.Argument(help="Which record: `article`.")] = "article",
) -> None:
    """Print the JSON Schema of a record ManySides prints (the same files as in `schemas/`)."""
    from manysides.schemas import SCHEMAS, render

    if name not in SCHEMAS:
        err.print(f"[red]error:[/] no schema named {name!r}; known: {', '.join(SCHEMAS)}")
        raise typer.Exit(2)
    sys.stdout.write(render(name))


def main() -> None:
    app()
