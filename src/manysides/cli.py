"""The `manysides` command: ingest pages, extract articles, list what is stored."""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from manysides import __version__
from manysides.errors import InputError
from manysides.ingest.quiet import quiet_libraries
from manysides.paths import database_file_problem, output_file_problem
from manysides.present.safe_text import json_text, one_line, terminal_text
from manysides.settings import (
    DATABASE_ENV,
    DATABASE_URL,
    MB,
    PAGE_MB,
    POLITENESS_DELAY,
    SERVER_HOST,
    SERVER_PORT,
    TOKEN_ENV,
)

# Start-up stays cheap: `--help`, `--version` and `COMMAND --help` load Typer, Rich and settings only. The heavy
# modules (the store and SQLAlchemy, extraction, fetching, the report renderers) are imported inside the commands
# that use them; command signatures name only the light types above, since Typer evaluates them at run time.
if TYPE_CHECKING:
    from rich.progress import Progress

    from manysides.ingest.sources import ReadOptions
    from manysides.jobs import ItemResult, Summary
    from manysides.records.article import Article
    from manysides.records.report import Report
    from manysides.records.story import Story
    from manysides.service import Service
    from manysides.store.repository import Store

app = typer.Typer(
    name="manysides",
    help=(
        "See how different news outlets cover the same event.\n\n"
        "Start with `manysides ingest PAGES...` (HTML, text dumps, JSON Lines, WARC/WET, RSS/Atom, URLs), "
        "see what was stored with `manysides articles` and `manysides stories`, then "
        "`manysides compare --story ID` for shared, unique and conflicting facts and framing."
    ),
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="markdown",
)
# Piped or redirected output gets a wide page instead of Rich's 80-column fallback; a terminal keeps its width.
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True)
LISTING_CELL_CHARS = 300  # a listing shows at most this much of one value (a title can be megabytes)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar=DATABASE_ENV,
        help="Database URL, e.g. `sqlite:///news.db` or `postgresql://user@host/db`. A bare path means SQLite; "
        "`ingest` creates that file (not its folder), the other commands need it to exist.",
        show_default=DATABASE_URL,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON instead of a table.")]
InputsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Files, folders (read recursively), glob patterns, `-` for standard input, or http(s) URLs. "
        "A folder or `**` does not follow symbolic links out of it (see --follow-symlinks); each file is read once.",
        show_default=False,
    ),
]
FollowSymlinks = Annotated[
    bool,
    typer.Option(
        "--follow-symlinks",
        help="Follow symbolic links out of a folder or glob pattern into folders and files elsewhere "
        "(each real folder is walked once, so link loops end).",
    ),
]
AllowPrivate = Annotated[
    bool,
    typer.Option("--allow-private", help="Allow fetching URLs on private, loopback or link-local networks."),
]
IgnoreRobots = Annotated[bool, typer.Option("--ignore-robots", help="Fetch URLs even where robots.txt disallows it.")]
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
    typer.Option("--delay", min=0.0, max=60.0, help="Seconds between two requests to the same host (politeness)."),
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
    quiet_libraries()  # only our own one line per problem reaches the terminal


def _read_options(
    allow_private: bool,
    ignore_robots: bool,
    fetch_entries: bool | None,
    max_page_mb: int,
    delay: float,
    follow_symlinks: bool = False,
) -> ReadOptions:
    from manysides.ingest.fetch import FetchPolicy
    from manysides.ingest.limits import Limits
    from manysides.ingest.sources import ReadOptions

    return ReadOptions(
        limits=Limits(page_bytes=max_page_mb * MB),
        fetch_policy=FetchPolicy(allow_private=allow_private, respect_robots=not ignore_robots, politeness_delay=delay),
        fetch_feed_entries=fetch_entries,
        follow_symlinks=follow_symlinks,
    )


