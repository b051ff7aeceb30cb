"""Outlet profiles (`manysides outlets load`), whose coverage each article counts as, blindspots and label filters,
and a story's coverage distribution, on the demo's fictional outlets and on small fictional files of our own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from manysides.outlets.coverage import story_coverage
from manysides.outlets.profiles_file import read_profiles
from manysides.present.coverage import coverage_html, coverage_markdown
from manysides.records.domains import normal_domain
from manysides.records.outlet import Coverage, CoverageOutlet, LabelCoverage, LabelValue
from manysides.records.story import Story, StoryArticle
from manysides.schemas import SCHEMA_DIR, render
from manysides.store.outlets import Credit
from tests.helpers import run_cli


@pytest.fixture
def demo_db(db_url: str, demo_dir: Path) -> str:
    """The demo corpus ingested, with the demo's example profiles loaded."""
    assert run_cli("ingest", demo_dir, "--db", db_url).exit_code == 0
    loaded = run_cli("outlets", "load", demo_dir / "outlets.toml", "--db", db_url, "--json")
    assert loaded.exit_code == 0, loaded.stderr
    assert loaded.json() == {"loaded": 5, "failed": 0, "articles_credited": 10}
    return db_url


def stories(db: str, *args: str) -> list[dict[str, Any]]:
    run = run_cli("stories", "--db", db, "--json", *args)
    assert run.exit_code == 0, run.stderr
    return run.json()


def ferry_story(db: str) -> dict[str, Any]:
    return max(stories(db), key=lambda s: len(s["articles"]))


def test_blindspots_and_label_filters_on_the_demo(demo_db: str) -> None:
    [cup] = stories(demo_db, "--blindspot", "scope")  # only local outlets covered the cup final
    assert cup["outlets"] == ["Northgate Wire", "The Harbor Ledger"]
    cup_coverage = run_cli("story", cup["id"], "--db", demo_db, "--json").json()["coverage"]
    assert set(cup_coverage["not_covered_by"]) == {"Meridian Daily", "Coastal Press Agency", "Coastline Digest"}
    assert stories(demo_db, "--blindspot", "kind") == [] or all(
        len(s["outlets"]) >= 2 for s in stories(demo_db, "--blindspot", "kind")
    )
    national = {s["title"] for s in stories(demo_db, "--label", "scope=national")}
    assert any("Ferry" in t for t in national) and any("hosepipe" in t for t in national)
    assert not any("Mariners" in t for t in national)
    assert len(stories(demo_db, "--label", "language=en")) == 4  # profile fields act as labels too
    assert stories(demo_db, "--label", "scope=nowhere") == []
    bad = run_cli("stories", "--db", demo_db, "--label", "scope")
    assert bad.exit_code == 2 and bad.stderr.count("\n") == 1


def test_coverage_distribution_of_the_demo_story(demo_db: str) -> None:
    story = ferry_story(demo_db)
    run = run_cli("story", story["id"], "--db", demo_db, "--json")
    assert run.exit_code == 0
    coverage = run.json()["coverage"]
    by_outlet = {o["outlet"]: o for o in coverage["outlets"]}
    # Coastline Digest republished Meridian Daily: the copy counts for Meridian Daily and names the copier
    assert "Coastline Digest" not in by_outlet
    assert by_outlet["Meridian Daily"]["articles"] == 2
    assert by_outlet["Meridian Daily"]["republished_by"] == ["Coastline Digest"]
    assert by_outlet["Coastal Press Agency"]["profiled"]  # found by domain, not by the name its articles carry
    assert coverage["first"]["outlet"] == "Coastal Press Agency"
    assert coverage["first"]["article"] == "cpa-20250614-0193"
    assert coverage["not_covered_by"] == []  # Coastline Digest carried Meridian Daily's copy
    assert coverage["first"]["published"] == "2025-06-14T21:50:00+02:00"
    [chain] = coverage["chains"]
    assert chain["original"]["outlet"] == "Meridian Daily"
    assert [c["outlet"] for c in chain["copies"]] == ["Coastline Digest"]
    scope = next(label for label in coverage["labels"] if label["label"] == "scope")
    assert {v["value"]: (len(v["outlets"]), v["articles"]) for v in scope["values"]} == {
        "national": (2, 4),
        "local": (2, 2),
    }
    text = run_cli("story", story["id"], "--db", demo_db)
    assert "By scope: national: 2 outlets, 4 articles" in text.stdout
    assert "Republished: Meridian Daily" in text.stdout


def test_outlets_listing_and_json_keys(demo_db: str) -> None:
    rows = run_cli("outlets", "--db", demo_db, "--json").json()
    schema = json.loads(render("outlets"))
    keys = set(schema["$defs"]["OutletListing"]["properties"])
    assert all(set(row) == keys for row in rows)
    counts = {row["profile"]["name"]: (row["articles"], row["republished"]) for row in rows}
    assert counts["Meridian Daily"] == (2, 1) and counts["Coastline Digest"] == (0, 0)
    table = run_cli("outlets", "--db", demo_db)
    assert table.exit_code == 0 and "scope=local" in table.stdout


