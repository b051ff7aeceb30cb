"""The story index's lookups on real pages: time-bucketed nearest-neighbour search (exact on small buckets, HNSW
on large ones), features cut once, prepared overlaps, and an index restored from the store."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from manysides.records.article import Article, body_hash
from manysides.stories import StoryIndex, minhash, neighbours
from manysides.stories.batch import add_all, date_order
from manysides.stories.embed import embed_articles, embedder
from manysides.stories.entities import specifics, street_numbers
from manysides.stories.features import Features, compute
from manysides.stories.score import Idf, _prepared_overlap, overlap, prepare
from manysides.stories.text import ascii_text, day_number, event_text, words


def gva_articles(datasets_dir: Path, limit: int = 1200) -> list[Article]:
    articles = []
    with (datasets_dir / "gva" / "docs.jsonl").open(encoding="utf-8") as f:
        for line in list(f)[:limit]:
            d = json.loads(line)
            articles.append(
                Article(
                    id=d["id"],
                    url=d["url"],
                    title=d.get("title"),
                    published=d.get("published"),
                    body=d["text"],
                    content_hash=body_hash(d["text"]),
                    method="provided",
                    confidence=1.0,
                )
            )
    return sorted(articles, key=date_order)


@pytest.fixture(scope="module")
def embedded(datasets_dir: Path) -> tuple[list[Article], np.ndarray, list[int | None]]:
    articles = gva_articles(datasets_dir)
    vectors, _ = embed_articles(embedder("default"), articles)
    vectors = vectors.astype(np.float16).astype(np.float32)  # as stored
    return articles, vectors, [day_number(a) for a in articles]


def brute_force(vectors: np.ndarray, days: list[int | None], query: int, window: int, k: int) -> set[int]:
    """The k most similar earlier rows within the window, by a dot product over all of them."""
    rows = [r for r in range(query) if days[r] is None or days[query] is None or abs(days[r] - days[query]) <= window]
    sims = vectors[rows] @ vectors[query]
    return {rows[i] for i in np.argsort(-sims, kind="stable")[:k]}


def test_small_buckets_give_exactly_the_window_neighbours(embedded) -> None:  # type: ignore[no-untyped-def]
    _, vectors, days = embedded
    found = neighbours.WindowedVectors()
    for row, (vector, day) in enumerate(zip(vectors, days, strict=True)):
        if row >= 50 and row % 7 == 0:
            assert found.nearest(vector, day, 45, 10) == brute_force(vectors, days, row, 45, 10)
        found.add(row, day, vector)


def recalls(vectors: np.ndarray, days: list[int | None], undated: bool, every: int) -> tuple[list[float], object]:
    """Share of the exact window neighbours found, for every `every`-th article past the first 100 (queried as
    undated articles when `undated`), and the searched structure."""
    found = neighbours.WindowedVectors()
    query_days = [None] * len(days) if undated else days
    shares = []
    for row, (vector, day) in enumerate(zip(vectors, days, strict=True)):
        exact = brute_force(vectors, query_days, row, 45, 10) if row >= 100 and row % every == 0 else set()
        if exact:
            shares.append(len(found.nearest(vector, query_days[row], 45, 10) & exact) / len(exact))
        found.add(row, day, vector)
    return shares, found


def test_hnsw_buckets_find_the_nearest_neighbours(embedded, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Buckets forced onto usearch indexes still return nearly all of the exact nearest neighbours."""
    monkeypatch.setattr(neighbours, "EXACT_ROWS", 16)
    _, vectors, days = embedded
    shares, found = recalls(vectors, days, False, 5)
    assert any(bucket.index is not None for bucket in found._buckets.values())  # type: ignore[attr-defined]
    assert len(shares) > 100
    assert np.mean(shares) >= 0.95