@contextmanager
def _open_store(db: str | None, create: bool = False) -> Iterator[Store]:
    """Open the database or stop with one line saying why (bad URL, no driver, no server, no such file).

    Only commands that store (`create`) may make a new SQLite file, and never its folders: see paths.py.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from manysides.store.database import database_url, sqlite_file
    from manysides.store.repository import Store

    url = database_url(db)
    try:
        path = sqlite_file(url)
        problem = database_file_problem(path, create) if path is not None else None
        if problem:
            _error_line(f"--db {path}", problem)
            raise typer.Exit(2)
        store = Store(url)
    except (SQLAlchemyError, ImportError, OSError, ValueError) as error:
        _error_line(f"--db {_shown_url(url)}", f"cannot open the database ({str(error).splitlines()[0][:200]})")
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
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        TextColumn("{task.completed} pages"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        yield progress


def _emit_json(data: object) -> None:
    """Plain JSON on stdout (no colour, no wrapping), so pipes and files get exactly the data."""
    sys.stdout.write(json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n")
    sys.stdout.flush()


def _error(message: str) -> None:
    """One red `error:` line on stderr. The message is plain text: it may quote a page, a path or a URL."""
    err.print(Text("error: ", style="red").append(one_line(message)))


def _error_line(source: str, problem: str) -> None:
    _error(f"{source}: {problem}")


def _warning_line(source: str, problem: str) -> None:
    """One yellow `warning:` line: the article was stored, but is doubtful (its text cut, say)."""
    err.print(Text("warning: ", style="yellow").append(one_line(f"{source}: {problem}")))


@app.command("ingest")
def ingest_command(
    inputs: InputsArgument,
    db: DbOption = None,
    json_output: JsonOption = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print a line for every page.")] = False,
    allow_private: AllowPrivate = False,
    ignore_robots: IgnoreRobots = False,
    fetch_entries: FetchEntries = None,
    max_page_mb: MaxPageMb = PAGE_MB,
    delay: Delay = POLITENESS_DELAY,
    stories: Annotated[
        bool, typer.Option("--stories/--no-stories", help="Group new articles into stories after ingesting.")
    ] = True,
    follow_symlinks: FollowSymlinks = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            max=256,
            help="Extract, embed and compute story features in N local worker processes (a Dask LocalCluster; "
            "needs the `distributed` extra). Each input file or archive is one worker's shard.",
            show_default=False,
        ),
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster",
            metavar="tcp://HOST:PORT",
            help="As --workers, on the Dask cluster whose scheduler is at this address. Its workers must read "
            "the input paths and reach the database (use PostgreSQL there).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read pages, extract their articles and store both, then group new articles into stories.

    Formats are recognised by content: HTML (also gzipped), plain-text dumps of whole pages, JSON Lines of
    articles (`id`, `url`, `outlet`, `title`, `published`, `authors`, `text` or `html`), WARC/WET archives and
    RSS/Atom feeds. Re-ingesting a page already stored (same content or same canonical URL) changes nothing.

    Pages are stored in batches (up to 64 pages, one transaction each): an interrupted run loses at most the
    batch in flight, and running it again resumes, skipping what is stored. Stories are then assigned in date
    order, so `--workers` and `--cluster` give the stories a single process gives.

    Bad inputs are reported one line each and the others still go through; the exit code is 1 if any failed.

    Example: `manysides ingest examples/demo --db demo.db`
    """
    from manysides.jobs import assign_stories, ingest

    if workers and cluster:
        _error("give --workers or --cluster, not both")
        raise typer.Exit(2)
    options = _read_options(allow_private, ignore_robots, fetch_entries, max_page_mb, delay, follow_symlinks)
    with ExitStack() as stack:
        client = stack.enter_context(_dask_client(workers, cluster)) if workers or cluster else None
        store = stack.enter_context(_open_store(db, create=True))
        progress = stack.enter_context(_progress("Ingesting", enabled=not json_output))
        task = progress.add_task("ingest", total=None) if progress else None

        def report(result: ItemResult) -> None:
            if progress is not None and task is not None:
                progress.advance(task)
            if result.status == "failed":
                _error_line(result.source, result.problem or "failed")
            elif result.warning:
                _warning_line(result.source, result.warning)
            elif verbose and not json_output:
                line = f"{result.status}: {result.source}" + (f" ({result.problem})" if result.problem else "")
                err.print(terminal_text(line))

        if client is not None:
            from manysides.cluster.run import ingest_on_cluster

            def advance(pages: int) -> None:
                if progress is not None and task is not None:
                    progress.advance(task, pages)

            keep = json_output or verbose
            summary = ingest_on_cluster(client, store, inputs, options, report, advance, stories, keep)
        else:
            summary = ingest(store, inputs, options, on_result=report, features=stories)
        assigned = assign_stories(store) if stories else 0
        total = store.count()
    if json_output:
        _emit_json({**_summary_json(summary, store.url, total), "stories_assigned": assigned})
    else:
        _print_ingest_summary(summary, total, store.url)
        if assigned:
            out.print(f"Assigned {assigned} article{'s' if assigned != 1 else ''} to stories: see `manysides stories`.")
    raise typer.Exit(1 if summary.failed else 0)