def test_committed_schemas_are_current() -> None:
    for name in ("story", "outlets", "sources", "watch", "report"):
        committed = (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
        assert committed == render(name), "run `python -m manysides.schemas` and commit the result"


def test_profiles_by_domain_alias_and_republication(tmp_path: Path, db_url: str) -> None:
    rows = [
        {"id": "o1", "outlet": "Fenwick Herald", "url": "https://news.fenwickherald.example/a/1",
         "title": "Dam opens", "published": "2026-01-05T08:00:00Z",
         "text": "The Orrin dam opened on Monday after six years of building, the water board said."},
        {"id": "w1", "outlet": "FWA", "title": "Orrin dam opens", "published": "2026-01-05T07:00:00Z",
         "text": "The Orrin dam opened on Monday after six years of building, said the water board."},
    ]  # fmt: skip
    pages = tmp_path / "dam.jsonl"
    pages.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    copy = tmp_path / "quayside-copy.html"  # a republication, as its page states it (JSON-LD isBasedOn)
    ld = {"@type": "NewsArticle", "headline": "Dam opens", "isBasedOn": "https://fenwickherald.example/a/1",
          "datePublished": "2026-01-05T10:00:00Z", "url": "https://quayside.example/copy/1"}  # fmt: skip
    copy.write_text(
        f"<html><head><title>Dam opens</title><link rel='canonical' href='https://quayside.example/copy/1'>"
        f"<script type='application/ld+json'>{json.dumps(ld)}</script></head><body><article><h1>Dam opens</h1>"
        + "<p>The Orrin dam opened on Monday after six years of building, the water board said today.</p>" * 4
        + "</article></body></html>",
        encoding="utf-8",
    )
    assert run_cli("ingest", pages, copy, "--db", db_url).exit_code == 0
    profiles = tmp_path / "profiles.csv"
    profiles.write_text(
        "name,domains,aliases,country,languages,kind,leaning\n"
        "Fenwick Herald,fenwickherald.example,,Norland,en,newspaper,left\n"
        "Fenwick Wire Agency,https://www.fwa.example/,FWA,Norland,en;fr,agency,\n"
        "Quayside Daily,quayside.example,,Norland,en,site,right\n"
        "Broken,not a domain,,,,,\n",
        encoding="utf-8",
    )
    run = run_cli("outlets", "load", profiles, "--db", db_url)
    assert run.exit_code == 1 and run.stderr.count("\n") == 1 and "line 5" in run.stderr
    listed = {r["profile"]["name"]: r for r in run_cli("outlets", "--db", db_url, "--json").json()}
    assert listed["Fenwick Herald"]["articles"] == 2  # its own article (a subdomain) and Quayside's copy
    assert listed["Fenwick Herald"]["republished"] == 1
    assert listed["Quayside Daily"]["articles"] == 0
    assert listed["Fenwick Wire Agency"]["profile"]["domains"] == ["fwa.example"]
    assert listed["Fenwick Wire Agency"]["articles"] == 1  # by alias: the article has no URL
    assert listed["Fenwick Wire Agency"]["profile"]["labels"] == {}
    [story] = stories(db_url)
    coverage = run_cli("story", story["id"], "--db", db_url, "--json").json()["coverage"]
    assert coverage["first"]["outlet"] == "Fenwick Wire Agency"
    leaning = next(label for label in coverage["labels"] if label["label"] == "leaning")
    assert [v["value"] for v in leaning["values"]] == ["left"]  # Quayside's copy is Fenwick's coverage
    assert leaning["unlabelled"] == ["Fenwick Wire Agency"]


def test_profile_file_mistakes_are_one_error_each(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        '[[outlet]]\nname = "A"\ndomains = ["a.example"]\n\n'
        '[[outlet]]\nname = "B"\ndomains = ["a.example"]\n\n'  # domain taken
        '[[outlet]]\nname = "C"\nleaning = "x"\n\n'  # a label outside [outlet.labels]
        '[[outlet]]\nname = "D"\n[outlet.labels]\ncountry = "X"\n\n'  # a label named like a field
        '[[outlet]]\nname = "a"\n',  # listed twice
        encoding="utf-8",
    )
    profiles, errors = read_profiles(path)
    assert [p.name for p in profiles] == ["A"] and len(errors) == 4
    assert read_profiles(tmp_path / "none.toml")[1]
    (tmp_path / "bad.toml").write_text("[[outlet]\n", encoding="utf-8")
    assert "not valid TOML" in read_profiles(tmp_path / "bad.toml")[1][0].problem
    assert normal_domain("HTTPS://www.Example.COM/path") == "example.com" and normal_domain("nodot") is None


def test_coverage_of_unprofiled_outlets_and_hostile_names() -> None:
    story = Story(
        id="s-1", title="t", first_published=None, last_published=None, outlets=["<b>x</b>"],
        articles=[StoryArticle(id="a", url=None, path=None, outlet="<script>alert(1)</script> [red]x[/]",
                               title="t", published="2026-01-01T00:00:00Z", duplicate_of=None)],
    )  # fmt: skip
    coverage = story_coverage(story, {"a": Credit("a", None, None)}, {})
    assert coverage.labels == [] and not coverage.outlets[0].profiled
    assert "<script>" not in coverage_html(coverage)
    assert "<script>" not in "\n".join(coverage_markdown(coverage))
    shown = Coverage(
        outlets=[CoverageOutlet(outlet="<img src=x>", profiled=True, articles=1)],
        labels=[
            LabelCoverage(label="le|an", values=[LabelValue(value="[x](javascript:y)", outlets=["o"], articles=1)])
        ],
    )
    assert "<img" not in coverage_html(shown) and "[x](" not in "\n".join(coverage_markdown(shown))
