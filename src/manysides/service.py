"""One service layer for every front end: the CLI and the web app ask it, never the store or the engine directly.

Each method answers one question a reader asks (which stories, what does this story look like, what does the
comparison say, what did this outlet cover), in records and small frozen views that both the terminal and the
web page can show. Listings are paged and filtered here, so both front ends agree on what `--outlet` or a search
means.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.exc import SQLAlchemyError

from manysides.ingest.sources import ReadOptions
from manysides.jobs import ItemResult, Summary, assign_stories, ingest, restory
from manysides.outlets.coverage import story_coverage
from manysides.records.article import Article
from manysides.records.outlet import Coverage, OutletListing
from manysides.records.outlet import OutletProfile as ProfileRecord
from manysides.records.report import Report
from manysides.records.source import SourceHealth, SourceSpec, WatchRun
from manysides.records.story import Story, build_stories
from manysides.store import cache, listing
from manysides.store import outlets as outlet_store
from manysides.store import watch as watch_store
from manysides.store.models import StorySummaryRow
from manysides.store.repository import Store, outlet_key
from manysides.store.stories import StoryStore
from manysides.understand.sentences import Sentence, split_sentences
from manysides.watch.loop import utc_now
from manysides.watch.loop import watch as watch_loop
from manysides.watch.round import RoundContext

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
MAX_OFFSET = 10**9  # beyond any listing, and within every database's integer range


@dataclass(frozen=True)
class StoryQuery:
    """What the stories listing is asked for: full-text `search` over titles and bodies, filters, a page."""

    search: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    language: str | None = None
    label: tuple[str, str] | None = None  # (key, value): stories an outlet with this profile label covered
    blindspot: str | None = None  # a label key: stories covered by outlets of only one value of it
    limit: int = PAGE_SIZE
    offset: int = 0


@dataclass(frozen=True)
class StoryRow:
    """One line of the stories listing; `outlets` maps each outlet to its number of articles (the coverage bar)."""

    id: str
    title: str
    first_published: str | None
    last_published: str | None
    article_count: int
    outlets: dict[str, int]
    languages: list[str]


@dataclass(frozen=True)
class StoryList:
    rows: list[StoryRow]
    total: int
    next_offset: int | None


OutletRow = listing.OutletStats  # one line of the outlets listing, exactly as the store aggregates it


@dataclass(frozen=True)
class OutletProfile:
    """An outlet's page: its stories, whom it cites and the framing it uses most (from cached comparisons)."""

    outlet: OutletRow
    stories: list[StoryRow]
    cites: list[tuple[str, int]] = field(default_factory=list)
    framing: list[tuple[str, int]] = field(default_factory=list)