@contextmanager
def _dask_client(workers: int | None, address: str | None) -> Iterator[object]:
    """A Dask client for --workers/--cluster, or one error line (no `distributed` extra, no scheduler there)."""
    from manysides.cluster.run import ClusterUnavailable, dask_client

    try:
        with dask_client(workers, address) as client:
            yield client
    except ClusterUnavailable as error:
        _error_line("--cluster" if address else "--workers", str(error))
        raise typer.Exit(2) from None


def _shown_url(url: str) -> str:
    """A database URL as printed: a PostgreSQL password masked, since terminals, logs and CI output keep it."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:  # not a URL SQLAlchemy reads: mask anything between "user:" and "@" all the same
        return re.sub(r"(://[^/:@]*):[^/@]*@", r"\1:***@", url)
    return url if parsed.password is None else parsed.render_as_string(hide_password=True)


def _summary_json(summary: Summary, url: str, total: int) -> dict[str, object]:
    return {
        "db": _shown_url(url),
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
    line = Text(f"Ingested {pages} page{'s' if pages != 1 else ''}: ")
    line.append(f"{counts['new']} new", style="green").append(f", {counts['unchanged']} unchanged (already stored)")
    if counts["failed"]:
        line.append(", ").append(f"{counts['failed']} failed", style="red")
    out.print(line.append("."))
    if pages and counts["new"] == 0:
        out.print("Nothing changed: every page was already stored.")
    out.print(terminal_text(f"The database ({_shown_url(url)}) now holds {total} article{'s' if total != 1 else ''}."))


@app.command("extract")
def extract_command(
    inputs: InputsArgument,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print one JSON article record per line (JSON Lines).")
    ] = False,
    allow_private: AllowPrivate = False,
    ignore_robots: IgnoreRobots = False,
    fetch_entries: FetchEntries = None,
    max_page_mb: MaxPageMb = PAGE_MB,
    delay: Delay = POLITENESS_DELAY,
    follow_symlinks: FollowSymlinks = False,
) -> None:
    """Extract articles without storing anything.

    With `--json`, prints one article record per line: the same record `ingest` stores (see
    `docs/article-record.md`). Without it, prints a short summary of each article.

    Example: `manysides extract page.html --json | jq .title`
    """
    from manysides.jobs import extracted

    options = _read_options(allow_private, ignore_robots, fetch_entries, max_page_mb, delay, follow_symlinks)
    failed = 0
    for item in extracted(inputs, options):
        if isinstance(item, InputError):
            failed += 1
            _error_line(item.source, item.problem)
            continue
        page, article, warning = item
        if warning:
            _warning_line(page.source, warning)
        if json_output:
            sys.stdout.write(json_text(article.model_dump_json()) + "\n")
        else:
            _print_article(page.source, article)
    sys.stdout.flush()
    raise typer.Exit(1 if failed else 0)


def _print_article(source: str, article: Article) -> None:
    """A few lines per article; every value is page text, so each goes out as one printable line of `Text`."""
    words = len(article.body.split())
    out.print(terminal_text(article.title or "(no title)", style="bold"))
    details = [
        article.outlet or "unknown outlet",
        article.published or "undated",
        f"{words} words",
        article.method,
    ]
    if article.authors:
        details.insert(1, "by " + ", ".join(article.authors))
    out.print(terminal_text("  " + " · ".join(details), style="dim"))
    out.print(terminal_text(f"  {source}", style="dim"))
    if article.republished_from:
        out.print(terminal_text(f"  republished from {article.republished_from}", style="dim"))
    first = article.body.split("\n\n", 1)[0]
    if first:
        out.print(terminal_text("  " + (first[:200] + ("…" if len(first) > 200 else ""))))
    out.print()


@app.command("articles")
def articles_command(
    db: DbOption = None,
    outlet: Annotated[
        str | None,
        typer.Option("--outlet", help="Only this outlet: its whole name, ignoring case and spacing (no wildcards)."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only articles published on or after this date (YYYY-MM-DD)."),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many, newest first.")] = None,
    json_output: JsonOption = False,
) -> None:
    """List stored articles, newest first (undated ones last).

    Example: `manysides articles --outlet "Meridian Daily" --since 2025-07-01`
    """
    since_date = _parse_since(since)
    with _open_store(db) as store:
        articles = store.articles(outlet=outlet, since=since_date, limit=limit)
    if json_output:
        _emit_json([a.model_dump() for a in articles])
        return
    if not articles:
        out.print(
            "No articles stored" + (" match those filters." if outlet or since else " yet: try `manysides ingest`.")
        )
        return
    table = Table(show_lines=False, header_style="bold")
    for column in ("published", "outlet", "title", "words", "id"):
        table.add_column(column, overflow="fold", no_wrap=column in ("published", "id"))
    for article in articles:
        table.add_row(
            *_cells(
                article.published or "—",
                article.outlet or "—",
                article.title or "(no title)",
                str(len(article.body.split())),
                article.id,
            )
        )
    out.print(table)


def _cells(*values: str) -> list[Text]:
    """Table cells from page text: `Text`, so Rich shows `[/]` or `[link=...]` as written instead of reading markup,
    and each one printable line cut at LISTING_CELL_CHARS, so one row can't fill the screen."""
    return [terminal_text(value, limit=LISTING_CELL_CHARS) for value in values]