def test_undated_queries_read_every_bucket(embedded) -> None:  # type: ignore[no-untyped-def]
    _, vectors, days = embedded
    found = neighbours.WindowedVectors()
    for row in range(300):
        found.add(row, days[row], vectors[row])
    undated = [None] * 301
    assert found.nearest(vectors[300], None, 45, 10) == brute_force(vectors[:301], undated, 300, 45, 10)


def test_features_cut_once_match_the_signals_read_alone(datasets_dir: Path) -> None:
    for article in gva_articles(datasets_dir, 150):
        text = event_text(article)
        assert specifics(ascii_text(text), converted=True) == specifics(text)
        assert street_numbers(ascii_text(text), converted=True) == street_numbers(text)
        assert (minhash.signature_of_words(words(article.body)) == minhash.signature(article.body)).all()


def test_prepared_overlap_equals_overlap(embedded) -> None:  # type: ignore[no-untyped-def]
    articles, vectors, _ = embedded
    features = [compute(a, v) for a, v in zip(articles[:200], vectors, strict=False)]
    idf = Idf()
    for f in features:
        idf.add(f)
    for a in features[:20]:
        prepared, norm_a = prepare(a, idf), idf.norms(a)
        for b in features[100:160]:
            norm_b = idf.norms(b)
            assert _prepared_overlap(a.words, prepared.words, b.words, norm_a[1], norm_b[1]) == pytest.approx(
                overlap(a.words, b.words, norm_a[1], norm_b[1], idf), abs=1e-12
            )


def test_a_restored_index_assigns_new_articles_as_a_replay_does(datasets_dir: Path) -> None:
    """Rebuilding from stored features and story ids (no scoring) gives the next articles the same stories."""
    articles = gva_articles(datasets_dir, 900)
    replay = StoryIndex()
    assignments = list(add_all(replay, articles))
    stored = [(a.article_id, replay.features(a.article_id)) for a in assignments[:800]]
    stories = {row: sid for sid, members in replay.stories().items() for row in members}
    restored = StoryIndex()
    for article_id, data in stored:
        restored.restore(article_id, data, stories[article_id])
    later = [restored.add_features(a.article_id, replay.features(a.article_id)) for a in assignments[800:]]
    assert [(a.story_id, a.duplicate_of, a.merged) for a in later] == [
        (a.story_id, a.duplicate_of, a.merged) for a in assignments[800:]
    ]


def test_features_round_trip(embedded) -> None:  # type: ignore[no-untyped-def]
    articles, vectors, _ = embedded
    f = compute(articles[0], vectors[0])
    assert Features.from_bytes(f.to_bytes()).names == f.names


def test_undated_queries_in_a_large_store_find_the_nearest_of_all_rows(
    embedded, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Past the exact size, an undated article searches one index of every row, kept up to date after."""
    monkeypatch.setattr(neighbours, "EXACT_ROWS", 16)
    _, vectors, days = embedded
    shares, found = recalls(vectors, days, True, 10)
    assert found._everything  # type: ignore[attr-defined]
    assert np.mean(shares) >= 0.95


def test_a_page_meets_its_story_by_its_headline(datasets_dir: Path) -> None:
    """A page whose body is site furniture is still a candidate of the article its headline matches; a page
    without a headline asks nothing of the headline lookup."""
    articles = gva_articles(datasets_dir, 200)
    index = StoryIndex()
    list(add_all(index, articles))
    first = next(a for a in articles if a.title)
    furniture = "Sign up for our newsletters. Get the latest news in your inbox every morning, and manage your alerts."
    page = first.model_copy(update={"id": "furniture", "body": furniture, "content_hash": body_hash(furniture)})
    vectors, titles = embed_articles(embedder("default"), [page])
    assert index._rows[first.id] in index._headline_neighbours(compute(page, vectors[0], titles[0]))
    untitled = page.model_copy(update={"title": None})
    vectors, titles = embed_articles(embedder("default"), [untitled])
    assert not index._headline_neighbours(compute(untitled, vectors[0], titles[0]))
