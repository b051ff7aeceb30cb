"""One service layer for every front end: the CLI and the web app ask it, never the store or the engine directly.

Each method answers one question a reader asks (which stories, what does this story look like, what does the
comparison say, what did this outlet cover), in records and small frozen views that both the terminal and the
web page can show. Listings are paged and filtered here, so both front ends agree on what `--outlet` or a search
means.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from manysides.ingest.sources import ReadOptions
from manysides.jobs import ItemResult, Summary, assign_stories, ingest
from manysides.present.stories import build_stories, filter_stories
from manysides.records.article import Article, published_utc
from manysides.records.report import Report
from manysides.records.story import Story
from manysides.store.repository import Store, outlet_key
from manysides.store.stories import StoryStore
from manysides.understand.sentences import Sentence, split_sentences

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


@dataclass(frozen=True)
class StoryQuery:
    """What the stories listing is asked for: full-text `search` over titles and bodies, filters, a page."""

    search: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    language: str | None = None
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


@dataclass(frozen=True)
class OutletRow:
    """One line of the outlets listing: what it covered and how often it covered a story alone."""

    name: str
    articles: int
    stories: int
    alone: int
    first_published: str | None
    last_published: str | None


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
        """Stories newest first, filtered and paged."""
        stories = filter_stories(build_stories(self.stories_store.memberships()), query.outlet, query.since)
        articles = {a.id: a for a in self.store.articles()}
        rows = [self._row(story, articles) for story in stories]
        if query.until:
            rows = [r for r in rows if (m := published_utc(r.first_published)) is not None and m.date() <= query.until]
        if query.language:
            rows = [r for r in rows if query.language in r.languages]
        if query.search:
            words = query.search.casefold().split()
            matching = {
                s.id
                for s in stories
                if any(
                    all(w in f"{articles[a.id].title or ''} {articles[a.id].body}".casefold() for w in words)
                    for a in s.articles
                )
            }
            rows = [r for r in rows if r.id in matching]
        limit = max(1, min(query.limit, MAX_PAGE_SIZE))
        page = rows[query.offset : query.offset + limit]
        following = query.offset + limit
        return StoryList(page, len(rows), following if following < len(rows) else None)

    def story(self, story_id: str) -> Story | None:
        found = build_stories(self.stories_store.memberships(story_id))
        return found[0] if found else None

    def story_articles(self, story_id: str) -> list[Article]:
        story = self.story(story_id)
        return self.store.articles_by_id([a.id for a in story.articles]) if story else []

    def report(self, story_id: str) -> Report | None:
        """The comparison of a stored story (the JSON contract of `manysides compare`)."""
        articles = self.story_articles(story_id)
        if not articles:
            return None
        from manysides.compare.engine import compare  # loads language models: only when comparing

        return compare(articles)

    # --- articles ------------------------------------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        found = self.store.articles_by_id([article_id])
        return found[0] if found else None

    def sentences(self, article: Article) -> list[Sentence]:
        """The article's sentences, numbered as the comparison numbers them (`Statement.sentence`)."""
        return split_sentences(article.body)

    def raw_page(self, article_id: str) -> bytes | None:
        """The page exactly as it was read, for download only: never rendered."""
        for stored in self.store.stored_pages():
            if stored.article_id == article_id:
                return stored.page.raw
        return None

    # --- outlets -------------------------------------------------------------------------------------------
    def outlets(self) -> list[OutletRow]:
        stories = build_stories(self.stories_store.memberships())
        articles = self.store.articles()
        by_outlet: Counter[str] = Counter(a.outlet for a in articles if a.outlet)
        rows = []
        for name, count in sorted(by_outlet.items(), key=lambda item: (-item[1], item[0].casefold())):
            covered = [s for s in stories if name in s.outlets]
            dated = sorted(p for a in articles if a.outlet == name and (p := a.published) and published_utc(p))
            rows.append(
                OutletRow(
                    name=name,
                    articles=count,
                    stories=len(covered),
                    alone=sum(1 for s in covered if len(s.outlets) == 1),
                    first_published=dated[0] if dated else None,
                    last_published=dated[-1] if dated else None,
                )
            )
        return rows

    def outlet(self, name: str) -> OutletProfile | None:
        wanted = outlet_key(name)
        row = next((r for r in self.outlets() if outlet_key(r.name) == wanted), None)
        if row is None:
            return None
        return OutletProfile(outlet=row, stories=self.stories(StoryQuery(outlet=row.name, limit=MAX_PAGE_SIZE)).rows)

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
    @staticmethod
    def _row(story: Story, articles: dict[str, Article]) -> StoryRow:
        outlets: Counter[str] = Counter(a.outlet for a in story.articles if a.outlet)
        languages = sorted({lang for a in story.articles if (lang := articles[a.id].language)})
        return StoryRow(
            id=story.id,
            title=story.title,
            first_published=story.first_published,
            last_published=story.last_published,
            article_count=len(story.articles),
            outlets=dict(sorted(outlets.items(), key=lambda item: (-item[1], item[0].casefold()))),
            languages=languages,
        )