def _parse_since(since: str | None) -> date | None:
    if since is None:
        return None
    try:
        return date.fromisoformat(since)
    except ValueError:
        _error_line(f"--since {since}", "expected a date like 2025-07-12")
        raise typer.Exit(2) from None


@app.command("reextract")
def reextract_command(db: DbOption = None, json_output: JsonOption = False) -> None:
    """Re-run extraction on every stored page (after an upgrade), without fetching anything again.

    Article ids stay the same; articles whose extraction changed are updated, and stories are then rebuilt.
    """
    from manysides.jobs import reextract, restory

    with _open_store(db) as store, _progress("Re-extracting", enabled=not json_output) as progress:
        task = progress.add_task("reextract", total=store.count()) if progress else None

        def report(result: ItemResult) -> None:
            if progress is not None and task is not None:
                progress.advance(task)
            if result.status == "failed":
                _error_line(result.source, result.problem or "failed")
            elif result.warning:
                _warning_line(result.source, result.warning)

        summary = reextract(store, on_result=report)
        counts = summary.counts
        regrouped = restory(store) if counts["updated"] else 0
        total = store.count()
    if json_output:
        _emit_json({**_summary_json(summary, store.url, total), "stories_regrouped": regrouped})
    else:
        out.print(
            f"Re-extracted {counts['updated'] + counts['unchanged'] + counts['failed']} pages: "
            f"{counts['updated']} updated, {counts['unchanged']} unchanged, {counts['failed']} failed."
        )
        if regrouped:
            out.print(f"Article texts changed, so all {regrouped} articles were regrouped into stories.")
    raise typer.Exit(1 if summary.failed else 0)