class Service:
    """The questions every front end asks, over one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.stories_store = StoryStore(store)

    # --- stories -------------------------------------------------------------------------------------------
    def stories(self, query: StoryQuery = StoryQuery()) -> StoryList:
        """Stories newest first, filtered and paged in SQL over the story summaries (no article is read)."""
        limit = max(1, min(query.limit, MAX_PAGE_SIZE))
        offset = max(0, min(query.offset, MAX_OFFSET))
        rows, total = listing.story_page(self.store.engine, self._credited(query), limit, offset)
        following = offset + limit
        return StoryList([_row(r) for r in rows], total, following if following < total else None)

    def story_records(self, query: StoryQuery = StoryQuery()) -> list[Story]:
        """Every matching story with its articles, in listing order, unpaged: what `manysides stories` prints."""
        filters = self._credited(query)
        if filters == listing.StoryFilters():
            memberships = self.stories_store.memberships()
            order = None
        else:
            order = listing.story_ids(self.store.engine, filters)
            memberships = self.stories_store.memberships(story_ids=order)
        built = build_stories(memberships)
        if order is None:
            return built
        position = {story_id: n for n, story_id in enumerate(order)}
        return sorted((s for s in built if s.id in position), key=lambda s: position[s.id])

    def story(self, story_id: str) -> Story | None:
        found = build_stories(self.stories_store.memberships(story_id))
        return found[0] if found else None

    def story_articles(self, story_id: str) -> list[Article]:
        story = self.story(story_id)
        return self.store.articles_by_id([a.id for a in story.articles]) if story else []

    def report(self, story_id: str) -> Report | None:
        """The comparison of a stored story (the JSON contract of `manysides compare`), computed once and then
        read from the database until the story's articles or the engine change (store/cache.py)."""
        from manysides.compare.engine import COMPARE_ENGINE_VERSION, compare  # loads models only when comparing

        cached = cache.cached_report(self.store.engine, story_id, COMPARE_ENGINE_VERSION)
        if cached is not None:
            return self._with_coverage(story_id, cached)
        summary = listing.summary(self.store.engine, story_id)  # its key read first: a change meanwhile only misses
        articles = self.story_articles(story_id)
        if not articles:
            return None
        report = compare(articles)
        if summary is not None:
            with suppress(SQLAlchemyError):  # a read-only or busy database still answers; the next ask computes
                cache.store_report(self.store.engine, story_id, summary.articles_key, COMPARE_ENGINE_VERSION, report)
        return self._with_coverage(story_id, report)

    def coverage(self, story_id: str) -> Coverage | None:
        """Who covered a story, by outlet and by each profile label (outlets/coverage.py); never cached."""
        story = self.story(story_id)
        if story is None:
            return None
        found = outlet_store.credits(self.store.engine, [a.id for a in story.articles])
        return story_coverage(story, found, {p.name: p for p in outlet_store.profiles(self.store.engine)})

    def _with_coverage(self, story_id: str, report: Report) -> Report:
        """The report with the story's coverage: computed on each ask, as profiles may have changed."""
        with suppress(SQLAlchemyError):  # a read-only database still shows the comparison
            return report.model_copy(update={"coverage": self.coverage(story_id)})
        return report

    def compare_pages(
        self,
        inputs: Iterable[str],
        options: ReadOptions,
        on_result: Callable[[ItemResult], None] = lambda _result: None,
    ) -> tuple[list[Article], Report | None, Summary]:
        """Store the given pages and compare their articles as one story (no story grouping, nothing cached):
        the articles in input order, the report (None when no input gave an article) and the ingest summary."""
        ids: list[str] = []

        def collect(result: ItemResult) -> None:
            if result.status != "failed" and result.article_id:
                ids.append(result.article_id)
            on_result(result)

        summary = ingest(self.store, inputs, options, on_result=collect)
        articles = self.store.articles_by_id(ids)
        if not articles:
            return [], None, summary
        from manysides.compare.engine import compare  # loads language models: only when comparing

        return articles, compare(articles), summary

    def restory(self) -> tuple[int, int]:
        """Regroup every article from scratch; returns (articles, stories). Summaries follow each assignment."""
        assigned = restory(self.store)
        return assigned, self.stories_store.story_count()

    # --- articles ------------------------------------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        found = self.store.articles_by_id([article_id])
        return found[0] if found else None

    def story_of(self, article_id: str) -> tuple[str, str] | None:
        """(story id, story title) of the story the article belongs to, for a link back from the article."""
        row = listing.story_of(self.store.engine, article_id)
        return (row.story_id, row.title) if row else None

    def sentences(self, article: Article) -> list[Sentence]:
        """The article's sentences, numbered as the comparison numbers them (`Statement.sentence`)."""
        return split_sentences(article.body, article.language)

    def raw_page(self, article_id: str) -> bytes | None:
        """The page exactly as it was read, for download only: never rendered."""
        return self.store.raw_page(article_id)

    # --- outlets -------------------------------------------------------------------------------------------
    def outlets(self) -> list[OutletRow]:
        """Every outlet by stored name, most articles first; counted in SQL."""
        return sorted(listing.outlet_stats(self.store.engine), key=lambda r: (-r.articles, r.name.casefold(), r.name))

    def outlet_names(self) -> list[str]:
        """Every outlet's name, alphabetically: the choices of an outlet filter, without their statistics."""
        return listing.outlet_names(self.store.engine)

    def outlet(self, name: str) -> OutletProfile | None:
        """An outlet's page; `name` is matched as `--outlet` is (whole name, case and spacing aside)."""
        from manysides.compare.engine import COMPARE_ENGINE_VERSION

        wanted = outlet_key(name)
        row = next((r for r in self.outlets() if outlet_key(r.name) == wanted), None)
        if row is None:
            return None
        cites, framing = cache.outlet_cites_and_framing(self.store.engine, row.name, COMPARE_ENGINE_VERSION)
        stories = self.stories(StoryQuery(outlet=row.name, limit=MAX_PAGE_SIZE)).rows
        return OutletProfile(outlet=row, stories=stories, cites=cites, framing=framing)

    def outlet_profiles(self) -> list[OutletListing]:
        """The loaded outlet profiles, with how many stored articles count for each."""
        return outlet_store.listing(self.store.engine)

    def load_outlet_profiles(self, profiles: list[ProfileRecord]) -> int:
        """Make these the profiles (replacing all others); returns how many articles now count for one."""
        return outlet_store.replace_profiles(self.store.engine, profiles)

    # --- followed sources ----------------------------------------------------------------------------------
    def sources(self) -> list[SourceHealth]:
        """Each followed source's health and schedule."""
        return watch_store.health(self.store.engine)

    def enable_source(self, name: str) -> bool:
        """Put a disabled source back on the schedule, due now; False when no source has that name."""
        return watch_store.enable(self.store.engine, name, utc_now())

    def watch(self, context: RoundContext, specs: list[SourceSpec], once: bool) -> WatchRun:
        """Follow the sources (watch/loop.py); `context.store` must be this service's store."""
        return watch_loop(context, specs, once)

    # --- adding pages --------------------------------------------------------------------------------------
    def ingest(
        self,
        inputs: Iterable[str],
        options: ReadOptions,
        on_result: Callable[[ItemResult], None] = lambda _result: None,
        stories: bool = True,
    ) -> tuple[Summary, int]:
        """Read, extract and store pages, then group the new articles into stories; returns (summary, assigned)."""
        summary = ingest(self.store, inputs, options, on_result=on_result)
        return summary, assign_stories(self.store) if stories else 0

    # --- helpers -------------------------------------------------------------------------------------------
    def _credited(self, query: StoryQuery) -> listing.StoryFilters:
        """The query's filters; label filters first give new articles their outlet profile (store/outlets.py)."""
        if query.label or query.blindspot:
            with suppress(SQLAlchemyError):  # read-only: filter by what is already credited
                outlet_store.refresh_credits(self.store.engine)
        return self._filters(query)

    @staticmethod
    def _filters(query: StoryQuery) -> listing.StoryFilters:
        return listing.StoryFilters(
            search=query.search or None,
            outlet_key=outlet_key(query.outlet) if query.outlet else None,
            since=query.since,
            until=query.until,
            language=query.language or None,
            label=query.label,
            blindspot=query.blindspot or None,
        )


def _row(summary: StorySummaryRow) -> StoryRow:
    return StoryRow(
        id=summary.story_id,
        title=summary.title,
        first_published=summary.first_published,
        last_published=summary.last_published,
        article_count=summary.article_count,
        outlets=dict(summary.outlets or {}),
        languages=list(summary.languages or []),
    )
