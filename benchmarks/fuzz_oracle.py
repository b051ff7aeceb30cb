"""What one fuzz case must never do (issue 19), checked along the whole path a page takes.

bytes -> the real readers (`iter_pages`, as `ingest` calls them) -> extraction and the site template -> the
store (what lands there must fit PostgreSQL too: no NUL, no lone surrogate, within column lengths) -> stories
-> the CLI listings (`articles`, `stories`, `story`) and, for a pair of cases, the comparison engine and its
three renderers (terminal text, Markdown, HTML).

A bad input may only come back as an InputError item with a one-line message. Anything raised on the way is a
`Finding` naming the stage; so is a control character reaching the terminal, live HTML in the HTML report (or in
the Markdown report once rendered as HTML), a value the store cannot hold, and library chatter on stderr.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html
from markdown_it import MarkdownIt
from rich.console import Console
from sqlalchemy import String
from typer.testing import CliRunner

from benchmarks.fuzz_cases import Case
from manysides.cli import app
from manysides.errors import InputError
from manysides.extract import extract_page
from manysides.extract.templates import apply_site_template
from manysides.ingest.sources import ReadOptions, iter_pages
from manysides.jobs import assign_stories
from manysides.present.report_html import render_html
from manysides.present.report_markdown import render_markdown
from manysides.present.report_text import print_report
from manysides.records.article import Article
from manysides.records.page import Page
from manysides.records.report import Report
from manysides.store.models import Base
from manysides.store.repository import Store
from manysides.store.stories import StoryStore

# Control characters (Unicode Cc) other than tab and newline: ESC, BEL, CR, C1 CSI/OSC... none may be printed.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
LIVE_TAGS = frozenset({"script", "iframe", "frame", "object", "embed", "applet", "base", "form", "svg", "math"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "srcdoc", "xlink:href", "poster"})
LIVE_SCHEMES = ("javascript:", "vbscript:", "data:")
SURROGATE = re.compile("[\ud800-\udfff]")
STORIES_SHOWN = 1  # `story ID` runs for this many stories of a case: each CLI run rebuilds the command


class Finding(AssertionError):
    """A case broke the contract; `stage` says where (read, extract, store, cli, compare, ...)."""

    def __init__(self, stage: str, problem: str) -> None:
        super().__init__(f"{stage}: {problem}")
        self.stage = stage
        self.problem = problem


class CaseTimeout(BaseException):
    """Raised (by a timer) into a case that runs too long. A BaseException, so that no `except Exception` of the
    code under test can swallow it: the Finding then names the stage and the frame the case was stuck in."""


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    """Anything raised inside becomes a Finding of this stage, with the original as its cause."""
    try:
        yield
    except Finding:
        raise
    except (Exception, CaseTimeout) as error:
        raise Finding(name, f"{type(error).__name__}: {str(error)[:300]}") from error


@dataclass
class Workbench:
    """One folder and one store per process (SQLite in the folder unless `url` names another), emptied before
    every case so the listings show only its rows."""

    folder: Path
    url: str | None = None
    store: Store = field(init=False)
    runner: CliRunner = field(default_factory=CliRunner)

    def __post_init__(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.store = Store(self.url or f"sqlite:///{self.folder / 'fuzz.db'}")
        self.cli("articles")  # the process set up as every command sets it up (logging, warnings) before its work

    def write(self, case: Case, slot: str = "case") -> Path:
        path = self.folder / slot / case.name
        path.parent.mkdir(exist_ok=True)
        for old in path.parent.iterdir():
            old.unlink()
        path.write_bytes(case.data)
        return path

    def clear(self) -> None:
        with self.store.engine.begin() as connection:
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(table.delete())

    def close(self) -> None:
        self.store.close()

    def cli(self, *args: str) -> str:
        """The real command in-process; its stdout, after checking it printed nothing else and no control."""
        with stage(f"cli {args[0]}"):
            result = self.runner.invoke(app, [*args, "--db", self.store.url], catch_exceptions=False)
        if result.exit_code != 0 or result.stderr.strip():
            raise Finding(f"cli {args[0]}", f"exit {result.exit_code}, stderr {result.stderr[:200]!r}")
        no_controls(f"cli {args[0]} output", result.stdout)
        return result.stdout


def no_controls(where: str, text: str) -> None:
    if found := CONTROL.search(text):
        context = text[max(found.start() - 40, 0) : found.end() + 40]
        raise Finding(where, f"control character {found.group()!r} printed: {context!r}")


def live_html(where: str, html: str) -> None:
    """No element, event handler or URL in the page that a browser would run."""
    root = lxml.html.fragment_fromstring(html, create_parent="div") if html.strip() else None
    for element in root.iter() if root is not None else ():
        if not isinstance(element.tag, str):
            continue
        if element.tag.lower() in LIVE_TAGS:
            raise Finding(where, f"live <{element.tag}> element: {lxml.html.tostring(element)[:200]!r}")
        for name, value in element.attrib.items():
            name = name.lower()
            scheme = CONTROL.sub("", value).strip().lower()
            if name.startswith("on") or (name in URL_ATTRIBUTES and scheme.startswith(LIVE_SCHEMES)):
                raise Finding(where, f"live attribute {name}={value[:100]!r} on <{element.tag}>")


def library_logging() -> None:
    """No library may give the root logger a handler of its own (`logging.basicConfig` on import): from then on
    every library's INFO lines reach the terminal. It is a state of the process, not of one case, so the test
    suite checks it once in a fresh process and the benchmark once per worker. Test runners' capturing handlers
    are subclasses of StreamHandler, never one itself."""
    for handler in logging.getLogger().handlers:
        if type(handler) is logging.StreamHandler:
            level = logging.getLevelName(logging.getLogger().level)
            raise Finding("logging", f"a library configured the root logger: {handler!r}, level {level}")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def stored_values(store: Store) -> None:
    """Every stored value is one PostgreSQL would take too: no NUL, no lone surrogate, within column length."""
    with store.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for row in connection.execute(table.select()):
                for column, value in zip(table.columns, row, strict=True):
                    where = f"store {table.name}.{column.name}"
                    for text in _strings(value):
                        if "\x00" in text:
                            raise Finding(where, f"NUL stored: {text[:120]!r}")
                        if SURROGATE.search(text):
                            raise Finding(where, f"lone surrogate stored: {text[:120]!r}")
                    limit = getattr(column.type, "length", None) if isinstance(column.type, String) else None
                    if limit and isinstance(value, str) and len(value) > limit:
                        raise Finding(where, f"{len(value)} characters stored in a column of {limit}")


def read_case(path: Path) -> list[Page]:
    """The pages of one input as `ingest` reads them; errors must be items with a one-line, printable message."""
    pages = []
    with stage("read"):
        items = list(iter_pages([str(path)], ReadOptions()))
    for item in items:
        if isinstance(item, InputError):
            message = f"{item.source}: {item.problem}"
            if "\n" in message:
                raise Finding("read error message", f"message is not one line: {message[:200]!r}")
            no_controls("read error message", message)
        elif isinstance(item, Page):
            pages.append(item)
        else:
            raise Finding("read", f"yielded {type(item).__name__}, not a Page or InputError")
    return pages


def check_case(case: Case, bench: Workbench, listings: bool = True, slot: str = "case") -> list[Article]:
    """One input through reading, extraction, the store, stories and the CLI listings, as `ingest` runs them.

    The store is emptied first unless `slot` is "second" (the second case of a pair).
    """
    if slot != "second":
        bench.clear()
    path = bench.write(case, slot)
    chatter = io.StringIO()
    articles = []
    with contextlib.redirect_stderr(chatter):
        for page in read_case(path):
            with stage("store"):
                if bench.store.known_page(page) is not None:
                    continue
            with stage("extract"):
                article, lines = apply_site_template(page, extract_page(page), bench.store)
            with stage("store"):
                bench.store.add(page, article, lines)
            articles.append(article)
    if chatter.getvalue().strip():
        raise Finding("stderr", f"a library printed: {chatter.getvalue()[:200]!r}")
    stored_values(bench.store)
    if listings and articles:
        with stage("stories"):
            assign_stories(bench.store)
        bench.cli("articles")
        bench.cli("stories")
        story_ids = sorted({story_id for story_id, _, _ in StoryStore(bench.store).memberships()})
        for story_id in story_ids[:STORIES_SHOWN]:
            bench.cli("story", story_id)
    return articles


def render_report(report: Report, articles: Sequence[Article]) -> None:
    """The three report formats: terminal text (as `-o file.txt` writes it), Markdown, HTML."""
    buffer = io.StringIO()
    with stage("render text"):
        print_report(report, Console(file=buffer, width=100, color_system=None, highlight=False))
    no_controls("render text", buffer.getvalue())
    with stage("render markdown"):
        markdown = render_markdown(report)
    no_controls("render markdown", markdown)
    live_html("render markdown (as HTML)", MarkdownIt("commonmark", {"html": True}).render(markdown))
    with stage("render html"):
        html = render_html(report, list(articles))
    no_controls("render html", html)
    live_html("render html", html)


def check_pair(first: Case, second: Case, bench: Workbench) -> Report | None:
    """Two cases stored side by side, compared by the real engine, then rendered in every format."""
    articles = check_case(first, bench, listings=False, slot="first")
    articles += check_case(second, bench, listings=False, slot="second")
    if not articles:
        return None
    with stage("compare"):
        from manysides.compare.engine import compare, distinct  # loads the language models: only when comparing

        chosen = distinct(articles)
        report = compare(chosen)
    render_report(report, chosen)
    return report