@app.command("stories")
def stories_command(
    db: DbOption = None,
    outlet: Annotated[
        str | None,
        typer.Option(
            "--outlet",
            help="Only stories covered by this outlet: its whole name, ignoring case and spacing (no wildcards).",
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only stories with an article published on or after this date.")
    ] = None,
    blindspot: Annotated[
        str | None,
        typer.Option(
            "--blindspot",
            metavar="LABEL",
            help="Only stories that outlets of a single value of this profile label covered (at least two outlets "
            "carrying the label, all alike), e.g. `--blindspot leaning`. Labels come from `manysides outlets load`.",
        ),
    ] = None,
    label: Annotated[
        str | None,
        typer.Option("--label", metavar="KEY=VALUE", help="Only stories an outlet with this profile label covered."),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """List stories: articles from different outlets about the same event, newest first.

    Example: `manysides stories --since 2025-07-01 --json` · `manysides stories --blindspot scope`
    """
    from manysides.service import Service, StoryQuery

    since_date = _parse_since(since)
    wanted = _parse_label(label)
    with _open_store(db) as store:
        query = StoryQuery(outlet=outlet, since=since_date, label=wanted, blindspot=blindspot)
        stories = Service(store).story_records(query)
    if json_output:
        _emit_json([story.model_dump() for story in stories])
        return
    if not stories:
        filtered = outlet or since or label or blindspot
        out.print("No stories" + (" match those filters." if filtered else " yet: try `manysides ingest`."))
        return
    table = Table(header_style="bold")
    for column in ("id", "title", "outlets", "articles", "first", "last"):
        table.add_column(column, overflow="fold", no_wrap=column in ("id", "articles"))
    for story in stories:
        table.add_row(
            *_cells(
                story.id,
                story.title,
                ", ".join(story.outlets) or "—",
                str(len(story.articles)),
                story.first_published or "—",
                story.last_published or "—",
            )
        )
    out.print(table)


@app.command("story")
def story_command(
    story_id: Annotated[str, typer.Argument(help="A story id from `manysides stories`.")],
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Show one story's articles in time order, with duplicates and reposts marked, and its coverage: outlets,
    each profile label's split, who reported first and who republished whom."""
    from manysides.present.coverage import print_coverage
    from manysides.records.story import StoryWithCoverage
    from manysides.service import Service

    with _open_store(db) as store:
        story = _find_story(Service(store), story_id)
        coverage = Service(store).coverage(story_id)
    if json_output:
        _emit_json(StoryWithCoverage(**story.model_dump(), coverage=coverage).model_dump())
        return
    _print_story(story)
    if coverage is not None:
        print_coverage(out, coverage)


def _parse_label(label: str | None) -> tuple[str, str] | None:
    if label is None:
        return None
    key, _, value = label.partition("=")
    if not key.strip() or not value.strip():
        _error_line(f"--label {label}", "expected KEY=VALUE, e.g. leaning=left")
        raise typer.Exit(2)
    return " ".join(key.split()), " ".join(value.split())


def _find_story(service: Service, story_id: str) -> Story:
    """One stored story, reading only its own articles; stops with one line when there is none."""
    story = service.story(story_id)
    if story is None:
        _error(f"no story with id {story_id!r}; `manysides stories` lists them")
        raise typer.Exit(1)
    return story


def _print_story(story: Story) -> None:
    out.print(terminal_text(story.title, style="bold"))
    span = " → ".join(p for p in (story.first_published, story.last_published) if p) or "undated"
    outlets = ", ".join(story.outlets) or "no outlet"
    out.print(terminal_text(f"{story.id} · {len(story.articles)} articles · {outlets} · {span}"))
    table = Table(header_style="bold")
    for column in ("published", "outlet", "title", "id", "note"):
        table.add_column(column, overflow="fold")
    for article in story.articles:
        note = f"repost of {article.duplicate_of}" if article.duplicate_of else ""
        table.add_row(*_cells(article.published or "—", article.outlet or "—", article.title or "—", article.id, note))
    out.print(table)


@app.command("restory")
def restory_command(db: DbOption = None, json_output: JsonOption = False) -> None:
    """Rebuild every story from scratch (same result as ingesting all articles in date order)."""
    from manysides.service import Service

    with _open_store(db) as store:
        assigned, count = Service(store).restory()
    if json_output:
        _emit_json({"articles": assigned, "stories": count})
    else:
        out.print(f"Regrouped {assigned} articles into {count} stories.")


class ReportFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


@app.command("compare")
def compare_command(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Pages to compare as one story (any input `ingest` accepts).", show_default=False),
    ] = None,
    story_id: Annotated[str | None, typer.Option("--story", help="Compare a stored story instead.")] = None,
    db: Annotated[
        str | None,
        typer.Option("--db", envvar=DATABASE_ENV, help="Database; with INPUTs, a temporary one when not given."),
    ] = None,
    report_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="text (terminal), markdown, html (self-contained) or json.")
    ] = ReportFormat.text,
    json_output: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the report to this file (checked before comparing); `-` is standard output."
        ),
    ] = None,
    allow_private: AllowPrivate = False,
    ignore_robots: IgnoreRobots = False,
    delay: Delay = POLITENESS_DELAY,
    follow_symlinks: FollowSymlinks = False,
) -> None:
    """Compare how outlets cover one story: shared, unique and conflicting facts, attribution and framing.

    Every statement in the report is the article's own sentence, linked to its article.

    Examples: `manysides compare examples/demo -f html -o report.html` ·
    `manysides compare --story s-1a2b3c --db news.db --json`
    """
    from manysides.service import Service

    if bool(inputs) == bool(story_id):
        err.print("[red]error:[/] give either pages to compare or --story ID (not both)")
        raise typer.Exit(2)
    fmt = ReportFormat.json if json_output else report_format
    if output == Path("-"):  # the Unix convention: `-o -` is standard output
        output = None
    if output is not None and (problem := output_file_problem(output)):
        _error_line(f"--output {output}", problem)
        raise typer.Exit(2)
    options = _read_options(allow_private, ignore_robots, None, PAGE_MB, delay, follow_symlinks)
    with ExitStack() as stack:
        if inputs and db is None:
            db = "sqlite:///" + str(Path(stack.enter_context(tempfile.TemporaryDirectory())) / "compare.db")
        store = stack.enter_context(_open_store(db, create=bool(inputs)))
        articles, report, failed = _compare(Service(store), inputs, story_id, options)
    if len(report.articles) < 2:
        err.print("[yellow]note:[/] fewer than two articles: every fact is unique by definition")
    try:
        _write_report(report, fmt, output, articles)
    except OSError as error:  # checked before comparing, but the disk can still fill or the folder go
        _error_line(f"--output {output}", f"cannot write the report ({error.strerror or error})")
        raise typer.Exit(1) from None
    raise typer.Exit(1 if failed else 0)


