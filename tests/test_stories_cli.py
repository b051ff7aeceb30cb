"""`manysides stories`, `story` and `restory` on real pages, through the real store and story index."""

from __future__ import annotations

import json
from pathlib import Path

from manysides.schemas import render
from tests.conftest import another_database
from tests.helpers import run_cli

STORY_KEYS = {"id", "title", "first_published", "last_published", "outlets", "articles"}
ARTICLE_KEYS = {"id", "url", "path", "outlet", "title", "published", "duplicate_of"}


def _demo_db(demo_dir: Path, db_url: str) -> str:
    assert run_cli("ingest", demo_dir, "--db", db_url).exit_code == 0
    return db_url


def test_stories_json_keys_match_the_schema(demo_dir: Path, db_url: str) -> None:
    stories = run_cli("stories", "--db", _demo_db(demo_dir, db_url), "--json").json()
    schema = json.loads(render("stories"))
    assert set(schema["$defs"]["Story"]["properties"]) == STORY_KEYS
    assert stories and all(set(story) == STORY_KEYS for story in stories)
    assert all(set(article) == ARTICLE_KEYS for story in stories for article in story["articles"])


def test_demo_ferry_strike_is_one_story_across_formats(demo_dir: Path, db_url: str) -> None:
    stories = run_cli("stories", "--db", _demo_db(demo_dir, db_url), "--json").json()
    strike = max(stories, key=lambda s: len(s["articles"]))
    assert len(strike["outlets"]) >= 4
    titles = " ".join(a["title"] or "" for a in strike["articles"]).lower()
    assert "ferry" in titles and "cup final" not in titles
    reposts = [a for a in strike["articles"] if a["duplicate_of"]]
    assert reposts, "the aggregator's republication must point at its original"
    # articles in time order, undated last
    dated = [a["published"] for a in strike["articles"] if a["published"]]
    assert strike["first_published"] and strike["last_published"] and len(dated) >= 4


def test_story_command_and_filters(demo_dir: Path, db_url: str) -> None:
    db = _demo_db(demo_dir, db_url)
    stories = run_cli("stories", "--db", db, "--json").json()
    one = run_cli("story", stories[0]["id"], "--db", db, "--json").json()
    assert {key: value for key, value in one.items() if key != "coverage"} == stories[0]
    assert one["coverage"]["outlets"]  # `story` adds the coverage distribution (tests/test_outlets.py)
    assert run_cli("story", "s-nope", "--db", db).exit_code == 1
    outlet = stories[0]["outlets"][0]
    filtered = run_cli("stories", "--db", db, "--outlet", outlet.upper(), "--json").json()
    assert filtered and all(outlet in s["outlets"] for s in filtered)
    assert run_cli("stories", "--db", db, "--since", "2030-01-01", "--json").json() == []
    assert "Ferry" in run_cli("stories", "--db", db).stdout


def test_restory_is_deterministic_and_matches_date_order(
    demo_dir: Path, seeds_dir: Path, tmp_path: Path, db_url: str
) -> None:
    db = db_url
    run_cli("ingest", seeds_dir, demo_dir, "--db", db)
    first = run_cli("restory", "--db", db, "--json").json()
    before = run_cli("stories", "--db", db, "--json").json()
    assert run_cli("restory", "--db", db, "--json").json() == first
    assert run_cli("stories", "--db", db, "--json").json() == before
    with another_database(db_url, tmp_path, "other") as other:  # the other order, then restory
        run_cli("ingest", demo_dir, seeds_dir, "--db", other, "--no-stories")
        run_cli("restory", "--db", other)
        assert run_cli("stories", "--db", other, "--json").json() == before


def test_pages_arriving_out_of_date_order_give_the_stories_of_one_ingest(
    demo_dir: Path, seeds_dir: Path, tmp_path: Path, db_url: str
) -> None:
    """Each page in a run of its own, newest inputs first: an older page arriving after newer ones has them
    assigned again after it, so the stories are those one ingest (in date order) builds."""
    inputs = sorted(p for folder in ("html", "dumps", "feeds") for p in (demo_dir / folder).iterdir())
    inputs += [demo_dir / "articles.jsonl", *sorted(seeds_dir.iterdir())]
    run_cli("ingest", *inputs, "--db", db_url)
    expected = run_cli("stories", "--db", db_url, "--json").json()
    with another_database(db_url, tmp_path, "arrivals") as other:
        for page in reversed(inputs):
            assert run_cli("ingest", page, "--db", other).exit_code == 0
        assert run_cli("stories", "--db", other, "--json").json() == expected


def test_seed_pages_form_one_story_among_unrelated_pages(seeds_dir: Path, extraction_dir: Path, db_url: str) -> None:
    db = db_url
    distractors = sorted((extraction_dir / "text").glob("*.txt"))[:25]
    run_cli("ingest", *distractors, seeds_dir, "--db", db)
    stories = run_cli("stories", "--db", db, "--json").json()
    seed_stories = {s["id"] for s in stories for a in s["articles"] if a["path"] and "/seeds/" in a["path"]}
    assert len(seed_stories) == 1
    [story] = [s for s in stories if s["id"] in seed_stories]
    assert len(story["articles"]) == 2


def test_jsonl_ids_urls_kept_and_outlet_from_archive_url(tmp_path: Path, db_url: str) -> None:
    record = {
        "id": "gva-1",
        "url": "http://web.archive.org/web/20141108120159/http://www.wkrn.com:80/story/1/shooting",
        "title": "Teen charged",
        "published": "2014-01-28",
        "text": "A teen was charged on Tuesday.",
    }
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps(record) + "\n")
    db = db_url
    run_cli("ingest", source, "--db", db)
    [story] = run_cli("stories", "--db", db, "--json").json()
    [article] = story["articles"]
    assert article["id"] == "gva-1" and article["url"] == record["url"] and article["outlet"] == "wkrn.com"
