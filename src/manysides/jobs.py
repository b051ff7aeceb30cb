"""The work behind the commands, apart from how it is shown: ingest, extract-only and re-extract."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from manysides.errors import InputError
from manysides.extract import extract_with_warnings
from manysides.extract.templates import LineCounts, MemoryLineCounts, SiteLines, apply_site_template
from manysides.ingest.sources import ReadOptions, iter_pages
from manysides.records.article import Article
from manysides.records.page import Page
from manysides.settings import MB
from manysides.store.bulk import NewPage, chunks
from manysides.store.locks import exclusive
from manysides.store.repository import Store, raw_digest, stored_form
from manysides.store.stories import StoryStore
from manysides.stories import StoryIndex
from manysides.stories.batch import BATCH, add_all, date_order, story_features

Status = Literal["new", "unchanged", "failed", "updated"]
BATCH_PAGES = 64  # pages per transaction: what an interrupted run can lose at most
BATCH_BYTES = 16 * MB  # raw bytes per batch, so a batch of large pages stays small in memory
BATCH_SECONDS = 2.0  # a batch open this long is stored with the next page, however few it holds


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
    features: bool = True,
) -> Summary:
    """Read, extract and store every page, a batch at a time (see `ingest_pages`), so an interrupted run loses at
    most the batch in flight and resumes; with `features`, story features are computed and stored too."""
    summary = Summary()
    for result in ingest_pages(store, iter_pages(inputs, options), features):
        summary.add(result)
        on_result(result)
    return summary


def ingest_pages(store: Store, items: Iterable[Page | InputError], features: bool = True) -> Iterator[ItemResult]:
    """Store pages in batches of at most BATCH_PAGES pages or BATCH_BYTES bytes, one transaction each; a batch
    also closes after BATCH_SECONDS, so slow inputs (URLs, feeds) are stored as they come."""
    batch: list[Page | InputError] = []
    size, started = 0, 0.0
    for item in items:
        if not batch:
            started = time.monotonic()
        batch.append(item)
        size += len(item.raw) if isinstance(item, Page) else 0
        if len(batch) >= BATCH_PAGES or size >= BATCH_BYTES or time.monotonic() - started >= BATCH_SECONDS:
            yield from ingest_batch(store, batch, features)
            batch, size = [], 0
    if batch:
        yield from ingest_batch(store, batch, features)


def ingest_page(store: Store, item: Page | InputError, features: bool = True) -> ItemResult:
    """Extract and store one page in its own transaction (`watch` goes through here)."""
    return ingest_batch(store, [item], features)[0]


def ingest_batch(store: Store, items: Sequence[Page | InputError], features: bool = True) -> list[ItemResult]:
    """Extract a batch of pages and store them in one transaction; one result per item, in order.

    A page already stored (same bytes) is not extracted again. A page the extractor or the database refuses
    fails alone: the batch's other pages are stored (see `Store.add_batch`).
    """
    results: list[ItemResult | None] = [None] * len(items)
    pages = [(i, item, raw_digest(item)) for i, item in enumerate(items) if isinstance(item, Page)]
    known = store.known_pages(digest for _, _, digest in pages)
    counts = _BatchCounts(store)
    ready: list[tuple[int, NewPage, str | None]] = []
    for i, item in enumerate(items):
        if isinstance(item, InputError):
            results[i] = ItemResult(item.source, "failed", problem=item.problem)
    for i, page, digest in pages:
        if digest in known:
            results[i] = ItemResult(
                page.source, "unchanged", article_id=known[digest], problem="same page already stored"
            )
            continue
        try:
            article, lines, warning = checked_article(page, counts)
        except InputError as error:
            results[i] = ItemResult(page.source, "failed", problem=error.problem)
            continue
        except Exception as error:  # see extracted()
            results[i] = ItemResult(page.source, "failed", problem=_failure(error))
            continue
        article = stored_form(article)  # reported as stored: without NUL or lone surrogates, ids bounded
        counts.record(article, lines)
        ready.append((i, NewPage(page, article, lines, digest=digest), warning))
    entries = _with_features([entry for _, entry, _ in ready]) if features else [entry for _, entry, _ in ready]
    outcomes = store.add_batch(entries) if entries else []
    for (i, entry, warning), outcome in zip(ready, outcomes, strict=True):
        if isinstance(outcome, InputError):  # the database refused this page; the batch's others stay
            results[i] = ItemResult(entry.page.source, "failed", problem=outcome.problem)
            continue
        status, article_id = outcome
        note = None if status == "new" else "same article already stored (same id or canonical URL)"
        results[i] = ItemResult(entry.page.source, status, article_id, entry.article.title, note, warning)
    return [result for result in results if result is not None]


def _with_features(entries: list[NewPage]) -> list[NewPage]:
    """The entries with their story features; on any failure none (assignment computes them then)."""
    try:
        found = story_features([entry.article for entry in entries])
    except Exception:  # features are a head start, never a reason to lose a page
        return entries
    return [replace(entry, features=data) for entry, data in zip(entries, found, strict=True)]


class _BatchCounts:
    """Site line counts as stored, plus those of the batch's pages not committed yet: a page sees its site's
    earlier pages whether or not they share its transaction. As in the store, a page whose article is already
    stored (or earlier in the batch) teaches nothing: a copy's body is not its site's boilerplate."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.batch = MemoryLineCounts()
        self.claimed: set[str] = set()

    def site_counts(self, site: str, keys: Iterable[str]) -> tuple[int, dict[str, int]]:
        wanted = list(keys)
        pages, counts = self.store.site_counts(site, wanted)
        more_pages, more = self.batch.site_counts(site, wanted)
        return pages + more_pages, {key: counts.get(key, 0) + more.get(key, 0) for key in counts.keys() | more}

    def record(self, article: Article, lines: SiteLines | None) -> None:
        if lines is None:
            return
        keys = {f"id:{article.id}", *(f"at:{a}" for a in (article.url, article.canonical_url) if a)}
        if keys & self.claimed or self.store.same_article(article) is not None:
            return
        self.claimed |= keys
        self.batch.record(lines)


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


