"""Batch grouping: the incremental index fed in date order, embeddings computed in batches for speed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from manysides.records.article import Article
from manysides.stories.embed import embed_articles, embedder
from manysides.stories.index import Assignment, StoryIndex
from manysides.stories.multilingual import lead_vectors

BATCH = 256


def date_order(article: Article) -> tuple[int, str, str]:
    """(published or captured, id), undated last."""
    when = article.published or article.captured
    return (0, when, article.id) if when else (1, "", article.id)


def add_all(index: StoryIndex, articles: Sequence[Article]) -> Iterator[Assignment]:
    """Add articles to an index in the order given, embedding them in batches (the costly part)."""
    model = embedder(index.backend)
    for start in range(0, len(articles), BATCH):
        chunk = articles[start : start + BATCH]
        vectors, titles = embed_articles(model, chunk)
        multi = lead_vectors(chunk)
        for article, vector, title, lead in zip(chunk, vectors, titles, multi, strict=True):
            yield index.add_vector(article, vector, title, lead)


def group(articles: Iterable[Article], backend: str = "default") -> list[Assignment]:
    """Batch: sort by (published or captured, id) — undated last — and add in that order."""
    return list(add_all(StoryIndex(backend), sorted(articles, key=date_order)))
