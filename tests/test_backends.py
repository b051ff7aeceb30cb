"""What SQLite and PostgreSQL must give alike for the same rows: every listing in the same order, ties included.

The PostgreSQL test databases sort text by a language collation (tests/conftest.py), as a server set up in a
user's locale does ("_x" < "a" < "A" < "b"), where SQLite compares code points ("A" < "_x" < "a"). A listing
whose order rests on comparing text in SQL would differ between the two; these tests hold each to one order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from manysides.service import Service, StoryQuery
from manysides.store.repository import Store
from manysides.web import create_app
from tests.conftest import BACKENDS, DEMO, empty_database
from tests.helpers import run_cli, two_outlet_jsonl

# Mixed case, a leading underscore and an accent: where code-point order and language order part. Distinct when
# case is folded too, since source names are unique regardless of case.
NAMES = ["beta", "Beta Two", "alpha", "Zulu", "_wire", "écho", "Alpha Desk"]


EVENTS = [
    "The council of Harlow voted to close the old tram depot and sell the land for housing.",
    "A fire in a Kestrel Street bakery was put out by two crews before dawn; nobody was hurt.",
    "The Vossen museum opened a hall of medieval maps lent by a private collector for a year.",
    "Heavy snow shut the mountain pass at Brenner Gap for the third time this winter.",
    "The regional orchestra named a new conductor, a cellist who led its youth ensemble.",
    "Fishermen in Portlow landed a record catch of mackerel after a slow spring season.",
    "A chess club in Ellery celebrated its centenary with a tournament of 300 players.",
]


def _undated_rows(path: Path) -> Path:
    """One undated article per name (so no date breaks a tie), each its own outlet and its own event."""
    rows = [
        {"id": name.replace(" ", "-"), "outlet": name, "title": event.split(",")[0][:40], "text": event}
        for name, event in zip(NAMES, EVENTS, strict=True)
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    return path


def test_undated_articles_are_listed_in_code_point_order_of_their_ids(db_url: str, tmp_path: Path) -> None:
    assert run_cli("ingest", _undated_rows(tmp_path / "rows.jsonl"), "--db", db_url).exit_code == 0
    ids = [article["id"] for article in run_cli("articles", "--db", db_url, "--json").json()]
    assert ids == sorted(name.replace(" ", "-") for name in NAMES)


def test_stories_with_one_date_are_listed_in_id_order(db_url: str, tmp_path: Path) -> None:
    """Story ids are "s-" and hex digits, which every collation orders alike; the listing's last key is the id."""
    assert run_cli("ingest", _undated_rows(tmp_path / "rows.jsonl"), "--db", db_url).exit_code == 0
    stories = run_cli("stories", "--db", db_url, "--json").json()
    assert len(stories) == len(NAMES)
    assert [story["id"] for story in stories] == sorted(story["id"] for story in stories)


def test_watched_sources_are_listed_in_code_point_order_on_every_backend(db_url: str, tmp_path: Path) -> None:
    """Sources whose feeds cannot be reached (port 9 on this machine refuses): the schedule lists them by name."""
    sources = tmp_path / "sources.toml"
    sources.write_text(
        "".join(
            f'[[source]]\nname = "{name}"\noutlet = "{name}"\nurl = "http://127.0.0.1:9/{index}"\n\n'
            for index, name in enumerate(NAMES)
        ),
        encoding="utf-8",
    )
    run = run_cli("watch", sources, "--db", db_url, "--once", "--allow-private", "--delay", "0", "--json")
    assert run.exit_code in (0, 1), run.stderr
    listed = [row["name"] for row in run_cli("sources", "--db", db_url, "--json").json()]
    assert listed == sorted(NAMES)


# Capitals and accents in a title: SQLite's FTS5 index folds both (`unicode61 remove_diacritics 2`).
FOLDED_ROW = {
    "id": "folded-1",
    "outlet": "Gazette du Lac",
    "published": "2025-03-01T10:00:00",
    "title": "ÉCOLE de Brienz rouvre ses portes",
    "text": "L'école de Brienz a rouvert lundi après deux ans de travaux, selon la commune.",
}


def test_search_folds_case_and_accents_on_every_backend(db_url: str, tmp_path: Path) -> None:
    source = tmp_path / "folded.jsonl"
    source.write_text(json.dumps(FOLDED_ROW) + "\n", encoding="utf-8")
    assert run_cli("ingest", source, "--db", db_url).exit_code == 0
    store = Store(db_url)
    try:
        service = Service(store)
        found = {word: len(service.stories(StoryQuery(search=word)).rows) for word in ("école", "ecole", "ÉCOLE")}
    finally:
        store.close()
    assert found == {"école": 1, "ecole": 1, "ÉCOLE": 1}


def _answers(url: str, sources: list[Path]) -> dict[str, Any]:
    """What a user reads back after one ingest: every listing, every story, a comparison, the web API's twins."""
    ingested = run_cli("ingest", *sources, "--db", url, "--json").json()
    assert run_cli("outlets", "load", DEMO / "outlets.toml", "--db", url).exit_code == 0
    stories = run_cli("stories", "--db", url, "--json").json()
    biggest = max(stories, key=lambda story: len(story["articles"]))
    with TestClient(create_app(url)) as client:
        api = {path: client.get(path).json() for path in ("/api/stories?limit=200", "/api/outlets")}
        api["search"] = client.get("/api/stories", params={"q": "ferry strike"}).json()
    return {
        "ingest": {key: value for key, value in ingested.items() if key != "db"},
        "articles": run_cli("articles", "--db", url, "--json").json(),
        "since": run_cli("articles", "--db", url, "--since", "2025-06-14", "--json").json(),
        "stories": stories,
        "story": [run_cli("story", story["id"], "--db", url, "--json").json() for story in stories],
        "blindspot": run_cli("stories", "--db", url, "--blindspot", "scope", "--json").json(),
        "outlets": run_cli("outlets", "--db", url, "--json").json(),
        "compare": run_cli("compare", "--story", biggest["id"], "--db", url, "--json").json(),
        "api": api,
    }


def test_the_same_pages_give_the_same_answers_on_both_backends(seeds_dir: Path, tmp_path: Path) -> None:
    """The demo corpus, the seed pages and two hostile rows into SQLite and into PostgreSQL: every answer is equal."""
    sources = [DEMO, seeds_dir, two_outlet_jsonl(tmp_path, "<script>alert(1)</script> [/] \x1b[2J Écho")]
    answers = {}
    for backend in BACKENDS:
        with empty_database(backend, tmp_path, backend) as url:
            answers[backend] = _answers(url, sources)
    sqlite, postgresql = answers["sqlite"], answers["postgresql"]
    assert sqlite["ingest"]["counts"]["new"] >= 10 and len(sqlite["stories"]) >= 5
    for part in sqlite:
        assert sqlite[part] == postgresql[part], part