def assign_stories(store: Store, replay: bool = True) -> int:
    """Give every stored article without a story its story, incrementally; returns how many were waiting.

    The index is rebuilt from the stored per-article features and stories (no re-embedding, no re-scoring); then
    each unassigned article, in date order, joins a story, starts one or merges two from the features computed
    when it was stored (computed now when missing), BATCH assignments to a transaction. When a waiting article
    is older than assigned ones (pages arrive out of date order), those newer ones are assigned again after it,
    so the stories are those of one ingest in date order, as `restory` builds them (`replay=False` skips that,
    for measuring what it changes). One process assigns at a time.
    """
    stories = StoryStore(store)
    with exclusive(store.engine, "stories"):
        pending = stories.pending()
        if not pending:
            return 0
        arrived = len(pending)
        if replay and stories.unassign_from(stories.order_key(pending[0])):  # an older page came after newer ones
            pending = stories.pending()
        index = StoryIndex()
        for stored in stories.assigned():  # each under its stored story, nothing scored again
            index.restore(stored.article_id, stored.features, stored.story_id)
        for chunk in chunks(pending, BATCH):
            found = stories.stored_features(chunk)
            missing = store.articles_by_id([article_id for article_id in chunk if article_id not in found])
            found.update(zip([a.id for a in missing], story_features(missing, index.backend), strict=True))
            assigned = [index.add_features(i, found[i]) for i in chunk if i in found]
            stories.save_many([(a, index.features(a.article_id)) for a in assigned])
    return arrived


def restory(store: Store) -> int:
    """Rebuild all stories from scratch: the same result as ingesting every article in date order."""
    stories = StoryStore(store)
    index = StoryIndex()
    assignments = list(add_all(index, sorted(store.articles(), key=date_order)))
    stories.clear()
    with stories.batched_summaries():  # each story's listing row is computed once, not once per article
        for chunk in chunks(assignments, BATCH):
            stories.save_many([(a, index.features(a.article_id)) for a in chunk])
    return len(assignments)
