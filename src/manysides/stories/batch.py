"""Batch grouping: the incremental index fed in date order, embeddings computed in batches for speed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from manysides.records.article import Article
from manysides.stories.embed import embed_articles, embedder
from manysides.stories.features import compute
from manysides.stories.index import Assignment, StoryIndex
from manysides.stories.multilingual import lead_vectors
from manysides.stories.text import check_headlines

BATCH = 256
Embedded = tuple[Article, np.ndarray, np.ndarray | None, np.ndarray | None]


def date_key(published: str | None, captured: str | None, article_id: str) -> tuple[int, str, str]:
    """(published or captured, id), undated last: the order stories are built in, whoever stored the articles."""
    when = published or captured
    return (0, when, article_id) if when else (1, "", article_id)


def date_order(article: Article) -> tuple[int, str, str]:
    """(published or captured, id), undated last."""
    return date_key(article.published, article.captured, article.id)


def embedded(articles: Sequence[Article], backend: str = "default") -> Iterator[Embedded]:
    """Each article with its body, headline and multilingual lead vectors, embedded BATCH at a time."""
    model = embedder(backend)
    for start in range(0, len(articles), BATCH):
        chunk = articles[start : start + BATCH]
        check_headlines(chunk)
        vectors, titles = embed_articles(model, chunk)
        yield from zip(chunk, vectors, titles, lead_vectors(chunk), strict=True)


def add_all(index: StoryIndex, articles: Sequence[Article]) -> Iterator[Assignment]:
    """Add articles to an index in the order given, embedding them in batches (the costly part)."""
    for article, vector, title, lead in embedded(articles, index.backend):
        yield index.add_vector(article, vector, title, lead)


def story_features(articles: Sequence[Article], backend: str = "default") -> list[bytes]:
    """Each article's stored story features, as `StoryIndex.features` gives them: computed where the article
    is extracted (a worker, say), so story assignment later reads them instead of embedding again."""
    return [compute(a, vector, title, lead).to_bytes() for a, vector, title, lead in embedded(articles, backend)]


def group(articles: Iterable[Article], backend: str = "default") -> list[Assignment]:
    """Batch: sort by (published or captured, id) — undated last — and add in that order."""
    return list(add_all(StoryIndex(backend), sorted(articles, key=date_order)))
