"""The service layer over a real store, on SQLite and PostgreSQL: listing from story summaries (filters, paging,
full-text search with hostile queries), summaries kept current through merges, re-extraction and restory, the
comparison cache, outlet aggregates, raw pages, and migration of a database made before summaries existed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import select
from sqlalchemy.orm import Session

from manysides.compare.engine import COMPARE_ENGINE_VERSION
from manysides.ingest.limits import Limits
from manysides.ingest.sources import ReadOptions
from manysides.records.article import Article, body_hash
from manysides.records.page import Page
from manysides.service import Service, StoryQuery
from manysides.settings import MB, PAGE_MB, URL_MB
from manysides.store import cache
from manysides.store.database import MIGRATIONS
from manysides.store.models import ComparisonRow
from manysides.store.repository import Store
from manysides.store.stories import StoryStore
from manysides.stories import Assignment
from tests.helpers import two_outlet_jsonl

HOSTILE_QUERIES = [
    *('"', "*", "NEAR(", "') OR 1=1 --", '" OR "', "title:x", "-", "a AND", "^", "'; DROP TABLE x; --"),
    *("\x00", "lighthouse\x00x", "\ud800", "x" * 5000, "w " * 10_000, "(", "{title body}: x", "x:*", "NOT x"),
]


def _article(article_id: str, outlet: str | None, published: str | None, body: str, **fields: object) -> Article:
    values: dict[str, object] = {"title": f"Title {article_id}", "language": "en", **fields}
    return Article(
        id=article_id,
        outlet=outlet,
        published=published,
        body=body,
        content_hash=body_hash(body),
        method="provided",
        confidence=1.0,
        **values,
    )


def _add(store: Store, article: Article) -> None:
    raw = f"{article.id}\n{article.body}".encode()
    assert store.add(Page(source=article.id, kind="text", raw=raw), article)[0] == "new"


def _assign(stories: StoryStore, article_id: str, story_id: str, merged: tuple[str, ...] = ()) -> None:
    stories.save(Assignment(article_id, story_id, None, merged), b"")


@pytest.fixture
def service(db_url: str) -> Service:
    """Six stories of fictional articles, assigned by hand so each listing rule is visible."""
    store = Store(db_url)
    stories = StoryStore(store)
    plan = [
        ("a1", "Alpha Post", "2025-03-01T10:00:00", "s-bridge", "The lighthouse keeper saw the bridge reopen.", "en"),
        ("b1", "Beta News", "2025-03-02T09:00:00+02:00", "s-bridge", "Bridge traffic resumed on Sunday.", "en"),
        ("b2", "Beta News", "2025-03-02T12:00:00", "s-bridge", "Bridge tolls will return in May.", "en"),
        ("c1", "Écho du Nord", "2025-04-10", "s-port", "Le port a rouvert après la grève des dockers.", "fr"),
        ("a2", "Alpha Post", "2025-05-20T08:00:00", "s-storm", "A storm closed schools in the valley.", "en"),
        ("d1", "Delta Wire", "2025-02-01", "s-old", "An election was called for the spring.", "en"),
        ("e1", "Alpha Postal", None, "s-undated", "Undated notes about a parade.", "en"),
        ("f1", "Gamma", "2025-06-01", "s-alpha", "Alpha Post is not the outlet of this story.", "de"),
    ]
    for article_id, outlet, published, story_id, body, language in plan:
        _add(store, _article(article_id, outlet, published, body, language=language))
        _assign(stories, article_id, story_id)
    yield Service(store)
    store.close()


def _ids(service: Service, **query: object) -> list[str]:
    return [row.id for row in service.stories(StoryQuery(**query)).rows]  # type: ignore[arg-type]


def test_listing_is_newest_first_with_counts_outlets_and_languages(service: Service) -> None:
    listing = service.stories()
    assert [r.id for r in listing.rows] == ["s-alpha", "s-storm", "s-port", "s-bridge", "s-old", "s-undated"]
    assert listing.total == 6 and listing.next_offset is None
    bridge = next(r for r in listing.rows if r.id == "s-bridge")
    assert bridge.article_count == 3
    assert bridge.outlets == {"Beta News": 2, "Alpha Post": 1}
    assert bridge.first_published == "2025-03-01T10:00:00"
    assert bridge.last_published == "2025-03-02T12:00:00"  # 09:00+02:00 is 07:00 UTC, earlier
    assert bridge.languages == ["en"] and bridge.title == "Title a1"
    # the listing agrees with the full stories the CLI prints
    assert [s.id for s in service.story_records()] == [r.id for r in listing.rows]


def test_filters_keep_their_meanings(service: Service) -> None:
    assert _ids(service, outlet="alpha   POST") == ["s-storm", "s-bridge"]  # whole name, case and spacing aside
    assert _ids(service, outlet="Alpha") == []  # no partial names
    assert _ids(service, outlet="écho du nord") == ["s-port"]
    assert _ids(service, outlet="%") == []
    assert _ids(service, since=date(2025, 4, 10)) == ["s-alpha", "s-storm", "s-port"]
    assert _ids(service, until=date(2025, 3, 1)) == ["s-bridge", "s-old"]
    assert _ids(service, since=date(2025, 3, 2), until=date(2025, 4, 30)) == ["s-port", "s-bridge"]
    assert _ids(service, language="fr") == ["s-port"]
    assert _ids(service, language="de", outlet="Gamma") == ["s-alpha"]
    records = service.story_records(StoryQuery(outlet="beta news", since=date(2025, 3, 2)))
    assert [s.id for s in records] == ["s-bridge"] and len(records[0].articles) == 3


def test_paging_walks_every_story_once(service: Service) -> None:
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = service.stories(StoryQuery(limit=4, offset=offset))
        assert page.total == 6 and len(page.rows) <= 4
        seen += [r.id for r in page.rows]
        offset = page.next_offset
    assert seen == _ids(service)
    assert service.stories(StoryQuery(limit=4, offset=4)).next_offset is None
    assert service.stories(StoryQuery(offset=100)).rows == []
    assert service.stories(StoryQuery(offset=10**30, limit=10**30)).rows == []
    assert _ids(service, since=date.min, until=date.max) == _ids(service)[:-1]  # all dated stories


def test_search_matches_words_in_bodies_and_titles(service: Service) -> None:
    assert _ids(service, search="lighthouse") == ["s-bridge"]
    assert _ids(service, search="BRIDGE lighthouse") == ["s-bridge"]  # every word, any case
    assert _ids(service, search="lighthouse storm") == []
    assert _ids(service, search="title f1") == ["s-alpha"]  # titles too
    assert _ids(service, search="grève") == ["s-port"]
    assert _ids(service, search="bridge", outlet="Beta News", since=date(2025, 3, 2)) == ["s-bridge"]
    assert _ids(service, search="alpha") == ["s-alpha"]  # a word in the body, not the outlet name
    assert service.stories(StoryQuery(search="  ")).total == 6  # blank: no search


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_search_text_is_only_words(service: Service, query: str) -> None:
    result = service.stories(StoryQuery(search=query))
    assert result.total == 0 and result.rows == []
    assert service.stories(StoryQuery(search=f"{query} lighthouse")).total in (0, 1)
    assert service.stories().total == 6  # the database is untouched


def test_summaries_follow_merges_reextraction_and_clear(service: Service) -> None:
    stories = service.stories_store
    _add(service.store, _article("g1", "Gamma", "2025-07-01", "The bridge and the port share a ferry."))
    _assign(stories, "g1", "s-bridge", merged=("s-port",))
    rows = {r.id: r for r in service.stories().rows}
    assert "s-port" not in rows and rows["s-bridge"].article_count == 5
    assert rows["s-bridge"].outlets == {"Beta News": 2, "Alpha Post": 1, "Gamma": 1, "Écho du Nord": 1}
    assert rows["s-bridge"].languages == ["en", "fr"] and rows["s-bridge"].last_published == "2025-07-01"
    assert _ids(service, outlet="Écho du Nord") == ["s-bridge"]
    assert _ids(service, search="dockers") == ["s-bridge"]

    changed = service.article("a1")
    assert changed is not None
    renamed = changed.model_copy(update={"title": "Bridge reopens", "outlet": "Omega"})
    assert service.store.replace_article("a1", renamed)
    bridge = next(r for r in service.stories().rows if r.id == "s-bridge")
    assert bridge.title == "Bridge reopens" and "Omega" in bridge.outlets and "Alpha Post" not in bridge.outlets
    assert _ids(service, search="reopens") == ["s-bridge"] and _ids(service, search="Title a1") == []

    stories.clear()
    assert service.stories().total == 0
    _assign(stories, "a1", "s-one")
    assert _ids(service) == ["s-one"]
    with stories.batched_summaries():  # as restory saves: summaries once, at the end
        _assign(stories, "b1", "s-one")
        _assign(stories, "c1", "s-two")
        _assign(stories, "g1", "s-one", merged=("s-two",))
    [one] = service.stories().rows
    assert (one.id, one.article_count, one.languages) == ("s-one", 4, ["en", "fr"])


def test_restory_rebuilds_summaries_from_real_grouping(db_url: str, tmp_path: Path) -> None:
    store = Store(db_url)
    service = Service(store)
    summary, assigned = service.ingest([str(two_outlet_jsonl(tmp_path))], ReadOptions())
    assert summary.counts["new"] == 2 and assigned == 2
    before = service.stories()
    assert before.total == 1 and before.rows[0].outlets == {"Alpha Post": 1, "Beta News": 1}
    assert service.restory() == (2, 1)
    assert service.stories() == before
    assert service.stories_store.rebuild_summaries() == 1 and service.stories() == before
    store.close()


def _computed_at(service: Service, story_id: str) -> object:
    with Session(service.store.engine) as session:
        return session.scalar(select(ComparisonRow.computed_at).where(ComparisonRow.story_id == story_id))


def test_comparisons_are_cached_until_an_article_or_the_engine_changes(db_url: str, tmp_path: Path) -> None:
    store = Store(db_url)
    service = Service(store)
    service.ingest([str(two_outlet_jsonl(tmp_path))], ReadOptions())
    [row] = service.stories().rows
    assert _computed_at(service, row.id) is None
    first = service.report(row.id)
    assert first is not None and {a.id for a in first.articles} == {"a1", "b1"}
    computed = _computed_at(service, row.id)
    assert computed is not None
    assert service.report(row.id) == first and _computed_at(service, row.id) == computed  # a hit: not recomputed
    assert cache.cached_report(store.engine, row.id, COMPARE_ENGINE_VERSION + "-next") is None  # engine changed

    b1 = service.article("b1")
    assert b1 is not None
    body = b1.body.replace("45 workers", "90 workers")
    assert store.replace_article("b1", b1.model_copy(update={"body": body, "content_hash": body_hash(body)}))
    assert cache.cached_report(store.engine, row.id, COMPARE_ENGINE_VERSION) is None  # an article changed
    second = service.report(row.id)
    assert second is not None and second != first and _computed_at(service, row.id) != computed
    assert "90 workers" in second.model_dump_json() and "45 workers" not in second.model_dump_json()
    assert service.report(row.id) == second

    _add(store, _article("c9", "Gamma Times", "2025-03-03", "The Karsa bridge reopened on Saturday, the council said."))
    _assign(service.stories_store, "c9", row.id)
    assert cache.cached_report(store.engine, row.id, COMPARE_ENGINE_VERSION) is None  # a new member joined
    third = service.report(row.id)
    assert third is not None and {a.id for a in third.articles} == {"a1", "b1", "c9"}
    assert service.report("s-none") is None

    profile = service.outlet("alpha post")
    assert profile is not None and profile.outlet.name == "Alpha Post"
    digest = cache.outlet_digest(third).get("Alpha Post", {})
    assert profile.cites == sorted(digest.get("cites", {}).items(), key=lambda i: (-i[1], i[0]))[: cache.TOP_ITEMS]
    assert profile.framing == sorted(digest.get("framing", {}).items(), key=lambda i: (-i[1], i[0]))[: cache.TOP_ITEMS]
    store.close()


def test_outlets_are_counted_in_sql(service: Service) -> None:
    rows = {r.name: r for r in service.outlets()}
    assert [r.name for r in service.outlets()][:2] == ["Alpha Post", "Beta News"]  # most articles, then name
    alpha = rows["Alpha Post"]
    assert (alpha.articles, alpha.stories, alpha.alone) == (2, 2, 1)  # s-storm alone, s-bridge with Beta News
    assert (alpha.first_published, alpha.last_published) == ("2025-03-01T10:00:00", "2025-05-20T08:00:00")
    assert (rows["Alpha Postal"].first_published, rows["Alpha Postal"].last_published) == (None, None)
    profile = service.outlet("  beta NEWS ")
    assert profile is not None and profile.outlet == rows["Beta News"]
    assert [s.id for s in profile.stories] == ["s-bridge"]
    assert profile.cites == [] and profile.framing == []  # nothing compared yet, and nothing computed for it
    assert service.outlet("Beta") is None


def test_raw_page_is_the_stored_bytes(service: Service) -> None:
    assert service.raw_page("a1") == b"a1\nThe lighthouse keeper saw the bridge reopen."
    assert service.raw_page("nope") is None


def test_a_database_made_before_summaries_gets_them_and_its_search_index(db_url: str, tmp_path: Path) -> None:
    store = Store(db_url)
    service = Service(store)
    service.ingest([str(two_outlet_jsonl(tmp_path))], ReadOptions())
    before = service.stories()
    store.close()
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with Store(db_url).engine.begin() as connection:  # back to the schema of revision 0003, data kept
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")

    reopened = Store(db_url)  # migrates to head: the search index is filled, then the summaries
    again = Service(reopened)
    assert again.stories() == before
    assert _ids(again, search="workers") == [before.rows[0].id]
    reopened.close()


def test_settings_are_the_defaults_everywhere() -> None:
    assert Limits() == Limits(page_bytes=PAGE_MB * MB, url_bytes=URL_MB * MB)