def _compare(
    service: Service, inputs: list[str] | None, story_id: str | None, options: ReadOptions
) -> tuple[list[Article], Report, int]:
    """The articles and their report (a stored story's from the comparison cache), and how many inputs failed."""
    if story_id:
        _find_story(service, story_id)
        report = service.report(story_id)
        if report is None:
            _error(f"no story with id {story_id!r}; `manysides stories` lists them")
            raise typer.Exit(1)
        return service.story_articles(story_id), report, 0

    def show(result: ItemResult) -> None:
        if result.status == "failed":
            _error_line(result.source, result.problem or "failed")

    articles, found, summary = service.compare_pages(inputs or [], options, on_result=show)
    if found is None:
        err.print("[red]error:[/] nothing to compare: no input gave an article")
        raise typer.Exit(1)
    return articles, found, summary.failed


def _write_report(report: Report, fmt: ReportFormat, output: Path | None, articles: list[Article]) -> None:
    from manysides.present.report_html import render_html
    from manysides.present.report_markdown import render_markdown
    from manysides.present.report_text import print_report

    if fmt is ReportFormat.text:
        if output is None:
            print_report(report, out)
        else:
            with output.open("w", encoding="utf-8") as handle:
                print_report(report, Console(file=handle, width=100, color_system=None, highlight=False))
        return
    rendered = {
        ReportFormat.json: lambda: json_text(report.model_dump_json(indent=2)) + "\n",
        ReportFormat.markdown: lambda: render_markdown(report),
        ReportFormat.html: lambda: render_html(report, articles),
    }[fmt]()
    if output is None:
        sys.stdout.write(rendered)
    else:
        output.write_text(rendered, encoding="utf-8")
        err.print(terminal_text(f"wrote {output}"))


@app.command("schema")
def schema_command(
    name: Annotated[
        str,
        typer.Argument(help="Which record: `article`, `stories`, `story`, `report`, `outlets`, `sources` or `watch`."),
    ] = "article",
) -> None:
    """Print the JSON Schema of a record ManySides prints (the same files as in `schemas/`)."""
    from manysides.schemas import SCHEMAS, render

    if name not in SCHEMAS:
        _error(f"no schema named {name!r}; known: {', '.join(SCHEMAS)}")
        raise typer.Exit(2)
    sys.stdout.write(render(name))


@app.command("serve")
def serve_command(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on. Anything but loopback exposes the app to the network.")
    ] = SERVER_HOST,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = SERVER_PORT,
    allow_private: AllowPrivate = False,
) -> None:
    """Serve the web app and JSON API over the database (stories, story comparisons, articles, outlets).

    Read-only unless the environment variable `MANYSIDES_TOKEN` holds a token: then the browser can log in with it
    to add pages, and `POST /api/ingest` takes it as a bearer token.

    Example: `manysides serve --db demo.db`, then open http://127.0.0.1:8000/
    """
    import ipaddress
    import os

    import uvicorn

    from manysides.web import create_app

    token = os.environ.get(TOKEN_ENV) or None
    with _open_store(db, create=token is not None) as store:
        url = store.url
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        _warning_line(f"--host {host}", "the app is reachable from other machines, over plain HTTP")
    mode = "pages can be added (token set)" if token else "read-only (set MANYSIDES_TOKEN to add pages)"
    err.print(terminal_text(f"Serving {_shown_url(url)} at http://{host}:{port}/ — {mode}"))
    uvicorn.run(
        create_app(url, token, allow_private=allow_private),
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
    )


def main() -> None:
    app()


from manysides import cli_outlets, cli_watch  # noqa: E402, F401  (they register `outlets`, `watch`, `sources`)
