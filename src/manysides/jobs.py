"""The work behind the commands, apart from how it is shown: ingest, extract-only and re-extract."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from manysides.errors import InputError
from manysides.extract import extract_with_warnings
from manysides.extract.templates import LineCounts, MemoryLineCounts, SiteLines, apply_site_template
from manysides.ingest.sources import ReadOptions, iter_pages
from manysides.records.article import Article
from manysides.records.page import Page
from manysides.store.repository import Store, stored_form
from manysides.store.stories import StoryStore
from manysides.stories import StoryIndex
from manysides.stories.batch import add_all, date_order

Status = Literal["new", "unchanged", "failed", "updated"]


@dataclass(frozen=True)
class ItemResult:
    """What happened to one page (or one failed input)."""

    source: str
    status: Status
    article_id: str | None = None
    title: str | None = None
    problem: str | None = None
    warning: str | None = None  # stored, but doubtful: the user is told why (text cut, read as plain text)


@dataclass
class Summary:
    counts: dict[str, int] = field(default_factory=lambda: {"new": 0, "unchanged": 0, "updated": 0, "failed": 0})
    results: list[ItemResult] = field(default_factory=list)

    def add(self, result: ItemResult) -> None:
        self.counts[result.status] += 1
        self.results.append(result)

    @property
    def failed(self) -> int:
        return self.counts["failed"]


def extracted(inputs: Iterable[str], options: ReadOptions) -> Iterator[tuple[Page, Article, str | None] | InputError]:
    """Pages of the inputs with their articles and any warning (text cut, page read as plain text); a page the
    extractor chokes on is an error item, not a crash.

    Site templates are learned in memory over the run, so later pages of a site benefit from earlier ones.
    """
    templates = MemoryLineCounts()
    for item in iter_pages(inputs, options):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            article, lines, warning = checked_article(item, templates)
        except InputError as error:
            yield error
            continue
        except Exception as error:  # one hostile page must not end the run; the message names it
            yield InputError(item.source, _failure(error))
            continue
        templates.record(lines)
        yield item, article, warning


def ingest(
    store: Store,
    inputs: Iterable[str],
    options: ReadOptions,
    on_result: Callable[[ItemResult], None] = lambda _result: None,
) -> Summary:
    """Read, extract and store every page; each page commits on its own, so an interrupted run resumes."""
    summary = Summary()
    for item in iter_pages(inputs, options):
        result = ingest_page(store, item)
        summary.add(result)
        on_result(result)
    return summary


def ingest_page(store: Store, item: Page | InputError) -> ItemResult:
    """Extract and store one page in its own transaction (`ingest` and `watch` both go through here)."""
    if isinstance(item, InputError):
        return ItemResult(item.source, "failed", problem=item.problem)
    known = store.known_page(item)
    if known is not None:
        return ItemResult(item.source, "unchanged", article_id=known, problem="same page already stored")
    try:
        article, lines, warning = checked_article(item, store)
    except InputError as error:
        return ItemResult(item.source, "failed", problem=error.problem)
    except Exception as error:  # see extracted()
        return ItemResult(item.source, "failed", problem=_failure(error))
    article = stored_form(article)  # reported as stored: without NUL or lone surrogates, ids bounded
    try:
        outcome, article_id = store.add(item, article, lines)
    except InputError as error:  # the database refused this page; the pages stored before it stay
        return ItemResult(item.source, "failed", problem=error.problem)
    note = None if outcome == "new" else "same article already stored (same id or canonical URL)"
    return ItemResult(item.source, outcome, article_id, article.title, problem=note, warning=warning)


def reextract(store: Store, on_result: Callable[[ItemResult], None] = lambda _result: None) -> Summary:
    """Run the current extractor on every stored page and update articles that come out different."""
    summary = Summary()
    for stored in list(store.stored_pages()):
        try:
            article, _, warning = checked_article(stored.page, store, includes_self=True)
            article = stored_form(article)
            changed = store.replace_article(stored.article_id, article)
            status: Status = "updated" if changed else "unchanged"
            result = ItemResult(stored.page.source, status, stored.article_id, article.title, warning=warning)
        except InputError as error:  # no text, or the database refused the new version: the stored article stays
            result = ItemResult(stored.page.source, "failed", stored.article_id, problem=error.problem)
        except Exception as error:  # keep the stored article; report the page
            result = ItemResult(stored.page.source, "failed", stored.article_id, problem=_failure(error))
        summary.add(result)
        on_result(result)
    return summary


def checked_article(
    page: Page, counts: LineCounts, includes_self: bool = False
) -> tuple[Article, SiteLines | None, str | None]:
    """Extract one page and apply its site's template; what the user is warned about comes third.

    An article without text is refused (InputError): stored, it would pass for an article of 0 words.
    """
    found, warnings = extract_with_warnings(page)
    article, lines = apply_site_template(page, found, counts, includes_self)
    if not article.body.strip():
        why = f" ({'; '.join(warnings)})" if warnings else ""
        raise InputError(page.source, f"no article text found{why}")
    return article, lines, "; ".join(warnings) or None


def _failure(error: Exception) -> str:
    """One line for an extractor crash: names the exception, never a traceback."""
    return f"extraction failed: {type(error).__name__}: {error}"[:300]


def assign_stories(store: Store) -> int:
    """Give every stored article without a story its story, incrementally; returns how many were assigned.

    The index is rebuilt from the stored per-article features (no re-embedding), then each unassigned article
    joins a story, starts one or merges two — in ingest order, each assignment committed on its own.
    """
    stories = StoryStore(store)
    pending = stories.unassigned()
    if not pending:
        return 0
    index = StoryIndex()
    for stored in stories.assigned():
        index.add_features(stored.article_id, stored.features)
    for assignment in add_all(index, pending):
        stories.save(assignment, index.features(assignment.article_id))
    return len(pending)


def restory(store: Store) -> int:
    """Rebuild all stories from scratch: the same result as ingesting every article in date order."""
    stories = StoryStore(store)
    index = StoryIndex()
    assignments = list(add_all(index, sorted(store.articles(), key=date_order)))
    stories.clear()
    with stories.batched_summaries():  # each story's listing row is computed once, not once per article
        for assignment in assignments:
            stories.save(assignment, index.features(assignment.article_id))
    return len(assignments)
